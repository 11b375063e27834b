import { afterEach, describe, expect, it } from 'vitest'
import { createFixture, GITHUB, type Fixture } from '../../support/git-fixture.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

async function withPr(f: Fixture, n: number, commits: number): Promise<void> {
  await f.commit({ 'README.md': 'hello\n' }, 'initial')
  await f.push(['main'])
  await f.branch('feature')
  await f.checkout('feature')
  for (let i = 1; i <= commits; i++)
    await f.commit({ [`f${i}.txt`]: `${i}\n` }, `feature commit ${i}`)
  await f.openPr(n, 'feature', 'main')
  await f.checkout('main')
  await f.commit({ 'other.txt': 'x\n' }, 'unrelated main commit')
  await f.push(['main'])
}

describe('git fixture', () => {
  it('squash-merges a PR into one commit on the base, authored by the PR author and committed by GitHub', async () => {
    fx = await createFixture()
    await withPr(fx, 7, 3)
    const r = await fx.mergeSquash(7)
    expect(r.commits).toBe(3)
    expect(await fx.originSha('refs/heads/main')).toBe(r.mergeCommitSha)
    expect(await fx.originSha('refs/pull/7/head')).toBe(r.headSha)
    const info = await fx.origin.text(['log', '-1', '--format=%P|%cn|%s', r.mergeCommitSha])
    const [parents, committer, subject] = info.split('|')
    expect(parents!.split(' ')).toHaveLength(1)
    expect(committer).toBe(GITHUB.name)
    expect(subject).toBe('PR 7 from feature (#7)')
    expect(await fx.seed.text(['rev-parse', 'main'])).toBe(r.mergeCommitSha)
  })

  it('rebase-merges: the PR commits are re-created on the base in order', async () => {
    fx = await createFixture()
    await withPr(fx, 8, 2)
    const r = await fx.mergeRebase(8)
    const subjects = await fx.origin.lines(['log', '--format=%s', '-3', r.mergeCommitSha])
    expect(subjects).toEqual(['feature commit 2', 'feature commit 1', 'unrelated main commit'])
  })

  it('merge commit after an update-branch merge has the PR head as second parent', async () => {
    fx = await createFixture()
    await withPr(fx, 9, 2)
    const update = await fx.updateBranch('feature', 'main')
    expect(await fx.originSha('refs/pull/9/head')).toBe(update)
    const mainBefore = await fx.originSha('refs/heads/main')
    const r = await fx.mergeCommit(9)
    expect(r.headSha).toBe(update)
    expect(r.commits).toBe(3)
    const parents = (
      await fx.origin.text(['rev-list', '--parents', '-n', '1', r.mergeCommitSha])
    ).split(' ')
    expect(parents.slice(1)).toEqual([mainBefore, r.headSha])
  })

  it('clones like actions/checkout with fetch-depth 1', async () => {
    fx = await createFixture()
    await withPr(fx, 1, 1)
    const ws = await fx.checkoutClone()
    expect(await ws.text(['rev-parse', '--is-shallow-repository'])).toBe('true')
    expect(await ws.text(['rev-list', '--count', '--all'])).toBe('1')
    expect(await ws.text(['symbolic-ref', '--short', 'HEAD'])).toBe('main')
  })

  it('rejects pushes touching workflows with GitHub’s message once denyWorkflowPushes is on', async () => {
    fx = await createFixture()
    await fx.commit({ 'a.txt': 'a\n' }, 'initial')
    await fx.push(['main'])
    await fx.denyWorkflowPushes()
    await fx.commit({ 'b.txt': 'b\n' }, 'fine')
    await fx.push(['main'])
    await fx.commit({ '.github/workflows/x.yml': 'on: push\n' }, 'workflow')
    const err = await fx.push(['main']).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(err?.message).toMatch(
      /refusing to allow a GitHub App to create or update workflow `\.github\/workflows\/x\.yml` without `workflows` permission/,
    )
  })
})
