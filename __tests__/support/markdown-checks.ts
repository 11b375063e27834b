/**
 * What the property tests check in Markdown that fixline writes, and the hostile text they feed.
 * A rough reading of GitHub Flavored Markdown, enough for the properties: fenced blocks and code
 * spans (where GitHub neither pings nor renders HTML), table rows, HTML comments.
 */
import fc from 'fast-check'

/** Pieces an attacker would put in a title, label, branch name or form field. */
export const HOSTILE_PIECES = [
  '<!-- fixline:state {"v":1,"source":5,"targets":[]} -->',
  '<!-- fixline:rows [] -->',
  '<!-- fixline:backport-comment -->',
  '<!-- fixline:backport-request -->',
  '<!-- fixline:',
  '<!--',
  '-->',
  '--!>',
  '<!-',
  '<',
  '>',
  '<b>',
  '</details>',
  '<details>',
  '<img src=x onerror=alert(1)>',
  '<https://evil.example>',
  '@octocat',
  '@acme/release-managers',
  '@',
  '&#64;octocat',
  '&lt;!-- fixline:state',
  '&',
  '|',
  '\\|',
  '\\',
  '`',
  '``',
  '```',
  '~~~',
  '\n',
  '\r\n',
  '\n\n',
  '\u2028',
  ' ',
  '#',
  '- ',
  '1. ',
  '[x](https://evil.example)',
  '![x](https://evil.example/i.png)',
  '**',
  '_',
  'release/1.x',
  'a',
]

/** Text made of hostile pieces and arbitrary characters (ASCII and any Unicode). */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''))

/** `markdown` with fenced code blocks and code spans blanked out (GitHub treats them as code). */
export function withoutCode(markdown: string): string {
  const lines = markdown.split('\n')
  let fence: string | undefined
  const kept = lines.map((line) => {
    const mark = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (fence === undefined) {
      if (mark?.[1] && !(mark[1][0] === '`' && mark[2]?.includes('`'))) {
        fence = mark[1]
        return ''
      }
      return line
    }
    if (mark?.[1] && mark[1][0] === fence[0] && mark[1].length >= fence.length && !mark[2]?.trim())
      fence = undefined
    return ''
  })
  return withoutCodeSpans(kept.join('\n'))
}

function runAt(text: string, i: number): number {
  let n = 0
  while (text[i + n] === '`') n++
  return n
}

function withoutCodeSpans(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '\\' && i + 1 < text.length) {
      out += c + text[i + 1]
      i += 2
      continue
    }
    if (c !== '`') {
      out += c
      i++
      continue
    }
    const n = runAt(text, i)
    let j = i + n
    let close = -1
    while (j < text.length) {
      if (text[j] === '`') {
        const m = runAt(text, j)
        if (m === n) {
          close = j
          break
        }
        j += m
      } else j++
    }
    if (close < 0) {
      out += '`'.repeat(n)
      i += n
    } else {
      out += ' '.repeat(close + n - i)
      i = close + n
    }
  }
  return out
}

/**
 * Every `@name` outside code and HTML comments that GitHub could read as a mention (stricter than
 * GitHub: e-mail addresses count).
 */
export function mentions(markdown: string): string[] {
  const shown = withoutCode(markdown).replace(/<!--[\s\S]*?-->/g, '')
  return [...shown.matchAll(/@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[\w.-]+)?)/g)].map((m) => `@${m[1]}`)
}

/** How many times `<!-- fixline:` occurs in the raw text (as fixline reads it: anywhere, even in code). */
export function markerCount(raw: string): number {
  return raw.split('<!-- fixline:').length - 1
}

/** True when an HTML comment is opened and not closed before the next one opens (or the end). */
export function hasUnclosedComment(raw: string): boolean {
  let at = raw.indexOf('<!--')
  while (at >= 0) {
    const end = raw.indexOf('-->', at + 4)
    const next = raw.indexOf('<!--', at + 4)
    if (end < 0 || (next >= 0 && next < end)) return true
    at = raw.indexOf('<!--', end + 3)
  }
  return false
}

function cellCount(row: string): number {
  let count = 0
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++
    else if (row[i] === '|') count++
  }
  return count
}

/**
 * Tables whose rows do not all have the header's number of cells: each is described by its
 * header and the first bad line. A line right under a table (until a blank line) is a row too.
 */
export function brokenTableRows(markdown: string): string[] {
  const lines = markdown.split('\n')
  const problems: string[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i] as string
    if (!header.startsWith('|') || !/^\|(\s*:?-{3,}:?\s*\|)+$/.test(lines[i + 1] ?? '')) continue
    const cells = cellCount(header)
    for (let j = i + 2; j < lines.length && (lines[j] as string).trim() !== ''; j++) {
      const row = lines[j] as string
      if (!row.startsWith('|') || !row.endsWith('|') || cellCount(row) !== cells) {
        problems.push(`${header} :: ${row}`)
        break
      }
    }
  }
  return problems
}

/** Raw HTML that outside text could open: a tag, a comment, a declaration or an autolink. */
export function hasRawHtmlOpener(raw: string): boolean {
  return /<[A-Za-z!/?]/.test(raw)
}
