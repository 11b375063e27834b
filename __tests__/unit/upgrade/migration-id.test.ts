import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalId, compareIds, parseMigrationId } from '../../../src/upgrade/migration-id.js'

const part = fc.bigInt({ min: 0n, max: 10n ** 12n })
const idParts = fc.array(part, { minLength: 1, maxLength: 4 })
/** Spell an ID in one of its many equivalent ways: leading zeros, trailing ".0" parts. */
const spell = (parts: bigint[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.nat({ max: 2 }), { minLength: parts.length, maxLength: parts.length }),
      fc.nat({ max: 2 }),
    )
    .map(
      ([zs, tail]) =>
        `${parts.map((p, i) => `${'0'.repeat(zs[i] ?? 0)}${p}`).join('.')}${'.0'.repeat(tail)}`,
    )
const anyId = idParts.chain(spell)

describe('migration IDs', () => {
  it('"1.2", "01.02" and "1.2.0" are the same ID', () => {
    expect(new Set(['1.2', '01.02', '1.2.0', '001.2.0.0'].map(canonicalId))).toEqual(
      new Set(['1.2']),
    )
    expect(compareIds('01.02', '1.2.0')).toBe(0)
    expect(parseMigrationId('1.2.0')).toEqual({ ok: true, parts: [1, 2], canonical: '1.2' })
  })

  it('orders numerically part by part', () => {
    expect(compareIds('2019.10.15', '2019.8.1')).toBe(1)
    expect(compareIds('2019.02.01', '2019.2.1')).toBe(0)
    expect(compareIds('1.10', '1.9')).toBe(1)
    expect(compareIds('1', '1.0.1')).toBe(-1)
  })

  it.each(['', 'a', '1.', '1..2', '1.2-3', ' 1', '1e3', '-1'])(
    'rejects %j and keeps it as its own key',
    (raw) => {
      expect(parseMigrationId(raw).ok).toBe(false)
      expect(canonicalId(raw)).toBe(raw)
    },
  )

  it('equivalence classes: every spelling of one ID has one canonical form and compares equal', () => {
    fc.assert(
      fc.property(
        idParts.chain((ps) => fc.tuple(spell(ps), spell(ps))),
        ([a, b]) => {
          expect(canonicalId(a)).toBe(canonicalId(b))
          expect(compareIds(a, b)).toBe(0)
        },
      ),
    )
  })

  it('compareIds is 0 exactly when canonical forms agree, and antisymmetric', () => {
    const raw = fc.oneof(anyId, fc.string({ maxLength: 6 }))
    fc.assert(
      fc.property(raw, raw, (a, b) => {
        expect(compareIds(a, b) === 0).toBe(canonicalId(a) === canonicalId(b))
        expect(Math.sign(compareIds(a, b))).toBe(-Math.sign(compareIds(b, a)) || 0)
      }),
    )
  })

  it('is transitive', () => {
    fc.assert(
      fc.property(anyId, anyId, anyId, (a, b, c) => {
        const [x, , z] = [a, b, c].sort(compareIds)
        expect(compareIds(x as string, z as string)).toBeLessThanOrEqual(0)
      }),
    )
  })

  it('canonical forms are valid IDs and fixed points', () => {
    fc.assert(
      fc.property(
        anyId,
        (a) =>
          canonicalId(canonicalId(a)) === canonicalId(a) && parseMigrationId(canonicalId(a)).ok,
      ),
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseMigrationId(s)
        expect(typeof canonicalId(s)).toBe('string')
        expect(r.ok || r.reason.length > 0).toBe(true)
      }),
    )
  })
})
