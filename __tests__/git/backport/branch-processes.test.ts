/**
 * prepareBranch asks git only what it does not know (issue 12): the planned commits' parents and
 * subjects come with the plan and the target tip's sha from the fetched ref's file (a plan without
 * them: one `git log`), which findApplied reuses (no `rev-parse --verify`, no `git log
 * --format=%P`), the picks move the branch themselves (no `update-ref`), and the
 * checked-out-branch guard reads the worktree's HEAD file (no `symbolic-ref`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareBranch } from '../../../src/backport/branch.js'
import { planPicks } from '../../../src/backport/select.js'
import type { BranchOutcome, PickPlan } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { checkedOutRef } from '../../../src/git/ref-files.js'
import { createFixture, type Fixture, type MergeResult } from '../../support/git-fixture.js'

let fixture: Fixture

beforeEach(async () => {
  fixture = await createFixture()
  await fixture.commit({ 'app.txt': 'one\n' }, 'base')
  await fixture.branch('1.x')
  await fixture.push(['main', '1.x'])
})

afterEach(() => fixture.cleanup())

/** prepareBranch of PR `merge` onto 1.x (draft-pr mode), branch backport/<n>-to-1.x. */
function prepareOn1x(
  git: Git,
  merge: MergeResult,
  plan: PickPlan,
  targetTip?: string,
): Promise<BranchOutcome> {
  return prepareBranch(
    git,
    {
      pr: merge.pr,
      target: '1.x',
      branch: `backport/${merge.pr.number}-to-1.x`,
      plan,
      remote: 'origin',
      ...(targetTip !== undefined ? { targetTip } : {}),
    },
    { conflicts: 'draft-pr' },
  )
}

/** PR #n of one commit, squash-merged into main. */
async function squashPr(n: number, title = `Fix ${n}`) {
  await fixture.branch(`fix-${n}`)
  await fixture.checkout(`fix-${n}`)
  await fixture.commit({ [`fix-${n}.txt`]: 'fix\n' }, 'feature')
  await fixture.checkout('main')
  await fixture.openPr(n, `fix-${n}`, 'main', { title })
  return fixture.mergeSquash(n)
}

describe('prepareBranch git processes', () => {
  it('one squash commit onto one target: the tip, parents and subjects from one git log', async () => {
    const merge = await squashPr(5, 'Fix the widget')
    const ran: string[][] = []
    const git = await fixture.checkoutClone({ observer: (args) => void ran.push([...args]) })
    const plan = await planPicks(git, merge.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    ran.length = 0
    const outcome = await prepareOn1x(git, merge, plan)
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits.map((c) => c.subject)).toEqual(['Fix the widget (#5)'])
    const names = ran.map((args) => args[0])
    expect(names).not.toContain('symbolic-ref')
    expect(ran.filter((a) => a[0] === 'rev-parse')).toEqual([])
    // The plan carries the commit's parents and subject, the fetched tip is read from its ref file.
    expect(ran.filter((a) => a[0] === 'log' && a.some((x) => x.startsWith('--no-walk')))).toEqual(
      [],
    )
    // The picks move the branch checked out in the worktree (-B): no update-ref; the one new
    // commit is read from the branch's ref file: no rev-list.
    expect(names).not.toContain('update-ref')
    expect(names).not.toContain('rev-list')
    // check-ref-format for the branch name, fetch, log (graph), worktree add, read-tree,
    // cherry-pick, worktree remove.
    expect(ran.length, ran.map((a) => a.join(' ')).join('\n')).toBeLessThanOrEqual(7)
    const local = await git.text(['rev-parse', 'refs/heads/backport/5-to-1.x'])
    expect(outcome.commits[0]?.result).toBe(local)
    expect(await git.text(['rev-parse', `${local}^`])).toBe(
      await git.text(['rev-parse', 'refs/remotes/origin/1.x']),
    )
  })

  it("a plan without the commits' details (stored by an older CLI) reads them with one git log", async () => {
    const merge = await squashPr(6, 'Fix the gadget')
    const ran: string[][] = []
    const git = await fixture.checkoutClone({ observer: (args) => void ran.push([...args]) })
    const { commitInfo, ...plan } = await planPicks(git, merge.pr, {
      mergeCommits: 'own-commits',
      remote: 'origin',
    })
    expect(commitInfo).toBeDefined()
    ran.length = 0
    const outcome = await prepareOn1x(git, merge, plan)
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits.map((c) => c.subject)).toEqual(['Fix the gadget (#6)'])
    expect(
      ran.filter((a) => a[0] === 'log' && a.some((x) => x.startsWith('--no-walk'))),
    ).toHaveLength(1)
  })
})

