import { writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { planPicks } from '../../../src/backport/select.js'
import { prepareBranch } from '../../../src/backport/branch.js'
import { pushBranch } from '../../../src/backport/push.js'
import type { BranchOutcome, SourcePr } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { BOT, createFixture, type Fixture } from '../../support/git-fixture.js'
import { app, argv, commitView, openPr, releaseLines, snapshot } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

/** 1.x changed line 5 its own way; the PR adds x, changes line 5, adds y (rebase-merged: three picks). */
async function conflictScenario(f: Fixture): Promise<SourcePr> {
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
  return (await f.mergeRebase(21)).pr
}

async function conflicted(ws: Git, pr: SourcePr, conflicts: 'draft-pr' | 'comment') {
  const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
  expect(plan.method).toBe('rebase')
  const before = await snapshot(ws)
  const outcome = await prepareBranch(
    ws,
    { pr, plan, target: '1.x', branch: 'backport/21-to-1.x', remote: 'origin' },
    { conflicts },
  )
  expect(await snapshot(ws)).toBe(before)
  expect(outcome.status).toBe('conflict')
  if (outcome.status !== 'conflict') throw new Error('expected a conflict')
  expect(outcome.applied.map((p) => p.subject)).toEqual(['add x'])
  expect(outcome.failed).toEqual({ sha: plan.commits[1], subject: 'fix line 5' })
  expect(outcome.remaining).toEqual([plan.commits[2]])
  expect(outcome.conflictingFiles).toEqual(['app.txt'])
  expect(outcome.conflicts).toEqual([{ path: 'app.txt', kind: 'both-modified' }])
  // The conflict comes from 1.x's own change: no earlier commit of main is missing there.
  expect(outcome.prerequisites).toEqual({ commits: [], more: 0, unavailable: undefined })
  return outcome
}

/**
 * Runs the resume commands in a full clone the way a maintainer would: when the cherry-pick
 * stops on the conflict, resolve app.txt, `git add -A`, `git cherry-pick --continue`.
 */
async function runResume(
  f: Fixture,
  outcome: Extract<BranchOutcome, { status: 'conflict' }>,
): Promise<void> {
  const human = (await f.checkoutClone({ depth: 0, env: { GIT_EDITOR: 'true' } })).withEnv({
    GIT_EDITOR: 'true',
  })
  for (const command of outcome.resumeCommands) {
    if (command.startsWith('#')) continue
    const args = argv(command)
    const r = await human.run(args, { okCodes: [0, 1] })
    if (args[0] === 'cherry-pick' && r.exitCode === 1) {
      expect(await human.lines(['diff', '--name-only', '--diff-filter=U'])).toEqual(['app.txt'])
      await writeResolved(human)
      await human.run(['add', '-A'])
      await human.run(['cherry-pick', '--continue'])
    } else {
      expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0)
    }
  }
}

async function writeResolved(human: Git): Promise<void> {
  await writeFile(`${human.cwd}/app.txt`, app({ 5: 'line 5 fixed (on 1.x)' }))
}

describe('conflicts', () => {
  it('draft-pr mode: branch = applied commits + one markers commit by the bot; resume commands finish it', async () => {
    fx = await createFixture()
    const pr = await conflictScenario(fx)
    const ws = await fx.checkoutClone()
    const outcome = await conflicted(ws, pr, 'draft-pr')
    expect(outcome.markersCommitted).toBe(true)
    const subjects = await ws.lines(['log', '--format=%s', '-3', 'backport/21-to-1.x'])
    expect(subjects).toEqual([
      `Conflict markers from ${outcome.failed.sha} (resolve before merging)`,
      'add x',
      '1.x changes line 5',
    ])
    const markers = await commitView(ws, 'backport/21-to-1.x')
    expect(markers.author).toBe(BOT.name)
    expect(markers.committer).toBe(BOT.name)
    const content = await ws.text(['show', 'backport/21-to-1.x:app.txt'])
    expect(content).toMatch(/<<<<<<< [^\n]*\nline 5 as on 1\.x\n=======\nline 5 fixed\n>>>>>>> /)
    expect(outcome.resumeCommands.some((c) => c.startsWith('git cherry-pick -x '))).toBe(true)
    expect(outcome.resumeCommands.join('\n')).not.toMatch(/-X|theirs/)

    await pushBranch(ws, 'origin', 'backport/21-to-1.x', { force: false })
    await runResume(fx, outcome)
    const finished = await fx.origin.lines([
      'log',
      '--format=%s',
      '-4',
      'refs/heads/backport/21-to-1.x',
    ])
    expect(finished).toEqual(['add y', 'fix line 5', 'add x', '1.x changes line 5'])
    expect(await fx.origin.text(['show', 'refs/heads/backport/21-to-1.x:app.txt'])).toBe(
      app({ 5: 'line 5 fixed (on 1.x)' }).trimEnd(),
    )
    const body = (await commitView(fx.origin, 'refs/heads/backport/21-to-1.x~1')).body
    expect(body).toContain(`(cherry picked from commit ${outcome.failed.sha})`)
  })

  it('comment mode: no branch is made; the resume commands rebuild it from the target', async () => {
    fx = await createFixture()
    const pr = await conflictScenario(fx)
    const ws = await fx.checkoutClone()
    const outcome = await conflicted(ws, pr, 'comment')
    expect(outcome.markersCommitted).toBe(false)
    const ref = await ws.run(['rev-parse', '-q', '--verify', 'refs/heads/backport/21-to-1.x'], {
      okCodes: [0, 1],
    })
    expect(ref.exitCode).toBe(1)
    expect(await fx.originSha('refs/heads/backport/21-to-1.x')).toBeUndefined()

    await runResume(fx, outcome)
    const finished = await fx.origin.lines([
      'log',
      '--format=%s',
      '-4',
      'refs/heads/backport/21-to-1.x',
    ])
    expect(finished).toEqual(['add y', 'fix line 5', 'add x', '1.x changes line 5'])
  })
})
