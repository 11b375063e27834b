/**
 * A release PR into a hotfix branch is a candidate release of the line the hotfix was cut from.
 * The worked example plus `hotfix/v2.0` cut from v2.0 and an open PR #20 into it (a fix, then
 * buildNumber 2.0.1): 2.1 is released from main without the fix, so a 2.0.1 user could "upgrade" to
 * 2.1 and lose it (fix-loss on PR #20). With the fix also on main before 2.1 (cherry-picked with -x,
 * its marker migration on both sides) the check passes. Git tier through checkRepository, then the
 * job on the pull_request event, posting `fixline / upgrade-safety`.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { demoSteps } from '../../../src/upgrade/demo.js'
import { pluginConfig } from '../../../src/upgrade/demo/plugin-files.js'
import { runRepoSteps, type RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { runUpgradeJob } from '../../../src/upgrade/job.js'
import { createFixture } from '../../support/git-fixture.js'
import { startFakeGitHub } from '../../support/fake-github/index.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { depsFor, OWNER, REPO, triggerFor, type JobWorld } from '../../support/job-world.js'
import { pullRequestOpenedPayload } from '../../support/payloads.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const HOTFIX = 'hotfix/v2.0'
const PR_BRANCH = 'fix-20'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups) await c()
})

/** The hotfix's own file: the fix, and with `marker` its marker migration 2019.09.20. */
function fixFile(marker: boolean): string {
  return [
    'from plugin_runner import plugin',
    '',
    '',
    'def safe_snapshot():',
    '    return None',
    '',
    ...(marker
      ? [
          '',
          '@plugin.upgrade.virtual_source("2019.09.20")',
          'def fix_marker_2019_09_20(old_virtual_source):',
          '    return old_virtual_source',
          '',
        ]
      : []),
  ].join('\n')
}

/**
 * The demo with, right after the v2.0 tag: `hotfix/v2.0` at v2.0, and the PR branch from it with the
 * fix (marked `hotfix`) and the 2.0.1 release commit (marked `release`); `ported` cherry-picks the
 * fix, with its marker, onto main before 2.1.
 */
function withHotfixPr(ported: boolean): RepoStep[] {
  const steps = demoSteps('ok')
  const at = steps.findIndex((s) => s.kind === 'tag' && s.name === 'v2.0') + 1
  const hotfix: RepoStep[] = [
    { kind: 'branch', name: HOTFIX },
    { kind: 'branch', name: PR_BRANCH },
    { kind: 'checkout', ref: PR_BRANCH },
    {
      kind: 'commit',
      message: 'Fix the snapshot crash for one customer',
      mark: 'hotfix',
      files: { 'src/snapshot_fix.py': fixFile(ported) },
    },
    {
      kind: 'commit',
      message: 'Release 2.0.1',
      mark: 'release',
      files: { 'plugin_config.yml': pluginConfig('2.0.1') },
    },
    { kind: 'checkout', ref: 'main' },
    ...(ported ? [{ kind: 'cherry-pick', mark: 'hotfix' } as const] : []),
  ]
  return [...steps.slice(0, at), ...hotfix, ...steps.slice(at)]
}

