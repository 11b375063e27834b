/**
 * `node dist/cli.js backport` stopping at a conflict: the conflicted pick waits in a worktree the
 * user opens; `--continue` after resolving finishes the target (and picks what is left);
 * `--abort` removes the worktree and the branch; another target is never blocked by it.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  backportCli,
  cliWorld,
  closeWorld,
  commitOnLine,
  mergedPr,
  pickedSources,
  show,
  stateFile,
  TOKEN,
  userClone,
  worktreeOf,
  type JobWorld,
} from './backport-world.js'

let world: JobWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

/** 1.x changed the line the fix changes; 2.x did not. PR #5 (rebase, two commits): the first conflicts on 1.x. */
async function conflictWorld(): Promise<JobWorld> {
  const w = await cliWorld()
  await commitOnLine(w, '1.x', { 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Reword two on 1.x')
  await mergedPr(w, {
    number: 5,
    title: 'Fix two',
    commits: [{ 'app.txt': 'one\nTWO fixed\nthree\n' }, { 'extra.txt': 'extra\n' }],
    method: 'rebase',
  })
  world = w
  return w
}

describe('fixline backport: a conflict stops in a worktree', { timeout: 180_000 }, () => {
  it('stops with the worktree, the files and the next command (exit 1); --continue after resolving picks the rest and finishes (exit 0)', async () => {
    const w = await conflictWorld()
    const clone = await userClone(w)
    const stopped = await backportCli(w, clone.cwd, ['5', '--to', '1.x'], TOKEN)
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(1)
    const worktree = worktreeOf(clone, 'backport/5-to-1.x')
    expect(stopped.stdout).toMatch(
      /1\.x\s+conflict\s+cherry-picking [0-9a-f]{12} conflicted in app\.txt/,
    )
    expect(stopped.stdout).toContain(`Worktree: ${worktree}`)
    expect(stopped.stdout).toContain('app.txt')
    expect(stopped.stdout).toContain('fixline backport --continue')
    expect(stopped.stdout).toContain('fixline backport --abort --to 1.x')
    // The conflict is there for real, in a full checkout on the branch.
    const conflicted = await readFile(join(worktree, 'app.txt'), 'utf8')
    expect(conflicted).toContain('<<<<<<<')
    expect(await clone.at(worktree).text(['symbolic-ref', 'HEAD'])).toBe(
      'refs/heads/backport/5-to-1.x',
    )
    expect(existsSync(stateFile(clone))).toBe(true)
    // The PR's commits stay reachable for --continue.
    expect(await clone.lines(['for-each-ref', 'refs/fixline/'])).not.toEqual([])

    // Not resolved yet (or not staged): --continue says so and keeps waiting.
    const early = await backportCli(w, clone.cwd, ['--continue'], TOKEN)
    expect(early.code).toBe(1)
    expect(early.stdout).toContain('still unmerged in app.txt')
    expect(existsSync(worktree)).toBe(true)

    // Another backport cannot start while this one is stopped.
    const busy = await backportCli(w, clone.cwd, ['5', '--to', '2.x'], TOKEN)
    expect(busy.code).toBe(2)
    expect(busy.stderr).toContain('--continue')

    await writeFile(join(worktree, 'app.txt'), 'one\nTWO fixed on 1.x\nthree\n')
    await clone.at(worktree).run(['add', 'app.txt'])
    // Run from inside the worktree, as a user who just resolved there would.
    const done = await backportCli(w, worktree, ['--continue'], TOKEN)
    expect(done.code, done.stdout + done.stderr).toBe(0)
    expect(done.stdout).toMatch(
      /1\.x\s+created\s+2 commit\(s\) cherry-picked onto backport\/5-to-1\.x/,
    )
    expect(existsSync(worktree)).toBe(false)
    expect(existsSync(stateFile(clone))).toBe(false)
    // Nothing waits any more: fixline's private refs are gone from the user's clone.
    expect(await clone.lines(['for-each-ref', 'refs/fixline/'])).toEqual([])
    const sources = await pickedSources(clone, 'backport/5-to-1.x', 'origin/1.x')
    expect(sources).toHaveLength(2)
    expect(await show(clone, 'backport/5-to-1.x:app.txt')).toBe('one\nTWO fixed on 1.x\nthree')
    expect(await show(clone, 'backport/5-to-1.x:extra.txt')).toBe('extra')
    // The original author is kept on the resolved pick.
    expect(await clone.text(['log', '-1', '--format=%ae', 'backport/5-to-1.x~1'])).toBe(
      'ada@example.com',
    )
    // Nothing left to continue.
    const again = await backportCli(w, clone.cwd, ['--continue'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('no backport is stopped here')
  })

  it('--abort removes the worktree, the branch and the state (exit 0)', async () => {
    const w = await conflictWorld()
    const clone = await userClone(w)
    const stopped = await backportCli(w, clone.cwd, ['5', '--to', '1.x'], TOKEN)
    expect(stopped.code).toBe(1)
    const worktree = worktreeOf(clone, 'backport/5-to-1.x')
    expect(existsSync(worktree)).toBe(true)

    const aborted = await backportCli(w, clone.cwd, ['--abort'])
    expect(aborted.code, aborted.stdout + aborted.stderr).toBe(0)
    expect(aborted.stdout).toContain('aborted: removed the worktree')
    expect(existsSync(worktree)).toBe(false)
    expect(existsSync(stateFile(clone))).toBe(false)
    expect(await clone.lines(['branch', '--list', 'backport/*'])).toEqual([])
    expect(await clone.lines(['worktree', 'list'])).toHaveLength(1)
  })

  it('two targets: the first conflicts and waits, the second is finished; --continue then finishes the first', async () => {
    const w = await conflictWorld()
    const clone = await userClone(w)
    const run = await backportCli(w, clone.cwd, ['5', '--to', '1.x,2.x'], TOKEN)
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toMatch(/1\.x\s+conflict/)
    expect(run.stdout).toMatch(
      /2\.x\s+created\s+2 commit\(s\) cherry-picked onto backport\/5-to-2\.x/,
    )
    expect(await show(clone, 'backport/5-to-2.x:app.txt')).toBe('one\nTWO fixed\nthree')
    expect(existsSync(worktreeOf(clone, 'backport/5-to-2.x'))).toBe(false)

    const worktree = worktreeOf(clone, 'backport/5-to-1.x')
    await writeFile(join(worktree, 'app.txt'), 'one\nTWO fixed\nthree\n')
    await clone.at(worktree).run(['add', '-A'])
    const done = await backportCli(w, clone.cwd, ['--continue', '--to', '1.x'], TOKEN)
    expect(done.code, done.stdout + done.stderr).toBe(0)
    expect(done.stdout).not.toContain('2.x')
    expect(await pickedSources(clone, 'backport/5-to-1.x', 'origin/1.x')).toHaveLength(2)
  })

  it('a resolution that leaves nothing to commit skips that pick and goes on', async () => {
    const w = await conflictWorld()
    const clone = await userClone(w)
    expect((await backportCli(w, clone.cwd, ['5', '--to', '1.x'], TOKEN)).code).toBe(1)
    const worktree = worktreeOf(clone, 'backport/5-to-1.x')
    // Keep 1.x's version: the first pick comes out empty.
    await clone.at(worktree).run(['checkout', '--ours', 'app.txt'])
    await clone.at(worktree).run(['add', 'app.txt'])
    const done = await backportCli(w, clone.cwd, ['--continue'], TOKEN)
    expect(done.code, done.stdout + done.stderr).toBe(0)
    expect(done.stdout).toContain('1 commit(s) cherry-picked')
    expect(await pickedSources(clone, 'backport/5-to-1.x', 'origin/1.x')).toHaveLength(1)
  })

  it('names the earlier unported commit behind the conflict, its PR and that its backport is missing', async () => {
    const w = await cliWorld()
    world = w
    await mergedPr(w, {
      number: 3,
      title: 'Rename two',
      commits: [{ 'app.txt': 'one\ndeux\nthree\n' }],
      method: 'squash',
    })
    await mergedPr(w, {
      number: 5,
      title: 'Fix deux',
      commits: [{ 'app.txt': 'one\ndeux (fixed)\nthree\n' }],
      method: 'squash',
    })
    const clone = await userClone(w)
    const run = await backportCli(w, clone.cwd, ['5', '--to', '1.x'], TOKEN)
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toContain('app.txt: both modified')
    expect(run.stdout).toMatch(
      /Earlier commits of main that touched these files and are not on 1\.x/,
    )
    expect(run.stdout).toMatch(
      /[0-9a-f]{12} Rename two \(#3\) \(PR #3 https:\/\/github\.com\/acme\/widgets\/pull\/3; backport to 1\.x missing; app\.txt\)/,
    )
  })
})
