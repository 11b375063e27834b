import { describe, expect, it } from 'vitest'
import { checkModel, fixLossPairs, type CheckOptions } from '../../../src/upgrade/check.js'
import type { CheckResult, RuleId } from '../../../src/upgrade/model.js'
import {
  buildModel,
  C,
  workedExample,
  workedExampleSpecs,
  withRelease,
  type ReleaseSpec,
} from './worked-example.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }

const check = (specs: ReleaseSpec[], options: CheckOptions = SET): CheckResult =>
  checkModel(buildModel(specs), options)
/** Every finding's rule, sorted (one entry per finding: a second finding of the same rule shows). */
const ruleIds = (r: CheckResult): RuleId[] => r.findings.map((f) => f.rule).sort()
const messages = (r: CheckResult, rule: RuleId): string[] =>
  r.findings.filter((f) => f.rule === rule).map((f) => f.message)

describe('the worked example (golden)', () => {
  const result = checkModel(workedExample(), SET)

  it('passes with no findings at all', () => {
    expect(result.findings).toEqual([])
    expect(result.conclusion).toBe('success')
  })

  it('allows exactly: 1.0 to anything newer; 1.1 to 1.2, 2.0, 2.1; 1.2 to 2.1 only; 2.0 to 2.1', () => {
    const allowed = result.upgrades.filter((u) => u.allowed).map((u) => `${u.from}->${u.to}`)
    expect(allowed.sort()).toEqual(
      [
        '1.0->1.1',
        '1.0->1.2',
        '1.0->2.0',
        '1.0->2.1',
        '1.1->1.2',
        '1.1->2.0',
        '1.1->2.1',
        '1.2->2.1',
        '2.0->2.1',
      ].sort(),
    )
  })

  it('blocks 1.2 -> 2.0 because 2.0 lacks the marker migration, and lists no downgrades', () => {
    const blocked = result.upgrades.filter((u) => !u.allowed)
    expect(blocked).toEqual([
      { from: '1.2', to: '2.0', allowed: false, reason: '2.0 lacks 2019.10.15' },
    ])
    expect(result.upgrades).toHaveLength(10)
  })

  it('orders upgrades by from-build, then to-build', () => {
    const order = result.upgrades.map((u) => `${u.from}->${u.to}`)
    expect(order.slice(0, 4)).toEqual(['1.0->1.1', '1.0->1.2', '1.0->2.0', '1.0->2.1'])
    expect(order.at(-1)).toBe('2.0->2.1')
  })

  it('asks discovery for fix diffs of the lowest allowed release on each other line only', () => {
    expect(fixLossPairs(workedExample(), 'dotted')).toEqual([
      { from: '1.0', to: '2.0' },
      { from: '1.1', to: '2.0' },
      { from: '1.2', to: '2.1' },
    ])
  })

  it('lists lines oldest first, the default branch last', () => {
    expect(result.lines.map((l) => l.branch)).toEqual(['1.x', 'main'])
  })
})

