/** Remedies in the words of the repository's migration engine (rules/advice.ts). */
import { describe, expect, it } from 'vitest'
import {
  appliesBelowHighest,
  duplicateIdReason,
  engineKind,
  fixLossRemedy,
  forwardPortAdvice,
  migrationOrderAdvice,
} from '../../../src/upgrade/rules/advice.js'

const set = (layout?: string) => ({ engine: 'set' as const, ...(layout ? { layout } : {}) })
const linear = (layout?: string) => ({ engine: 'linear' as const, ...(layout ? { layout } : {}) })

describe('engine kinds', () => {
  it('maps layouts; golang-migrate is always linear, Rails never', () => {
    expect(engineKind(undefined)).toBe('delphix')
    expect(engineKind('manifest')).toBe('other')
    expect(appliesBelowHighest(set('golang-migrate'))).toBe(false)
    expect(appliesBelowHighest(linear('rails'))).toBe(true)
    expect(appliesBelowHighest(linear('flyway'))).toBe(false)
    expect(appliesBelowHighest(set('flyway'))).toBe(true)
  })
})

describe('fix-loss remedy', () => {
  it('the marker migration and compatibility logic on Delphix only', () => {
    expect(fixLossRemedy(set(), '1.2', '2.0')).toBe(
      'add a marker migration to 1.2 that 2.0 lacks (a no-op migration is fine), or refuse the upgrade in compatibility logic and declare it in upgrade.compatibility',
    )
    expect(fixLossRemedy(set('delphix'), '1.2', '2.0')).toBe(fixLossRemedy(set(), '1.2', '2.0'))
  })

  it('Rails, Flyway and golang-migrate: release the fix on the newer line, and why a marker fails', () => {
    expect(fixLossRemedy(set('rails'), 'v1.2', 'v2.0')).toMatch(
      /^release the fix on v2\.0's line and point v1\.2 users at that release: Rails .* a marker migration blocks nothing$/,
    )
    expect(fixLossRemedy(linear('flyway'), 'v1.2', 'v2.0')).toContain('outOfOrder: true')
    expect(fixLossRemedy(set('golang-migrate'), 'v1.2', 'v2.0')).toContain(
      "a marker migration in v1.2 would make v2.0's line skip every version below it; do not add one",
    )
    expect(fixLossRemedy(linear('regex'), 'a', 'b')).toContain(
      'a linear engine runs only IDs above',
    )
  })
})

describe('forward-ported and migration-order advice', () => {
  it('same ID where the engine runs lower IDs; otherwise what works', () => {
    expect(forwardPortAdvice(set(), '2019.10.15', 'main')).toBe('forward-port it with the same ID')
    expect(forwardPortAdvice(linear('rails'), '1', 'main')).toBe('forward-port it with the same ID')
    expect(forwardPortAdvice(linear('flyway'), '1.5', 'main')).toContain('outOfOrder: true')
    expect(forwardPortAdvice(set('golang-migrate'), '5', 'main')).toContain('as a no-op')
    expect(forwardPortAdvice(linear('manifest'), '5', 'main')).toContain('under an ID above them')
    expect(migrationOrderAdvice(linear(), '1.5', '2', 'v2.1')).toBe(
      'give the migration an ID above every ID shipped on older lines',
    )
    expect(migrationOrderAdvice(linear('rails'), '1', '2', 'x')).toContain('upgrade.engine: set')
    expect(migrationOrderAdvice(linear('golang-migrate'), '5', '9', 'x')).toContain('above 9')
  })

  it('"unique across all object types" is Delphix wording', () => {
    expect(duplicateIdReason(undefined)).toContain('across all object types')
    for (const layout of ['flyway', 'golang-migrate', 'rails', 'manifest'])
      expect(duplicateIdReason(layout)).not.toContain('object types')
  })
})
