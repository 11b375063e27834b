import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseCommentRows } from '../../../src/backport/report.js'
import { COMMENT_LIMIT } from '../../../src/markdown/bound.js'
import {
  brokenTableRows,
  hasUnclosedComment,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'
import {
  change,
  closeWorld,
  commentPayload,
  createWorld,
  fixlineComments,
  mergedPr,
  runEvent,
  type World,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

describe('outside text and sizes in the backport comment (real git, fake GitHub)', () => {
  it('/backport naming hundreds of missing lines, some hostile: one comment under the limit, safe and parseable', async () => {
    await mergedPr(world, { number: 5, title: 'Fix', commits: [change(1)], method: 'squash' })
    world.server.state.setPermission('maya', 'maintain')
    const hostile = ['@octocat', '<!--x', 'a|b', 'x`y', '@acme/team']
    const missing = Array.from({ length: 600 }, (_, i) => `${i + 10}.x`)
    const command = `/backport 2.x ${[...hostile, ...missing].join(' ')}`
    const outcome = await runEvent(
      world,
      'issue_comment',
      commentPayload(world, 5, 'maya', command),
    )
    expect(outcome.results).toHaveLength(606)
    expect(outcome.results.find((r) => r.target === '2.x')?.status).toBe('created')
    const [comment, ...others] = fixlineComments(world, 5).filter((c) =>
      c.body.startsWith('<!-- fixline:backport-comment -->'),
    )
    expect(others).toEqual([])
    const body = comment!.body
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(markerCount(body)).toBe(2)
    expect(hasUnclosedComment(body)).toBe(false)
    expect(mentions(body)).toEqual([])
    expect(brokenTableRows(body)).toEqual([])
    expect(body).toContain('… and 506 more targets (the job summary lists them all)')
    // The created row (with its PR) is kept in the hidden rows for the next run to merge.
    const rows = parseCommentRows(body)
    expect(rows.find((r) => r.target === '2.x')?.pullRequest).toBeDefined()
    // The job summary has every row.
    expect(outcome.summary).toContain('`609.x`')
  })
})
