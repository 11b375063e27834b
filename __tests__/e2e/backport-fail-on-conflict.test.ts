/**
 * backport.failOnConflict through the built bundle (`node dist/index.js`): the step fails (exit 1)
 * on a conflict, and the draft PR is opened all the same. Its default (a neutral exit 0) is the
 * conflict case of backport.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runMergedBackport } from '../support/run-merged-backport.js'
import {
  backportPrs,
  closeWorld,
  createWorld,
  mergedPr,
  type World,
} from '../git/backport-scenarios/world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

describe('e2e: backport.failOnConflict', () => {
  it('true: a conflict fails the step with the target named; the draft PR is opened', async () => {
    const { fixture } = world
    await fixture.commit(
      { '.github/fixline.yml': 'backport:\n  failOnConflict: true\n' },
      'fixline config',
    )
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Diverge on 1.x')
    await fixture.checkout('main')
    await fixture.push(['main', '1.x'])
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': 'one\ntwo changed\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const result = await runMergedBackport(world, {
      title: 'Change two',
      labels: ['backport-1.x'],
      merge,
    })

    expect(result.exitCode, result.stdout + result.stderr).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    expect(result.stdout + result.stderr).toMatch(/1\.x \(conflict: /)
    const [pr] = backportPrs(world)
    expect(pr?.pull.draft).toBe(true)
    expect(pr?.labels).toEqual(['backport-conflict'])
  })
})
