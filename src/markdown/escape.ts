/**
 * The one place where outside text (labels, PR and issue titles, issue-form fields, branch and tag
 * names, commit subjects, file paths, migration IDs, command arguments, error messages that quote
 * any of them) becomes Markdown in a comment, a PR body, a job summary or a check run. Pure.
 *
 * Whatever the input, the output of every function here:
 * - never contains `<!--` or `-->` (so never a fixline marker such as `<!-- fixline:state ... -->`,
 *   which fixline finds with `indexOf`/`startsWith` on the raw body, even inside a code span), nor a
 *   raw HTML tag or autolink (`<` never reaches the body followed by a character that could open one);
 * - never pings anyone: `@` is followed by a zero-width joiner, so `@user` and `@org/team` are shown
 *   but are not mentions (GitHub does not ping inside code, so code keeps `@` as is);
 * - keeps a table row whole (no newline, no unescaped `|`) and cannot open or close a code span or
 *   a fenced block that fixline did not write.
 *
 * Plain text is escaped with entities and backslashes, which GitHub decodes. Inside code, entities
 * and backslashes are shown literally (`&gt;` would be visible), so code keeps the characters and
 * breaks the dangerous sequences with an invisible zero-width space instead.
 */

/** Zero-width joiner: put after `@` so that GitHub shows `@name` without linking or pinging it. */
const NO_MENTION = '\u200d'
/** Zero-width space: breaks `<!--`, `-->` and tag openers inside code, where entities show literally. */
const BREAK = '\u200b'
/** Stands in for `|` inside code spans: `\|` would show its backslash outside a table. */
const PIPE_IN_CODE = '\u2502'

// C0 and C1 control characters and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

/** `text` on one line: every run of whitespace or control characters becomes one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
}

/** At most `max` characters (UTF-16 units), ending in `…` when cut; never splits a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, Math.max(0, max - 1))
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Escapes text that is already on one line, without trimming (for pieces of a longer line). */
function escapeText(text: string): string {
  return text
    .replace(/[\\`[|]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c] as string)
    .replace(/@/g, `@${NO_MENTION}`)
}

/**
 * The first character escaped when the text would start a heading (`# x`), a list item (`- x`,
 * `1. x`), a thematic break or a setext underline (`---`, `===`) where it begins a line.
 */
function escapeLineStart(escaped: string): string {
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(escaped)
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1]?.length ?? 0)}`
  if (/^(?:#{1,6}|[-+*])(?=[ \t]|$)/.test(escaped) || /^([-=_*])[ \t]*(?:\1[ \t]*)*$/.test(escaped))
    return `\\${escaped}`
  return escaped
}

/**
 * Outside text as plain inline Markdown on one line (newlines become spaces), with no link, image,
 * HTML, entity, mention, code span, heading or list of its own. Emphasis marks (`*`, `_`, `~`) are
 * left as written: they cannot reach beyond the text's own line or harm anything. Safe inside a
 * table cell as well. `max` bounds the length of the text before escaping (cut with `…`).
 */
export function inline(text: string, max = Infinity): string {
  return escapeLineStart(escapeText(shorten(oneLine(text), max)))
}

/** The longest cell text before escaping: a table row stays readable and a table stays small. */
export const CELL_MAX = 300

/** Outside text inside a table cell: `inline` bounded to `max` characters (default 300). */
export function cell(text: string, max = CELL_MAX): string {
  return inline(text, max)
}

/** The characters of `text` made harmless inside code (a code span or a fenced block). */
function neutralizeCode(text: string): string {
  return text.replace(/</g, `<${BREAK}`).replace(/(--!?)>/g, `$1${BREAK}>`)
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

/**
 * Outside text as a code span on one line (branch, tag, file, migration ID), shown exactly as
 * given except that `|` shows as `│`: safe in running text and inside a table cell. The span's
 * backtick fence is longer than any run of backticks in the text. Empty text gives ''.
 */
export function codeSpan(text: string, max = Infinity): string {
  const clean = neutralizeCode(shorten(oneLine(text), max)).replace(/\|/g, PIPE_IN_CODE)
  if (clean === '') return ''
  const fence = '`'.repeat(longestRun(clean, '`') + 1)
  // A backtick next to the fence would lengthen it; CommonMark strips one padding space each side.
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/**
 * A one-line message written by fixline that quotes outside text and marks code with backticks
 * (`` branch `1.x` does not exist ``): backtick-delimited parts become code spans, the rest plain
 * text, both escaped as above. Whatever the quoted text holds (even unbalanced backticks), the
 * result is safe; at worst the code formatting pairs up differently. Safe inside a table cell.
 */
export function prose(text: string, max = Infinity): string {
  const parts = shorten(oneLine(text), max).split('`')
  const out = parts.map((part, i) => {
    if (i % 2 === 0) return escapeText(part)
    // An odd part is code when a later backtick closes it; otherwise the backtick was literal.
    return i < parts.length - 1 ? codeSpan(part) : escapeText(`\`${part}`)
  })
  return escapeLineStart(out.join(''))
}

