/**
 * Build sources, migration layouts and line patterns not covered by the demo (layouts.test.ts has
 * Flyway, golang-migrate and the manifest): Rails migrations with a VERSION file on `release-N.N`
 * lines with bare `{build}` tags, a configured regex on `N.N.x` lines with builds from `v{build}`
 * tags, and the bookkeeping paths fix-loss ignores (default and configured).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

const MARKER = 'db/migrate/20191015000000_sync_fix_marker.rb'
const rb = (name: string) =>
  `class ${name} < ActiveRecord::Migration[7.1]\n  def change; end\nend\n`

const FIX = { 'app/sync.rb': 'def sync; retry_once; end\n', [MARKER]: rb('SyncFixMarker') }

function portStep(port: Port): RepoStep {
  if (port === 'pick') return { kind: 'cherry-pick', mark: 'fix' }
  if (port === 'by-hand') return { kind: 'commit', message: 'Fix the sync bug (1.x)', files: FIX }
  return { kind: 'cherry-pick', mark: 'fix', files: { [MARKER]: null } }
}

/**
 * The worked example as a Rails app: 1.0 and 1.1 on main, `release-1.1` cut at 1.1, 2.0 on main, the
 * fix with its marker migration on main (2.1) and carried to release-1.1 (1.2): cherry-picked with -x,
 * picked without the marker, or re-applied by hand (same change, no `cherry picked from` trailer).
 */
type Port = 'pick' | 'pick-without-marker' | 'by-hand'

function railsSteps(port: Port, after: RepoStep[] = []): RepoStep[] {
  const release = (v: string): RepoStep[] => [
    { kind: 'commit', message: `Release ${v}`, files: { VERSION: `${v}\n` } },
    { kind: 'tag', name: v },
  ]
  return [
    {
      kind: 'commit',
      message: 'Initial app',
      files: {
        'app/sync.rb': 'def sync; end\n',
        'db/migrate/20190201000000_create_things.rb': rb('CreateThings'),
      },
    },
    ...release('1.0'),
    {
      kind: 'commit',
      message: 'Add a column',
      files: { 'db/migrate/20190401000000_add_column.rb': rb('AddColumn') },
    },
    ...release('1.1'),
    { kind: 'branch', name: 'release-1.1' },
    {
      kind: 'commit',
      message: 'New table',
      files: { 'db/migrate/20190801000000_new_table.rb': rb('NewTable') },
    },
    ...release('2.0'),
    {
      kind: 'commit',
      message: 'Fix the sync bug',
      mark: 'fix',
      files: FIX,
    },
    ...release('2.1'),
    { kind: 'checkout', ref: 'release-1.1' },
    portStep(port),
    ...release('1.2'),
    ...after,
    { kind: 'checkout', ref: 'main' },
  ]
}

describe('a Rails app with VERSION files on release-N.N lines and bare {build} tags', () => {
  it('passes: db/migrate timestamps as IDs, builds from VERSION, the release-1.1 line', async () => {
    const b = await build(railsSteps('pick'))
    const c = await checkRepository(b.clone, config(), { prefer: 'remote' })
    expect([c.discovery.layout, c.discovery.buildSource, c.discovery.buildFile]).toEqual([
      'rails',
      'version-file',
      'VERSION',
    ])
    expect(c.result.lines.map((l) => [l.branch, l.version, l.isDefault])).toEqual([
      ['release-1.1', [1, 1], false],
      ['main', undefined, true],
    ])
    expect(c.result.releases.map((r) => [r.name, r.line, r.build, r.migrations.length])).toEqual([
      ['1.0', 'release-1.1', '1.0', 1],
      ['1.1', 'release-1.1', '1.1', 2],
      ['1.2', 'release-1.1', '1.2', 3],
      ['2.0', 'main', '2.0', 3],
      ['2.1', 'main', '2.1', 4],
    ])
    expect(c.result.releases[0]?.buildLocation).toEqual({ file: 'VERSION', line: 1 })
    expect(c.result.findings).toEqual([])
  })

  it('fails fix-loss (1.2 -> 2.0) when the pick to release-1.1 leaves the marker migration out', async () => {
    const b = await build(railsSteps('pick-without-marker'))
    const c = await checkRepository(b.clone, config(), { prefer: 'remote' })
    expect(c.result.findings.map((f) => f.rule)).toEqual(['fix-loss'])
    expect(c.result.findings[0]).toMatchObject({
      file: 'VERSION',
      line: 1,
      releases: ['1.2', '2.0'],
      message: expect.stringMatching(
        // Rails runs any migration it has not recorded: the advice is the remedy that works there.
        /^upgrading 1\.2 -> 2\.0 would lose fixes [0-9a-f]{7} "Fix the sync bug": release the fix on 2\.0's line and point 1\.2 users at that release: Rails .* a marker migration blocks nothing$/,
      ),
    })
  })
})

