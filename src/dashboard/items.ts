/**
 * The dashboard's checkboxes: each carries a hidden id (`<!-- fixline:tick port <sha> <line> -->`)
 * that says what a tick asks for. The body is outside input (anyone who may edit the issue can
 * write anything into it), so a parsed id is only a claim: the job acts on it only when the same
 * item exists in a freshly computed audit. Pure.
 */

/**
 * - `port`: open the forward-port PR (or backport PR, when the line is older) of fix `sha` to `line`.
 * - `skip`: record "not needed on `line`" for fix `sha`.
 * - `backport`: open the backport of merged PR `pr` to `line` that was asked for and never landed.
 */
export type ItemId =
  | { kind: 'port'; sha: string; line: string }
  | { kind: 'skip'; sha: string; line: string }
  | { kind: 'backport'; pr: number; line: string }

const SHA = /^[0-9a-f]{40}$/
const TICK =
  /^[ \t]{0,8}[-*+][ \t]+\[([ xX])\][ \t]+<!-- fixline:tick (port|skip|backport) ([0-9a-f]{1,40}) (\S{1,400}) -->/

/** The hidden id written right after a checkbox. The line is URI-encoded (a branch may hold `-->`). */
export function itemMarker(id: ItemId): string {
  const subject = id.kind === 'backport' ? String(id.pr) : id.sha
  return `<!-- fixline:tick ${id.kind} ${subject} ${encodeURIComponent(id.line)} -->`
}

/** A stable key for an item (state, comparisons). */
export function itemKey(id: ItemId): string {
  return id.kind === 'backport' ? `backport:${id.pr}:${id.line}` : `${id.kind}:${id.sha}:${id.line}`
}

/** A task-list line of the body, parsed; undefined for anything else or a malformed id. */
export function parseTickLine(line: string): { ticked: boolean; id: ItemId } | undefined {
  const m = TICK.exec(line)
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined
  let branch: string
  try {
    branch = decodeURIComponent(m[4])
  } catch {
    return undefined
  }
  if (branch === '' || /[\s\p{Cc}]/u.test(branch)) return undefined
  const ticked = m[1] !== ' '
  if (m[2] === 'backport') {
    const pr = Number(m[3])
    if (!/^[1-9]\d{0,9}$/.test(m[3]) || !Number.isSafeInteger(pr)) return undefined
    return { ticked, id: { kind: 'backport', pr, line: branch } }
  }
  if (!SHA.test(m[3])) return undefined
  return { ticked, id: { kind: m[2] as 'port' | 'skip', sha: m[3], line: branch } }
}

/** Every item ticked in `body`, once each, in body order (at most `limit`). */
export function tickedItems(body: string, limit = 200): ItemId[] {
  const seen = new Set<string>()
  const out: ItemId[] = []
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const parsed = parseTickLine(line)
    if (!parsed?.ticked) continue
    const key = itemKey(parsed.id)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(parsed.id)
    if (out.length >= limit) break
  }
  return out
}

/**
 * The items ticked by one edit: ticked in the new body and not in the body before it (the
 * payload's `changes.body.from`; absent, every ticked item counts, since fixline renders every
 * box unticked).
 */
export function newTicks(body: string, before: string | undefined): ItemId[] {
  const had = new Set(before === undefined ? [] : tickedItems(before).map(itemKey))
  return tickedItems(body).filter((id) => !had.has(itemKey(id)))
}
