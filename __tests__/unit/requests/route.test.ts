import { describe, expect, it } from 'vitest'
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
