import { afterEach, describe, expect, it } from 'vitest'
import { planPicks } from '../../../src/backport/select.js'
import { prepareBranch } from '../../../src/backport/branch.js'
import type { SourcePr } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { expectShallow, releaseLines } from './scenario.js'

const N = 300

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

/** A PR of 300 commits (more than the list-commits API's 250), built with fast-import. */
async function largePr(f: Fixture, n: number): Promise<string[]> {
  await releaseLines(f, 1, N + 50)
  await f.branch('big', 'main')
  const commits = Array.from({ length: N }, (_, i) => ({
    files: { [`big/f${i}.txt`]: `${i}\n` },
    message: `big ${i}`,
  }))
  const tip = await f.importCommits('big', commits)
  await f.openPr(n, 'big', 'main')
  await f.commit({ 'main-later.txt': 'x\n' }, 'main moves on')
  await f.push(['main'])
  return f.seed.lines(['rev-list', '--reverse', `main..${tip}`])
}

async function pickAll(ws: Git, pr: SourcePr): Promise<string[]> {
  const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
  expect(plan.commits).toHaveLength(N)
  const outcome = await prepareBranch(
    ws,
    { pr, plan, target: '1.x', branch: `backport/${pr.number}-to-1.x`, remote: 'origin' },
    { conflicts: 'draft-pr' },
  )
  expect(outcome.status).toBe('picked')
  if (outcome.status !== 'picked') return []
  expect(outcome.commits.every((c) => c.result !== undefined)).toBe(true)
  expect(
    await ws.text(['rev-list', '--count', `refs/remotes/origin/1.x..backport/${pr.number}-to-1.x`]),
  ).toBe(String(N))
  return plan.commits
}

describe('a PR of 300 commits (all from git, no API)', () => {
  it('merged by merge commit: picks the 300 own commits in order', async () => {
    fx = await createFixture()
    const own = await largePr(fx, 41)
    const merged = await fx.mergeCommit(41)
    expect(merged.commits).toBe(N)
    const ws = await fx.checkoutClone()
    expect(await pickAll(ws, merged.pr)).toEqual(own)
    await expectShallow(ws, 3 * N + 10)
  })

  it('merged by rebase: plans the 300 rebased commits in order', async () => {
    fx = await createFixture()
    await largePr(fx, 42)
    const merged = await fx.mergeRebase(42)
    const ws = await fx.checkoutClone()
    const rebased = await fx.origin.lines([
      'rev-list',
      '--reverse',
      '-n',
      `${N}`,
      merged.mergeCommitSha,
    ])
    // Picking 300 commits is covered by the merge-commit case; here the decision is what matters.
    const plan = await planPicks(ws, merged.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    expect(plan).toMatchObject({ method: 'rebase', commits: rebased })
    await expectShallow(ws, 2 * N + 10)
  })
})
