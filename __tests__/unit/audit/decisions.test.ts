import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyDecisions, decide, hasMissing } from '../../../src/audit/decisions.js'
import { notNeededTrailer, prFromSubject, type MissingFix } from '../../../src/audit/index.js'

const fix = (over: Partial<MissingFix> = {}): MissingFix => ({
  sha: 'a'.repeat(40),
  subject: 'Fix it',
  author: 'Ada',
  date: '2024-01-01T00:00:00Z',
  line: '1.x',
  missingOn: ['main', '2.x'],
  decided: [],
  ...over,
})

describe('notNeededTrailer', () => {
  it('reads every newer line, or the lines named', () => {
    expect(notNeededTrailer('Fix\n\nForward-port: not-needed\n')).toEqual({ all: true })
    expect(notNeededTrailer('Fix\n\nForward-port: not-needed 2.x main')).toEqual({
      all: false,
      lines: ['2.x', 'main'],
    })
    expect(notNeededTrailer('Fix\n\nforward-port: Not-Needed 2.x, release/3.1')).toEqual({
      all: false,
      lines: ['2.x', 'release/3.1'],
    })
  })

  it('ignores messages without the trailer, and text that only mentions it', () => {
    expect(notNeededTrailer('Fix\n\nSigned-off-by: Ada <a@b>')).toBeUndefined()
    expect(notNeededTrailer('Say Forward-port: not-needed in the message')).toBeUndefined()
    expect(notNeededTrailer('Forward-port: needed')).toBeUndefined()
  })

  it('never throws and names only non-empty lines without spaces (any message)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const t = notNeededTrailer(`Fix\n\nForward-port: not-needed ${text}`)
        expect(t).toBeDefined()
        if (t && !t.all) for (const l of t.lines) expect(l).toMatch(/^[^\s,]+$/)
        notNeededTrailer(text)
      }),
    )
  })
})

describe('prFromSubject', () => {
  it('reads the (#123) GitHub appends to a squash subject', () => {
    expect(prFromSubject('Fix a leak (#12)')).toBe(12)
    expect(prFromSubject('Fix #12 in parser')).toBeUndefined()
    expect(prFromSubject('Fix (#12) then more')).toBeUndefined()
  })
})

describe('decide and applyDecisions', () => {
  it('moves the lines decided from missingOn to decided, once', () => {
    const f = fix()
    decide(f, 'trailer', ['main'])
    decide(f, 'label', ['main'])
    expect(f.missingOn).toEqual(['2.x'])
    expect(f.decided).toEqual([{ line: 'main', how: 'trailer' }])
    expect(hasMissing({ fixes: [f], unlanded: [] })).toBe(true)
    decide(f, 'label', undefined)
    expect(f.decided).toEqual([
      { line: 'main', how: 'trailer' },
      { line: '2.x', how: 'label' },
    ])
    expect(hasMissing({ fixes: [f], unlanded: [] })).toBe(false)
  })

  it('matches dashboard decisions by full sha or a prefix of 7 or more, never shorter', () => {
    const f = fix()
    applyDecisions([f], [{ sha: 'aaaaaa', line: 'main' }])
    expect(f.decided).toEqual([])
    applyDecisions([f], [{ sha: 'AAAAAAA', line: 'main', by: 'octocat' }])
    expect(f.decided).toEqual([{ line: 'main', how: 'dashboard', by: 'octocat' }])
  })
})
