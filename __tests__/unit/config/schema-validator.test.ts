import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import schema from '../../../fixline.schema.json' with { type: 'json' }
import { VALIDATOR_FILE, validatorSource } from '../../../scripts/config-validator.js'
import { validate } from '../../../src/config/schema-validator.generated.js'

describe('the generated config validator (src/config/schema-validator.generated.js)', () => {
  it('is current with fixline.schema.json (run `npm run gen:validator`)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource(schema))
  })

  it('imports nothing: the action loads no ajv at run time', () => {
    const source = readFileSync(VALIDATOR_FILE, 'utf8')
    expect(source).not.toMatch(/\brequire\(|^import /m)
  })

  it('gives the errors and defaults ajv.compile gives', () => {
    const compiled = new Ajv({ allErrors: true, useDefaults: true, strict: false }).compile(schema)
    const inputs: unknown[] = [
      {},
      { nope: 1, lines: { patterns: 'x', extra: true } },
      { backport: { labels: [{ pattern: 3 }, {}], conflicts: 'merge', title: '' } },
      { upgrade: { tags: [''], build: { source: 'nowhere' } }, hotfix: [] },
      { requests: { releaseManagers: { teams: [1, 1] } }, lines: { order: 'oldest' } },
    ]
    for (const input of inputs) {
      const a = structuredClone(input)
      const b = structuredClone(input)
      expect(validate(a)).toBe(compiled(b))
      expect(validate.errors ?? null).toEqual(compiled.errors ?? null)
      expect(a).toEqual(b)
    }
  })
})
