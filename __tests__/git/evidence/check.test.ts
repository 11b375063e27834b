import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Git } from '../../../src/git/git.js'
import { demoSteps } from '../../../src/upgrade/demo.js'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { toJsonReport } from '../../../src/upgrade/render/json.js'
import { buildRepo, config, type BuiltRepo } from '../upgrade/helpers.js'
import { bulk } from './history.js'

/**
 * The worked example whose 1.2 lacks the marker (fix-loss 1.2 -> 2.0), then 1.3 on the 1.x line
 * with four more fixes 2.0 lacks, one "Handle the empty snapshot" that main has under the same
 * subject and author with another patch, and a fix that also rewrites a 120 KB table.
 */
function steps(): RepoStep[] {
  const base = demoSteps('no-marker-1.2')
  const release20 = base.findIndex((s) => s.kind === 'commit' && s.message === 'Release 2.0')
  const onMain: RepoStep = {
    kind: 'commit',
    message: 'Handle the empty snapshot',
    files: { 'src/snapshot.py': 'def empty(snapshot):\n    return snapshot is None\n' },
  }
  const fixes: RepoStep[] = [1, 2, 3, 4].map((n) => ({
    kind: 'commit',
    message: `Fix number ${n} of 1.x`,
    files: { [`src/fix_${n}.py`]: `FIX = ${n}\n` },
  }))
  return [
    ...base.slice(0, release20),
    onMain,
    ...base.slice(release20),
    { kind: 'checkout', ref: '1.x' },
    ...fixes,
    {
      kind: 'commit',
      message: 'Handle the empty snapshot',
      files: { 'src/snapshot.py': 'def empty(snapshot):\n    return not snapshot\n' },
    },
    {
      kind: 'commit',
      message: 'Fix the rates table',
      files: { 'src/rates.py': 'RATE = 2\n', 'data/rates.csv': bulk(7, 120_000) },
    },
    {
      kind: 'commit',
      message: 'Release 1.3',
      files: { 'plugin_config.yml': 'srcDir: src\nschemaFile: schema.json\nbuildNumber: "1.3"\n' },
    },
    { kind: 'tag', name: 'v1.3' },
    { kind: 'checkout', ref: 'main' },
  ]
}

let repo: BuiltRepo
beforeAll(async () => {
  repo = await buildRepo(steps())
}, 60_000)
afterAll(async () => {
  await repo?.fixture.cleanup()
})

const LOST_13 = [
  'Fix the start timeout on large databases (marker migration 2019.10.15)',
  'Fix number 1 of 1.x',
  'Fix number 2 of 1.x',
  'Fix number 3 of 1.x',
  'Fix number 4 of 1.x',
  'Fix the rates table',
]

describe('fix-loss findings', () => {
  it('list every lost commit in the JSON, per pair, while the message names three', async () => {
    const c = await checkRepository(repo.clone, config(), { prefer: 'remote' })
    const json = toJsonReport(c.result)
    const loss = json.findings.filter((f) => f.rule === 'fix-loss' && f.severity === 'error')
    const f13 = loss.find((f) => f.releases?.join(' ') === 'v1.3 v2.0')
    expect(f13?.commits?.map((x) => x.subject).sort()).toEqual([...LOST_13].sort())
    expect(
      f13?.commits?.every((x) => /^[0-9a-f]{40}$/.test(x.sha) && x.evidence === undefined),
    ).toBe(true)
    expect(f13?.message).toMatch(/ and 3 more: /)
    // Release 1.2 and Release 1.3 change only the build file.
    expect(f13?.evidence).toEqual({ 'same-subject-author': 1, bookkeeping: 2 })
    expect(loss.find((f) => f.releases?.join(' ') === 'v1.2 v2.0')?.commits).toHaveLength(1)
  })

  it('warn, naming both commits, when only the subject and author match: probably ported', async () => {
    const c = await checkRepository(repo.clone, config(), { prefer: 'remote' })
    const warning = c.result.findings.find(
      (f) =>
        f.rule === 'fix-loss' && f.severity === 'warning' && f.releases?.join(' ') === 'v1.3 v2.0',
    )
    const [commit] = warning?.commits ?? []
    expect(commit).toMatchObject({
      subject: 'Handle the empty snapshot',
      evidence: 'same-subject-author',
    })
    expect(warning?.message).toContain(
      `${commit?.sha.slice(0, 7)} "Handle the empty snapshot" ~ ${commit?.counterpart?.slice(0, 7)}`,
    )
    expect(warning?.message).toMatch(/probably ported/)
    expect(
      c.result.findings
        .filter((f) => f.severity === 'error')
        .flatMap((f) => f.commits ?? [])
        .map((x) => x.subject),
    ).not.toContain('Handle the empty snapshot')
  })

  it('warn about a file a size-limited clone lacks, and still find the losses', async () => {
    await repo.fixture.origin.run(['config', 'uploadpack.allowFilter', 'true'])
    const dir = join(repo.fixture.dir, 'limited.git')
    await repo.fixture.seed.run([
      'clone',
      '-q',
      '--bare',
      '--filter=blob:limit=50k',
      repo.fixture.originUrl,
      dir,
    ])
    const c = await checkRepository(new Git({ cwd: dir, env: repo.fixture.env }), config(), {
      prefer: 'local',
    })
    const missing = c.result.findings.filter((f) => f.file === 'data/rates.csv')
    expect(missing).toEqual([
      expect.objectContaining({
        rule: 'fix-loss',
        severity: 'warning',
        message: expect.stringMatching(/^data\/rates\.csv is missing from this clone/),
      }),
    ])
    const f13 = c.result.findings.find(
      (f) =>
        f.rule === 'fix-loss' && f.severity === 'error' && f.releases?.join(' ') === 'v1.3 v2.0',
    )
    expect(f13?.commits?.map((x) => x.subject).sort()).toEqual([...LOST_13].sort())
  })
})