describe('checkedOutRef', () => {
  it('names the branch checked out, undefined when detached, and a linked worktree its own', async () => {
    const git = await fixture.checkoutClone({ depth: 0 })
    expect(await checkedOutRef(git)).toBe('refs/heads/main')
    const other = `${git.cwd}-linked`
    await git.run(['worktree', 'add', '-q', '-b', 'elsewhere', other, 'HEAD'])
    expect(await checkedOutRef(git.at(other))).toBe('refs/heads/elsewhere')
    await git.run(['checkout', '-q', '--detach'])
    expect(await checkedOutRef(git)).toBeUndefined()
    expect(await checkedOutRef(git.at(other))).toBe('refs/heads/elsewhere')
  })
})

describe('the backport branch', () => {
  it("checked out in another worktree: the pick stops with git's error and the branch is left as it was", async () => {
    const merge = await squashPr(9)
    const git = await fixture.checkoutClone()
    const plan = await planPicks(git, merge.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const elsewhere = `${git.cwd}-elsewhere`
    await git.run(['worktree', 'add', '-q', '-b', 'backport/9-to-1.x', elsewhere, 'HEAD'])
    const before = await git.text(['rev-parse', 'refs/heads/backport/9-to-1.x'])
    await expect(prepareOn1x(git, merge, plan)).rejects.toThrow(/already checked out|already used/)
    expect(await git.text(['rev-parse', 'refs/heads/backport/9-to-1.x'])).toBe(before)
  })
})

describe('target tips fetched with the source', () => {
  it('one fetch brings the source and the targets; the target is not fetched again', async () => {
    const merge = await squashPr(7)
    const ran: string[][] = []
    const git = await fixture.checkoutClone({ observer: (args) => void ran.push([...args]) })
    const tip = await fixture.originSha('refs/heads/1.x')
    ran.length = 0
    const plan = await planPicks(git, merge.pr, {
      mergeCommits: 'own-commits',
      remote: 'origin',
      targets: ['1.x'],
    })
    const fetches = ran.filter((a) => a[0] === 'fetch')
    expect(fetches).toHaveLength(1)
    expect(fetches[0]).toContain('+refs/heads/1.x:refs/remotes/origin/1.x')
    ran.length = 0
    const outcome = await prepareOn1x(git, merge, plan, tip)
    expect(outcome.status).toBe('picked')
    expect(ran.filter((a) => a[0] === 'fetch')).toEqual([])
  })

  it('a target that moved since it was listed is fetched again, and the pick lands on its new tip', async () => {
    const merge = await squashPr(8)
    const ran: string[][] = []
    const git = await fixture.checkoutClone({ observer: (args) => void ran.push([...args]) })
    const listed = await fixture.originSha('refs/heads/1.x')
    const plan = await planPicks(git, merge.pr, {
      mergeCommits: 'own-commits',
      remote: 'origin',
      targets: ['1.x'],
    })
    await fixture.checkout('1.x')
    const moved = await fixture.commit({ 'later.txt': 'later\n' }, 'later on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    ran.length = 0
    const outcome = await prepareOn1x(git, merge, plan, moved)
    expect(listed).not.toBe(moved)
    expect(ran.filter((a) => a[0] === 'fetch')).toHaveLength(1)
    expect(outcome.status).toBe('picked')
    expect(await git.text(['rev-parse', 'refs/heads/backport/8-to-1.x^'])).toBe(moved)
  })

  it('a target missing on the remote does not stop the plan: the source is fetched alone', async () => {
    const merge = await squashPr(9)
    const git = await fixture.checkoutClone()
    const plan = await planPicks(git, merge.pr, {
      mergeCommits: 'own-commits',
      remote: 'origin',
      targets: ['1.x', '9.x'],
    })
    expect(plan.commits).toEqual([merge.mergeCommitSha])
  })
})
