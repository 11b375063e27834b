/** Rule details beyond the worked example's variants. */
import { describe, expect, it } from 'vitest'
import { checkModel, fixLossPairs, type CheckOptions } from '../../../src/upgrade/check.js'
import type { CheckResult, RuleId, SchemaSummary } from '../../../src/upgrade/model.js'
import {
  objectTypeOf,
  schemaChangeList,
  schemaChanges,
  schemaRemedy,
} from '../../../src/upgrade/rules/schema.js'
import {
  buildModel,
  workedExample,
  workedExampleSpecs,
  withRelease,
  type ReleaseSpec,
} from './worked-example.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }
const check = (specs: ReleaseSpec[], options: CheckOptions = SET): CheckResult =>
  checkModel(buildModel(specs), options)
const ruleIds = (r: CheckResult): RuleId[] => [...new Set(r.findings.map((f) => f.rule))].sort()

describe('fix-loss inputs', () => {
  it('ignores a FixDiff with lost commits when the engine blocks the upgrade (1.2 -> 2.0 in the worked example)', () => {
    const model = workedExample()
    const blocked = model.fixDiffs.find((d) => d.from === '1.2' && d.to === '2.0')
    expect(blocked?.missing.map((c) => c.subject)).toEqual(['Fix sync bug'])
    expect(model.fixDiffs.find((d) => d.from === '1.2' && d.to === '2.1')?.missing).toEqual([])
    expect(checkModel(model, SET).findings).toEqual([])
  })

  it('asks for 1.2 -> 2.0 once 1.2 lacks the marker', () => {
    const specs = withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01']]))
    expect(fixLossPairs(buildModel(specs, []), 'dotted')).toContainEqual({ from: '1.2', to: '2.0' })
  })
})

describe('build rules', () => {
  it('build-unique compares canonical builds: 1.2 and 1.2.0 clash', () => {
    const specs = workedExampleSpecs()
    specs.push({ ...(specs[4] as ReleaseSpec), name: '1.2.0', build: '1.2.0' })
    const r = check(specs)
    expect(ruleIds(r)).toContain('build-unique')
    const f = r.findings.find((x) => x.rule === 'build-unique')
    expect(f?.message).toContain('1.2 (1.x')
    expect(f?.message).toContain('1.2.0 (1.x')
  })

  it('build-format reports an invalid build, which then stays out of the matrix', () => {
    const r = check(withRelease('1.1', (s) => void (s.build = '1.1-hotfix')))
    expect(ruleIds(r)).toEqual(['build-format'])
    expect(r.findings[0]?.message).toContain('"1.1-hotfix"')
    expect(r.upgrades.some((u) => u.from === '1.1' || u.to === '1.1')).toBe(false)
  })

  it('semver scheme: builds parse as semantic versions', () => {
    const specs = workedExampleSpecs().map((s) => ({ ...s, build: `${s.name}.0` }))
    const r = check(specs, { ...SET, scheme: 'semver' })
    expect(r.findings).toEqual([])
    expect(r.upgrades.filter((u) => u.allowed)).toHaveLength(9)
  })
})

describe('migration rules', () => {
  it('migration-id reports an invalid ID once, with the later releases that carry it', () => {
    const specs = workedExampleSpecs().map((s) => ({
      ...s,
      migrations: [...s.migrations, ['2019-01-01'] as [string]],
    }))
    const r = check(specs)
    const f = r.findings.filter((x) => x.rule === 'migration-id')
    expect(f).toHaveLength(1)
    expect(f[0]?.message).toContain('"2019-01-01" is not one or more integers separated by periods')
    expect(f[0]?.message).toContain('also in 4 later releases')
    expect(f[0]?.releases).toHaveLength(5)
  })

  it('content-stable: one ID, different content on two lines is a warning (an error when configured)', () => {
    const specs = withRelease(
      '1.2',
      (s) => void (s.migrations[2] = ['2019.10.15', 'virtual_source', 'other-body']),
    )
    const warn = check(specs)
    expect(ruleIds(warn)).toEqual(['content-stable'])
    expect(warn.findings[0]?.severity).toBe('warning')
    expect(warn.conclusion).toBe('success')
    expect(warn.findings[0]?.message).toContain('2019.10.15 differs between lines')
    const err = check(specs, { ...SET, contentChange: 'error' })
    expect(err.conclusion).toBe('failure')
  })

  it('same-id-everywhere: identical no-op bodies under IDs that both lines carry are fine', () => {
    const specs = workedExampleSpecs().map((s) =>
      s.name === '1.2' || s.name === '2.1'
        ? {
            ...s,
            migrations: [
              ...s.migrations.filter(([id]) => id !== '2019.10.15'),
              ['2019.10.15', 'virtual_source', 'noop'] as [string, string, string],
            ],
          }
        : s,
    )
    // a second no-op marker only on main, not yet backported
    const main21 = specs.find((s) => s.name === '2.1') as ReleaseSpec
    main21.migrations.push(['2019.11.01', 'virtual_source', 'noop'])
    expect(check(specs).findings).toEqual([])
  })

  it('forward-ported names the release and the head', () => {
    const specs = withRelease(
      '2.1',
      (s) => void (s.migrations = s.migrations.filter(([id]) => id !== '2019.04.01')),
    )
    const r = check(specs)
    expect(ruleIds(r)).toContain('forward-ported')
    expect(r.findings.find((f) => f.rule === 'forward-ported')?.message).toContain(
      '2019.04.01 shipped in 1.1 on 1.x',
    )
  })
})

