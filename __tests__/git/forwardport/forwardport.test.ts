import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  botComments,
  closeWorld,
  commitOnLine,
  createWorld,
  forwardCommentPayload,
  forwardPrs,
  mergedInto,
  runForwardPort,
  type World,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  world.server.state.setPermission('maya', 'write')
})

afterEach(() => closeWorld(world))

const FIX = { 'app.txt': 'one\ntwo\nTHREE\n' }

describe('/forwardport (real git, fake GitHub)', () => {
  it('opens exactly the missing PRs: 2.x has the fix by patch-id (already there), main gets a PR; re-delivery opens none', async () => {
    const merge = await mergedInto(world, '1.x', { number: 7, title: 'Fix three', files: FIX })
    const copy = await commitOnLine(world, '2.x', FIX, 'Fix three, carried by hand')
    await commitOnLine(world, '2.x', { 'other.txt': 'x\n' }, 'Later work on 2.x')
    const payload = forwardCommentPayload(world, 7, 'maya', '/forwardport')

    const outcome = await runForwardPort(world, 'issue_comment', payload)
    expect(outcome.job).toBe('forwardport')
    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      {
        target: '2.x',
        status: 'already-applied',
        message: `every commit is already on 2.x: ${merge.mergeCommitSha.slice(0, 12)} as ${copy.slice(0, 12)} (patch-id)`,
      },
      {
        target: 'main',
        status: 'created',
        message: '1 commit(s) cherry-picked',
        pullRequest: { number: expect.any(Number), url: expect.any(String) },
      },
    ])
    const [pr, ...more] = forwardPrs(world)
    expect(more).toEqual([])
    expect(pr?.title).toBe('[main] Fix three')
    expect(pr?.pull).toMatchObject({
      baseRef: 'main',
      headRef: 'forwardport/7-to-main',
      draft: false,
    })
    expect(pr?.body).toContain('Forward-port of #7 to `main`.')
    const content = await world.fixture.origin.text([
      'show',
      'refs/heads/forwardport/7-to-main:app.txt',
    ])
    expect(content).toBe('one\ntwo\nTHREE')
    const comments = botComments(world, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('<!-- fixline:forwardport-comment -->')
    expect(comments[0]?.body).toContain('fixline forward-ports of #7')
    expect(outcome.summary).toContain('## fixline forward-ports of #7')

    // The same delivery again: no second PR, no second comment.
    const again = await runForwardPort(world, 'issue_comment', payload)
    expect(again.createdPullRequests).toEqual([])
    expect(again.results.map((r) => [r.target, r.status])).toEqual([
      ['2.x', 'already-applied'],
      ['main', 'updated'],
    ])
    expect(forwardPrs(world)).toHaveLength(1)
    expect(botComments(world, 7)).toHaveLength(1)
  })

  it('to the lines named only; an older line or a line that is none is refused in its row', async () => {
    await mergedInto(world, '1.x', { number: 7, title: 'Fix three', files: FIX })
    await mergedInto(world, '2.x', { number: 8, title: 'Fix one', files: { 'one.txt': '1\n' } })
    const outcome = await runForwardPort(
      world,
      'issue_comment',
      forwardCommentPayload(world, 8, 'maya', '/forwardport main 1.x 9.x'),
    )
    expect(outcome.results.map((r) => [r.target, r.status])).toEqual([
      ['1.x', 'failed'],
      ['9.x', 'failed'],
      ['main', 'created'],
    ])
    expect(outcome.results[0]?.message).toContain('use `/backport 1.x`')
    expect(forwardPrs(world).map((p) => p.pull.headRef)).toEqual(['forwardport/8-to-main'])
  })

  it("a reader's /forwardport is refused with one reply, nothing pushed", async () => {
    await mergedInto(world, '1.x', { number: 7, title: 'Fix three', files: FIX })
    world.server.state.setPermission('mallory', 'read')
    const payload = forwardCommentPayload(world, 7, 'mallory', '/forwardport')
    const outcome = await runForwardPort(world, 'issue_comment', payload)
    expect(outcome.conclusion).toBe('skipped')
    expect(outcome.results[0]?.message).toContain('@mallory needs write permission')
    expect(forwardPrs(world)).toEqual([])
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'repos/get-collaborator-permission-level',
      'issues/list-comments',
      'issues/create-comment',
    ])
    await runForwardPort(world, 'issue_comment', payload)
    expect(botComments(world, 7)).toHaveLength(1)
    expect(botComments(world, 7)[0]?.body).toContain('nothing was done')
  })

  it('a conflict gives the same draft PR and conflict label as a backport', async () => {
    await mergedInto(world, '1.x', { number: 7, title: 'Fix three', files: FIX })
    await commitOnLine(
      world,
      'main',
      { 'app.txt': 'one\ntwo\nthree, reworded on main\n' },
      'Reword',
    )
    const outcome = await runForwardPort(
      world,
      'issue_comment',
      forwardCommentPayload(world, 7, 'maya', '/forwardport main'),
    )
    expect(outcome.conclusion).toBe('neutral')
    expect(outcome.results).toEqual([
      expect.objectContaining({ target: 'main', status: 'conflict' }),
    ])
    const [pr] = forwardPrs(world)
    expect(pr?.pull).toMatchObject({
      baseRef: 'main',
      headRef: 'forwardport/7-to-main',
      draft: true,
    })
    expect(pr?.labels).toContain('backport-conflict')
    expect(outcome.createdPullRequests).toEqual([
      { number: pr?.number, url: expect.any(String), target: 'main', draft: true },
    ])
  })
})
