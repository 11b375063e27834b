import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cell,
  codeBlock,
  codeSpan,
  fenced,
  hiddenJson,
  inline,
  mention,
  mermaidEdgeLabel,
  mermaidLabel,
  prose,
  quote,
  shorten,
  isSafeLink,
} from '../../../src/markdown/escape.js'
import {
  brokenTableRows,
  hasRawHtmlOpener,
  hostileText,
  mentions,
  withoutCode,
} from '../../support/markdown-checks.js'

/** What no escaped output may hold anywhere in the raw text, code included. */
function expectNoCommentOrTag(out: string): void {
  expect(out).not.toContain('<!--')
  expect(out).not.toMatch(/--!?>/)
  expect(hasRawHtmlOpener(out)).toBe(false)
}

/** A table whose middle cell is `value`, between two of fixline's own code spans. */
const table = (value: string) =>
  ['| a | b | c |', '| --- | --- | --- |', `| \`x\` | ${value} | \`y\` |`].join('\n')

/** Backticks outside code spans that are not escaped (they could open a code span). */
const bareBackticks = (markdown: string) =>
  withoutCode(markdown)
    .replace(/\\[\\`]/g, '')
    .match(/`/g)

describe('inline and cell: outside text as plain text', () => {
  it('property: one line, no comment, tag, mention, bare backtick or broken table row', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const out of [inline(text), cell(text)]) {
          expect(out).not.toMatch(/[\r\n\u2028\u2029]/)
          expectNoCommentOrTag(out)
          expect(mentions(out)).toEqual([])
          expect(bareBackticks(out)).toBeNull()
          expect(brokenTableRows(table(out))).toEqual([])
          // fixline's own code spans around the value are still code spans.
          expect(withoutCode(table(out))).not.toContain('`x`')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('shows the text as given: entities and backslash escapes that GitHub decodes', () => {
    expect(inline('a|b\nc<script>')).toBe('a\\|b c&lt;script&gt;')
    expect(inline('<!-- fixline:state {} -->')).toBe('&lt;!-- fixline:state {} --&gt;')
    expect(inline('ping @octocat and @acme/team')).toBe('ping @\u200doctocat and @\u200dacme/team')
    expect(inline('&#64;octocat')).toBe('&amp;#64;octocat')
    expect(inline('[x](https://evil) `code` a\\')).toBe('\\[x](https://evil) \\`code\\` a\\\\')
    expect(inline('# not a heading')).toBe('\\# not a heading')
    expect(inline('1. not a list')).toBe('1\\. not a list')
    expect(cell('x'.repeat(400))).toBe(`${'x'.repeat(299)}…`)
  })
})

describe('codeSpan: outside text as code', () => {
  it('property: one code span, safe in a table cell, with no comment or tag in the raw text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = codeSpan(text)
        expectNoCommentOrTag(out)
        expect(out).not.toMatch(/[\r\n\u2028\u2029]/)
        // The whole output is one code span (blanked out as code), or empty for blank text.
        expect(withoutCode(out).trim()).toBe('')
        expect(brokenTableRows(table(out))).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps `<` and `>` as they are: entities are not decoded inside code spans', () => {
    // The defect: `cell(code(x))` made `&gt;` show literally inside the code span.
    expect(codeSpan('feature/a>b')).toBe('`feature/a>b`')
    expect(codeSpan('x<y')).toBe('`x<\u200by`')
    expect(codeSpan('a<!-- fixline:state -->')).toBe('`a<\u200b!-- fixline:state --\u200b>`')
    expect(codeSpan('a|b')).toBe('`a\u2502b`')
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`a')).toBe('`` `a ``')
    expect(codeSpan('@octocat')).toBe('`@octocat`')
    expect(codeSpan('  ')).toBe('')
  })
})

describe('prose: fixline messages quoting outside text', () => {
  it('property: code where fixline put backticks, plain text elsewhere, never unsafe', () => {
    const message = fc
      .tuple(hostileText, hostileText)
      .map(([a, b]) => `label ${a}: branch \`${b}\` does not exist`)
    fc.assert(
      fc.property(fc.oneof(hostileText, message), (text) => {
        const out = prose(text)
        expectNoCommentOrTag(out)
        expect(out).not.toMatch(/[\r\n]/)
        expect(mentions(out)).toEqual([])
        expect(bareBackticks(out)).toBeNull()
        expect(brokenTableRows(table(out))).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('renders backtick-quoted parts as code spans', () => {
    expect(prose('branch `1.x` is not a release line')).toBe('branch `1.x` is not a release line')
    expect(prose('run `/backport a>b` @x')).toBe('run `/backport a>b` @\u200dx')
    expect(prose('an unclosed ` tick <b>')).toBe('an unclosed \\` tick &lt;b&gt;')
  })
})

describe('blocks', () => {
  it('property: codeBlock is one fenced block the text cannot close or escape', () => {
    fc.assert(
      fc.property(hostileText, fc.string({ maxLength: 8 }), (text, lang) => {
        const out = codeBlock(text, lang)
        expectNoCommentOrTag(out)
        expect(withoutCode(out).trim()).toBe('')
        expect(withoutCode(`${out}\nafter`).trim()).toBe('after')
      }),
      { numRuns: 2000 },
    )
  })

  it('codeBlock keeps commands as given; fenced keeps fixline-built source byte for byte', () => {
    expect(codeBlock('git cherry-pick -x abc\ngit push\n', 'sh')).toBe(
      '```sh\ngit cherry-pick -x abc\ngit push\n```',
    )
    expect(codeBlock('a\n````\nb')).toBe('`````\na\n````\nb\n`````')
    expect(fenced('a --> b<br/>\n', 'mermaid')).toBe('```mermaid\na --> b<br/>\n```')
  })

  it('property: quote keeps every line inside the block quote, with no mention or tag', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = quote(text)
        for (const line of out.split('\n')) expect(line.startsWith('>')).toBe(true)
        expectNoCommentOrTag(out)
        expect(mentions(out)).toEqual([])
      }),
    )
    expect(quote('too risky\n\n@team: no')).toBe('> too risky\n>\n> @\u200dteam: no')
  })
})

describe('mentions, Mermaid, hidden JSON', () => {
  it('mentions valid logins and teams only', () => {
    expect(mention('octocat')).toBe('@octocat')
    expect(mention('acme/release-managers')).toBe('@acme/release-managers')
    expect(mention('github-actions[bot]')).toBe('@github-actions[bot]')
    fc.assert(
      fc.property(hostileText, (login) => {
        const out = mention(login)
        expectNoCommentOrTag(out)
        if (out !== `@${login}`) expect(mentions(out)).toEqual([])
      }),
    )
  })

  it('property: Mermaid labels cannot end the label, the line or the fence', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(mermaidLabel(text)).not.toMatch(/["<>`\r\n]/)
        expect(mermaidEdgeLabel(text)).not.toMatch(/[|"[\](){}<>#;`\r\n]/)
      }),
    )
    expect(mermaidLabel('PR #12 "x" <y>')).toBe('PR #35;12 #quot;x#quot; #lt;y#gt;')
  })

  it('property: hidden JSON parses back and cannot end or open an HTML comment', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostileText, (value, text) => {
        const data = { value, text }
        const out = hiddenJson(data)
        expect(out).not.toMatch(/<|>|--/)
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(data)))
      }),
    )
  })

  it('shortens without splitting a surrogate pair', () => {
    expect(shorten('abc', 3)).toBe('abc')
    expect(shorten('ab😀cd', 4)).toBe('ab…')
    expect(shorten('abcdef', 4)).toBe('abc…')
  })
})

describe('isSafeLink', () => {
  it('takes a plain http(s) URL as a link target, nothing that could leave [..](..) or ping', () => {
    expect(isSafeLink('https://deploy.example.com/runs/12?env=prod')).toBe(true)
    for (const bad of [
      'javascript:alert(1)',
      'https://x.example/a) @acme/everyone [y](https://evil',
      'https://x.example/<!-- fixline:state -->',
      'https://x.example/a b',
      'ftp://x.example/',
    ])
      expect(isSafeLink(bad)).toBe(false)
  })
})