describe('schema-needs-migration', () => {
  const obj = (required: string[], properties: SchemaSummary['objects'][string]['properties']) => ({
    required,
    properties,
  })

  it('maps schema names to decorator object types', () => {
    expect(objectTypeOf('virtualSourceDefinition')).toBe('virtual_source')
    expect(objectTypeOf('virtualSource')).toBe('virtual_source')
    expect(objectTypeOf('sourceConfigDefinition')).toBe('source_config')
    expect(objectTypeOf('repositoryDefinition')).toBe('repository')
    expect(objectTypeOf('snapshotParametersDefinition')).toBeUndefined()
  })

  it('sees added required properties and tightened constraints, not relaxed ones', () => {
    const before = obj(['name'], {
      name: { type: 'string' },
      port: { type: 'integer', minimum: 0, maximum: 65535 },
      path: { type: 'string,null' },
    })
    expect(schemaChanges(before, obj(['name', 'port'], before.properties))).toEqual([
      'adds required property port',
    ])
    expect(
      schemaChanges(
        before,
        obj(['name'], {
          ...before.properties,
          port: { type: 'integer', minimum: 1024, maximum: 65535 },
        }),
      ),
    ).toEqual(['raises the minimum of port to 1024 (was 0)'])
    expect(
      schemaChanges(before, obj(['name'], { ...before.properties, path: { type: 'string' } }))[0],
    ).toContain('narrows the type of path')
    expect(
      schemaChanges(
        before,
        obj([], { ...before.properties, extra: { type: 'string', minimum: 3 } }),
      ),
    ).toEqual([])
    expect(
      schemaChanges(
        before,
        obj(['name'], { ...before.properties, port: { type: 'integer', minimum: 0 } }),
      ),
    ).toEqual([])
  })

  it('sees a changed type and a narrowed or new enum as conversions, not widened ones', () => {
    const before = obj(['mode'], {
      mode: { type: 'string', enum: ['"fast"', '"safe"', '"off"'] },
      size: { type: 'integer' },
      tag: { type: 'string' },
    })
    const list = (after: typeof before) => schemaChangeList(before, after)
    expect(
      list(obj(['mode'], { ...before.properties, mode: { type: 'string', enum: ['"safe"'] } })),
    ).toEqual([{ text: 'narrows the values of mode: removes "fast", "off"', kind: 'conversion' }])
    expect(
      list(obj(['mode'], { ...before.properties, tag: { type: 'string', enum: ['"a"'] } })),
    ).toEqual([{ text: 'restricts tag to "a"', kind: 'conversion' }])
    expect(list(obj(['mode'], { ...before.properties, size: { type: 'string' } }))).toEqual([
      { text: 'changes the type of size from integer to string', kind: 'conversion' },
    ])
    // wider: more enum values, integer -> number, a type list that keeps the old type
    expect(
      list(
        obj(['mode'], {
          mode: { type: 'string', enum: ['"fast"', '"safe"', '"off"', '"new"'] },
          size: { type: 'number' },
          tag: { type: 'string,null' },
        }),
      ),
    ).toEqual([])
    expect(schemaRemedy('repository', [{ text: 't', kind: 'conversion' }])).toBe(
      'add @plugin.upgrade.repository("<id>") that converts each stored value to the new schema (the old type to the new one, a removed enum value to an allowed one)',
    )
    expect(
      schemaRemedy('repository', [
        { text: 't', kind: 'conversion' },
        { text: 'r', kind: 'placeholder' },
      ]),
    ).toContain('to an allowed one), and sets a placeholder')
  })

  it('a tightened minimum on 1.2 without a virtual_source migration fails; with one it passes', () => {
    const schema = (min: number): SchemaSummary => ({
      objects: {
        virtualSource: obj(['name', 'port'], {
          name: { type: 'string' },
          port: { type: 'integer', minimum: min },
        }),
      },
      location: { file: 'src/schema.json', line: 3 },
    })
    const specs = workedExampleSpecs().map((s) => ({
      ...s,
      schema: schema(0),
      migrations: s.migrations.map(([id]) => [id, 'repository'] as [string, string]),
    }))
    const tightened = specs.map((s) => (s.name === '1.2' ? { ...s, schema: schema(1024) } : s))
    const r = check(tightened)
    expect(ruleIds(r)).toEqual(['schema-needs-migration'])
    expect(r.findings[0]).toMatchObject({ file: 'src/schema.json', line: 3 })
    expect(r.findings[0]?.message).toContain(
      '1.2 raises the minimum of port to 1024 (was 0) on virtualSource',
    )
    expect(r.findings[0]?.message).toContain('compared with 1.1')
    // 1.2 adds 2019.10.15, a virtual_source migration: the same change passes
    const withMigration = tightened.map((s) => ({
      ...s,
      migrations: s.migrations.map(
        ([id]) => [id, id === '2019.10.15' ? 'virtual_source' : 'repository'] as [string, string],
      ),
    }))
    expect(check(withMigration).findings).toEqual([])
  })
})

