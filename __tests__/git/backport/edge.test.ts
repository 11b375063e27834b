import { afterEach, describe, expect, it } from 'vitest'
import { planPicks } from '../../../src/backport/select.js'
import { prepareBranch } from '../../../src/backport/branch.js'
import type { SourcePr } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { openPr, releaseLines, snapshot } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

async function squashed(f: Fixture, n: number): Promise<SourcePr> {
  await releaseLines(f)
  await openPr(f, n, [
    [{ 'a.txt': 'a\n' }, 'add a'],
    [{ 'b.txt': 'b\n' }, 'add b'],
  ])
  return (await f.mergeSquash(n)).pr
}

async function backport(ws: Git, pr: SourcePr) {
  const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
  const request = {
    pr,
    plan,
    target: '1.x',
    branch: `backport/${pr.number}-to-1.x`,
    remote: 'origin',
  }
  return { plan, outcome: await prepareBranch(ws, request, { conflicts: 'draft-pr' }) }
}

describe('engine edge cases', () => {
  it('a full (fetch-depth: 0) checkout stays full: fetches carry no depth', async () => {
    fx = await createFixture()
    const pr = await squashed(fx, 51)
    const ws = await fx.checkoutClone({ depth: 0 })
    const { plan, outcome } = await backport(ws, pr)
    expect(plan.method).toBe('squash')
    expect(outcome.status).toBe('picked')
    expect(await ws.text(['rev-parse', '--is-shallow-repository'])).toBe('false')
  })

  it('a remote without refs/pull/<n>/head: the PR head is fetched by its sha', async () => {
    fx = await createFixture()
    const pr = await squashed(fx, 52)
    await fx.origin.run(['update-ref', '-d', 'refs/pull/52/head'])
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, pr)
    expect(plan).toMatchObject({ method: 'squash', commits: [pr.mergeCommitSha] })
    expect(outcome.status).toBe('picked')
    expect(await ws.text(['rev-parse', 'refs/fixline/pr-52/head'])).toBe(pr.headSha)
  })

  it('refuses to move a backport branch that is checked out in the workspace', async () => {
    fx = await createFixture()
    const pr = await squashed(fx, 53)
    const ws = await fx.checkoutClone()
    await ws.run(['checkout', '-q', '-b', 'backport/53-to-1.x'])
    const before = await snapshot(ws)
    await expect(backport(ws, pr)).rejects.toThrow(/backport\/53-to-1\.x is checked out/)
    expect(await snapshot(ws)).toBe(before)
  })

  it('each target is independent: two targets from one plan, the workspace untouched', async () => {
    fx = await createFixture()
    const pr = await squashed(fx, 54)
    await fx.branch('2.x', 'main~1')
    await fx.push(['2.x'])
    const ws = await fx.checkoutClone()
    const before = await snapshot(ws)
    const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
    for (const target of ['1.x', '2.x']) {
      const outcome = await prepareBranch(
        ws,
        { pr, plan, target, branch: `backport/54-to-${target}`, remote: 'origin' },
        { conflicts: 'draft-pr' },
      )
      expect(outcome.status).toBe('picked')
      expect(await ws.text(['rev-parse', `backport/54-to-${target}~1`])).toBe(
        await ws.text(['rev-parse', `refs/remotes/origin/${target}`]),
      )
    }
    expect(await snapshot(ws)).toBe(before)
  })
})
