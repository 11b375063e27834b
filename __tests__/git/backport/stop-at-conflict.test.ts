/**
 * The engine's `stop` conflict mode and stop-at-conflict.ts (for the local CLI): the branch keeps
 * only the commits that applied, the failing pick is redone in a persistent full worktree where git
 * shows the conflict, and continuePicks finishes it after a person resolved it.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { prepareBranch } from '../../../src/backport/branch.js'
import { planPicks } from '../../../src/backport/select.js'
import {
  continuePicks,
  removeWorktree,
  stopAtConflict,
} from '../../../src/backport/stop-at-conflict.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { app, openPr, releaseLines } from './scenario.js'

let fx: Fixture | undefined
let dir: string | undefined
afterEach(async () => {
  await fx?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
  fx = undefined
  dir = undefined
})

describe('prepareBranch { conflicts: stop } and stopAtConflict', () => {
  it('keeps the applied commits (no markers), stops the failing pick in a worktree, continues after resolving', async () => {
    const f = await createFixture()
    fx = f
    await releaseLines(f)
    await f.checkout('1.x')
    await f.commit({ 'app.txt': app({ 5: 'line 5 as on 1.x' }) }, '1.x changes line 5')
    await f.push(['1.x'])
    await f.checkout('main')
    await openPr(f, 21, [
      [{ 'x.txt': 'x\n' }, 'add x'],
      [{ 'app.txt': app({ 5: 'line 5 fixed' }) }, 'fix line 5'],
      [{ 'y.txt': 'y\n' }, 'add y'],
    ])
    const pr = (await f.mergeRebase(21)).pr
    const ws = await f.checkoutClone({ depth: 0 })
    const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const branch = 'backport/21-to-1.x'
    const outcome = await prepareBranch(
      ws,
      { pr, plan, target: '1.x', branch, remote: 'origin' },
      { conflicts: 'stop' },
    )
    if (outcome.status !== 'conflict') throw new Error(`expected a conflict, got ${outcome.status}`)
    expect(outcome.markersCommitted).toBe(false)
    const subjects = async () =>
      ws.lines(['log', '--reverse', '--format=%s', `refs/remotes/origin/1.x..refs/heads/${branch}`])
    expect(await subjects()).toEqual(['add x'])

    dir = await mkdtemp(join(tmpdir(), 'fixline-stop-'))
    const worktree = join(dir, 'wt')
    const names = new Map(
      plan.commits.map((c, i) => [c, ['add x', 'fix line 5', 'add y'][i] ?? '']),
    )
    const stopped = await stopAtConflict(ws, {
      dir: worktree,
      branch,
      commits: [outcome.failed.sha, ...outcome.remaining],
      subjects: names,
    })
    expect(stopped).toMatchObject({
      status: 'conflict',
      failed: { sha: outcome.failed.sha, subject: 'fix line 5' },
      conflictingFiles: ['app.txt'],
      remaining: outcome.remaining,
    })
    const wt = ws.at(worktree)
    expect(await readFile(join(worktree, 'app.txt'), 'utf8')).toContain('<<<<<<<')
    // A full checkout: every file of the branch is there.
    expect(existsSync(join(worktree, 'x.txt'))).toBe(true)

    expect(await continuePicks(wt, plan.commits, names)).toEqual({
      status: 'unresolved',
      files: ['app.txt'],
    })
    await writeFile(join(worktree, 'app.txt'), app({ 5: 'line 5 fixed on 1.x' }))
    await wt.run(['add', 'app.txt'])
    expect(await continuePicks(wt, plan.commits, names)).toEqual({ status: 'done' })
    expect(await subjects()).toEqual(['add x', 'fix line 5', 'add y'])
    const last = await ws.text(['log', '-1', '--format=%B', `refs/heads/${branch}~1`])
    expect(last).toContain(`(cherry picked from commit ${outcome.failed.sha})`)

    await removeWorktree(ws, worktree)
    expect(existsSync(worktree)).toBe(false)
    expect(await ws.lines(['worktree', 'list'])).toHaveLength(1)
  })
})
