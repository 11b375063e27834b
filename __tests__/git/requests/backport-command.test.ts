import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JOBS } from '../../../src/main.js'
import { routeEvent } from '../../../src/route.js'
import {
  backportPrs,
  botComments,
  commandPayload,
  createWorld,
  depsFor,
  mergedPr,
  runEvent,
  type World,
  closeWorld,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
  world.server.state.setPermission('walt', 'write')
  world.server.state.setPermission('rita', 'maintain')
})

afterEach(() => closeWorld(world))

async function backportCommand(user: string, body: string, pr = 5) {
  const payload = commandPayload(world, pr, user, body, true)
  const route = routeEvent('issue_comment', payload)[0]
  if (route?.job !== 'backport') throw new Error('not routed to the backport job')
  const deps = await depsFor(world, { name: 'issue_comment', payload })
  return JOBS.backport(deps, route.trigger)
}

const approvalComment = () =>
  botComments(world, 5).filter((c) => c.body.includes('<!-- fixline:backport-approval -->'))

describe('/backport to a line outside the maintenance window', () => {
  it('backports the maintained line now, holds the old one until a release manager approves on the PR', async () => {
    const outcome = await backportCommand('walt', '/backport 2.x 0.x')
    expect(outcome.results.map((r) => [r.target, r.status])).toEqual([['2.x', 'created']])
    expect(backportPrs(world).map((p) => p.pull.headRef)).toEqual(['backport/5-to-2.x'])
    expect(approvalComment()).toHaveLength(1)
    expect(approvalComment()[0]?.body).toContain('| `0.x` | awaiting a release manager | - |')

    // Another writer cannot approve; the PR's /approve from a release manager opens 0.x, once.
    await runEvent(world, 'issue_comment', commandPayload(world, 5, 'walt', '/approve', true))
    expect(backportPrs(world)).toHaveLength(1)
    const approve = commandPayload(world, 5, 'rita', '/approve', true)
    await runEvent(world, 'issue_comment', approve)
    await runEvent(world, 'issue_comment', approve)
    expect(
      backportPrs(world)
        .map((p) => p.pull.headRef)
        .sort(),
    ).toEqual(['backport/5-to-0.x', 'backport/5-to-2.x'])
    expect(approvalComment()).toHaveLength(1)
    expect(approvalComment()[0]?.body).toContain('| `0.x` | approved by @rita |')
    expect(botComments(world, 5).filter((c) => c.body.includes('Approved by @rita'))).toHaveLength(
      1,
    )
  })

  it("a release manager's own /backport is the approval; /approve on a PR with nothing held is ignored", async () => {
    const outcome = await backportCommand('rita', '/backport 0.x')
    expect(outcome.results.map((r) => [r.target, r.status])).toEqual([['0.x', 'created']])
    expect(approvalComment()).toHaveLength(0)
    const before = botComments(world, 5).length
    const ignored = await runEvent(
      world,
      'issue_comment',
      commandPayload(world, 5, 'walt', '/approve', true),
    )
    expect(ignored.conclusion).toBe('skipped')
    expect(botComments(world, 5)).toHaveLength(before)
  })

  it('on an open PR the held line gets its backport label only once a release manager approves', async () => {
    world.server.state.addPullRequest({
      number: 7,
      title: 'Open fix',
      baseRef: 'main',
      headRef: 'feature-7',
      headSha: 'a'.repeat(40),
    })
    await backportCommand('walt', '/backport 2.x 0.x', 7)
    expect(world.server.state.labels(7)).toEqual(['backport-2.x'])
    await runEvent(world, 'issue_comment', commandPayload(world, 7, 'rita', '/approve', true))
    expect(world.server.state.labels(7).sort()).toEqual(['backport-0.x', 'backport-2.x'])
    expect(backportPrs(world)).toHaveLength(0)
  })

  it('/reject on the PR keeps the line out', async () => {
    await backportCommand('walt', '/backport 1.x')
    expect(backportPrs(world)).toHaveLength(0)
    await runEvent(
      world,
      'issue_comment',
      commandPayload(world, 5, 'rita', '/reject 1.x is end of life', true),
    )
    expect(approvalComment()[0]?.body).toContain('Rejected by @rita: 1.x is end of life')
    expect(backportPrs(world)).toHaveLength(0)
  })
})
