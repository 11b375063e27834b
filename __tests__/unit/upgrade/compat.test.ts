/** Declared compatibility logic (upgrade.compatibility): selectors, the matrix, and the rules that read it. */
import { describe, expect, it } from 'vitest'
import type { CompatibilityDeclaration } from '../../../src/config/types.js'
import { checkModel, fixLossPairs, type CheckOptions } from '../../../src/upgrade/check.js'
import type { CheckResult, RuleId } from '../../../src/upgrade/model.js'
import { buildContext } from '../../../src/upgrade/rules/context.js'
import { parseSelector, selects } from '../../../src/upgrade/selector.js'
import {
  buildModel,
  workedExample,
  workedExampleSpecs,
  withRelease,
  type ReleaseSpec,
} from './worked-example.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }
const BLOCK_2_0: CompatibilityDeclaration = {
  from: '1.2',
  to: '2.0',
  reason: '2.0 lacks the sync fix of 1.2',
}

/** 1.2 shipped with the fix but without the marker migration 2019.10.15. */
const noMarker = (): ReleaseSpec[] =>
  withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01']]))

/** Fix diffs for both 1.2 -> 2.0 and 1.2 -> 2.1, whichever pairs the check asks for. */
function check(specs: ReleaseSpec[], compatibility?: CompatibilityDeclaration[]): CheckResult {
  const model = buildModel(specs, [
    ['1.2', '2.0'],
    ['1.2', '2.1'],
  ])
  return checkModel(model, { ...SET, ...(compatibility ? { compatibility } : {}) })
}
const ruleIds = (r: CheckResult): RuleId[] => r.findings.map((f) => f.rule).sort()
const upgrade = (r: CheckResult, from: string, to: string) =>
  r.upgrades.find((u) => u.from === from && u.to === to)

describe('release selectors', () => {
  const sel = (text: string, scheme: 'dotted' | 'semver' = 'dotted') => {
    const parsed = parseSelector(text, scheme)
    if (!parsed.ok) throw new Error(parsed.reason)
    return parsed.selector
  }
  const r = (name: string, build?: string) => ({ name, build })

  it('a build matches by canonical build, a name by release name', () => {
    expect(selects(sel('1.2'), r('v1.2', '1.2'), 'dotted')).toBe(true)
    expect(selects(sel('1.2.0'), r('v1.2', '1.2'), 'dotted')).toBe(true)
    expect(selects(sel('1.2'), r('v1.20', '1.20'), 'dotted')).toBe(false)
    expect(selects(sel('v1.2'), r('v1.2', '1.2'), 'dotted')).toBe(true)
    expect(selects(sel('PR #12'), r('PR #12', '1.3'), 'dotted')).toBe(true)
    expect(selects(sel('*'), r('x', undefined), 'dotted')).toBe(true)
  })

  it('comparisons are ANDed, alternatives ORed, in the scheme order', () => {
    const range = sel('>=1.2 <2.0 || 3.1')
    expect(
      ['1.1', '1.2', '1.10', '2.0', '3.1'].map((b) => selects(range, r(b, b), 'dotted')),
    ).toEqual([false, true, true, false, true])
    expect(selects(sel('> 1.9'), r('1.10', '1.10'), 'dotted')).toBe(true)
    expect(selects(sel('<2.0.0', 'semver'), r('2.0.0-rc.1', '2.0.0-rc.1'), 'semver')).toBe(true)
    expect(selects(sel('>=1.0'), r('bad', undefined), 'dotted')).toBe(false)
  })

  it('rejects a bad comparison with the reason', () => {
    expect(parseSelector('>=1.2 <', 'dotted')).toMatchObject({ ok: false })
    expect(parseSelector('>=1.2', 'semver')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a semantic version'),
    })
    expect(parseSelector('1.2 ||', 'dotted')).toMatchObject({ ok: false })
  })
})

describe('the worked example without compatibility or waivers (golden, unchanged)', () => {
  it('gives the same result with empty declarations as with none', () => {
    const none = checkModel(workedExample(), SET)
    const empty = checkModel(workedExample(), { ...SET, compatibility: [], waivers: [] })
    expect(empty).toEqual(none)
    expect(none.findings).toEqual([])
    expect(none.upgrades.some((u) => u.compatibility)).toBe(false)
  })
})