describe('worked example variants fail with exactly the right rule', () => {
  it('1.2 shipped without 2019.10.15: fix-loss on 1.2 -> 2.0', () => {
    const r = check(
      withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01']])),
    )
    expect(ruleIds(r)).toEqual(['fix-loss'])
    expect(r.conclusion).toBe('failure')
    const [msg] = messages(r, 'fix-loss')
    expect(msg).toContain('upgrading 1.2 -> 2.0 would lose fixes')
    expect(msg).toContain(C.fix1x.sha.slice(0, 7))
    expect(msg).toContain('Fix sync bug')
    expect(msg).toContain(
      'add a marker migration to 1.2 that 2.0 lacks (a no-op migration is fine)',
    )
    expect(msg).toContain('compatibility logic')
    const up = r.upgrades.find((u) => u.from === '1.2' && u.to === '2.0')
    expect(up).toMatchObject({ allowed: true, losesFixes: true })
    expect(up?.reason).toContain('loses fixes')
  })

  it('2.1 without 2019.10.15: no-stranded-users and forward-ported', () => {
    const r = check(
      withRelease(
        '2.1',
        (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01'], ['2019.08.01']]),
      ),
    )
    expect(ruleIds(r)).toEqual(['forward-ported', 'no-stranded-users'])
    const [stranded] = messages(r, 'no-stranded-users')
    expect(stranded).toMatch(
      /^1\.2 users are stranded: they cannot upgrade to 2\.1.*lacks 2019\.10\.15/,
    )
    const [fwd] = messages(r, 'forward-ported')
    expect(fwd).toContain('2019.10.15 shipped in 1.2 on 1.x')
    expect(fwd).toContain('head of the newer line main')
  })

  it('a 1.x release numbered 2.5: line-range', () => {
    const specs = workedExampleSpecs()
    const r12 = specs.find((s) => s.name === '1.2') as ReleaseSpec
    specs.push({ ...r12, name: '2.5' })
    const r = check(specs)
    expect(ruleIds(r)).toEqual(['line-range'])
    const [msg] = messages(r, 'line-range')
    expect(msg).toContain('2.5 on 1.x')
    expect(msg).toContain('not below 2.0')
    expect(msg).toContain('main')
    expect(r.findings[0]).toMatchObject({ file: 'plugin_config.yml', line: 7 })
  })

  it('1.3 numbered below 1.2: build-monotonic', () => {
    const specs = workedExampleSpecs()
    const r12 = specs.find((s) => s.name === '1.2') as ReleaseSpec
    specs.push({ ...r12, name: '1.3', build: '1.1.5' })
    const r = check(specs)
    expect(ruleIds(r)).toEqual(['build-monotonic'])
    expect(messages(r, 'build-monotonic')[0]).toContain(
      '1.3 on 1.x has build 1.1.5, below build 1.2 of the previous release 1.2',
    )
  })

  it('buildNumber: 1.2 unquoted: build-format, telling to quote it', () => {
    const r = check(withRelease('1.2', (s) => void (s.buildNotString = true)))
    expect(ruleIds(r)).toEqual(['build-format'])
    const [msg] = messages(r, 'build-format')
    expect(msg).toContain('not a string')
    expect(msg).toContain('quote it')
    expect(msg).toContain('plugin_config.yml:7')
  })

  it('decorators "1.2" and "01.02" on different object types: migration-id naming both', () => {
    const r = check(
      withRelease(
        '2.1',
        (s) => void s.migrations.push(['1.2', 'repository'], ['01.02', 'snapshot']),
      ),
    )
    expect(ruleIds(r)).toEqual(['migration-id'])
    const [f] = r.findings
    expect(f?.message).toContain('"01.02" (snapshot, src/plugin_runner.py:35)')
    expect(f?.message).toContain('"1.2" (repository, src/plugin_runner.py:30)')
    expect(f?.message).toContain('across all object types')
    expect(f).toMatchObject({ file: 'src/plugin_runner.py', line: 35 })
  })

  it('1.2 dropping 2019.04.01: append-only', () => {
    const r = check(
      withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.10.15']])),
    )
    expect(ruleIds(r)).toEqual(['append-only'])
    expect(messages(r, 'append-only')[0]).toContain(
      '1.2 on 1.x drops migration 2019.04.01 of the previous release 1.1',
    )
  })

  it('the same migration under different IDs on two lines: same-id-everywhere', () => {
    const r = check(
      withRelease(
        '1.2',
        (s) =>
          void (s.migrations = [
            ['2019.02.01'],
            ['2019.04.01'],
            ['2019.10.16', 'virtual_source', 'hash-2019.10.15'],
          ]),
      ),
    )
    expect(ruleIds(r)).toEqual(['same-id-everywhere'])
    const [msg] = messages(r, 'same-id-everywhere')
    expect(msg).toContain('2019.10.16 on 1.x')
    expect(msg).toContain('2019.10.15 on main')
  })

  it('a new required port on virtualSource in 2.0 without a virtual_source migration: schema-needs-migration', () => {
    const r = check(withRelease('2.0', (s) => void (s.schema = schemaWithPort())))
    expect(ruleIds(r)).toEqual(['schema-needs-migration'])
    const [msg] = messages(r, 'schema-needs-migration')
    expect(msg).toContain('2.0 adds required property port on virtualSource')
    expect(msg).toContain('virtual_source migration')
    expect(msg).toContain('placeholder (null, or 0 with the minimum relaxed)')
    expect(msg).toContain('user-facing error')
  })

  it('the same schema change with a virtual_source migration in 2.0 passes', () => {
    const r = check(
      withRelease('2.0', (s) => {
        s.schema = schemaWithPort()
        s.migrations.push(['2019.08.02', 'virtual_source'])
      }).map((s) =>
        s.name === '2.1'
          ? { ...s, migrations: [...s.migrations, ['2019.08.02', 'virtual_source']] }
          : s,
      ),
    )
    expect(r.findings).toEqual([])
  })

  it('a linear engine where 1.2 -> 2.1 would skip 2019.08.01: migration-order', () => {
    const r = check(workedExampleSpecs(), { ...SET, engine: 'linear' })
    expect(ruleIds(r)).toEqual(['migration-order'])
    const [msg] = messages(r, 'migration-order')
    expect(msg).toContain('upgrading 1.2 -> 2.1 would skip 2019.08.01')
    expect(msg).toContain('2019.10.15')
  })
})

describe('every variant finding can be annotated', () => {
  const variants: [string, CheckResult][] = [
    ['no marker on 1.2', check(withRelease('1.2', (s) => void s.migrations.pop()))],
    ['no marker on 2.1', check(withRelease('2.1', (s) => void s.migrations.pop()))],
    ['2.5 on 1.x', check([...workedExampleSpecs(), { ...workedExampleSpecs()[4]!, name: '2.5' }])],
    [
      '1.3 below 1.2',
      check([
        ...workedExampleSpecs(),
        { ...workedExampleSpecs()[4]!, name: '1.3', build: '1.1.5' },
      ]),
    ],
    ['unquoted build', check(withRelease('1.2', (s) => void (s.buildNotString = true)))],
    [
      'duplicate ID',
      check(
        withRelease(
          '2.1',
          (s) => void s.migrations.push(['1.2', 'repository'], ['01.02', 'snapshot']),
        ),
      ),
    ],
    ['dropped ID', check(withRelease('1.2', (s) => void s.migrations.splice(1, 1)))],
    [
      'renamed ID',
      check(
        withRelease(
          '1.2',
          (s) => void (s.migrations[2] = ['2019.10.16', 'virtual_source', 'hash-2019.10.15']),
        ),
      ),
    ],
    ['required port', check(withRelease('2.0', (s) => void (s.schema = schemaWithPort())))],
    ['linear engine', check(workedExampleSpecs(), { ...SET, engine: 'linear' })],
  ]

  it.each(variants)(
    '%s: one error, with a file, a line, and the releases it names in its message',
    (_, r) => {
      expect(r.findings).toHaveLength(r.findings.filter((f) => f.severity === 'error').length)
      expect(r.findings.length).toBeGreaterThan(0)
      for (const f of r.findings) {
        expect(f.file, f.message).toMatch(/\.(yml|py|json)$/)
        expect(f.line, f.message).toBeGreaterThan(0)
        for (const name of f.releases ?? []) expect(f.message).toContain(name)
      }
    },
  )
})

function schemaWithPort(): ReleaseSpec['schema'] {
  return {
    objects: {
      virtualSource: {
        required: ['name', 'port'],
        properties: {
          name: { type: 'string' },
          port: { type: 'integer', minimum: 1024, maximum: 65535 },
        },
      },
      repository: { required: ['name'], properties: { name: { type: 'string' } } },
    },
    location: { file: 'schema.json', line: 1 },
  }
}
