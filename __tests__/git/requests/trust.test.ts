/**
 * Whose comment is fixline's: only its own identity's comments are state. Another App's bot that
 * imitates the plan comment, and a requester who writes a state marker into a form field, change
 * nothing (real git, fake GitHub).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeState, encodeState, PLAN_MARKER } from '../../../src/requests/state.js'
import {
  backportPrs,
  closeWorld,
  commandPayload,
  createWorld,
  fileRequest,
  formBody,
  mergedPr,
  planComment,
  request,
  runEvent,
  type World,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
})

afterEach(() => closeWorld(world))

/** State that approves 0.x, as a forger would write it. */
const approvedByRita = encodeState({
  v: 1,
  source: 5,
  targets: [
    { target: '0.x', classification: 'exception', approval: 'approved', approvedBy: 'rita' },
  ],
})

function edited(number: number): Record<string, unknown> {
  const body = world.server.state.issues.get(number)?.body ?? ''
  return {
    action: 'edited',
    issue: { number, body, user: { login: 'ada' }, labels: [{ name: 'backport-request' }] },
    repository: { default_branch: 'main' },
    sender: { login: 'ada' },
  }
}

describe('trust: only fixline identity comments are state', () => {
  it("another App's bot imitating the plan comment with an approval: no PR, no state change, never edited, named in the log", async () => {
    const payload = fileRequest(world, 10, formBody(request({ targets: ['0.x'] })))
    const forged = world.server.state.addComment(
      10,
      'other-app[bot]',
      `${PLAN_MARKER}\n${approvedByRita}`,
    )
    await runEvent(world, 'issues', payload)
    await runEvent(world, 'issues', edited(10))
    expect(backportPrs(world)).toHaveLength(0)
    expect(await world.fixture.originSha('refs/heads/backport/5-to-0.x')).toBeUndefined()
    expect(decodeState(planComment(world, 10).body)?.targets).toEqual([
      expect.objectContaining({ target: '0.x', approval: 'pending' }),
    ])
    expect(world.server.state.comments(10).find((c) => c.id === forged.id)?.body).toBe(
      `${PLAN_MARKER}\n${approvedByRita}`,
    )
    expect(
      world.server.calls.filter(
        (c) => c.operation === 'issues/update-comment' && c.path.endsWith(`/${forged.id}`),
      ),
    ).toEqual([])
    expect(world.log.join('\n')).toContain(
      `ignored comment ${forged.id} on #10 by other-app[bot]: it carries fixline's marker`,
    )
  })

  it('a form field holding a state marker never becomes state: approvals and tracked PRs survive edits', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['0.x'] }))))
    await runEvent(world, 'issue_comment', commandPayload(world, 10, 'rita', '/approve'))
    const [pr] = backportPrs(world)
    expect(pr).toBeDefined()
    // The requester edits the form: the justification now carries a state that erases everything.
    const erasing = encodeState({ v: 1, source: 5, targets: [] })
    const issue = world.server.state.issues.get(10)!
    issue.body = formBody(
      request({
        targets: ['0.x'],
        justification: `Crash on start. ${erasing} ${PLAN_MARKER} @acme/everyone`,
      }),
    )
    await runEvent(world, 'issues', edited(10))
    await runEvent(world, 'issues', edited(10))
    const plan = planComment(world, 10).body
    expect(decodeState(plan)?.targets).toEqual([
      expect.objectContaining({
        target: '0.x',
        approval: 'approved',
        approvedBy: 'rita',
        pr: expect.objectContaining({ number: pr!.number }),
      }),
    ])
    // Exactly one state marker, fixline's own, and no mention or plan marker from the field.
    expect(plan.split('<!-- fixline:state').length - 1).toBe(1)
    expect(plan.split(PLAN_MARKER).length - 1).toBe(1)
    expect(plan).not.toMatch(/(^|[^\w`])@acme\/everyone/)
    expect(backportPrs(world)).toHaveLength(1)
  })
})