/** A `max`-bounded `prose` for a table cell (default 300 characters before escaping). */
export function proseCell(text: string, max = CELL_MAX): string {
  return prose(text, max)
}

/**
 * Multi-line outside text (a rejection reason, say) as a block quote: every line escaped as
 * `inline`, blank lines kept as paragraph breaks. Put it on lines of its own.
 */
export function quote(text: string, max = Infinity): string {
  const lines = shorten(text.replace(/\r\n?/g, '\n'), max).split('\n')
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${inline(line)}`)).join('\n')
}

/** A fence of backticks that no line of `body` can close (at least three). */
function fenceFor(body: string): string {
  return '`'.repeat(Math.max(3, longestRun(body, '`') + 1))
}

function infoString(lang: string): string {
  return lang.replace(/[^A-Za-z0-9_+-]/g, '')
}

/**
 * Multi-line outside text (commands, git output) as a fenced code block, shown as given; the fence
 * is longer than any backtick run in the text, so the text cannot close it. Put it on lines of
 * its own.
 */
export function codeBlock(text: string, lang = ''): string {
  const body = neutralizeCode(
    text.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_NEWLINE, ' ').replace(/\n+$/, ''),
  )
  const fence = fenceFor(body)
  return `${fence}${infoString(lang)}\n${body}\n${fence}`
}

/**
 * Source that fixline built itself, with every piece of outside text already escaped for its
 * language (a Mermaid graph whose labels went through `mermaidLabel`), in a fenced block that its
 * content cannot close. Unlike `codeBlock`, the source is kept byte for byte (`<br/>`, `-->`).
 */
export function fenced(source: string, lang = ''): string {
  const body = source.replace(/\n+$/, '')
  const fence = fenceFor(body)
  return `${fence}${infoString(lang)}\n${body}\n${fence}`
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/
const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/

/**
 * A deliberate mention of an account fixline acts for or asks (the commenter, a release manager,
 * a configured team): `@login` or `@org/team` when the name is a valid GitHub login or team;
 * anything else is shown escaped, without pinging.
 */
export function mention(login: string): string {
  if (LOGIN.test(login) || TEAM.test(login)) return `@${login}`
  return inline(`@${login}`)
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
}

/**
 * Outside text inside a quoted Mermaid label (`id["..."]`): no quote can end it, no HTML, no
 * backtick (which would start a Mermaid markdown string or a Markdown fence), on one line.
 */
export function mermaidLabel(text: string): string {
  return oneLine(text).replace(/[#"<>`]/g, (c) => MERMAID_ENTITIES[c] as string)
}

/** Outside text inside a Mermaid edge label (`-->|...|`): no delimiters at all, bounded. */
export function mermaidEdgeLabel(text: string, max = 48): string {
  const clean = oneLine(text.replace(/[|"[\](){}<>#;`]/g, ' '))
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean
}

/**
 * JSON for a hidden `<!-- fixline:... -->` comment: still valid JSON (parse it as is), but every
 * `-`, `<` and `>` inside a string is written `\u002d`, `\u003c`, `\u003e`, so that no value can end
 * the comment early or open another one (outside strings, JSON has no `<` or `>`, and the `-` of a
 * number is never next to another).
 */
export function hiddenJson(value: unknown): string {
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (s) =>
    s.replace(/-/g, '\\u002d').replace(/</g, '\\u003c').replace(/>/g, '\\u003e'),
  )
}

/** Whether an outside URL may be a Markdown link target: http(s), nothing that could leave `[..](..)`. */
export function isSafeLink(url: string): boolean {
  return /^https?:\/\/[^\s()<>[\]`]+$/.test(url)
}
