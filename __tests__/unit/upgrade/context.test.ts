import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffRanks, indexMigrations, mergeRuns } from '../../../src/upgrade/rules/context.js'
import type { Migration } from '../../../src/upgrade/model.js'

const mig = (id: string): Migration => ({ id, location: { file: 'f', line: 1 }, contentHash: id })

describe('indexing helpers', () => {
  it('mergeRuns sorts like Int32Array.sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 }), (xs) => {
        const a = Int32Array.from(xs)
        expect([...mergeRuns(a)]).toEqual([...Int32Array.from(xs).sort()])
        expect([...a]).toEqual(xs)
      }),
    )
  })

  it('indexMigrations sorts, de-duplicates and groups duplicates', () => {
    const ms = [mig('c'), mig('a'), mig('b'), mig('a2')]
    const set = indexMigrations(ms, Int32Array.from([2, 0, 1, 0]), new Int32Array(3))
    expect([...set.ids]).toEqual([0, 1, 2])
    expect(set.migs.map((m) => m.id)).toEqual(['a', 'b', 'c'])
    expect(set.duplicates.map((g) => g.map((m) => m.id))).toEqual([['a', 'a2']])
    const unique = indexMigrations(
      [mig('z'), mig('y'), mig('x')],
      Int32Array.from([5, 4, 3]),
      new Int32Array(6),
    )
    expect(unique.migs.map((m) => m.id)).toEqual(['x', 'y', 'z'])
  })

  it('diffRanks is the sorted set difference', () => {
    expect(diffRanks(Int32Array.from([1, 2, 4, 7]), Int32Array.from([2, 3, 7]))).toEqual([1, 4])
  })
})
