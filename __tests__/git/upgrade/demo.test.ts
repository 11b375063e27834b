import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_VARIANTS, type DemoVariant } from '../../../src/upgrade/demo.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import type { Finding } from '../../../src/upgrade/model.js'
import { buildDemo, config, type BuiltRepo } from './helpers.js'

const built = new Map<DemoVariant, BuiltRepo>()
// The variants are independent repositories: build them side by side.
beforeAll(async () => {
  await Promise.all(DEMO_VARIANTS.map(async (v) => built.set(v, await buildDemo(v))))
})
afterAll(async () => {
  for (const b of built.values()) await b.fixture.cleanup()
})

async function check(variant: DemoVariant) {
  const repo = built.get(variant) as BuiltRepo
  return { repo, check: await checkRepository(repo.clone, config(), { prefer: 'remote' }) }
}

const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error')

describe('the worked example as a real repository', () => {
  it('passes, with the lines, releases and upgrades of DESIGN.md', async () => {
    const { check: c } = await check('ok')
    expect(c.result.findings).toEqual([])
    expect(c.result.conclusion).toBe('success')
    expect(c.result.lines.map((l) => [l.branch, l.isDefault])).toEqual([
      ['1.x', false],
      ['main', true],
    ])
    expect(
      c.result.releases.map((r) => [
        r.name,
        r.line,
        r.build,
        r.migrations
          .map((m) => m.id)
          .sort()
          .join(' '),
      ]),
    ).toEqual([
      ['v1.0', '1.x', '1.0', '2019.02.01'],
      ['v1.1', '1.x', '1.1', '2019.02.01 2019.04.01'],
      ['v1.2', '1.x', '1.2', '2019.02.01 2019.04.01 2019.10.15'],
      ['v2.0', 'main', '2.0', '2019.02.01 2019.04.01 2019.08.01'],
      ['v2.1', 'main', '2.1', '2019.02.01 2019.04.01 2019.08.01 2019.10.15'],
    ])
    const allowed = c.result.upgrades
      .filter((u) => u.allowed)
      .map((u) => `${u.from}>${u.to}`)
      .sort()
    expect(allowed).toEqual([
      'v1.0>v1.1',
      'v1.0>v1.2',
      'v1.0>v2.0',
      'v1.0>v2.1',
      'v1.1>v1.2',
      'v1.1>v2.0',
      'v1.1>v2.1',
      'v1.2>v2.1',
      'v2.0>v2.1',
    ])
    const marker = c.result.releases
      .find((r) => r.name === 'v1.2')
      ?.migrations.find((m) => m.id === '2019.10.15')
    expect(marker).toMatchObject({
      objectType: 'virtual_source',
      location: { file: 'src/plugin_runner.py', line: 16 },
    })
    const main = c.result.releases
      .find((r) => r.name === 'v2.1')
      ?.migrations.find((m) => m.id === '2019.10.15')
    expect(main?.contentHash).toBe(marker?.contentHash)
    expect(
      c.discovery.model.fixDiffs.find((d) => d.from === 'v1.2' && d.to === 'v2.1')?.missing,
    ).toEqual([])
  })

  it('fails fix-loss when 1.2 ships the fix without the marker (found through the cherry-pick patch)', async () => {
    const { check: c, repo } = await check('no-marker-1.2')
    const diff = c.discovery.model.fixDiffs.find((d) => d.from === 'v1.2' && d.to === 'v2.0')
    expect(diff?.missing.map((m) => m.subject)).toEqual([
      'Fix the start timeout on large databases (marker migration 2019.10.15)',
    ])
    expect(diff?.missing[0]?.sha).not.toBe(repo.marks.get('fix'))
    expect(c.result.findings.map((f) => f.rule)).toEqual(['fix-loss'])
    expect(errors(c.result.findings)[0]?.message).toMatch(/v1\.2.*v2\.0/)
    // 2.1 carries the fix (the -x trailer links the pick): no loss there.
    expect(
      c.discovery.model.fixDiffs.find((d) => d.from === 'v1.2' && d.to === 'v2.1')?.missing ?? [],
    ).toEqual([])
  })

  it('fails no-stranded-users and forward-ported when 2.1 lacks 2019.10.15', async () => {
    const { check: c } = await check('no-marker-2.1')
    expect(c.result.findings.map((f) => f.rule).sort()).toEqual([
      'forward-ported',
      'no-stranded-users',
    ])
    const message = (rule: string) => c.result.findings.find((f) => f.rule === rule)?.message
    expect(message('no-stranded-users')).toMatch(
      /^v1\.2 users are stranded: they cannot upgrade to v2\.1.*lacks 2019\.10\.15/,
    )
    expect(message('forward-ported')).toMatch(
      /2019\.10\.15 shipped in v1\.2 on 1\.x \(src\/plugin_runner\.py:\d+\) is missing at the head of the newer line main/,
    )
    expect(c.result.conclusion).toBe('failure')
  })

  it('fails migration-order on a linear engine: v1.2 -> v2.1 would skip 2019.08.01', async () => {
    const repo = built.get('ok') as BuiltRepo
    const c = await checkRepository(repo.clone, config('upgrade: { engine: linear }'), {
      prefer: 'remote',
    })
    expect(c.result.findings.map((f) => f.rule)).toEqual(['migration-order'])
    expect(c.result.findings[0]).toMatchObject({
      file: 'src/plugin_runner.py',
      releases: ['v1.2', 'v2.1'],
      message: expect.stringMatching(
        /^upgrading v1\.2 -> v2\.1 would skip 2019\.08\.01 on a linear migration engine: it sorts below 2019\.10\.15/,
      ),
    })
  })

  it('fails build-format on an unquoted buildNumber, at the plugin_config.yml line', async () => {
    const { check: c } = await check('unquoted-build')
    const f = c.result.findings
    expect(f.map((x) => x.rule)).toEqual(['build-format'])
    expect(f[0]).toMatchObject({ file: 'plugin_config.yml', line: 11 })
    expect(c.result.releases.find((r) => r.name === 'v1.2')).toMatchObject({
      build: '1.2',
      buildNotString: true,
    })
  })

  it('fails migration-id on "1.2" and "01.02", naming both file:line', async () => {
    const { check: c } = await check('duplicate-id')
    const f = c.result.findings
    expect(f.map((x) => x.rule)).toEqual(['migration-id'])
    expect(f[0]?.message).toContain('src/plugin_runner.py:37')
    expect(f[0]?.message).toContain('src/plugin_runner.py:42')
  })
})