describe('a release PR into a hotfix branch, checked as a candidate release', () => {
  async function check(ported: boolean) {
    const b: BuiltRepo = await buildRepo(withHotfixPr(ported))
    cleanups.push(() => b.fixture.cleanup())
    const commit = b.marks.get('release') as string
    return checkRepository(b.clone, config(), {
      prefer: 'remote',
      candidate: { commit, name: 'PR #20', build: '2.0.1' },
    })
  }

  it('2.0.1 missing from 2.1: the candidate is on main (its merge-base v2.0) and fails fix-loss', async () => {
    const { result, discovery } = await check(false)
    const pr = result.releases.find((r) => r.name === 'PR #20')
    expect(pr).toMatchObject({ line: 'main', build: '2.0.1', candidate: true, previous: ['v2.0'] })
    expect(discovery.notes.some((n) => /^PR #20 is on no line: checked as .* main/.test(n))).toBe(
      true,
    )
    const errors = result.findings.filter((f) => f.severity === 'error' && !f.waived)
    expect(errors.map((f) => f.rule)).toEqual(['fix-loss'])
    expect(errors[0]?.releases).toEqual(['PR #20', 'v2.1'])
    expect(errors[0]?.message).toContain('Fix the snapshot crash for one customer')
    expect(result.conclusion).toBe('failure')
  })

  it('with the fix and its marker migration also on main before 2.1, it passes', async () => {
    const { result } = await check(true)
    const pr = result.releases.find((r) => r.name === 'PR #20')
    expect(pr?.line).toBe('main')
    expect(pr?.migrations.map((m) => m.id)).toContain('2019.09.20')
    expect(result.releases.find((r) => r.name === 'v2.1')?.migrations.map((m) => m.id)).toContain(
      '2019.09.20',
    )
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(result.conclusion).toBe('success')
  })
  it('a hotfix of 1.1 (on 1.x and main) many commits off its base belongs to 1.x by its build', async () => {
    const steps: RepoStep[] = [
      ...demoSteps('ok'),
      { kind: 'checkout', ref: 'v1.1' },
      { kind: 'branch', name: 'hotfix/v1.1' },
      { kind: 'checkout', ref: 'hotfix/v1.1' },
      ...[1, 2, 3, 4].map((i): RepoStep => ({
        kind: 'commit',
        message: `Hotfix part ${i}`,
        files: { [`src/part_${i}.py`]: `PART = ${i}\n` },
      })),
      {
        kind: 'commit',
        message: 'Release 1.1.1',
        mark: 'release',
        files: { 'plugin_config.yml': pluginConfig('1.1.1') },
      },
      { kind: 'checkout', ref: 'main' },
    ]
    const b = await buildRepo(steps)
    cleanups.push(() => b.fixture.cleanup())
    const { result, discovery } = await checkRepository(b.clone, config(), {
      prefer: 'remote',
      candidate: { commit: b.marks.get('release') as string, name: 'PR #21', build: '1.1.1' },
    })
    expect(result.releases.find((r) => r.name === 'PR #21')).toMatchObject({
      line: '1.x',
      previous: ['v1.1'],
    })
    expect(discovery.notes.some((n) => n.startsWith('PR #21 is on no line'))).toBe(true)
  })
})

describe('the upgrade job on a pull_request into hotfix/v2.0', () => {
  async function world(ported: boolean): Promise<JobWorld> {
    const fixture = await createFixture()
    await runRepoSteps(fixture.seed, withHotfixPr(ported))
    await fixture.push(['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'])
    const server = await startFakeGitHub({
      owner: OWNER,
      repo: REPO,
      originPath: fixture.originDir,
    })
    const w: JobWorld = {
      fixture,
      server,
      github: createTestGitHub(server.url),
      log: [],
      async cleanup() {
        await server.close()
        await fixture.cleanup()
      },
    }
    cleanups.push(() => w.cleanup())
    return w
  }

  async function runPr(w: JobWorld) {
    const { headSha } = await w.fixture.openPr(20, PR_BRANCH, HOTFIX)
    const payload = pullRequestOpenedPayload({
      owner: OWNER,
      repo: REPO,
      number: 20,
      title: 'Release 2.0.1',
      user: 'ada',
      baseRef: HOTFIX,
      headRef: PR_BRANCH,
      headSha,
      baseSha: (await w.fixture.originSha(`refs/heads/${HOTFIX}`)) as string,
    }) as unknown as Record<string, unknown>
    const deps = await depsFor(w, { name: 'pull_request', payload })
    const outcome = await runUpgradeJob(deps, triggerFor('pull_request', payload, 'upgrade'))
    expect(w.server.problems()).toEqual([])
    return { outcome, headSha }
  }

  it('posts a failing check run: upgrading 2.0.1 -> 2.1 loses the hotfix', async () => {
    const w = await world(false)
    const { outcome, headSha } = await runPr(w)
    expect(outcome.conclusion).toBe('failure')
    const runs = w.server.state.checkRuns()
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({
      name: 'fixline / upgrade-safety',
      headSha,
      status: 'completed',
      conclusion: 'failure',
    })
    expect(runs[0]?.output.summary).toContain('PR #20')
    expect(runs[0]?.output.summary).toContain('fix-loss')
    expect(w.log.join('\n')).toContain(`PR #20 is a release PR`)
  })

  it('posts a successful check run when the fix is also on main before 2.1', async () => {
    const w = await world(true)
    const { outcome, headSha } = await runPr(w)
    expect(outcome.conclusion).toBe('success')
    expect(w.server.state.checkRuns()).toEqual([
      expect.objectContaining({
        name: 'fixline / upgrade-safety',
        headSha,
        conclusion: 'success',
      }),
    ])
  })
})
