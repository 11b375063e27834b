/**
 * The prerequisite hint is bounded (the newest 10, newest first, and a count of the rest), leaves
 * out commits the target already has by a `cherry picked from` trailer, and never lists commits
 * that did not touch the conflicting files. Engine only, on a fetch-depth 1 checkout.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { prepareBranch } from '../../../src/backport/branch.js'
import { planPicks } from '../../../src/backport/select.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { app, openPr } from './scenario.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

describe('prerequisite hint bounds', () => {
  it('twelve unported commits on the conflicting line: the newest 10, newest first, and 2 more', async () => {
    fx = await createFixture()
    await fx.commit({ 'app.txt': app(), 'other.txt': 'o\n' }, 'initial')
    await fx.importCommits(
      'main',
      Array.from({ length: 20 }, (_, i) => ({
        files: { 'history.txt': `${i}\n` },
        message: `history ${i}`,
      })),
    )
    await fx.branch('1.x')
    const ported = await fx.commit({ 'app.txt': app({ 10: 'ten' }) }, 'Touch line 10 (#100)')
    await fx.checkout('1.x')
    await fx.seed.run(['cherry-pick', '-x', ported])
    await fx.checkout('main')
    const changes = Array.from({ length: 12 }, (_, i) => ({
      files: { 'app.txt': app({ 1: `version ${i + 1}`, 10: 'ten' }) },
      message: `Change ${i + 1} (#${i + 1})`,
    }))
    await fx.importCommits('main', [
      ...changes.slice(0, 6),
      { files: { 'other.txt': 'unrelated\n' }, message: 'Unrelated (#50)' },
      ...changes.slice(6),
    ])
    await fx.push(['main', '1.x'])
    await openPr(fx, 60, [[{ 'app.txt': app({ 1: 'fixed', 10: 'ten' }) }, 'fix line 1']])
    const merged = await fx.mergeSquash(60)
    const ws = await fx.checkoutClone()
    const plan = await planPicks(ws, merged.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const outcome = await prepareBranch(
      ws,
      { pr: merged.pr, plan, target: '1.x', branch: 'backport/60-to-1.x', remote: 'origin' },
      { conflicts: 'comment' },
    )
    if (outcome.status !== 'conflict') throw new Error(`expected a conflict, got ${outcome.status}`)
    const hint = outcome.prerequisites
    expect(hint.unavailable).toBeUndefined()
    expect(hint.commits.map((c) => c.pr?.number)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3])
    expect(hint.more).toBe(2)
    expect(hint.commits.every((c) => c.files.join() === 'app.txt')).toBe(true)
  })

  it('the hint of a first target never cuts the history a second target picks from', async () => {
    fx = await createFixture()
    await fx.commit({ 'app.txt': app() }, 'initial')
    const early = Array.from({ length: 10 }, (_, i) => ({
      files: { 'history.txt': `${i}\n` },
      message: `history ${i}`,
    }))
    await fx.importCommits('main', early)
    await fx.branch('1.x')
    await fx.importCommits(
      'main',
      early.map((c) => ({ ...c, message: `more ${c.message}` })),
    )
    await fx.branch('2.x')
    await fx.checkout('2.x')
    await fx.commit({ 'app.txt': app({ 5: 'five on 2.x' }) }, '2.x changes line 5')
    await fx.checkout('main')
    await fx.push(['main', '1.x', '2.x'])
    // The fix's parent is where 2.x was cut: a hint fetch excluding 2.x makes the fix a boundary.
    await openPr(fx, 61, [[{ 'app.txt': app({ 5: 'fixed 5' }) }, 'fix line 5']])
    const merged = await fx.mergeSquash(61)
    const ws = await fx.checkoutClone()
    const plan = await planPicks(ws, merged.pr, { mergeCommits: 'own-commits', remote: 'origin' })
    const outcomes = []
    for (const target of ['2.x', '1.x'])
      outcomes.push(
        await prepareBranch(
          ws,
          { pr: merged.pr, plan, target, branch: `backport/61-to-${target}`, remote: 'origin' },
          { conflicts: 'draft-pr' },
        ),
      )
    expect(outcomes.map((o) => o.status)).toEqual(['conflict', 'picked'])
    expect(await ws.text(['show', 'refs/heads/backport/61-to-1.x:app.txt'])).toBe(
      app({ 5: 'fixed 5' }).trimEnd(),
    )
  })
})
