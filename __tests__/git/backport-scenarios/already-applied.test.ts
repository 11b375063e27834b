import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  backportPrs,
  closeWorld,
  createWorld,
  mergedPr,
  originBackportBranches,
  prPayload,
  runEvent,
  type World,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

/** Commits `files` on the line `line` in the seed and pushes it (a hand-made backport). */
async function commitOnLine(
  line: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const { fixture } = world
  await fixture.checkout(line)
  const sha = await fixture.commit(files, message)
  await fixture.push([line])
  await fixture.checkout('main')
  return sha
}

describe('already applied, by evidence, before any pick (real git, fake GitHub)', () => {
  it('a hand-adapted backport (a different patch) with a cherry-pick trailer: already applied, no PR, no conflict', async () => {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix two',
      commits: [{ 'app.txt': 'one\nTWO\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    // Picking the fix onto this would conflict on the same line.
    const adapted = await commitOnLine(
      '1.x',
      { 'app.txt': 'one\nTwo, adapted for 1.x\nthree\n' },
      `Fix two on 1.x (#5)\n\n(cherry picked from commit ${merge.mergeCommitSha})`,
    )
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'))

    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      {
        target: '1.x',
        status: 'already-applied',
        message: `every commit is already on 1.x: ${merge.mergeCommitSha.slice(0, 12)} as ${adapted.slice(0, 12)} (cherry-pick trailer)`,
      },
    ])
    expect(outcome.createdPullRequests).toEqual([])
    expect(backportPrs(world)).toHaveLength(0)
    expect(await originBackportBranches(world)).toEqual([])
  })

  it('a patch-identical backport without a trailer: already applied by patch-id, no PR', async () => {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix two',
      commits: [{ 'app.txt': 'one\nTWO\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x', 'backport-2.x'],
    })
    const copy = await commitOnLine('1.x', { 'app.txt': 'one\nTWO\nthree\n' }, 'Same fix, by hand')
    // Below the tip: the depth-1 checkout must deepen 1.x to find it.
    await commitOnLine('1.x', { 'later.txt': 'later\n' }, 'A later change on 1.x')
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'))

    expect(outcome.results).toEqual([
      {
        target: '1.x',
        status: 'already-applied',
        message: `every commit is already on 1.x: ${merge.mergeCommitSha.slice(0, 12)} as ${copy.slice(0, 12)} (patch-id)`,
      },
      expect.objectContaining({ target: '2.x', status: 'created' }),
    ])
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['2.x'])
  })

  it('a rebase-merged PR of which one commit is already on the target: only the other is picked', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Two fixes',
      commits: [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }],
      method: 'rebase',
      labels: ['backport-1.x'],
    })
    const copy = await commitOnLine('1.x', { 'a.txt': 'a\n' }, 'The a part, by hand')
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'))

    expect(outcome.results).toEqual([
      expect.objectContaining({
        target: '1.x',
        status: 'created',
        message: '1 commit(s) cherry-picked',
      }),
    ])
    const [pr] = backportPrs(world)
    expect(pr?.body).toContain('Already on `1.x` before picking:')
    expect(pr?.body).toContain(`as ${copy.slice(0, 12)} (same patch)`)
    const files = await world.fixture.origin.lines([
      'diff',
      '--name-only',
      'refs/heads/1.x',
      'refs/heads/backport/5-to-1.x',
    ])
    expect(files).toEqual(['b.txt'])
  })
})