describe('lines', () => {
  it('a release on a line missing from model.lines gets a line of its own', () => {
    const model = workedExample()
    model.releases.push({
      ...(model.releases[0] as (typeof model.releases)[number]),
      name: 'x',
      line: 'stable-x',
      build: '0.5',
    })
    const r = checkModel(model, SET)
    expect(r.lines.map((l) => l.branch)).toEqual(['1.x', 'stable-x', 'main'])
  })

  it('no-stranded-users: a 1.x release whose migration the newest release lacks', () => {
    const specs = workedExampleSpecs()
    specs.push({
      name: '1.3',
      line: '1.x',
      migrations: [['2019.02.01'], ['2019.04.01'], ['2019.10.15'], ['2019.12.01']],
      commits: [],
    })
    // 1.3 ships 2019.12.01, which 2.1 lacks: 1.3 users cannot reach 2.1
    const r = check(specs)
    expect(ruleIds(r)).toEqual(['forward-ported', 'no-stranded-users'])
    expect(r.findings.find((f) => f.rule === 'no-stranded-users')?.message).toContain(
      '1.3 users are stranded: they cannot upgrade to 2.1, the newest release',
    )
  })
})

describe('edge cases', () => {
  it('an empty model passes with an empty matrix, and every renderer copes', async () => {
    const { renderJson, renderMarkdown, renderMermaid, renderText } =
      await import('../../../src/upgrade/render/index.js')
    const r = checkModel({ lines: [], releases: [], fixDiffs: [], lineHeads: [] }, SET)
    expect(r).toMatchObject({ conclusion: 'success', findings: [], upgrades: [] })
    expect(renderText(r)).toContain('PASS')
    expect(JSON.parse(renderJson(r))).toMatchObject({ conclusion: 'success', upgrades: [] })
    expect(renderMarkdown(r)).toContain('No upgrades')
    expect(renderMermaid(r).startsWith('flowchart LR')).toBe(true)
  })
})

describe('content hashes', () => {
  it('empty hashes (ID manifests) never count as the same or as different content', () => {
    const empty = (s: ReleaseSpec): ReleaseSpec => ({
      ...s,
      migrations: s.migrations.map(([id]) => [id, 'repository', ''] as [string, string, string]),
    })
    // 1.2 ships 2019.10.16 where main has 2019.10.15: with equal real hashes, a renamed backport
    const renamed = withRelease(
      '1.2',
      (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01'], ['2019.10.16']]),
    ).map(empty)
    expect(ruleIds(check(renamed))).not.toContain('same-id-everywhere')
    expect(ruleIds(check(renamed))).toContain('forward-ported')
    // one line without content, the other with: not a content change
    const mixed = workedExampleSpecs().map((s) => (s.line === '1.x' ? empty(s) : s))
    expect(ruleIds(check(mixed))).toEqual([])
  })
})
