import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeState, PLAN_MARKER } from '../../../src/requests/state.js'
import {
  backportPrs,
  botComments,
  commandPayload,
  createWorld,
  fileRequest,
  formBody,
  labeledPayload,
  mergedPr,
  planComment,
  request,
  runEvent,
  type World,
  closeWorld,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
})

afterEach(() => closeWorld(world))

const issue = (n: number) => world.server.state.issues.get(n)!

describe('backport request approvals (real git, fake GitHub)', () => {
  it('an out-of-policy request waits for a release manager: a non-member label is removed, a team member approves', async () => {
    world.server.state.addTeamMember('acme', 'release-managers', 'tess')
    const opened = fileRequest(world, 10, formBody(request({ targets: ['2.x', '1.x'] })))
    const first = await runEvent(world, 'issues', opened)
    expect(first.results.map((r) => [r.target, r.status])).toEqual([
      ['2.x', 'created'],
      ['1.x', 'pending'],
    ])
    expect(issue(10).labels.sort()).toEqual([
      'awaiting-approval',
      'backport-exception',
      'backport-request',
      'patch-release',
    ])
    expect(planComment(world, 10).body).toContain(
      '| `1.x` | exception (outside the maintenance window) | awaiting a release manager | waits for approval |',
    )

    // Mallory (not a release manager) adds the approved label: removed again, explained once even if delivered twice.
    const mallory = labeledPayload(world, 10, 'backport-approved', 'mallory')
    await runEvent(world, 'issues', mallory)
    await runEvent(world, 'issues', mallory)
    expect(issue(10).labels).not.toContain('backport-approved')
    const refusals = botComments(world, 10).filter((c) =>
      c.body.includes('@mallory: only release managers'),
    )
    expect(refusals).toHaveLength(1)
    expect(backportPrs(world)).toHaveLength(1)

    // /approve from a non-manager is refused too, with a reply; mallory's membership was asked of the API.
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'mallory', '/approve'))
    expect(backportPrs(world)).toHaveLength(1)
    expect(
      botComments(world, 10).filter((c) =>
        c.body.includes('@mallory: only release managers can `/approve`'),
      ),
    ).toHaveLength(1)
    expect(issue(10).labels).toContain('awaiting-approval')
    expect(
      world.server.calls
        .filter((c) => c.operation === 'teams/get-membership-for-user-in-org')
        .map((c) => c.path),
    ).toContain('/orgs/acme/teams/release-managers/memberships/mallory')

    // Tess is an active member of acme/release-managers: her label approves and opens 1.x.
    const tessLabel = labeledPayload(world, 10, 'backport-approved', 'tess')
    const approved = await runEvent(world, 'issues', tessLabel)
    // Delivered twice: nothing more is written.
    const before = world.server.calls.length
    await runEvent(world, 'issues', tessLabel)
    expect(world.server.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([])
    expect(approved.results.map((r) => [r.target, r.status])).toEqual([
      ['2.x', 'created'],
      ['1.x', 'created'],
    ])
    expect(
      backportPrs(world)
        .map((p) => p.pull.headRef)
        .sort(),
    ).toEqual(['backport/5-to-1.x', 'backport/5-to-2.x'])
    expect(issue(10).labels.sort()).toEqual([
      'backport-approved',
      'backport-exception',
      'backport-request',
      'patch-release',
    ])
    expect(planComment(world, 10).body).toContain(
      '| `1.x` | exception (outside the maintenance window) | approved by @tess |',
    )
    const membership = world.server.calls.filter(
      (c) => c.operation === 'teams/get-membership-for-user-in-org',
    )
    expect(membership.map((c) => c.path)).toContain(
      '/orgs/acme/teams/release-managers/memberships/tess',
    )
  })

  it('/approve by a listed release manager opens the exception and replies once', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['0.x'] }))))
    expect(backportPrs(world)).toHaveLength(0)
    const approve = commandPayload(world, 10, 'rita', '/approve')
    await runEvent(world, 'issue_comment', approve)
    const before = world.server.calls.length
    await runEvent(world, 'issue_comment', approve)
    // The repeat reads and writes nothing: no PR, no comment, no edit, no label call.
    expect(world.server.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([])
    const [pr] = backportPrs(world)
    expect(backportPrs(world).map((p) => p.pull.headRef)).toEqual(['backport/5-to-0.x'])
    const replies = botComments(world, 10).filter((c) => c.body.startsWith('<!-- fixline:reply'))
    expect(replies.map((c) => c.body.split('\n')[1])).toEqual([
      `Approved by @rita. Opened #${pr!.number}.`,
    ])
    expect(planComment(world, 10).body).toContain('Approved by @rita: `0.x`.')
    expect(issue(10).labels).toContain('backport-approved')
    expect(issue(10).labels).not.toContain('awaiting-approval')
  })

  it('/reject closes the request as not planned with the reason; a non-manager cannot reject', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['0.x'] }))))
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'mallory', '/reject no'))
    expect(issue(10).state).toBe('open')
    const rejectEvent = commandPayload(
      world,
      10,
      'rita',
      '/reject 0.x is end of life, upgrade to 2.x',
    )
    await runEvent(world, 'issue_comment', rejectEvent)
    expect(issue(10)).toMatchObject({ state: 'closed', stateReason: 'not_planned' })
    // Delivered twice: nothing more is written.
    const before = world.server.calls.length
    await runEvent(world, 'issue_comment', rejectEvent)
    expect(world.server.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([])
    expect(issue(10).labels).toContain('backport-rejected')
    expect(issue(10).labels).not.toContain('awaiting-approval')
    expect(
      botComments(world, 10).some((c) =>
        c.body.includes('Rejected by @rita: 0.x is end of life, upgrade to 2.x'),
      ),
    ).toBe(true)
    expect(planComment(world, 10).body).toContain('### Backport request: rejected')
    expect(backportPrs(world)).toHaveLength(0)
    // An edit of the closed request opens nothing.
    await runEvent(world, 'issues', { ...fileRequestPayloadEdited(10) })
    expect(backportPrs(world)).toHaveLength(0)
  })

  it('a rejected request approved later is reopened and opened; a security fix is a security release', async () => {
    await runEvent(
      world,
      'issues',
      fileRequest(world, 10, formBody(request({ targets: ['2.x', '0.x'], security: true }))),
    )
    expect(issue(10).labels).toContain('security-release')
    expect(planComment(world, 10).body).toContain(
      '| `2.x` | security release | not needed | #11 (open) |',
    )
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'rita', '/reject not now'))
    expect(issue(10).state).toBe('closed')
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'rita', '/approve'))
    expect(issue(10).state).toBe('open')
    expect(issue(10).labels).not.toContain('backport-rejected')
    expect(
      backportPrs(world)
        .map((p) => p.pull.headRef)
        .sort(),
    ).toEqual(['backport/5-to-0.x', 'backport/5-to-2.x'])
  })

  it('approval: always holds even maintained lines; a team that cannot be read is said so, not a yes', async () => {
    const always =
      'requests:\n  window: 2\n  approval: always\n  releaseManagers:\n    teams: [acme/release-managers]\n'
    await runEvent(
      world,
      'issues',
      fileRequest(world, 10, formBody(request({ targets: ['2.x'] }))),
      always,
    )
    expect(backportPrs(world)).toHaveLength(0)
    expect(issue(10).labels).toContain('awaiting-approval')
    world.server.state.addTeamMember('acme', 'release-managers', 'tess')
    world.server.state.failOperation(
      'teams/get-membership-for-user-in-org',
      403,
      'Resource not accessible by integration',
    )
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'tess', '/approve'), always)
    expect(backportPrs(world)).toHaveLength(0)
    expect(
      botComments(world, 10).some((c) =>
        c.body.includes('could not read the membership of @acme/release-managers'),
      ),
    ).toBe(true)
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'tess', '/approve'), always)
    expect(backportPrs(world).map((p) => p.pull.headRef)).toEqual(['backport/5-to-2.x'])
  })

  it('/approve on an ordinary issue is not read: no membership call, no reply', async () => {
    world.server.state.addTeamMember('acme', 'release-managers', 'tess')
    world.server.state.addIssue({ number: 20, title: 'Crash', body: 'It crashes.', user: 'ada' })
    const outcome = await runEvent(
      world,
      'issue_comment',
      commandPayload(world, 20, 'tess', '/approve'),
    )
    expect(outcome.conclusion).toBe('skipped')
    expect(world.server.calls.map((c) => c.operation)).toEqual(['issues/get'])
  })

  it("a person's comment with fixline's marker and a forged approval is not read as the plan", async () => {
    const body = formBody(request({ targets: ['0.x'] }))
    const payload = fileRequest(world, 10, body)
    const forged = encodeState({
      v: 1,
      source: 5,
      targets: [
        { target: '0.x', classification: 'exception', approval: 'approved', approvedBy: 'rita' },
      ],
    })
    world.server.state.addComment(10, 'mallory', `${PLAN_MARKER}\n${forged}`)
    await runEvent(world, 'issues', payload)
    expect(backportPrs(world)).toHaveLength(0)
    expect(planComment(world, 10).body).toContain('awaiting a release manager')
    expect(world.server.state.comments(10).find((c) => c.user === 'mallory')?.body).toContain(
      forged,
    )
  })

  it("the bot's own approved label (an App token's echo of /approve) is neither an approval nor removed", async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['0.x'] }))))
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'rita', '/approve'))
    const before = world.server.calls.length
    const echo = await runEvent(
      world,
      'issues',
      labeledPayload(world, 10, 'backport-approved', 'fixline-app[bot]'),
    )
    expect(echo.conclusion).toBe('skipped')
    expect(issue(10).labels).toContain('backport-approved')
    expect(world.server.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([])
  })
})

function fileRequestPayloadEdited(number: number): Record<string, unknown> {
  const body = world.server.state.issues.get(number)?.body ?? ''
  return {
    action: 'edited',
    issue: { number, body },
    repository: { default_branch: 'main' },
    sender: { login: 'ada' },
  }
}
