import { describe, expect, it } from 'vitest'
import { DASHBOARD_MARKER, routeEvent } from '../../../src/route.js'
import { issuesPayload, workflowDispatchPayload } from '../../support/payloads.js'

describe('dashboard routes', () => {
  it('schedule runs the hotfix reminders and the audit; dispatch job: audit runs the audit', () => {
    expect(routeEvent('schedule', {}).map((r) => r.job)).toEqual(['hotfix', 'dashboard'])
    expect(
      routeEvent('workflow_dispatch', workflowDispatchPayload({ job: 'audit' }) as never),
    ).toEqual([{ job: 'dashboard', trigger: { type: 'dispatch' } }])
  })

  it('an edit of an issue whose body starts with the marker is a tick, not a request', () => {
    const payload = issuesPayload({
      action: 'edited',
      number: 5,
      body: `${DASHBOARD_MARKER}\n- [x] box`,
      user: 'github-actions[bot]',
      sender: 'ada',
    }) as unknown as Record<string, unknown>
    payload.changes = { body: { from: `${DASHBOARD_MARKER}\n- [ ] box` } }
    expect(routeEvent('issues', payload)).toEqual([
      {
        job: 'dashboard',
        trigger: {
          type: 'edited',
          issue: 5,
          user: 'ada',
          body: `${DASHBOARD_MARKER}\n- [x] box`,
          before: `${DASHBOARD_MARKER}\n- [ ] box`,
        },
      },
    ])
    const other = issuesPayload({ action: 'edited', number: 6, body: 'a request' })
    expect(routeEvent('issues', other as never).map((r) => r.job)).toEqual(['requests'])
    const opened = issuesPayload({ action: 'opened', number: 5, body: DASHBOARD_MARKER })
    expect(routeEvent('issues', opened as never).map((r) => r.job)).toEqual(['none'])
  })
})
