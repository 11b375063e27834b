/**
 * Releases in their true order, each class in a generated repository (Flyway migrations, builds from
 * tags unless said otherwise): a GA tag on the commit of its last rc, a hotfix cut from an older
 * release and merged later, tags one commit off their line, prereleases and upgrade.prereleases,
 * and the line order config (lines.newest, lines.order).
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository, type RepoCheck } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

async function check(steps: RepoStep[], yaml = ''): Promise<RepoCheck> {
  const b = await buildRepo(steps)
  built.push(b)
  return checkRepository(b.clone, config(yaml), { prefer: 'remote' })
}

const sql = (id: string): Record<string, string> => ({
  [`db/migration/V${id.replace(/\./g, '_')}__m.sql`]: `-- ${id}\nselect 1;\n`,
})
const commit = (message: string, files: Record<string, string> = {}): RepoStep => ({
  kind: 'commit',
  message,
  files: { [`notes/${message.replace(/\W+/g, '-')}.txt`]: `${message}\n`, ...files },
})
const tag = (name: string): RepoStep => ({ kind: 'tag', name })

const errors = (c: RepoCheck) => c.result.findings.filter((f) => f.severity === 'error')
const rules = (c: RepoCheck) => c.result.findings.map((f) => f.rule)
const order = (c: RepoCheck, line: string) =>
  c.result.releases.filter((r) => r.line === line).map((r) => r.name)
const previous = (c: RepoCheck) =>
  Object.fromEntries(c.result.releases.map((r) => [r.name, r.previous]))

describe('tags on one commit are ordered by build', () => {
  const steps: RepoStep[] = [
    commit('init', sql('1')),
    tag('v1.0.0'),
    commit('two', sql('2')),
    tag('v2.0.0-rc1'),
    commit('fix in rc', sql('2.1')),
    // the GA tag sorts before the rc tag by name ("v2.0.0" < "v2.0.0-rc3")
    tag('v2.0.0'),
    tag('v2.0.0-rc3'),
  ]

  it('a GA tag on the commit of its last rc follows it: no build-monotonic, no build-format', async () => {
    const c = await check(steps, 'upgrade: { prereleases: check }')
    expect(order(c, 'main')).toEqual(['v1.0.0', 'v2.0.0-rc1', 'v2.0.0-rc3', 'v2.0.0'])
    expect(previous(c)['v2.0.0']).toEqual(['v2.0.0-rc3'])
    expect(rules(c)).not.toContain('build-monotonic')
    expect(errors(c)).toEqual([])
  })

  it('the semver scheme, with .rc1 tags', async () => {
    const c = await check(
      [
        commit('init', sql('1')),
        tag('v1.0.0'),
        commit('two', sql('2')),
        tag('v2.0.0.rc1'),
        commit('fix in rc', sql('2.1')),
        tag('v2.0.0'),
        tag('v2.0.0.rc2'),
      ],
      'upgrade: { scheme: semver, prereleases: check }',
    )
    expect(order(c, 'main')).toEqual(['v1.0.0', 'v2.0.0.rc1', 'v2.0.0.rc2', 'v2.0.0'])
    expect(errors(c)).toEqual([])
  })

  it('a build read from a file: the rc and GA tags on one commit are one build tagged twice', async () => {
    const c = await check(
      [
        commit('init', { ...sql('1'), VERSION: '1.0.0\n' }),
        tag('v1.0.0'),
        commit('two', { ...sql('2'), VERSION: '2.0.0\n' }),
        tag('v2.0.0'),
        tag('v2.0.0-rc3'),
      ],
      'upgrade: { prereleases: check }',
    )
    expect(c.discovery.buildSource).toBe('version-file')
    expect(order(c, 'main')).toEqual(['v1.0.0', 'v2.0.0-rc3', 'v2.0.0'])
    expect(rules(c)).not.toContain('build-monotonic')
    expect(rules(c)).not.toContain('build-unique')
  })
})

describe("a release's predecessor is its nearest ancestor release on its line", () => {
  // 7.2 -> 7.3 -> 7.4 on main; 7.2.1 cut from 7.2, merged into main after 7.4, then 7.5
  const steps: RepoStep[] = [
    commit('seven-two', sql('7.2')),
    tag('v7.2'),
    { kind: 'branch', name: 'hotfix-7.2' },
    commit('seven-three', sql('7.3')),
    tag('v7.3'),
    commit('seven-four', sql('7.4')),
    tag('v7.4'),
    { kind: 'checkout', ref: 'hotfix-7.2' },
    commit('hotfix', sql('7.2.1')),
    tag('v7.2.1'),
    { kind: 'checkout', ref: 'main' },
    { kind: 'merge', ref: 'hotfix-7.2' },
    commit('seven-five', sql('7.5')),
    tag('v7.5'),
  ]

  it('compares the hotfix with 7.2, and 7.5 with both 7.4 and the hotfix', async () => {
    const c = await check(steps)
    expect(previous(c)).toMatchObject({
      'v7.2': [],
      'v7.3': ['v7.2'],
      'v7.4': ['v7.3'],
      'v7.2.1': ['v7.2'],
    })
    expect([...(previous(c)['v7.5'] ?? [])].sort()).toEqual(['v7.2.1', 'v7.4'])
    expect(rules(c)).not.toContain('build-monotonic')
    expect(rules(c)).not.toContain('append-only')
    expect(errors(c)).toEqual([])
  })

  it('still reports a release that drops a migration of the hotfix it merged', async () => {
    const c = await check([
      ...steps.slice(0, -2),
      {
        kind: 'commit',
        message: 'seven-five drops the hotfix migration',
        files: { ...sql('7.5'), 'db/migration/V7_2_1__m.sql': null },
      },
      tag('v7.5'),
    ])
    const dropped = c.result.findings.filter((f) => f.rule === 'append-only')
    expect(dropped.map((f) => f.releases)).toEqual([['v7.2.1', 'v7.5']])
    expect(dropped[0]?.message).toContain('drops migration 7.2.1 of the previous release v7.2.1')
  })
})

describe('a tag on a commit off its line belongs to the line of its first parent', () => {
  // svn-style: every release is a "Tagged version" commit made on a detached head
  const tagged = (v: string): RepoStep[] => [
    { kind: 'checkout', ref: 'HEAD^0' },
    { kind: 'commit', message: `Tagged version ${v}`, files: { 'CHANGELOG.md': `${v}\n` } },
    tag(`v${v}`),
  ]
  const steps: RepoStep[] = [
    commit('init', sql('1')),
    ...tagged('1.0'),
    { kind: 'checkout', ref: 'main' },
    commit('one-one', sql('1.1')),
    ...tagged('1.1'),
    { kind: 'checkout', ref: 'main' },
    { kind: 'branch', name: '1.x' },
    commit('two', sql('2')),
    ...tagged('2.0'),
    { kind: 'checkout', ref: '1.x' },
    { kind: 'commit', message: 'changelog on 1.x', files: { 'CHANGELOG.md': '1.x\n' } },
    ...tagged('1.2'),
    { kind: 'checkout', ref: 'main' },
  ]

  it('finds every release, on the right line and in order, and says so in the notes', async () => {
    const c = await check(steps)
    expect(order(c, '1.x')).toEqual(['v1.0', 'v1.1', 'v1.2'])
    expect(order(c, 'main')).toEqual(['v2.0'])
    expect(previous(c)).toEqual({ 'v1.0': [], 'v1.1': ['v1.0'], 'v1.2': ['v1.1'], 'v2.0': [] })
    expect(c.discovery.notes).toContainEqual(
      expect.stringContaining('4 tags sit on a commit on no line'),
    )
    expect(c.discovery.notes.join('\n')).toContain('v1.2 (1 commit off 1.x)')
    expect(errors(c)).toEqual([])
  })

  it('a branch of work further off is still no release', async () => {
    const c = await check([
      commit('init', sql('1')),
      tag('v1.0'),
      { kind: 'branch', name: 'experiment' },
      { kind: 'checkout', ref: 'experiment' },
      commit('e1'),
      commit('e2'),
      commit('e3'),
      commit('e4'),
      tag('v9.0'),
      { kind: 'checkout', ref: 'main' },
    ])
    expect(c.result.releases.map((r) => r.name)).toEqual(['v1.0'])
    expect(c.discovery.notes).toContainEqual(
      expect.stringContaining('tag v9.0 (build 9.0) is on no release line'),
    )
  })
})

describe('prereleases and upgrade.prereleases', () => {
  // 2.0.0-rc1 ships migration 2; the GA renames it away: append-only names the rc
  const steps: RepoStep[] = [
    commit('init', sql('1')),
    tag('v1.0.0'),
    commit('two', sql('2')),
    tag('v2.0.0-RC1'),
    {
      kind: 'commit',
      message: 'rework',
      files: { 'db/migration/V2__m.sql': null, ...sql('2.0.1') },
    },
    tag('v2.0.0'),
  ]

  it('check: a finding that names a prerelease is an error; no build-format error for the rc', async () => {
    const c = await check(steps, 'upgrade: { prereleases: check }')
    expect(order(c, 'main')).toEqual(['v1.0.0', 'v2.0.0-RC1', 'v2.0.0'])
    expect(c.result.releases.find((r) => r.name === 'v2.0.0-RC1')?.prerelease).toBe(true)
    expect(errors(c).map((f) => f.rule)).toContain('append-only')
    expect(errors(c).every((f) => f.releases?.includes('v2.0.0-RC1'))).toBe(true)
    expect(rules(c)).not.toContain('build-format')
  })

  it('warn (the default): the same finding is a warning that says why', async () => {
    const c = await check(steps)
    expect(errors(c)).toEqual([])
    expect(c.result.conclusion).toBe('success')
    expect(c.result.findings.map((x) => x.rule)).toEqual(['append-only'])
    const f = c.result.findings.find((x) => x.rule === 'append-only')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('v2.0.0-RC1 is a prerelease, and upgrade.prereleases is warn')
  })

  it('ignore: prerelease tags are no releases, and the notes name them', async () => {
    const c = await check(steps, 'upgrade: { prereleases: ignore }')
    expect(c.result.releases.map((r) => r.name)).toEqual(['v1.0.0', 'v2.0.0'])
    expect(c.result.findings).toEqual([])
    expect(c.discovery.notes).toContainEqual(
      '1 prerelease tag not checked (upgrade.prereleases: ignore): v2.0.0-RC1',
    )
  })
})

describe('line order in config', () => {
  // git-flow: main got 1.0 and went stale; develop carries every later release
  const gitFlow: RepoStep[] = [
    commit('init', sql('1')),
    tag('v1.0'),
    { kind: 'branch', name: 'develop' },
    { kind: 'checkout', ref: 'develop' },
    commit('d1', sql('2')),
    commit('d2'),
    commit('d3'),
    commit('d4'),
    tag('v2.0'),
    commit('d5', sql('3')),
    tag('v3.0'),
    { kind: 'checkout', ref: 'main' },
  ]

  it('lines.newest: develop is the newest line, main an ordinary branch', async () => {
    const before = await check(gitFlow)
    expect(before.result.releases.map((r) => r.name)).toEqual(['v1.0'])
    const c = await check(gitFlow, 'lines: { newest: develop }')
    expect(c.result.lines.map((l) => [l.branch, l.isDefault])).toEqual([['develop', true]])
    expect(order(c, 'develop')).toEqual(['v1.0', 'v2.0', 'v3.0'])
    expect(errors(c)).toEqual([])
  })

  // legacy (0.x builds), 1.x, next (3.x) and main (4.x): lines without numbers placed by lines.order
  const named: RepoStep[] = [
    commit('init', sql('0.1')),
    tag('v0.1'),
    { kind: 'branch', name: 'legacy' },
    commit('one', sql('1')),
    tag('v1.0'),
    { kind: 'branch', name: '1.x' },
    commit('three', sql('3')),
    tag('v3.0'),
    { kind: 'branch', name: 'next' },
    commit('four', sql('4')),
    tag('v4.0'),
  ]

  it('lines.order places lines without numbers; unlisted, they sort oldest', async () => {
    const c = await check(named, 'lines: { order: [legacy, "{numbered}", next] }')
    expect(c.result.lines.map((l) => l.branch)).toEqual(['legacy', '1.x', 'next', 'main'])
    expect(c.result.releases.map((r) => [r.name, r.line])).toEqual([
      ['v0.1', 'legacy'],
      ['v1.0', '1.x'],
      ['v3.0', 'next'],
      ['v4.0', 'main'],
    ])
    expect(errors(c)).toEqual([])

    const unlisted = await check(named, `lines: { patterns: ['^\\d+\\.x$', '^legacy$', '^next$'] }`)
    expect(unlisted.result.lines.map((l) => l.branch)).toEqual(['legacy', 'next', '1.x', 'main'])
    expect(errors(unlisted).map((f) => f.rule)).toContain('line-range')
  })
})
