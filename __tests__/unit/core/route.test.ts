import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseSlashCommand, routeEvent } from '../../../src/route.js'

const pr = (over: Record<string, unknown> = {}) => ({
  number: 7,
  merged: true,
  head: { ref: 'feature', sha: 'a'.repeat(40) },
  base: { ref: 'main', sha: 'b'.repeat(40) },
  ...over,
})

describe('routeEvent', () => {
  it('routes a merged PR to the backport job, and a merged backport PR also to requests', () => {
    expect(routeEvent('pull_request_target', { action: 'closed', pull_request: pr() })).toEqual([
      { job: 'backport', trigger: { type: 'merged', pr: 7 } },
    ])
    const routes = routeEvent('pull_request', {
      action: 'closed',
      pull_request: pr({ head: { ref: 'backport/3-to-1.x', sha: 'c'.repeat(40) } }),
    })
    expect(routes.map((r) => r.job)).toEqual(['backport', 'requests'])
  })

  it('ignores a PR closed without merging', () => {
    expect(
      routeEvent('pull_request', { action: 'closed', pull_request: pr({ merged: false }) })[0]?.job,
    ).toBe('none')
  })

  it('routes a label added after the merge with only that label', () => {
    expect(
      routeEvent('pull_request', {
        action: 'labeled',
        label: { name: 'backport-1.x' },
        pull_request: pr(),
      }),
    ).toEqual([{ job: 'backport', trigger: { type: 'labeled', pr: 7, label: 'backport-1.x' } }])
    // labeled while still open: the merge will trigger it
    expect(
      routeEvent('pull_request', {
        action: 'labeled',
        label: { name: 'backport-1.x' },
        pull_request: pr({ merged: false }),
      })[0]?.job,
    ).toBe('none')
  })

  it('routes opened and synchronized PRs to the upgrade check', () => {
    const [route] = routeEvent('pull_request', {
      action: 'synchronize',
      pull_request: pr({ merged: false }),
    })
    expect(route).toEqual({
      job: 'upgrade',
      trigger: {
        type: 'release-pr',
        pr: 7,
        base: 'main',
        headSha: 'a'.repeat(40),
        baseSha: 'b'.repeat(40),
      },
    })
  })

  it('routes /backport on a PR, /approve and /reject on an issue', () => {
    const comment = (body: string, isPr: boolean) => ({
      action: 'created',
      issue: { number: 9, ...(isPr ? { pull_request: { url: 'x' } } : {}) },
      comment: { id: 55, body, user: { login: 'alice' } },
    })
    expect(routeEvent('issue_comment', comment('/backport 1.x, 2.x', true))).toEqual([
      {
        job: 'backport',
        trigger: {
          type: 'comment',
          pr: 9,
          commentId: 55,
          user: 'alice',
          targets: ['1.x', '2.x'],
          commentBody: '/backport 1.x, 2.x',
        },
      },
    ])
    expect(routeEvent('issue_comment', comment('/reject not a regression', false))).toEqual([
      {
        job: 'requests',
        trigger: {
          type: 'command',
          issue: 9,
          commentId: 55,
          user: 'alice',
          command: 'reject',
          argument: 'not a regression',
        },
      },
    ])
    expect(routeEvent('issue_comment', comment('/backport 1.x', false))[0]?.job).toBe('none')
    expect(routeEvent('issue_comment', comment('please /backport 1.x', true))[0]?.job).toBe('none')
    expect(
      routeEvent('issue_comment', { ...comment('/approve', false), action: 'edited' })[0]?.job,
    ).toBe('none')
  })

  it('routes issues, releases and dispatches', () => {
    expect(routeEvent('issues', { action: 'opened', issue: { number: 4 } })).toEqual([
      { job: 'requests', trigger: { type: 'issue', issue: 4, action: 'opened' } },
    ])
    expect(
      routeEvent('issues', {
        action: 'labeled',
        issue: { number: 4 },
        label: { name: 'backport-approved' },
        sender: { login: 'rm' },
      }),
    ).toEqual([
      {
        job: 'requests',
        trigger: { type: 'issue-labeled', issue: 4, label: 'backport-approved', user: 'rm' },
      },
    ])
    expect(routeEvent('release', { action: 'published', release: { tag_name: 'v1.2' } })).toEqual([
      { job: 'upgrade', trigger: { type: 'release', tag: 'v1.2', sha: undefined } },
      { job: 'hotfix', trigger: { type: 'release', tag: 'v1.2' } },
    ])
    expect(routeEvent('workflow_dispatch', { inputs: { pr: '12', targets: '1.x 2.x' } })).toEqual([
      { job: 'backport', trigger: { type: 'dispatch', pr: 12, targets: ['1.x', '2.x'] } },
    ])
    expect(routeEvent('workflow_dispatch', { inputs: { pr: 'abc' } })[0]).toMatchObject({
      job: 'none',
      reason: expect.stringContaining('"pr"'),
    })
    expect(routeEvent('push', {})[0]).toMatchObject({
      job: 'none',
      reason: 'event "push" is not one fixline handles',
    })
  })

  it('never throws on arbitrary payloads', () => {
    const events = fc.constantFrom(
      'pull_request',
      'pull_request_target',
      'issue_comment',
      'issues',
      'release',
      'workflow_dispatch',
      'deployment_status',
      'push',
    )
    fc.assert(
      fc.property(events, fc.jsonValue(), (event, payload) => {
        const value =
          payload !== null && typeof payload === 'object' && !Array.isArray(payload)
            ? payload
            : { payload }
        const routes = routeEvent(event, value as Record<string, unknown>)
        expect(routes.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('parseSlashCommand', () => {
  it('reads the first line only, splitting on spaces and commas', () => {
    expect(parseSlashCommand('/backport 1.x 2.x\nthanks')).toEqual({
      command: 'backport',
      args: ['1.x', '2.x'],
    })
    expect(parseSlashCommand('  /approve\r\n')).toEqual({ command: 'approve', args: [] })
    expect(parseSlashCommand('LGTM /backport 1.x')).toBeUndefined()
    expect(parseSlashCommand('/Backport 1.x')).toBeUndefined()
  })

  it('never throws and never returns an empty argument', () => {
    fc.assert(
      fc.property(fc.string(), (body) => {
        const parsed = parseSlashCommand(body)
        if (parsed) expect(parsed.args.every((a) => a.length > 0 && !/\s/.test(a))).toBe(true)
      }),
    )
  })
})
