/**
 * Three defects found by replaying real backports: merge drivers in the sparse worktree, a
 * modify/delete conflict described as such, and a whitespace-fix squash explained as a squash.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { prepareBranch } from '../../../src/backport/branch.js'
import { renderConflictHint } from '../../../src/backport/conflict-hint.js'
import { renderPrBody } from '../../../src/backport/report.js'
import { planPicks } from '../../../src/backport/select.js'
import type { BranchOutcome, PickPlan, SourcePr } from '../../../src/backport/types.js'
import type { Git } from '../../../src/git/git.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { app, openPr, releaseLines } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

async function backport(
  ws: Git,
  pr: SourcePr,
): Promise<{ plan: PickPlan; outcome: BranchOutcome }> {
  const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
  const outcome = await prepareBranch(
    ws,
    { pr, plan, target: '1.x', branch: `backport/${pr.number}-to-1.x`, remote: 'origin' },
    { conflicts: 'draft-pr' },
  )
  return { plan, outcome }
}

const history = Array.from({ length: 20 }, (_, i) => ({
  files: { 'history.txt': `${i}\n` },
  message: `history ${i}`,
}))

describe('merge drivers apply in the pick worktree', () => {
  it('a merge=union changelog (root and nested .gitattributes) is picked cleanly', async () => {
    fx = await createFixture()
    await fx.commit(
      {
        'app.txt': app(),
        '.gitattributes': 'CHANGELOG.md merge=union\n',
        'CHANGELOG.md': '# Changes\n\n- initial\n',
        'docs/.gitattributes': '*.md merge=union\n',
        'docs/NEWS.md': '# News\n\n- initial\n',
      },
      'initial',
    )
    await fx.importCommits('main', history)
    await fx.branch('1.x')
    await fx.checkout('1.x')
    await fx.commit(
      {
        'CHANGELOG.md': '# Changes\n\n- 1.x entry\n- initial\n',
        'docs/NEWS.md': '# News\n\n- 1.x news\n- initial\n',
      },
      '1.x work',
    )
    await fx.checkout('main')
    await fx.push(['main', '1.x'])
    await openPr(fx, 31, [
      [
        {
          'app.txt': app({ 3: 'fixed 3' }),
          'CHANGELOG.md': '# Changes\n\n- the fix\n- initial\n',
          'docs/NEWS.md': '# News\n\n- fix news\n- initial\n',
        },
        'fix line 3',
      ],
    ])
    const merged = await fx.mergeSquash(31)
    const ws = await fx.checkoutClone()
    const { outcome } = await backport(ws, merged.pr)
    expect(outcome.status).toBe('picked')
    const changelog = await ws.text(['show', 'refs/heads/backport/31-to-1.x:CHANGELOG.md'])
    expect(changelog).toContain('- 1.x entry')
    expect(changelog).toContain('- the fix')
    expect(changelog).not.toContain('<<<<<<<')
    const news = await ws.text(['show', 'refs/heads/backport/31-to-1.x:docs/NEWS.md'])
    expect(news).toContain('- 1.x news')
    expect(news).toContain('- fix news')
    expect(await ws.text(['show', 'refs/heads/backport/31-to-1.x:app.txt'])).toContain('fixed 3')
  })
})

describe('conflict kinds', () => {
  it('a file renamed one way on the target and another way by the fix is a rename conflict, with its step', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await fx.checkout('1.x')
    await fx.commit({ 'app.txt': null, 'core.txt': app() }, '1.x renames app.txt to core.txt')
    await fx.push(['1.x'])
    await fx.checkout('main')
    await openPr(fx, 33, [[{ 'app.txt': null, 'main.txt': app() }, 'rename app.txt to main.txt']])
    const merged = await fx.mergeSquash(33)
    const ws = await fx.checkoutClone()
    const { outcome } = await backport(ws, merged.pr)
    if (outcome.status !== 'conflict') throw new Error(`expected a conflict, got ${outcome.status}`)
    expect(outcome.conflicts).toEqual([
      { path: 'app.txt', kind: 'renamed' },
      { path: 'core.txt', kind: 'renamed' },
      { path: 'main.txt', kind: 'renamed' },
    ])
    expect(outcome.resumeCommands).toContain(
      '# app.txt core.txt main.txt: a rename git could not carry over: keep the name the target uses and remove the other copy',
    )
    const message = await ws.text(['log', '-1', '--format=%B', 'refs/heads/backport/33-to-1.x'])
    expect(message).toContain('- core.txt (renamed)')
  })

  it('a pick that modifies a file the target deleted is a modify/delete conflict, not markers', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await fx.checkout('1.x')
    await fx.commit({ 'app.txt': null }, '1.x drops app.txt')
    await fx.push(['1.x'])
    await fx.checkout('main')
    await openPr(fx, 32, [[{ 'app.txt': app({ 4: 'fixed 4' }) }, 'fix line 4']])
    const merged = await fx.mergeSquash(32)
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, merged.pr)
    if (outcome.status !== 'conflict') throw new Error(`expected a conflict, got ${outcome.status}`)
    expect(outcome.conflicts).toEqual([{ path: 'app.txt', kind: 'deleted-on-target' }])
    expect(outcome.conflictingFiles).toEqual(['app.txt'])
    // The draft's last commit holds the fix's whole file and no markers.
    const file = await ws.text(['show', 'refs/heads/backport/32-to-1.x:app.txt'])
    expect(file).toContain('fixed 4')
    expect(file).not.toContain('<<<<<<<')
    const message = await ws.text(['log', '-1', '--format=%B', 'refs/heads/backport/32-to-1.x'])
    expect(message).toContain(`Conflict from ${merged.mergeCommitSha} (resolve before merging)`)
    expect(message).toContain('- app.txt (deleted or moved on the target)')

    const body = renderPrBody({
      source: { number: 32, title: 'fix line 4' },
      sourceBranch: 'main',
      target: '1.x',
      plan,
      outcome,
    })
    expect(body).toContain('- `app.txt`: **deleted or moved on the target**:')
    expect(body).toContain('no conflict markers')
    expect(body).not.toContain('holds its conflict markers')
    // The steps to finish by hand say what this kind needs, not "resolve the conflicts".
    expect(outcome.resumeCommands).toContain(
      "# app.txt: deleted or moved on the target (no markers): apply the fix's change where the code lives now, then git rm app.txt",
    )
    expect(outcome.resumeCommands.join('\n')).not.toContain('conflict markers')
    const text = renderConflictHint(outcome, '1.x', 'main')
    expect(text).toContain('app.txt: deleted or moved on the target:')
    expect(text).toContain('no conflict markers')
  })
})

describe('conflict kinds (more)', () => {
  it('a fix that deletes a file the target changed, and adds one the target added too', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await fx.checkout('1.x')
    await fx.commit(
      { 'app.txt': app({ 2: 'two on 1.x' }), 'new.txt': 'new on 1.x\n' },
      '1.x changes app.txt and adds new.txt',
    )
    await fx.push(['1.x'])
    await fx.checkout('main')
    await openPr(fx, 34, [[{ 'app.txt': null, 'new.txt': 'new on main\n' }, 'replace app.txt']])
    const merged = await fx.mergeSquash(34)
    const ws = await fx.checkoutClone()
    const { outcome } = await backport(ws, merged.pr)
    if (outcome.status !== 'conflict') throw new Error(`expected a conflict, got ${outcome.status}`)
    expect(outcome.conflicts).toEqual([
      { path: 'app.txt', kind: 'deleted-in-fix' },
      { path: 'new.txt', kind: 'added-on-both' },
    ])
    const text = renderConflictHint(outcome, '1.x', 'main')
    expect(text).toContain('app.txt: deleted by the fix:')
    expect(text).toContain('new.txt: added on both:')
  })
})

describe('commit selection explains what GitHub did', () => {
  it('a squash of a fix and a whitespace-only commit (same patch-id as the fix) is explained as a squash', async () => {
    fx = await createFixture()
    await releaseLines(fx)
    await openPr(fx, 33, [
      [{ 'app.txt': app({ 6: 'fixed 6' }) }, 'fix line 6'],
      [{ 'app.txt': app({ 6: 'fixed   6' }) }, 'whitespace'],
    ])
    const merged = await fx.mergeSquash(33)
    const ws = await fx.checkoutClone()
    const { plan, outcome } = await backport(ws, merged.pr)
    expect(plan.method).toBe('squash')
    expect(plan.commits).toEqual([merged.mergeCommitSha])
    expect(plan.explanation).toMatch(/^squash merge: /)
    expect(plan.explanation).not.toContain('rebase')
    expect(outcome.status).toBe('picked')
  })
})
