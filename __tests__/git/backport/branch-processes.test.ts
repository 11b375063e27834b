/**
 * prepareBranch asks git only what it does not know (issue 12): the target tip's sha and the
 * planned commits' parents and subjects come from one `git log`, which findApplied reuses (no
 * `rev-parse --verify`, no second `git log --format=%P`, no re-read of the subjects), and the
 * checked-out-branch guard reads the worktree's HEAD file (no `symbolic-ref`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareBranch } from '../../../src/backport/branch.js'
import { planPicks } from '../../../src/backport/select.js'
import { checkedOutRef } from '../../../src/git/commits.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fixture: Fixture

beforeEach(async () => {
  fixture = await createFixture()
  await fixture.commit({ 'app.txt': 'one\n' }, 'base')
  await fixture.branch('1.x')
  await fixture.push(['main', '1.x'])
})

afterEach(() => fixture.cleanup())

describe('prepareBranch git processes', () => {
  it('one squash commit onto one target: the tip, parents and subjects from one git log', async () => {
    await fixture.branch('fix')
    await fixture.checkout('fix')
    await fixture.commit({ 'fix.txt': 'fix\n' }, 'feature')
    await fixture.checkout('main')
    await fixture.openPr(5, 'fix', 'main', { title: 'Fix the widget' })
    const merge = await fixture.mergeSquash(5)
    const ran: string[][] = []
    const git = await fixture.checkoutClone({ observer: (args) => void ran.push([...args]) })
    const plan = await planPicks(git, merge.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    ran.length = 0
    const outcome = await prepareBranch(
      git,
      { pr: merge.pr, target: '1.x', branch: 'backport/5-to-1.x', plan, remote: 'origin' },
      { conflicts: 'draft-pr' },
    )
    expect(outcome.status).toBe('picked')
    if (outcome.status !== 'picked') return
    expect(outcome.commits.map((c) => c.subject)).toEqual(['Fix the widget (#5)'])
    const names = ran.map((args) => args[0])
    expect(names).not.toContain('symbolic-ref')
    expect(ran.filter((a) => a[0] === 'rev-parse' && a.includes('--verify'))).toEqual([])
    expect(
      ran.filter((a) => a[0] === 'log' && a.some((x) => x.startsWith('--no-walk'))),
    ).toHaveLength(1)
    // fetch, log (tip + plan), log (graph), worktree add, read-tree, cherry-pick, rev-list,
    // worktree remove, update-ref, and check-ref-format for the branch name (once per process).
    expect(ran.length, ran.map((a) => a.join(' ')).join('\n')).toBeLessThanOrEqual(10)
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
