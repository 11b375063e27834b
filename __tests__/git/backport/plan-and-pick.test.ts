import { afterEach, describe, expect, it } from 'vitest'
import { planPicks } from '../../../src/backport/select.js'
import { prepareBranch } from '../../../src/backport/branch.js'
import { pushBranch } from '../../../src/backport/push.js'
import type { BackportBranchRequest, PickPlan, SourcePr } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { AUTHOR, BOT, createFixture, type Fixture } from '../../support/git-fixture.js'
import { app, commitView, expectShallow, openPr, releaseLines, snapshot } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

function many(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    files: { [`${prefix}${i}.txt`]: `${i}\n` },
    message: `${prefix} ${i}`,
  }))
}

function request(pr: SourcePr, plan: PickPlan, target = '1.x'): BackportBranchRequest {
  return { pr, plan, target, branch: `backport/${pr.number}-to-${target}`, remote: 'origin' }
}

async function backport(
  ws: Git,
  pr: SourcePr,
  mergeCommits: 'own-commits' | 'mainline' = 'own-commits',
) {
  const before = await snapshot(ws)
  const plan = await planPicks(ws, pr, { mergeCommits, remote: 'origin' })
  const outcome = await prepareBranch(ws, request(pr, plan), { conflicts: 'draft-pr' })
  expect(await snapshot(ws)).toBe(before)
  return { plan, outcome }
}

