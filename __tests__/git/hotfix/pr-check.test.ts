import { afterEach, describe, expect, it } from 'vitest'
import {
  closeWorld,
  commentHotfix,
  hotfixPr,
  runbookWorld,
  runPrEvent,
  type RunbookWorld,
} from './world.js'

let world: RunbookWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

function hotfixChecks(w: RunbookWorld, sha: string) {
  return w.server.state
    .checkRuns()
    .filter((c) => c.name === 'fixline / hotfix' && c.headSha === sha)
}

describe('the fixline / hotfix check on PRs into a hotfix branch', () => {
  it('names the base release and has no warning for a plain fix', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    const pr = await hotfixPr(world, {
      number: 21,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'fixed\n' }],
    })
    const outcomes = await runPrEvent(world, { number: 21, base: 'hotfix/v1.0.0', ...pr })
    expect(outcomes[0]?.conclusion).toBe('success')
    const [run] = hotfixChecks(world, pr.headSha)
    expect(run?.conclusion).toBe('success')
    expect(run?.output.summary).toContain('Hotfix of `v1.0.0`')
    expect(run?.output.summary).toContain('No warnings.')
  })

  it('warns when a newer deployment happened after the branch was cut', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    const newest = world.features[1] ?? ''
    world.server.state.addDeployment({ sha: newest, ref: 'main', statuses: [{ state: 'success' }] })
    const pr = await hotfixPr(world, {
      number: 22,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'fixed\n' }],
    })
    await runPrEvent(world, { number: 22, base: 'hotfix/v1.0.0', ...pr })
    const [run] = hotfixChecks(world, pr.headSha)
    expect(run?.conclusion).toBe('neutral')
    expect(run?.output.summary).toContain(
      'A newer deployment happened after this hotfix branch was cut',
    )
    expect(run?.output.summary).toContain('regular release')
    expect(run?.output.summary).not.toContain('brings in')
  })

  it('warns when the PR merges the default branch in, listing what it brings', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    const pr = await hotfixPr(world, {
      number: 23,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'fixed\n' }],
      mergeMain: true,
    })
    await runPrEvent(world, { number: 23, base: 'hotfix/v1.0.0', ...pr })
    const [run] = hotfixChecks(world, pr.headSha)
    expect(run?.conclusion).toBe('neutral')
    expect(run?.output.summary).toContain('brings in 2 commits from `main`')
    expect(run?.output.summary).toContain('Feature 2 (#12)')
    expect(run?.output.summary).not.toContain('newer deployment')
  })

  it('posts a commit status of the same name when check runs are not allowed', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    world.server.state.forbidCheckRuns()
    const pr = await hotfixPr(world, {
      number: 25,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'fixed\n' }],
      mergeMain: true,
    })
    await runPrEvent(world, { number: 25, base: 'hotfix/v1.0.0', ...pr })
    expect(hotfixChecks(world, pr.headSha)).toEqual([])
    const statuses = world.server.state
      .statuses()
      .filter((s) => s.context === 'fixline / hotfix' && s.sha === pr.headSha)
    expect(statuses).toHaveLength(1)
  })

  it('a PR into another branch gets no hotfix check', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    const pr = await hotfixPr(world, {
      number: 24,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'x\n' }],
    })
    const outcomes = await runPrEvent(world, { number: 24, base: 'main', ...pr })
    expect(outcomes).toEqual([])
  })
})
