import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fitTitle,
  boundList,
  COMMENT_LIMIT,
  CUT_NOTE,
  fitBody,
  fitBytes,
} from '../../../src/markdown/bound.js'
import { hiddenJson } from '../../../src/markdown/escape.js'
import { withoutCode } from '../../support/markdown-checks.js'

describe('boundList', () => {
  it('keeps short lists whole and says how many more a long one had', () => {
    expect(boundList(['a', 'b'], 2)).toEqual({ shown: ['a', 'b'], hidden: 0, more: undefined })
    expect(boundList(['a', 'b', 'c'], 2, ' lines')).toEqual({
      shown: ['a', 'b'],
      hidden: 1,
      more: '… and 1 more lines',
    })
    expect(boundList([1, 2], 0).more).toBe('… and 2 more')
  })
})

describe('fitBody', () => {
  const marker = '<!-- fixline:backport-request -->'
  const state = (n: number) =>
    `<!-- fixline:state ${hiddenJson({ v: 1, targets: Array.from({ length: n }, (_, i) => `line-${i}`) })} -->`

  it('leaves a body within the limit as it is', () => {
    const body = `${marker}\nhello\n${state(3)}`
    expect(fitBody(body, COMMENT_LIMIT)).toBe(body)
  })

  it('cuts the visible text at a line end, keeps every marker whole and in place', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| \`line-${i}\` | ok |`)
    const body = [marker, '| Line | Status |', '| --- | --- |', ...rows, '', state(2000)].join('\n')
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT)
    const fitted = fitBody(body, COMMENT_LIMIT)
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(fitted.startsWith(marker)).toBe(true)
    expect(fitted.endsWith(state(2000))).toBe(true)
    expect(fitted).toContain(CUT_NOTE)
    const visible = fitted.slice(marker.length, fitted.indexOf(CUT_NOTE))
    for (const line of visible.trim().split('\n')) expect(line).toMatch(/^\|.*\|$/)
  })

  it('closes a code fence and <details> it cut through, so the state stays hidden', () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => `git cherry-pick -x ${i}`).join('\n')
    const body = `${marker}\n<details><summary>x</summary>\n\n\`\`\`sh\n${steps}\n\`\`\`\n\n</details>\n\n${state(1)}`
    const fitted = fitBody(body, 10_000)
    expect(fitted.length).toBeLessThanOrEqual(10_000)
    expect(fitted.endsWith(state(1))).toBe(true)
    // The hidden state is outside any code block, and every <details> is closed.
    expect(withoutCode(fitted)).toContain('<!-- fixline:state')
    expect(fitted.split('<details>').length).toBe(fitted.split('</details>').length)
  })

  it('property: any body fits, with its markers whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.constant('\n```\n')), {
          maxLength: 40,
        }),
        fc.integer({ min: 300, max: 3000 }),
        (pieces, limit) => {
          const body = `${marker}\n${pieces.join('\n')}\n${state(5)}`
          const fitted = fitBody(body, limit)
          expect(fitted.length).toBeLessThanOrEqual(limit)
          expect(fitted.startsWith(marker)).toBe(true)
          expect(fitted.endsWith(state(5))).toBe(true)
        },
      ),
    )
  })

  it('refuses to cut hidden state that alone is over the limit', () => {
    expect(() => fitBody(`x\n${state(100)}`, 200)).toThrow(/hidden state/)
  })
})

describe('fitTitle', () => {
  it('keeps a title of at most 256 characters and cuts a longer one to 256 with "…"', () => {
    expect(fitTitle('Fix the widget')).toBe('Fix the widget')
    expect(fitTitle('a'.repeat(256))).toBe('a'.repeat(256))
    expect(fitTitle('a'.repeat(257))).toBe(`${'a'.repeat(255)}…`)
  })

  it('never splits a character: property over any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const out = fitTitle(text)
        expect(Array.from(out).length).toBeLessThanOrEqual(256)
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
        if (Array.from(text).length <= 256) expect(out).toBe(text)
        else expect(out.endsWith('…')).toBe(true)
      }),
    )
  })
})

describe('fitBytes', () => {
  it('keeps a job summary under 1 MiB of UTF-8, multi-byte characters included', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `| ${i} | ✅ created — déjà vu |`)
    const summary = ['| # | Status |', '| --- | --- |', ...rows].join('\n')
    expect(new TextEncoder().encode(summary).length).toBeGreaterThan(1_048_576)
    const fitted = fitBytes(summary)
    expect(new TextEncoder().encode(fitted).length).toBeLessThanOrEqual(1_048_576)
    expect(fitted).toContain(CUT_NOTE)
    expect(fitBytes('short')).toBe('short')
  })
})
