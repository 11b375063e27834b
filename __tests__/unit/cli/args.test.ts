import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArgs, parseFormat } from '../../../src/cli/args.js'

const spec = { values: ['repo', 'format'], booleans: ['keep'] }

describe('parseArgs', () => {
  it('reads --name value, --name=value, booleans and positionals', () => {
    const a = parseArgs(['--repo', 'x', '--format=json', '--keep', 'pos'], spec)
    expect(a.ok && [...a.flags]).toEqual([
      ['repo', 'x'],
      ['format', 'json'],
    ])
    expect(a.ok && [...a.booleans]).toEqual(['keep'])
    expect(a.ok && a.positionals).toEqual(['pos'])
  })

  it('rejects unknown options, missing values, repeated flags and values on booleans', () => {
    expect(parseArgs(['--nope'], spec)).toEqual({ ok: false, error: 'unknown option "--nope"' })
    expect(parseArgs(['--repo'], spec)).toEqual({ ok: false, error: '--repo needs a value' })
    expect(parseArgs(['--repo', 'a', '--repo', 'b'], spec)).toMatchObject({ ok: false })
    expect(parseArgs(['--keep=yes'], spec)).toMatchObject({ ok: false })
  })

  it('never throws on arbitrary argument lists (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }),
        (argv) => void parseArgs(argv, spec),
      ),
    )
  })

  it('accepts only the three formats', () => {
    expect(parseFormat(undefined)).toBe('text')
    expect(parseFormat('markdown')).toBe('markdown')
    expect(parseFormat('xml')).toBeUndefined()
  })
})
