import { afterAll, describe, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})
async function build(steps: RepoStep[]) {
  const b = await buildRepo(steps)
  built.push(b)
  return b
}

function flywaySteps(hotfixOnLine: boolean): RepoStep[] {
  return [
    {
      kind: 'commit',
      message: 'init',
      files: { 'db/migration/V1__init.sql': 'create table t (id int);\n', 'README.md': 'x\n' },
    },
    { kind: 'tag', name: 'v1.0.0', annotated: true },
    {
      kind: 'commit',
      message: 'add column',
      files: { 'db/migration/V1_1__add_col.sql': 'alter table t add c int;\n' },
    },
    { kind: 'tag', name: 'v1.1.0' },
    { kind: 'branch', name: '1.x' },
    {
      kind: 'commit',
      message: 'big change',
      files: { 'db/migration/V2__big.sql': 'create table u (id int);\n' },
    },
    { kind: 'tag', name: 'v2.0.0' },
    ...(hotfixOnLine
      ? ([
          { kind: 'checkout', ref: '1.x' },
          {
            kind: 'commit',
            message: 'hotfix data',
            files: { 'db/migration/V1_2__hotfix.sql': 'update t set c = 0;\n' },
          },
          { kind: 'tag', name: 'v1.2.0' },
          { kind: 'checkout', ref: 'main' },
        ] as RepoStep[])
      : []),
  ]
}

describe('a Flyway repository with semver tags', () => {
  it('passes: builds from tags, IDs from V<id>__*.sql names', async () => {
    const b = await build(flywaySteps(false))
    const c = await checkRepository(b.clone, config('upgrade: { scheme: semver }'), {
      prefer: 'remote',
    })
    expect(c.discovery.layout).toBe('flyway')
    expect(c.discovery.buildSource).toBe('tag')
    expect(
      c.result.releases.map((r) => [
        r.name,
        r.line,
        r.build,
        r.migrations
          .map((m) => m.id)
          .sort()
          .join(','),
      ]),
    ).toEqual([
      ['v1.0.0', '1.x', '1.0.0', '1'],
      ['v1.1.0', '1.x', '1.1.0', '1,1.1'],
      ['v2.0.0', 'main', '2.0.0', '1,1.1,2'],
    ])
    expect(c.result.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('fails when a migration shipped on 1.x is not on main', async () => {
    const b = await build(flywaySteps(true))
    const c = await checkRepository(b.clone, config('upgrade: { scheme: semver }'), {
      prefer: 'remote',
    })
    expect(c.result.findings.map((f) => f.rule).sort()).toEqual([
      'forward-ported',
      'no-stranded-users',
    ])
    expect(c.result.conclusion).toBe('failure')
    expect(c.result.findings.find((f) => f.rule === 'forward-ported')).toMatchObject({
      file: 'db/migration/V1_2__hotfix.sql',
      message: expect.stringMatching(
        /^migration 1\.2 shipped in v1\.2\.0 on 1\.x \(db\/migration\/V1_2__hotfix\.sql\) is missing at the head of the newer line main/,
      ),
    })
    expect(c.result.findings.find((f) => f.rule === 'no-stranded-users')?.message).toMatch(
      /^v1\.2\.0 users are stranded: they cannot upgrade to v2\.0\.0, the newest release, because v2\.0\.0 lacks 1\.2/,
    )
  })
})

describe('a golang-migrate repository with the build in package.json', () => {
  it('reads <id>_*.up.sql IDs and package.json versions, and reports a tag that disagrees', async () => {
    const pkg = (v: string) => JSON.stringify({ name: 'svc', version: v }, null, 2) + '\n'
    const b = await build([
      {
        kind: 'commit',
        message: 'init',
        files: {
          'package.json': pkg('1.0'),
          'migrations/000001_init.up.sql': 'create;\n',
          'migrations/000001_init.down.sql': 'drop;\n',
        },
      },
      { kind: 'tag', name: '1.0' },
      { kind: 'branch', name: 'release/1.0' },
      {
        kind: 'commit',
        message: 'two',
        files: { 'package.json': pkg('1.1'), 'migrations/000002_more.up.sql': 'alter;\n' },
      },
      { kind: 'tag', name: 'v1.1' },
      { kind: 'commit', message: 'three', files: { 'package.json': pkg('1.3') } },
      { kind: 'tag', name: 'v1.2' },
    ])
    const c = await checkRepository(
      b.clone,
      config('lines: { patterns: ["^release/\\\\d+\\\\.\\\\d+$"] }'),
      { prefer: 'remote' },
    )
    expect(c.discovery.layout).toBe('golang-migrate')
    expect(c.discovery.buildSource).toBe('package-json')
    expect(
      c.result.releases.map((r) => [
        r.name,
        r.line,
        r.build,
        r.migrations.map((m) => m.id).join(','),
      ]),
    ).toEqual([
      ['1.0', 'release/1.0', '1.0', '000001'],
      ['v1.1', 'main', '1.1', '000001,000002'],
      ['v1.2', 'main', '1.3', '000001,000002'],
    ])
    const mismatch = c.result.findings.find((f) => f.message.includes('tag v1.2 names build 1.2'))
    expect(mismatch).toMatchObject({
      rule: 'build-format',
      severity: 'warning',
      file: 'package.json',
      line: 3,
    })
  })
})

describe('a manifest of IDs with the build in a configured file and key', () => {
  it('reads both, and reports an unquoted build number at its line', async () => {
    const release = (build: string) => `app:\n  name: svc\n  build: ${build}\n`
    const b = await build([
      {
        kind: 'commit',
        message: 'init',
        files: { 'release.yml': release('"1.0"'), 'db/ids.yml': '- "2024.1"\n' },
      },
      { kind: 'tag', name: 'v1.0' },
      { kind: 'branch', name: 'stable-1' },
      {
        kind: 'commit',
        message: 'two',
        files: { 'release.yml': release('2.0'), 'db/ids.yml': '- "2024.1"\n- "2024.2"\n' },
      },
      { kind: 'tag', name: 'v2.0' },
    ])
    const c = await checkRepository(
      b.clone,
      config(
        'upgrade:\n  build: { source: file, file: release.yml, key: app.build }\n  migrations: { layout: manifest, manifest: db/ids.yml }\n',
      ),
      { prefer: 'remote' },
    )
    expect(
      c.result.releases.map((r) => [
        r.name,
        r.line,
        r.build,
        r.migrations.map((m) => `${m.id}@${m.location.line}`).join(','),
      ]),
    ).toEqual([
      ['v1.0', 'stable-1', '1.0', '2024.1@1'],
      ['v2.0', 'main', '2.0', '2024.1@1,2024.2@2'],
    ])
    expect(c.result.releases[1]?.buildNotString).toBe(true)
    expect(
      c.result.findings.find((f) => f.rule === 'build-format' && f.severity === 'error'),
    ).toMatchObject({ file: 'release.yml', line: 3 })
  })
})
