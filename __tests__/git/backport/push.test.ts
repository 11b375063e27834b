import { afterEach, describe, expect, it } from 'vitest'
import { planPicks } from '../../../src/backport/select.js'
import { prepareBranch } from '../../../src/backport/branch.js'
import {
  assertOwnedBranch,
  pushBranch,
  remoteBranchHeads,
  WorkflowPermissionError,
} from '../../../src/backport/push.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { openPr, releaseLines } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

async function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e as Error,
  )
}

describe('pushBranch and friends', () => {
  it('refuses branches fixline does not own, and invalid names, before running push', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    const calls: string[] = []
    const ws = await fx.checkoutClone({ observer: (args) => calls.push(args[0] ?? '') })
    calls.length = 0
    for (const branch of [
      'main',
      '1.x',
      'backport',
      'backport/',
      'refs/heads/backport/x',
      'xbackport/1-to-1.x',
    ]) {
      expect((await rejection(pushBranch(ws, 'origin', branch, { force: false }))).message).toMatch(
        /fixline only pushes branches under backport\//,
      )
    }
    for (const branch of ['backport/a..b', 'backport/x.lock', 'backport/a b', 'backport/-x/..']) {
      expect((await rejection(assertOwnedBranch(ws, branch))).message).toMatch(
        /not a valid branch name/,
      )
    }
    expect(
      (await rejection(pushBranch(ws, '--upload-pack=evil', 'backport/1-to-1.x', { force: false })))
        .message,
    ).toMatch(/not a usable git remote/)
    expect(calls).not.toContain('push')
    expect(await fx.originSha('refs/heads/main')).toBeDefined()
  })

  it('maps GitHub’s workflow rejection to a message naming the file and the missing permission', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 31, [
      [{ '.github/workflows/ci.yml': 'on: push\n', 'fix.txt': 'fix\n' }, 'fix with CI change'],
    ])
    const merged = await fx.mergeSquash(31)
    await fx.denyWorkflowPushes()
    const ws = await fx.checkoutClone()
    const plan = await planPicks(ws, merged.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const outcome = await prepareBranch(
      ws,
      { pr: merged.pr, plan, target: '1.x', branch: 'backport/31-to-1.x', remote: 'origin' },
      { conflicts: 'draft-pr' },
    )
    expect(outcome.status).toBe('picked')
    const err = await rejection(pushBranch(ws, 'origin', 'backport/31-to-1.x', { force: false }))
    expect(err).toBeInstanceOf(WorkflowPermissionError)
    expect(err.message).toBe(
      "the token cannot push changes to .github/workflows/ci.yml: it lacks the `workflows` permission (use a GitHub App token with 'Workflows: write', or a PAT with the workflow scope)",
    )
    expect((err as WorkflowPermissionError).file).toBe('.github/workflows/ci.yml')
    expect(err.cause).toBeDefined()
    expect(await fx.originSha('refs/heads/backport/31-to-1.x')).toBeUndefined()
  })

  it('remoteBranchHeads answers for many branches with one ls-remote; force push leases on the known head', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 32, [[{ 'a.txt': 'a\n' }, 'add a']])
    const merged = await fx.mergeSquash(32)
    const calls: string[][] = []
    const ws = await fx.checkoutClone({ observer: (args) => calls.push([...args]) })
    const plan = await planPicks(ws, merged.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const request = {
      pr: merged.pr,
      plan,
      target: '1.x',
      branch: 'backport/32-to-1.x',
      remote: 'origin',
    }
    await prepareBranch(ws, request, { conflicts: 'draft-pr' })
    await pushBranch(ws, 'origin', 'backport/32-to-1.x', { force: false })

    calls.length = 0
    const heads = await remoteBranchHeads(ws, 'origin', [
      '1.x',
      '2.x',
      'backport/32-to-1.x',
      'main',
    ])
    expect(calls.filter((c) => c[0] === 'ls-remote')).toHaveLength(1)
    expect(calls).toHaveLength(1)
    expect([...heads.keys()].sort()).toEqual(['1.x', 'backport/32-to-1.x', 'main'])
    expect(heads.get('backport/32-to-1.x')).toBe(
      await fx.originSha('refs/heads/backport/32-to-1.x'),
    )
    expect(await remoteBranchHeads(ws, 'origin', [])).toEqual(new Map())

    // A re-run rebuilds the branch on a moved target and replaces it (force-with-lease).
    await fx.checkout('1.x')
    await fx.commit({ 'later.txt': 'l\n' }, '1.x moves')
    await fx.push(['1.x'])
    await prepareBranch(ws, request, { conflicts: 'draft-pr' })
    const local = await ws.text(['rev-parse', 'refs/heads/backport/32-to-1.x'])
    expect(
      (await rejection(pushBranch(ws, 'origin', 'backport/32-to-1.x', { force: false }))).message,
    ).toMatch(/rejected|failed to push/)
    const stale = await rejection(
      pushBranch(ws, 'origin', 'backport/32-to-1.x', { force: true, expectedSha: local }),
    )
    expect(stale.message).toMatch(/stale info|rejected/)
    await pushBranch(ws, 'origin', 'backport/32-to-1.x', {
      force: true,
      expectedSha: heads.get('backport/32-to-1.x')!,
    })
    expect(await fx.originSha('refs/heads/backport/32-to-1.x')).toBe(local)
    await fx.commit({ 'later2.txt': 'l\n' }, '1.x moves again')
    await fx.push(['1.x'])
    await prepareBranch(ws, request, { conflicts: 'draft-pr' })
    await pushBranch(ws, 'origin', 'backport/32-to-1.x', { force: true })
    expect(await fx.originSha('refs/heads/backport/32-to-1.x')).toBe(
      await ws.text(['rev-parse', 'refs/heads/backport/32-to-1.x']),
    )
  })
})
