/**
 * The rules over releases in their true order: "previous release on its line" is Release.previous
 * (the nearest ancestor releases, set by discovery) or model order without it; one build tagged twice
 * on one commit; upgrade.prereleases 'warn'; lines in model order.
 */
import { describe, expect, it } from 'vitest'
import { checkModel, type CheckOptions } from '../../../src/upgrade/check.js'
import type { CheckResult, Line, Release, UpgradeModel } from '../../../src/upgrade/model.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }

function rel(name: string, line: string, ids: string[], extra: Partial<Release> = {}): Release {
  return {
    name,
    line,
    tag: `v${name}`,
    commit: `commit-${name}`,
    build: name,
    buildLocation: { file: `v${name}` },
    migrations: ids.map((id) => ({
      id,
      location: { file: `db/V${id}.sql` },
      contentHash: `hash-${id}`,
    })),
    ...extra,
  }
}

const MAIN: Line = { branch: 'main', version: undefined, isDefault: true, tip: 'tip' }

function model(releases: Release[], lines: Line[] = [MAIN]): UpgradeModel {
  return { lines, releases, fixDiffs: [], lineHeads: [] }
}

const rules = (r: CheckResult) => r.findings.map((f) => f.rule)

describe("a release's previous releases", () => {
  // 7.2 -> 7.3 -> 7.4; 7.2.1 cut from 7.2 and merged after 7.4 (model order: topological)
  const hotfix = (withPrevious: boolean): Release[] => {
    const p = (names: string[]) => (withPrevious ? { previous: names } : {})
    return [
      rel('7.2', 'main', ['1'], p([])),
      rel('7.3', 'main', ['1', '2'], p(['7.2'])),
      rel('7.4', 'main', ['1', '2', '3'], p(['7.3'])),
      rel('7.2.1', 'main', ['1', '1.1'], p(['7.2'])),
      rel('7.5', 'main', ['1', '1.1', '2', '3'], p(['7.4', '7.2.1'])),
    ]
  }

  it('without Release.previous, model order: the hotfix looks like a regression', () => {
    const r = checkModel(model(hotfix(false)), SET)
    expect(rules(r)).toContain('build-monotonic')
    expect(rules(r)).toContain('append-only')
  })

  it('with it, the hotfix follows 7.2 and 7.5 follows both: nothing to report', () => {
    expect(checkModel(model(hotfix(true)), SET).findings).toEqual([])
  })

  it('compares with every previous release: 7.5 dropping the hotfix migration is append-only', () => {
    const releases = hotfix(true)
    ;(releases[4] as Release).migrations.splice(1, 1)
    const r = checkModel(model(releases), SET)
    expect(r.findings.map((f) => [f.rule, f.releases])).toEqual([['append-only', ['7.2.1', '7.5']]])
  })

  it('build-monotonic compares with the highest build among the ancestors, not only the nearest', () => {
    const r = checkModel(
      model([
        rel('1.0', 'main', [], { previous: [] }),
        rel('1.5', 'main', [], { previous: ['1.0'] }),
        rel('1.2', 'main', [], { previous: ['1.5'] }),
        rel('1.3', 'main', [], { previous: ['1.2'] }),
      ]),
      SET,
    )
    expect(r.findings.map((f) => [f.rule, f.releases])).toEqual([
      ['build-monotonic', ['1.5', '1.2']],
      ['build-monotonic', ['1.5', '1.3']],
    ])
  })
})

describe('one build tagged twice on one commit', () => {
  const twice = (commit: string): Release[] => [
    rel('1.0', 'main', ['1']),
    rel('2.0-rc3', 'main', ['1', '2'], { build: '2.0', commit: 'c2' }),
    rel('2.0', 'main', ['1', '2'], { commit }),
  ]

  it('is neither build-unique nor build-monotonic', () => {
    expect(checkModel(model(twice('c2')), SET).findings).toEqual([])
  })

  it('on two commits it is both', () => {
    expect(rules(checkModel(model(twice('c3')), SET)).sort()).toEqual([
      'build-monotonic',
      'build-unique',
    ])
  })
})

describe('upgrade.prereleases', () => {
  // the GA drops the rc's migration 2: append-only names the rc
  const releases = (flag: boolean): Release[] => [
    rel('1.0', 'main', ['1']),
    rel('2.0-rc1', 'main', ['1', '2'], flag ? { prerelease: true } : {}),
    rel('2.0', 'main', ['1', '3']),
  ]

  it('check (and absent): errors as for any release', () => {
    for (const options of [SET, { ...SET, prereleases: 'check' as const }]) {
      const r = checkModel(model(releases(true)), options)
      expect(r.conclusion).toBe('failure')
      expect(r.findings.every((f) => f.severity === 'error')).toBe(true)
    }
  })

  it('warn: every finding that names a prerelease is a warning, whether discovery flagged it or its build says so', () => {
    for (const flag of [true, false]) {
      const r = checkModel(model(releases(flag)), { ...SET, prereleases: 'warn' })
      expect(r.conclusion).toBe('success')
      expect(rules(r)).toContain('append-only')
      for (const f of r.findings) {
        expect(f.severity).toBe('warning')
        expect(f.message).toMatch(
          /\(a warning: 2\.0-rc1 is a prerelease, and upgrade\.prereleases is warn\)$/,
        )
      }
    }
  })

  it('warn leaves findings about releases alone', () => {
    const r = checkModel(
      model([rel('1.0', 'main', ['1']), rel('2.0-rc1', 'main', ['1']), rel('1.5', 'main', [])]),
      { ...SET, prereleases: 'warn' },
    )
    const monotonic = r.findings.find((f) => f.rule === 'build-monotonic')
    expect(monotonic?.releases).toEqual(['2.0-rc1', '1.5'])
    expect(monotonic?.severity).toBe('warning')
    const dropped = r.findings.find((f) => f.rule === 'append-only')
    expect(dropped?.releases).toEqual(['2.0-rc1', '1.5'])
    expect(
      checkModel(model([rel('1.0', 'main', ['1']), rel('1.1', 'main', [])]), {
        ...SET,
        prereleases: 'warn',
      }).findings.map((f) => f.severity),
    ).toEqual(['error'])
  })
})

describe('lines', () => {
  it('keep the model order (discovery applied lines.order), the newest last', () => {
    const lines: Line[] = [
      { branch: 'legacy', version: [], isDefault: false, tip: 't1' },
      { branch: '1.x', version: [1], isDefault: false, tip: 't2' },
      { branch: 'next', version: [], isDefault: false, tip: 't3' },
      MAIN,
    ]
    const r = checkModel(
      model(
        [
          rel('0.1', 'legacy', []),
          rel('1.0', '1.x', []),
          rel('3.0', 'next', []),
          rel('4.0', 'old', []),
        ],
        lines,
      ),
      SET,
    )
    expect(r.lines.map((l) => l.branch)).toEqual(['legacy', '1.x', 'next', 'old', 'main'])
    expect(rules(r)).not.toContain('line-range')
  })
})