describe('1.2 shipped without the marker, compatibility logic refuses 1.2 -> 2.0', () => {
  it('without the declaration: fix-loss (the message names the declaration as a remedy)', () => {
    const r = check(noMarker())
    expect(ruleIds(r)).toEqual(['fix-loss'])
    expect(r.findings[0]?.message).toContain('declare it in upgrade.compatibility')
  })

  it('with it: no fix-loss, the matrix shows the refusal with its reason, PASS', () => {
    const r = check(noMarker(), [BLOCK_2_0])
    expect(r.findings).toEqual([])
    expect(r.conclusion).toBe('success')
    expect(upgrade(r, '1.2', '2.0')).toEqual({
      from: '1.2',
      to: '2.0',
      allowed: false,
      reason:
        'refused by compatibility logic (upgrade.compatibility[0]): 2.0 lacks the sync fix of 1.2',
      compatibility: { reason: '2.0 lacks the sync fix of 1.2', key: 'upgrade.compatibility[0]' },
    })
    expect(upgrade(r, '1.2', '2.1')).toMatchObject({ allowed: true })
    expect(r.upgrades.filter((u) => !u.allowed)).toHaveLength(1)
  })

  it('asks discovery for the fixes of 1.2 -> 2.1 instead of the refused 1.2 -> 2.0', () => {
    const model = buildModel(noMarker(), [])
    expect(fixLossPairs(model, 'dotted')).toContainEqual({ from: '1.2', to: '2.0' })
    const ctx = buildContext(model, { ...SET, compatibility: [BLOCK_2_0] })
    const pairs = fixLossPairs(model, 'dotted', ctx)
    expect(pairs).toContainEqual({ from: '1.2', to: '2.1' })
    expect(pairs).not.toContainEqual({ from: '1.2', to: '2.0' })
  })

  it('a range works the same: every 1.x from 1.2 on refuses every 2.0.x', () => {
    const r = check(noMarker(), [{ from: '>=1.2 <2.0', to: ['>=2.0 <2.1'], reason: 'r' }])
    expect(r.findings).toEqual([])
    expect(upgrade(r, '1.2', '2.0')?.compatibility?.key).toBe('upgrade.compatibility[0]')
    expect(upgrade(r, '1.1', '2.0')?.allowed).toBe(true)
  })

  it('with the marker as well: still blocked, both reasons given', () => {
    const r = check(workedExampleSpecs(), [BLOCK_2_0])
    expect(r.findings).toEqual([])
    expect(upgrade(r, '1.2', '2.0')?.reason).toBe(
      'refused by compatibility logic (upgrade.compatibility[0]): 2.0 lacks the sync fix of 1.2; also 2.0 lacks 2019.10.15',
    )
  })
})

describe('no-stranded-users sees a declaration that strands users', () => {
  it('refusing 1.2 -> every 2.x leaves 1.2 with nothing newer: an error naming the declaration', () => {
    const r = check(workedExampleSpecs(), [{ from: 'v1.2', to: '>=2.0', reason: 'too new' }])
    expect(ruleIds(r)).toEqual(['no-stranded-users'])
    expect(r.conclusion).toBe('failure')
    expect(r.findings[0]).toMatchObject({
      severity: 'error',
      releases: ['1.2', '2.1'],
      message: expect.stringMatching(
        /^1\.2 users are stranded: they cannot upgrade to 2\.1, the newest release, because the compatibility logic declared in upgrade\.compatibility\[0\] refuses it \("too new"\): narrow that declaration/,
      ),
    })
  })

  it('refusing within a line strands the older release from its line’s newest', () => {
    const r = check(workedExampleSpecs(), [{ from: '1.1', to: '1.2', reason: 'r' }])
    expect(ruleIds(r)).toEqual(['no-stranded-users'])
    expect(r.findings[0]?.message).toContain('the newest release of 1.x')
  })

  it('a refusal that leaves a way to the newest release strands nobody', () => {
    expect(check(workedExampleSpecs(), [{ from: '*', to: '2.0', reason: 'r' }]).findings).toEqual(
      [],
    )
  })
})

describe('rule compatibility: declarations that refuse nothing', () => {
  it('warns about a name that matches no release, and the check still passes', () => {
    const r = check(noMarker(), [BLOCK_2_0, { from: ['1.2'], to: ['v2.O', '9.9'], reason: 'typo' }])
    expect(r.conclusion).toBe('success')
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'compatibility',
        'warning',
        'upgrade.compatibility[1].to "v2.O" names no release (by name or build): it refuses nothing; check the spelling',
      ],
      [
        'compatibility',
        'warning',
        'upgrade.compatibility[1].to "9.9" names no release (by name or build): it refuses nothing; check the spelling',
      ],
    ])
  })

  it('warns about a selector that is not valid (a model built in code), and ignores it', () => {
    const r = check(workedExampleSpecs(), [{ from: '>=x', to: '2.0', reason: 'r' }])
    expect(r.findings.map((f) => f.rule)).toEqual(['compatibility'])
    expect(r.findings[0]?.message).toContain('is not a release selector')
    expect(r.upgrades.some((u) => u.compatibility)).toBe(false)
  })
})
