/**
 * Loud when nothing, or the wrong thing, was checked (issue 8), each on a generated repository: no
 * release, a configured layout that matches no migration, dirs that match nothing, a shallow clone
 * (CLI), a VERSION holding `v2.16.0`; vendored migrations never count; one cause gives one finding.
 * Every case shows in text, JSON and Markdown and never as a bare PASS.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { bufferIO } from '../../../src/cli/io.js'
import { runCli } from '../../../src/cli/run.js'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import type { CheckResult } from '../../../src/upgrade/model.js'
import { renderJson, renderMarkdown, renderText } from '../../../src/upgrade/render/index.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})
async function check(steps: RepoStep[], yaml = '') {
  const b = await buildRepo(steps)
  built.push(b)
  return checkRepository(b.clone, config(yaml), { prefer: 'remote' })
}

/** The coverage codes, and that every format says so without a bare PASS. */
function loud(result: CheckResult): string[] {
  const codes = (result.coverage ?? []).map((c) => c.code)
  const json = JSON.parse(renderJson(result)) as { verdict: string; coverage: { code: string }[] }
  expect(json.coverage.map((c) => c.code)).toEqual(codes)
  expect(json.verdict).not.toBe('PASS')
  const text = renderText(result)
  expect(text.split('\n')[0]).not.toMatch(/: PASS/)
  const md = renderMarkdown(result)
  expect(md).not.toMatch(/upgrade-safety: passed$/m)
  for (const c of result.coverage ?? []) {
    expect(text).toContain(`  ! ${c.message}`)
    expect(md).toContain('> [!WARNING]')
  }
  return codes
}

const sql = (s: string) => `${s};\n`

describe('nothing checked', () => {
  it('no release: no tag at all', async () => {
    const c = await check([
      { kind: 'commit', message: 'init', files: { 'db/migration/V1__a.sql': sql('a') } },
    ])
    expect(loud(c.result)).toEqual(['no-releases'])
    expect(c.result.coverage?.[0]?.message).toMatch(
      /^no release found: no tag matches upgrade\.tags \(v\{build\}, \{build\}\)/,
    )
  })

  it('lines.newest naming no branch (a typo) is said, not silently ignored', async () => {
    const c = await check(
      [
        { kind: 'commit', message: 'init', files: { 'db/migration/V1__a.sql': sql('a') } },
        { kind: 'tag', name: 'v1.0' },
        { kind: 'branch', name: '1.x' },
      ],
      'lines:\n  newest: develp\n',
    )
    expect(loud(c.result)).toContain('newest-missing')
    expect(c.result.coverage?.find((w) => w.code === 'newest-missing')?.message).toMatch(
      /^lines\.newest names "develp", which is no branch of the repository/,
    )
  })

  it('no release: the tags are on no release line', async () => {
    const c = await check(
      [
        { kind: 'commit', message: 'init', files: { 'README.md': 'x\n' } },
        { kind: 'tag', name: 'v1.0' },
        { kind: 'branch', name: 'develop' },
      ],
      'lines: { patterns: ["^stable-\\\\d+$"], defaultBranch: false }',
    )
    expect(c.result.releases).toEqual([])
    expect(c.result.coverage?.map((w) => w.code)).toContain('no-releases')
    expect(c.result.coverage?.[0]?.message).toBe(
      'no release found: the one tag matching upgrade.tags is on no release line (none found; see the notes), ' +
        'so no release was checked; set lines.patterns to your release branches',
    )
  })

  it('a configured layout that matches no migration, and dirs that match no folder', async () => {
    const steps: RepoStep[] = [
      { kind: 'commit', message: 'init', files: { 'db/migration/V1__a.sql': sql('a') } },
      { kind: 'tag', name: 'v1.0' },
    ]
    const layout = await check(steps, 'upgrade: { migrations: { layout: golang-migrate } }')
    expect(loud(layout.result)).toEqual(['no-migrations'])
    expect(layout.result.coverage?.[0]?.message).toMatch(
      /^upgrade\.migrations\.layout is golang-migrate, but no release and no line head has a migration named <version>_<name>\.up\.sql/,
    )
    const pattern = await check(steps, 'upgrade: { migrations: { pattern: "^(?<id>\\\\d+)-" } }')
    expect(loud(pattern.result)).toEqual(['no-migrations'])
    expect(pattern.result.coverage?.[0]?.message).toContain(
      'upgrade.migrations.layout is regex, but no release and no line head has a migration whose name matches upgrade.migrations.pattern',
    )
    const dirs = await check(steps, 'upgrade: { migrations: { dirs: [db/migrations] } }')
    expect(loud(dirs.result)).toEqual(['no-migrations', 'dirs-unmatched'])
    expect(dirs.result.coverage?.[1]?.message).toMatch(
      /^upgrade\.migrations\.dirs "db\/migrations" matches no folder at any release or line head/,
    )
  })

  it('a VERSION holding v2.16.0 on every release: one warning with the fix, no error per release', async () => {
    const c = await check([
      {
        kind: 'commit',
        message: 'init',
        files: { VERSION: 'v2.16.0\n', 'db/migrate/20200101000000_create.rb': 'x\n' },
      },
      { kind: 'tag', name: 'v2.16.0' },
      { kind: 'commit', message: 'bump', files: { VERSION: 'v2.17.0\n' } },
      { kind: 'tag', name: 'v2.17.0' },
    ])
    expect(c.discovery.buildSource).toBe('version-file')
    expect(loud(c.result)).toEqual(['builds-invalid'])
    expect(c.result.findings).toEqual([])
    expect(c.result.coverage?.[0]?.message).toBe(
      'no release has a valid build number: VERSION gives "v2.16.0" at v2.16.0, "v2.17.0" at v2.17.0, ' +
        'so no upgrade between releases was checked; write the bare build in VERSION (2.16.0, not v2.16.0), ' +
        'or set upgrade.build.source: tag to take builds from the tags',
    )
  })
})

