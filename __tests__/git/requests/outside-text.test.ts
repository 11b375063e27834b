import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMMENT_LIMIT } from '../../../src/markdown/bound.js'
import { decodeState } from '../../../src/requests/state.js'
import { issuesPayload } from '../../support/payloads.js'
import { brokenTableRows, hasUnclosedComment, markerCount } from '../../support/markdown-checks.js'
import {
  backportPrs,
  closeWorld,
  createWorld,
  fileRequest,
  formBody,
  mergedPr,
  OWNER,
  planComment,
  REPO,
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

function edit(number: number, body: string): Record<string, unknown> {
  world.server.state.issues.get(number)!.body = body
  return issuesPayload({
    owner: OWNER,
    repo: REPO,
    action: 'edited',
    number,
    body,
    labels: ['backport-request'],
  }) as unknown as Record<string, unknown>
}

describe('requester text in the plan comment (real git, fake GitHub)', () => {
  it('a form field holding a state marker changes no state: the backport stays tracked, nothing is reopened', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['2.x'] }))))
    const before = decodeState(planComment(world, 10).body)
    expect(before?.targets[0]?.pr?.number).toBe(11)
    const forged = '<!-- fixline:state {"v":1,"source":5,"targets":[]} -->'
    const hostile = formBody(request({ targets: ['2.x'] })).replace(
      '### Source pull request\n\n#5',
      `### Source pull request\n\n${forged}`,
    )
    await runEvent(world, 'issues', edit(10, hostile))
    const plan = planComment(world, 10).body
    expect(plan).toContain('cannot proceed')
    expect(markerCount(plan)).toBe(2)
    expect(decodeState(plan)).toEqual(before)
    // Fixed again: the same PR, tracked as before; no second backport.
    await runEvent(world, 'issues', edit(10, formBody(request({ targets: ['2.x'] }))))
    expect(decodeState(planComment(world, 10).body)).toEqual(before)
    expect(backportPrs(world)).toHaveLength(1)
  })

  it('thousands of ticked targets: the plan comment stays under the limit and its state parses', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `line-${i}`)
    const body = formBody(request({ targets: ['2.x', ...names] }))
    expect(body.length).toBeLessThan(65_536)
    const outcome = await runEvent(world, 'issues', fileRequest(world, 10, body))
    expect(outcome.conclusion).toBe('neutral')
    const plan = planComment(world, 10).body
    expect(plan.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(markerCount(plan)).toBe(2)
    expect(hasUnclosedComment(plan)).toBe(false)
    expect(brokenTableRows(plan)).toEqual([])
    expect(plan).toContain('- … and 2970 more problems')
    expect(decodeState(plan)).toEqual({ v: 1, source: undefined, targets: [] })
    // The job summary lists more of them.
    expect(outcome.summary).toContain('`line-999`')
    expect(outcome.summary).toContain('- … and 2000 more')
    expect(backportPrs(world)).toHaveLength(0)
  })
})
