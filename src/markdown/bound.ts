/**
 * Size bounds for everything fixline writes to GitHub. Pure.
 *
 * GitHub rejects an issue, pull request or comment body over 65,536 characters and a check run's
 * `output.summary` or `output.text` over 65,535; a rejected write means the user sees nothing. So
 * every writer cuts its long lists with `boundList` ("… and N more") and passes the whole body
 * through `fitBody` last. The full detail goes to the job summary (1 MiB per step) or the log.
 */

/** Most characters in an issue, pull request or comment body. */
export const COMMENT_LIMIT = 65_536
/** Most characters in a check run's `output.summary` or `output.text`. */
export const CHECK_TEXT_LIMIT = 65_535
/** Most characters in an issue or pull request title (GitHub answers 422 "title is too long"). */
export const TITLE_LIMIT = 256

/**
 * A title GitHub accepts: at most {@link TITLE_LIMIT} characters (code points, so an emoji is never
 * split), cut at the end with "…" when longer.
 */
export function fitTitle(title: string, limit = TITLE_LIMIT): string {
  const chars = Array.from(title)
  if (chars.length <= limit) return title
  return `${chars
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`
}

export interface BoundedList<T> {
  /** The first `max` items. */
  shown: T[]
  /** How many were left out. */
  hidden: number
  /** `… and N more<suffix>` when some were left out, for the caller to place (list item, paragraph). */
  more: string | undefined
}

/**
 * The first `max` items of a list, and the line that says how many more there are. Put `more`
 * where it reads as a line of its own: a list item, or a paragraph after a blank line under a
 * table (a line right under a table would become one of its rows).
 */
export function boundList<T>(items: readonly T[], max: number, suffix = ''): BoundedList<T> {
  const limit = Math.max(0, Math.floor(max))
  if (items.length <= limit) return { shown: [...items], hidden: 0, more: undefined }
  const hidden = items.length - limit
  return { shown: items.slice(0, limit), hidden, more: `… and ${hidden} more${suffix}` }
}

/** fixline's hidden comments: markers (`<!-- fixline:backport-comment -->`) and state JSON. */
const HIDDEN = /<!-- fixline:[\s\S]*?-->/g

export const CUT_NOTE =
  '… (cut to fit GitHub’s size limit: the job summary of the workflow run has the full report)'

interface Segment {
  hidden: boolean
  text: string
}

function segments(text: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) out.push({ hidden: false, text: text.slice(last, match.index) })
    out.push({ hidden: true, text: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) out.push({ hidden: false, text: text.slice(last) })
  return out
}

/**
 * `text` in at most `limit` characters. fixline's hidden markers and state (`<!-- fixline:... -->`)
 * are never cut: they stay whole and in place, so the body is still found and its state still
 * parses. The visible text is cut at a line end, an open code fence or `<details>` is closed, and
 * `note` says so. Throws when the hidden parts alone do not fit (callers bound their state first,
 * see `encodeState` in requests/state.ts).
 */
export function fitBody(text: string, limit: number, note = CUT_NOTE): string {
  if (text.length <= limit) return text
  const parts = segments(text)
  const hidden = parts.reduce((n, p) => n + (p.hidden ? p.text.length : 0), 0)
  const tail = `\n\n${note}\n`
  let budget = limit - hidden - tail.length
  if (budget < 0)
    throw new Error(`fixline's hidden state (${hidden} characters) does not fit in ${limit}`)
  const out: string[] = []
  let visible = ''
  let cut = false
  for (const part of parts) {
    if (part.hidden) out.push(part.text)
    else if (cut) continue
    else if (part.text.length <= budget) {
      out.push(part.text)
      visible += part.text
      budget -= part.text.length
    } else {
      out.push(cutVisible(visible, part.text, budget) + tail)
      cut = true
    }
  }
  return out.join('')
}

/** The start of `text` (after `before`) that fits `budget` with the closers it then needs. */
function cutVisible(before: string, text: string, budget: number): string {
  let room = budget
  for (let attempt = 0; attempt < 3; attempt++) {
    const kept = cutAtLine(text, room)
    const closing = closers(before + kept)
    if (kept.length + closing.length <= budget) return kept + closing
    room = budget - closing.length
  }
  return ''
}

/** At most `max` characters of `text`, ending at a line end when there is one. */
function cutAtLine(text: string, max: number): string {
  if (max <= 0) return ''
  const head = text.slice(0, max)
  const newline = head.lastIndexOf('\n')
  if (newline > 0) return head.slice(0, newline)
  // One long line: do not end inside an entity or a surrogate pair.
  return head.replace(/&[#A-Za-z0-9]*$/, '').replace(/[\ud800-\udbff]$/, '')
}

/** What closes the code fence and `<details>` blocks that `text` leaves open. */
function closers(text: string): string {
  let fence: string | undefined
  for (const line of text.split('\n')) {
    const mark = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (!mark?.[1]) continue
    if (fence === undefined) fence = mark[1]
    else if (mark[1][0] === fence[0] && mark[1].length >= fence.length && !mark[2]?.trim())
      fence = undefined
  }
  const opened = (text.match(/<details\b/g) ?? []).length
  const closed = (text.match(/<\/details>/g) ?? []).length
  return `${fence ? `\n${fence}` : ''}${'\n\n</details>'.repeat(Math.max(0, opened - closed))}`
}

/** Most bytes (UTF-8) of a step's job summary; a larger one is dropped by the runner. */
export const JOB_SUMMARY_BYTES = 1_048_576

/** `text` in at most `maxBytes` of UTF-8, cut like `fitBody` (markers kept, fences closed). */
export function fitBytes(text: string, maxBytes = JOB_SUMMARY_BYTES): string {
  const bytes = (s: string) => new TextEncoder().encode(s).length
  let size = bytes(text)
  let fitted = text
  let limit = text.length
  while (size > maxBytes && limit > 0) {
    // Shrink in proportion to the excess (multi-byte characters make this an estimate), then check.
    limit = Math.floor((limit * maxBytes) / size) - 1_024
    fitted = fitBody(text, Math.max(0, limit))
    size = bytes(fitted)
  }
  return fitted
}