describe('a shallow clone, through the CLI', () => {
  it('says the history was cut, in text and JSON', async () => {
    const b = await buildRepo([
      { kind: 'commit', message: 'one', files: { 'db/migration/V1__a.sql': sql('a') } },
      { kind: 'tag', name: 'v1.0' },
      { kind: 'commit', message: 'two', files: { 'db/migration/V2__b.sql': sql('b') } },
      { kind: 'tag', name: 'v2.0' },
    ])
    built.push(b)
    const shallow = await b.fixture.checkoutClone({ depth: 1 })
    await shallow.run(['fetch', '-q', '--depth=1', 'origin', '+refs/tags/*:refs/tags/*'])
    const run = async (...extra: string[]) => {
      const io = bufferIO(shallow.cwd)
      const code = await runCli(['check', '--repo', shallow.cwd, ...extra], io)
      return { code, out: io.stdout.join('') }
    }
    const text = await run()
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^fixline upgrade-safety: INCOMPLETE/)
    expect(text.out).toContain('  ! this clone is shallow: commits beyond its depth are missing')
    const json = JSON.parse((await run('--format', 'json')).out) as {
      coverage: { code: string }[]
    }
    expect(json.coverage.map((c) => c.code)).toContain('shallow')
    expect((await run('--format', 'markdown')).out).toContain('this clone is shallow')
    // The full clone says nothing of the kind.
    const full = bufferIO(b.clone.cwd)
    await runCli(['check', '--repo', b.clone.cwd], full)
    expect(full.stdout.join('')).not.toContain('shallow')
  })
})

describe('what counts as a migration', () => {
  it('auto discovery never counts vendored migrations', async () => {
    const c = await check([
      {
        kind: 'commit',
        message: 'init',
        files: {
          'db/migrate/20240101000000_create_users.rb': 'x\n',
          'vendor/bundle/ruby/3.2.0/gems/engine-1.0/db/migrate/20190101000000_gem.rb': 'x\n',
          'node_modules/pkg/migrations/000001_init.up.sql': sql('x'),
          'third_party/lib/db/migration/V1__lib.sql': sql('x'),
        },
      },
      { kind: 'tag', name: 'v1.0' },
    ])
    expect(c.discovery.layout).toBe('rails')
    expect(c.result.releases[0]?.migrations.map((m) => m.id)).toEqual(['20240101000000'])
  })

  it('a module layout: Flyway Java and SQL migrations under a dirs glob, at any depth', async () => {
    const res = 'billing/src/main/resources/db/migration'
    const java = 'billing/src/main/java/db/migration'
    const c = await check(
      [
        {
          kind: 'commit',
          message: 'init',
          files: {
            [`${res}/V7_0_2018_04_03__Init.sql`]: sql('create'),
            [`${java}/V7_0_2018_05_01__Backfill.java`]: 'class V7_0_2018_05_01__Backfill {}\n',
            'tools/db/migration/V9__tooling.sql': sql('not ours'),
          },
        },
        { kind: 'tag', name: 'v7.0' },
      ],
      'upgrade: { migrations: { layout: flyway, dirs: ["*/src/main/resources/db/migration", "java/db/migration"] } }',
    )
    expect(c.result.releases[0]?.migrations.map((m) => m.id).sort()).toEqual([
      '7.0.2018.04.03',
      '7.0.2018.05.01',
    ])
    expect(c.result.coverage ?? []).toEqual([])
  })
})

describe('one cause, one finding', () => {
  it('an old-SDK plugin_config.yml with version: instead of buildNumber:', async () => {
    const cfg = (v: string) => `id: plugin\nversion: ${v}\nsrcDir: src\n`
    const c = await check([
      {
        kind: 'commit',
        message: 'init',
        files: { 'plugin_config.yml': cfg('1.0.0'), 'src/plugin.py': 'x = 1\n' },
      },
      { kind: 'tag', name: 'v1.0.0' },
      { kind: 'commit', message: 'next', files: { 'plugin_config.yml': cfg('1.1.0') } },
      { kind: 'tag', name: 'v1.1.0' },
    ])
    expect(c.result.findings).toEqual([
      expect.objectContaining({
        rule: 'build-format',
        severity: 'warning',
        file: 'plugin_config.yml',
        message: expect.stringMatching(/^plugin_config\.yml has no buildNumber, only version:/),
      }),
    ])
    expect(renderText(c.result)).toContain('v1.0.0 [no build], v1.1.0 [no build]')
  })

  it('--ref on a tag-built line: one finding, no empty parentheses', async () => {
    const b = await buildRepo([
      { kind: 'commit', message: 'init', files: { 'db/migrate/20200101000000_a.rb': 'x\n' } },
      { kind: 'tag', name: 'v1.0' },
      { kind: 'commit', message: 'more', files: { 'db/migrate/20200201000000_b.rb': 'x\n' } },
    ])
    built.push(b)
    const io = bufferIO(b.clone.cwd)
    expect(
      await runCli(['check', '--repo', b.clone.cwd, '--ref', 'HEAD', '--format', 'json'], io),
    ).toBe(1)
    const json = JSON.parse(io.stdout.join('')) as { findings: { message: string }[] }
    expect(json.findings.map((f) => f.message)).toEqual([
      'HEAD: the build number comes from tags, and this commit has no release tag',
    ])
    expect(io.stdout.join('')).not.toContain('()')
  })
})
