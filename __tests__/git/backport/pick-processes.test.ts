/**
 * The picks of one backport cost one cherry-pick and one rev-list: the start is known (the fetched
 * target) and the new HEAD is the last commit created, so git is not asked for HEAD.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runPicks } from '../../../src/backport/cherry-pick.js'
import { Git } from '../../../src/git/git.js'
import { withWorktree } from '../../../src/git/worktree.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fixture: Fixture

beforeEach(async () => {
  fixture = await createFixture()
  await fixture.commit({ 'app.txt': 'one\n' }, 'base')
  await fixture.branch('1.x')
  await fixture.commit({ 'a.txt': 'a\n' }, 'add a')
  await fixture.commit({ 'app.txt': 'one\n', 'b.txt': 'b\n' }, 'add b')
})

afterEach(() => fixture.cleanup())

describe('runPicks', () => {
  it('with a known start: one cherry-pick and one rev-list, and the new HEAD returned', async () => {
    const commits = await fixture.seed.lines(['rev-list', '--reverse', '1.x..main'])
    const base = await fixture.seed.text(['rev-parse', '1.x'])
    const ran: string[] = []
    let counting = false
    const git = new Git({
      cwd: fixture.seed.cwd,
      env: fixture.env,
      observer: (args) => void (counting && ran.push(args[0] ?? '')),
    })
    const result = await withWorktree(git, '1.x', async (wt) => {
      counting = true
      const run = await runPicks(wt, { commits, subjects: new Map(), start: 'refs/heads/1.x' })
      counting = false
      return { run, head: await wt.text(['rev-parse', 'HEAD']) }
    })
    expect(ran).toEqual(['cherry-pick', 'rev-list'])
    expect(result.run.status).toBe('done')
    if (result.run.status !== 'done') return
    expect(result.run.picked.map((p) => p.source)).toEqual(commits)
    expect(result.run.head).toBe(result.head)
    expect(result.run.picked.at(-1)?.result).toBe(result.head)
    expect(result.head).not.toBe(base)
  })

  it('nothing applied (every pick empty): no head', async () => {
    const commits = await fixture.seed.lines(['rev-list', '--reverse', '1.x..main'])
    const run = await withWorktree(fixture.seed, 'main', (wt) =>
      runPicks(wt, { commits, subjects: new Map(), start: 'main' }),
    )
    expect(run).toMatchObject({ status: 'done' })
    expect(run.status === 'done' && run.head).toBeFalsy()
  })
})
