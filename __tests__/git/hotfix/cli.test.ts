import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/run.js'
import { bufferIO } from '../../../src/cli/io.js'
import {
  closeWorld,
  commentHotfix,
  hotfixPr,
  mergeHotfixPr,
  originBranches,
  runbookWorld,
  type RunbookWorld,
} from './world.js'

let world: RunbookWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

async function cli(w: RunbookWorld, cwd: string, ...argv: string[]) {
  const io = bufferIO(cwd)
  const code = await runCli(['hotfix', ...argv], io)
  return { code, out: io.stdout.join(''), err: io.stderr.join('') }
}

describe('fixline hotfix start|status (local clone, no GitHub)', () => {
  it('start cuts the branch at the newest release tag, lists what is left out, --push creates it; status shows it; a second start is refused', async () => {
    world = await runbookWorld({ deploy: false })
    const clone = await world.fixture.checkoutClone({ depth: 1 })
    const started = await cli(world, clone.cwd, 'start', '--push')
    expect(started.err).toBe('')
    expect(started.code).toBe(0)
    expect(started.out).toContain('Created hotfix/v1.0.0')
    expect(started.out).toContain('the newest release tag v1.0.0')
    expect(started.out).toContain('Not included (merged to main since, 2)')
    expect(await clone.text(['rev-parse', 'refs/heads/hotfix/v1.0.0'])).toBe(world.x)
    expect(await originBranches(world)).toEqual(['hotfix/v1.0.0'])

    const status = await cli(world, clone.cwd, 'status')
    expect(status.code).toBe(0)
    expect(status.out).toContain('hotfix/v1.0.0  open: just cut, no commit yet')

    const second = await cli(world, clone.cwd, 'start', '--from', 'v1.0.0')
    expect(second.code).toBe(1)
    expect(second.err).toContain('another hotfix is still open')
  })

  it('status lists the commits missing from main and, apart, those probably ported', async () => {
    const w = await runbookWorld()
    world = w
    await commentHotfix(w, '/hotfix')
    const base = 'hotfix/v1.0.0'
    const pr = await hotfixPr(w, {
      number: 21,
      base,
      commits: [{ 'app.txt': 'one\nTWO\nthree\n' }, { 'fix.txt': 'fix\n' }],
      title: 'Fix checkout',
    })
    await mergeHotfixPr(w, { number: 21, base, head: pr.head })
    await w.fixture.commit({ 'app.txt': 'one\nTwo!\nthree\n' }, 'Fix checkout: part 1')
    await w.fixture.push(['main'])
    const clone = await w.fixture.checkoutClone({ depth: 1 })
    const status = await cli(w, clone.cwd, 'status')
    expect(status.code).toBe(0)
    expect(status.out).toContain('hotfix/v1.0.0  open: 1 of 2 commit(s) not on main')
    expect(status.out).toMatch(/ Fix checkout: part 2\n/)
    expect(status.out).toMatch(
      / Fix checkout: part 1 \(probably ported: same subject and author as [0-9a-f]{12} on main, another patch\)/,
    )
  })

  it('bad usage exits 2', async () => {
    world = await runbookWorld({ deploy: false })
    const clone = await world.fixture.checkoutClone({ depth: 1 })
    expect((await cli(world, clone.cwd, 'stop')).code).toBe(2)
    expect((await cli(world, clone.cwd, 'status', '--force')).code).toBe(2)
    expect((await cli(world, clone.cwd, 'start', '--from', 'nope')).code).toBe(2)
  })
})
