/** content-stable ignores whitespace-only and formatting-only differences, and can be turned off. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkModel, type CheckOptions } from '../../../src/upgrade/check.js'
import {
  applyFormatHashes,
  differingContent,
  formatHash,
  normalizeFormatting,
} from '../../../src/upgrade/discovery/format-hash.js'
import { buildModel, withRelease } from './worked-example.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }

describe('normalizeFormatting', () => {
  it('ignores indentation, line breaks and spaces around punctuation', () => {
    const a = 'ALTER TABLE t\n  ADD COLUMN c INT DEFAULT 0;\n'
    const b = 'ALTER TABLE t ADD COLUMN c INT DEFAULT 0 ;\r\n\r\n'
    expect(formatHash(a)).toBe(formatHash(b))
    expect(normalizeFormatting('f( a,b )')).toBe(normalizeFormatting('f(a, b)'))
  })

  it('keeps real differences: words, numbers, SQL quotes, comments', () => {
    expect(formatHash('ADD COLUMN c INT DEFAULT 0')).not.toBe(
      formatHash('ADD COLUMN c INT DEFAULT 1'),
    )
    expect(formatHash("WHERE a = 'x'")).not.toBe(formatHash('WHERE a = "x"'))
    expect(formatHash('x = 1 -- keep')).not.toBe(formatHash('x = 1'))
    expect(formatHash('a b')).not.toBe(formatHash('ab'))
  })

  it('Python: quote style and a trailing comma are formatting', () => {
    const before = "def up(old):\n    return dict(old, port=None, name='x',)\n"
    const after =
      'def up(old):\n    return dict(\n        old,\n        port=None,\n        name="x",\n    )\n'
    expect(formatHash(before, 'python')).toBe(formatHash(after, 'python'))
    expect(formatHash(before, 'python')).not.toBe(formatHash(after.replace('None', '0'), 'python'))
  })

  it('never throws and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('python' as const, 'other' as const), (t, lang) => {
        const once = normalizeFormatting(t, lang)
        expect(normalizeFormatting(once, lang)).toBe(once)
      }),
    )
  })
})

describe('content-stable', () => {
  /** 2019.10.15 on 1.2 with another body (blob b2), and format hashes as discovery sets them. */
  function reformatted(sameFormat: boolean) {
    const model = buildModel(
      withRelease('1.2', (s) => void (s.migrations[2] = ['2019.10.15', 'virtual_source', 'b2'])),
    )
    expect([...differingContent(model)].sort()).toEqual(['b2', 'hash-2019.10.15'])
    applyFormatHashes(
      model,
      new Map([
        ['hash-2019.10.15', 'UPDATE vs SET x = 0;'],
        ['b2', sameFormat ? 'UPDATE vs\n   SET x = 0 ;\n' : 'UPDATE vs SET x = 1;'],
      ]),
    )
    return model
  }

  it('a migration only reformatted on one line is no finding', () => {
    expect(checkModel(reformatted(true), SET).findings).toEqual([])
  })

  it('a real change is still a warning, naming the rule switch', () => {
    const findings = checkModel(reformatted(false), SET).findings
    expect(findings.map((f) => f.rule)).toEqual(['content-stable'])
    expect(findings[0]?.message).toContain('upgrade.contentChange: off turns this rule off')
  })

  it('contentChange: off turns the rule off', () => {
    expect(checkModel(reformatted(false), { ...SET, contentChange: 'off' }).findings).toEqual([])
  })
})