describe('patch equivalence without a trailer', () => {
  it('a fix re-applied by hand on release-1.1 is matched to main by its patch id: no fix-loss', async () => {
    const b = await build(railsSteps('by-hand'))
    const c = await checkRepository(b.clone, config(), { prefer: 'remote' })
    const diff = c.discovery.model.fixDiffs.find((d) => d.from === '1.2' && d.to === '2.1')
    expect(diff?.missing).toEqual([])
    expect(c.result.findings).toEqual([])
  })
})

describe('bookkeeping paths (ignored when looking for lost fixes)', () => {
  // After 1.2 on release-1.1: a CHANGELOG-only commit, a docs-only commit, then release 1.3 (1.3 -> 2.1 is allowed).
  const after: RepoStep[] = [
    { kind: 'commit', message: 'Changelog for 1.3', files: { 'CHANGELOG.md': '## 1.3\n' } },
    { kind: 'commit', message: 'Document the retry', files: { 'docs/sync.md': 'retries once\n' } },
    { kind: 'commit', message: 'Release 1.3', files: { VERSION: '1.3\n' } },
    { kind: 'tag', name: '1.3' },
  ]
  const lost = async (yaml: string) => {
    const c = await checkRepository(b.clone, config(yaml), { prefer: 'remote' })
    return c.result.findings.map((f) => `${f.rule}: ${f.message.split(':')[0]}`)
  }
  let b: BuiltRepo
  beforeAll(async () => {
    b = await build(railsSteps('pick', after))
  })

  it('by default: changelogs and the build-number file are bookkeeping, other files are fixes', async () => {
    const findings = await lost('')
    expect(findings).toEqual([
      expect.stringMatching(
        /^fix-loss: upgrading 1\.3 -> 2\.1 would lose fixes [0-9a-f]{7} "Document the retry"$/,
      ),
    ])
  })

  it('configured: upgrade.bookkeeping replaces the defaults; the build-number file stays bookkeeping', async () => {
    expect(await lost('upgrade: { bookkeeping: ["docs/**"] }')).toEqual([
      expect.stringMatching(
        /^fix-loss: upgrading 1\.3 -> 2\.1 would lose fixes [0-9a-f]{7} "Changelog for 1\.3"$/,
      ),
    ])
    expect(await lost('upgrade: { bookkeeping: ["docs/**", "CHANGELOG*"] }')).toEqual([])
  })
})

describe('a configured regex layout on N.N.x lines with v{build} tags', () => {
  const steps = (late: boolean): RepoStep[] => [
    {
      kind: 'commit',
      message: 'one',
      files: { 'sql/0001-init.sql': 'create;\n', 'sql/README': 'x\n' },
    },
    { kind: 'tag', name: 'v1.0' },
    { kind: 'commit', message: 'two', files: { 'sql/0002-more.sql': 'alter;\n' } },
    { kind: 'tag', name: 'v1.1' },
    { kind: 'branch', name: '1.1.x' },
    { kind: 'commit', message: 'three', files: { 'sql/0003-new.sql': 'create u;\n' } },
    { kind: 'tag', name: 'v2.0' },
    { kind: 'checkout', ref: '1.1.x' },
    { kind: 'commit', message: 'Release 1.2', files: {} },
    { kind: 'tag', name: 'v1.2' },
    ...(late
      ? ([
          { kind: 'commit', message: 'Release 1.1.5', files: {} },
          { kind: 'tag', name: 'v1.1.5' },
        ] as RepoStep[])
      : []),
    { kind: 'checkout', ref: 'main' },
  ]
  const yaml =
    'upgrade:\n  build: { source: tag }\n  migrations: { layout: regex, dirs: [sql], pattern: "^(?<id>\\\\d+)-.*\\\\.sql$" }\n'

  it('passes: IDs from the named group, builds from the tags, the 1.1.x line', async () => {
    const b = await build(steps(false))
    const c = await checkRepository(b.clone, config(yaml), { prefer: 'remote' })
    expect([c.discovery.layout, c.discovery.buildSource]).toEqual(['regex', 'tag'])
    expect(
      c.result.releases.map((r) => [
        r.name,
        r.line,
        r.build,
        r.migrations.map((m) => m.id).join(','),
      ]),
    ).toEqual([
      ['v1.0', '1.1.x', '1.0', '0001'],
      ['v1.1', '1.1.x', '1.1', '0001,0002'],
      ['v1.2', '1.1.x', '1.2', '0001,0002'],
      ['v2.0', 'main', '2.0', '0001,0002,0003'],
    ])
    expect(c.result.findings).toEqual([])
  })

  it('fails build-monotonic when a later tag on the line names a lower build', async () => {
    const b = await build(steps(true))
    const c = await checkRepository(b.clone, config(yaml), { prefer: 'remote' })
    expect(c.result.findings.map((f) => f.rule)).toEqual(['build-monotonic'])
    expect(c.result.findings[0]?.message).toMatch(
      /^v1\.1\.5 on 1\.1\.x has build 1\.1\.5, below build 1\.2 of the previous release v1\.2/,
    )
  })
})
