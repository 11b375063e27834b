import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
import type { RunContext } from '../../../src/github/context.js'
import { payloadShowsOtherIssue } from '../../../src/requests/job.js'
import { routeEvent } from '../../../src/route.js'

describe('routing of release-manager commands', () => {
  const comment = (body: string, isPr: boolean) => ({
    action: 'created',
    issue: { number: 9, ...(isPr ? { pull_request: { url: 'x' } } : {}) },
    comment: { id: 55, body, user: { login: 'rita' } },
  })
  it('routes /approve and /reject on a PR to the requests job (answers to a held /backport)', () => {
    expect(routeEvent('issue_comment', comment('/approve', true))).toEqual([
      {
        job: 'requests',
        trigger: {
          type: 'command',
          issue: 9,
          commentId: 55,
          user: 'rita',
          command: 'approve',
          argument: '',
        },
      },
    ])
    expect(routeEvent('issue_comment', comment('/reject too old', true))[0]).toMatchObject({
      job: 'requests',
      trigger: { command: 'reject', argument: 'too old' },
    })
  })
})

describe('payloadShowsOtherIssue', () => {
  const deps = (issue: unknown) => ({
    config: parseConfig(undefined),
    ctx: { payload: { issue } } as unknown as RunContext,
  })
  it('skips issues that are neither labelled nor the form without an API call; reads the rest', () => {
    expect(
      payloadShowsOtherIssue(deps({ number: 4, body: 'It crashes', labels: [{ name: 'bug' }] }), 4),
    ).toBe(true)
    expect(
      payloadShowsOtherIssue(
        deps({ number: 4, body: 'x', labels: [{ name: 'backport-request' }] }),
        4,
      ),
    ).toBe(false)
    expect(
      payloadShowsOtherIssue(
        deps({
          number: 4,
          body: '### Source pull request\n\n#1\n\n### Target release lines\n\n- [X] 1.x',
          labels: [],
        }),
        4,
      ),
    ).toBe(false)
    expect(payloadShowsOtherIssue(deps({ number: 5, body: '', labels: [] }), 4)).toBe(false)
    expect(payloadShowsOtherIssue(deps(undefined), 4)).toBe(false)
  })
})