describe('planPicks + prepareBranch on a fetch-depth 1 checkout', () => {
  it('squash merge of 3 commits: picks the squash commit with -x, author kept, bot as committer', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 11, [
      [{ 'app.txt': app({ 2: 'fixed 2' }) }, 'fix line 2'],
      [{ 'a.txt': 'a\n' }, 'add a'],
      [{ 'b.txt': 'b\n' }, 'add b'],
    ])
    const merged = await fx.mergeSquash(11)
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, merged.pr)
    expect(plan).toMatchObject({ method: 'squash', commits: [merged.mergeCommitSha] })
    expect(plan.explanation).toMatch(/^squash merge/)
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits).toHaveLength(1)
    const result = outcome.commits[0]!.result!
    expect(await ws.text(['rev-parse', 'refs/heads/backport/11-to-1.x'])).toBe(result)
    const view = await commitView(ws, result)
    expect(view.subject).toBe('PR 11 from feature-11 (#11)')
    expect(view.body).toContain(`(cherry picked from commit ${merged.mergeCommitSha})`)
    expect(view.author).toBe(AUTHOR.name)
    expect(view.committer).toBe(BOT.name)
    expect(await ws.text(['show', `${result}:app.txt`])).toBe(app({ 2: 'fixed 2' }).trimEnd())
    expect(await ws.text(['show', `${result}:CHANGELOG.md`])).toBe('1.x')
    await pushBranch(ws, 'origin', 'backport/11-to-1.x', { force: false })
    expect(await fx.originSha('refs/heads/backport/11-to-1.x')).toBe(result)
    await expectShallow(ws, 12)
  })

  it('rebase merge of 2 commits: picks both rebased commits in order', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 12, [
      [{ 'a.txt': 'a\n' }, 'add a'],
      [{ 'a.txt': 'a2\n' }, 'change a'],
    ])
    await fx.commit({ 'later.txt': 'x\n' }, 'main moves on')
    await fx.push(['main'])
    const merged = await fx.mergeRebase(12)
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, merged.pr)
    const rebased = await fx.origin.lines([
      'rev-list',
      '--reverse',
      '-n',
      '2',
      merged.mergeCommitSha,
    ])
    expect(plan).toMatchObject({ method: 'rebase', commits: rebased })
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits.map((c) => c.subject)).toEqual(['add a', 'change a'])
    expect(outcome.commits.map((c) => c.source)).toEqual(rebased)
    const subjects = await ws.lines(['log', '--format=%s', '-3', 'backport/12-to-1.x'])
    expect(subjects).toEqual(['change a', 'add a', '1.x work'])
    await expectShallow(ws, 12)
  })

  it('merge commit with an "update branch" merge: picks only the PR’s own commits', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    const [c1, c2] = await openPr(fx, 13, [
      [{ 'a.txt': 'a\n' }, 'own 1'],
      [{ 'b.txt': 'b\n' }, 'own 2'],
    ])
    // Enough base commits that the PR's fork point is far from the base tip at merge time.
    await fx.importCommits('main', many('m', 12))
    await fx.push(['main'])
    await fx.updateBranch('feature-13', 'main')
    await fx.checkout('feature-13')
    const c3 = await fx.commit({ 'c.txt': 'c\n' }, 'own 3')
    await fx.push(['feature-13', '+feature-13:refs/pull/13/head'])
    await fx.checkout('main')
    await fx.importCommits('main', many('n', 12))
    await fx.push(['main'])
    const merged = await fx.mergeCommit(13)
    expect(merged.commits).toBe(4)
    const fetches: string[][] = []
    const ws = await fx.checkoutClone({
      observer: (args) => args[0] === 'fetch' && fetches.push([...args]),
    })
    fetches.length = 0
    const { plan, outcome } = await backport(ws, merged.pr)
    // source (merge commit + PR head), one --shallow-since deepening of the base side, target
    // tip, and the target back to its fork from main (--shallow-exclude, for the evidence)
    expect(fetches).toHaveLength(4)
    expect(fetches[3]).toContain('--shallow-exclude=refs/heads/main')
    expect(plan).toMatchObject({ method: 'merge', commits: [c1, c2, c3] })
    expect(plan.mainline).toBeUndefined()
    expect(plan.explanation).toMatch(/leaving out 1 merge/)
    expect(outcome.status).toBe('picked')
    const subjects = await ws.lines(['log', '--format=%s', '-4', 'backport/13-to-1.x'])
    expect(subjects).toEqual(['own 3', 'own 2', 'own 1', '1.x work'])
    await expectShallow(ws, 60)
  })

  it('merge commit in mainline mode: picks the merge commit with -m 1', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 14, [
      [{ 'a.txt': 'a\n' }, 'own 1'],
      [{ 'b.txt': 'b\n' }, 'own 2'],
    ])
    const merged = await fx.mergeCommit(14)
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, merged.pr, 'mainline')
    expect(plan).toMatchObject({ method: 'merge', commits: [merged.mergeCommitSha], mainline: 1 })
    expect(outcome.status).toBe('picked')
    const view = await commitView(ws, 'backport/14-to-1.x')
    expect(view.subject).toBe('Merge pull request #14 from owner/feature-14')
    expect(view.body).toContain(`(cherry picked from commit ${merged.mergeCommitSha})`)
    expect(await ws.text(['ls-tree', '--name-only', 'backport/14-to-1.x'])).toContain('b.txt')
    expect(await ws.text(['rev-list', '--count', '--merges', 'backport/14-to-1.x'])).toBe('0')
  })

  it('already applied: every commit found on the target -> already-applied, no branch', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 15, [
      [{ 'app.txt': app({ 3: 'fixed 3' }) }, 'fix 3'],
      [{ 'z.txt': 'z\n' }, 'add z'],
    ])
    const merged = await fx.mergeSquash(15)
    await fx.checkout('1.x')
    await fx.commit({ 'app.txt': app({ 3: 'fixed 3' }), 'z.txt': 'z\n' }, 'fix 3 on 1.x by hand')
    await fx.push(['1.x'])
    await fx.checkout('main')
    const ws = await fx.checkoutClone()
    const { outcome } = await backport(ws, merged.pr)
    expect(outcome).toEqual({
      status: 'already-applied',
      commits: [
        {
          source: merged.mergeCommitSha,
          result: undefined,
          subject: 'PR 15 from feature-15 (#15)',
        },
      ],
      // Found before any pick, by the same patch (src/backport/applied.ts).
      alreadyApplied: [
        { sha: merged.mergeCommitSha, proof: expect.any(String), evidence: 'patch-id' },
      ],
    })
    const ref = await ws.run(['rev-parse', '-q', '--verify', 'refs/heads/backport/15-to-1.x'], {
      okCodes: [0, 1],
    })
    expect(ref.exitCode).toBe(1)
  })

  it('partially applied: the empty pick is skipped, the others applied', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 16, [
      [{ 'app.txt': app({ 4: 'fixed 4' }) }, 'fix 4'],
      [{ 'y.txt': 'y\n' }, 'add y'],
    ])
    const merged = await fx.mergeRebase(16)
    await fx.checkout('1.x')
    await fx.commit({ 'app.txt': app({ 4: 'fixed 4' }) }, 'fix 4 on 1.x')
    await fx.push(['1.x'])
    await fx.checkout('main')
    const ws = await fx.checkoutClone()
    const { outcome } = await backport(ws, merged.pr)
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits.map((c) => [c.subject, c.result === undefined])).toEqual([
      ['fix 4', true],
      ['add y', false],
    ])
    expect(await ws.lines(['log', '--format=%s', '-2', 'backport/16-to-1.x'])).toEqual([
      'add y',
      'fix 4 on 1.x',
    ])
  })
})
