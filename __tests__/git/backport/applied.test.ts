/**
 * findApplied (src/backport/applied.ts) on real repositories: which planned commits a target
 * already holds, by patch-id or a cherry-pick trailer in either direction, with a constant number
 * of git processes whatever the size of the plan, reading the target's side and the plan only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { findApplied } from '../../../src/backport/applied.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fx: Fixture | undefined

afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

const many = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    files: { [`${prefix}${i}.txt`]: `${i}\n` },
    message: `${prefix} ${i}`,
  }))

describe('findApplied', () => {
  it('finds hand-made ports by patch-id and by trailer either way, with the same git processes for 1 or 5 commits', async () => {
    fx = await createFixture()
    await fx.commit({ 'app.txt': 'one\ntwo\nthree\n' }, 'Initial commit')
    await fx.branch('1.x')
    // A fix made on 1.x first, forward-ported to main with -x below (trailer naming a 1.x commit).
    await fx.checkout('1.x')
    const v = await fx.commit({ 'v.txt': 'v on 1.x\n' }, 'Fix v on 1.x')
    await fx.checkout('main')
    await fx.importCommits('main', many('m', 40))
    await fx.checkout('main')
    const x = [
      await fx.commit({ 'x1.txt': '1\n' }, 'x1'),
      await fx.commit({ 'app.txt': 'one\nTWO\nthree\n' }, 'x2'),
      await fx.commit({ 'x3.txt': '3\n' }, 'x3'),
      await fx.commit({ 'x4.txt': '4\n' }, 'x4'),
      await fx.commit(
        { 'v.txt': 'v, adapted on main\n' },
        `x5\n\n(cherry picked from commit ${v})`,
      ),
    ] as const
    await fx.checkout('1.x')
    const y = await fx.commit(
      { 'app.txt': 'one\nTwo (adapted)\nthree\n' },
      `x2 for 1.x\n\n(cherry picked from commit ${x[1]})`,
    )
    const z = await fx.commit({ 'x4.txt': '4\n' }, 'x4 by hand')
    await fx.commit({ 'later.txt': 'later\n' }, 'later on 1.x')
    await fx.checkout('main')
    await fx.push(['main', '1.x'])

    let processes = 0
    const ws = await fx.checkoutClone({ depth: 0, observer: () => void processes++ })
    await ws.run(['fetch', '--quiet', 'origin', '+refs/heads/1.x:refs/remotes/origin/1.x'])
    const target = 'refs/remotes/origin/1.x'
    const single = { commits: [x[0]], target, remote: 'origin', sourceBase: 'main' }
    // The first call also pays one-time lookups (where the repository's files are).
    expect((await findApplied(ws, single)).size).toBe(0)
    processes = 0
    const found = await findApplied(ws, { ...single, commits: x })
    const forFive = processes
    expect([...found.values()]).toEqual([
      { sha: x[1], proof: y, evidence: 'cherry-pick' },
      { sha: x[3], proof: z, evidence: 'patch-id' },
      { sha: x[4], proof: v, evidence: 'cherry-pick' },
    ])
    processes = 0
    expect((await findApplied(ws, single)).size).toBe(0)
    expect(processes).toBe(forFive)
    expect(forFive).toBeLessThanOrEqual(8)
    // The target itself holds a planned commit: found as itself.
    const merged = await findApplied(ws, {
      commits: [v],
      target,
      remote: 'origin',
    })
    expect([...merged.values()]).toEqual([{ sha: v, proof: v, evidence: 'contained' }])
  })
})
