import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPlausibleRefName } from '../../../src/git/refs.js'
import {
  daysBetween,
  hotfixBranchName,
  isOpenHotfix,
  parseHotfixArgs,
  reminderDue,
} from '../../../src/hotfix/decide.js'
import { routeEvent } from '../../../src/route.js'

const SHA = 'a'.repeat(40)

describe('hotfix routing', () => {
  it('routes /hotfix comments with their arguments, from issues and PRs', () => {
    const payload = (isPr: boolean) => ({
      action: 'created',
      issue: { number: 3, ...(isPr ? { pull_request: {} } : {}) },
      comment: { id: 9, user: { login: 'ada' }, body: '/hotfix v1.2.0 --force\nplease' },
    })
    for (const isPr of [false, true])
      expect(routeEvent('issue_comment', payload(isPr))).toEqual([
        {
          job: 'hotfix',
          trigger: {
            type: 'command',
            issue: 3,
            commentId: 9,
            user: 'ada',
            args: ['v1.2.0', '--force'],
          },
        },
      ])
  })

  it('routes workflow_dispatch with a hotfix input, and not without one', () => {
    expect(
      routeEvent('workflow_dispatch', { inputs: { hotfix: 'start' }, sender: { login: 'ada' } }),
    ).toEqual([{ job: 'hotfix', trigger: { type: 'dispatch', user: 'ada', args: ['start'] } }])
    expect(routeEvent('workflow_dispatch', { inputs: { hotfix: '' } })[0]?.job).toBe('none')
    expect(routeEvent('workflow_dispatch', { inputs: { hotfix: 'false' } })[0]?.job).toBe('none')
  })

  it('routes PRs into hotfix branches (the configured prefix) to the check, merged ones to merge-back', () => {
    const pr = (action: string, base: string, merged = false) => ({
      action,
      pull_request: {
        number: 5,
        merged,
        base: { ref: base, sha: SHA },
        head: { ref: 'fix', sha: SHA },
      },
    })
    expect(routeEvent('pull_request_target', pr('opened', 'hotfix/v1')).map((r) => r.job)).toEqual([
      'upgrade',
      'hotfix',
    ])
    expect(routeEvent('pull_request_target', pr('opened', 'main')).map((r) => r.job)).toEqual([
      'upgrade',
    ])
    expect(
      routeEvent('pull_request_target', pr('opened', 'urgent/v1'), { hotfixPrefix: 'urgent/' }).map(
        (r) => r.job,
      ),
    ).toEqual(['upgrade', 'hotfix'])
    expect(routeEvent('pull_request_target', pr('closed', 'hotfix/v1', true))).toContainEqual({
      job: 'hotfix',
      trigger: { type: 'merged', pr: 5, base: 'hotfix/v1' },
    })
  })

  it('routes successful deployment statuses only', () => {
    const event = (state: string) => ({
      deployment_status: { state, environment: 'production' },
      deployment: { sha: SHA, environment: 'production' },
    })
    expect(routeEvent('deployment_status', event('success'))).toEqual([
      { job: 'hotfix', trigger: { type: 'deployment', sha: SHA, environment: 'production' } },
    ])
    expect(routeEvent('deployment_status', event('failure'))[0]?.job).toBe('none')
  })

  it('routes schedule to the reminders (and to the audit and its dashboard)', () => {
    expect(routeEvent('schedule', { schedule: '0 6 * * *' })).toEqual([
      { job: 'hotfix', trigger: { type: 'schedule' } },
      { job: 'dashboard', trigger: { type: 'schedule' } },
    ])
  })
})

describe('hotfix decisions', () => {
  it('parses the arguments', () => {
    expect(parseHotfixArgs([])).toEqual({ from: undefined, force: false })
    expect(parseHotfixArgs(['start'])).toEqual({ from: undefined, force: false })
    expect(parseHotfixArgs(['v1.2', '--force'])).toEqual({ from: 'v1.2', force: true })
    expect(parseHotfixArgs(['start', 'v1.2', '--force'])).toEqual({ from: 'v1.2', force: true })
    expect(parseHotfixArgs(['--bogus'])).toHaveProperty('problem')
    expect(parseHotfixArgs(['a', 'b'])).toHaveProperty('problem')
    expect(parseHotfixArgs(['a..b'])).toHaveProperty('problem')
  })

  it('parses any comment text without throwing; a base it returns is a plausible ref name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), (args) => {
        const parsed = parseHotfixArgs(args)
        if ('problem' in parsed) expect(typeof parsed.problem).toBe('string')
        else if (parsed.from !== undefined) expect(isPlausibleRefName(parsed.from)).toBe(true)
      }),
    )
  })

  it('a reminder is due after remindAfterDays, never with 0', () => {
    const now = Date.parse('2026-02-10T00:00:00Z')
    expect(daysBetween('2026-02-03T00:00:00Z', now)).toBe(7)
    expect(daysBetween('not a date', now)).toBe(0)
    expect(reminderDue(7, 7)).toBe(true)
    expect(reminderDue(6, 7)).toBe(false)
    expect(reminderDue(100, 0)).toBe(false)
  })

  it('names the branch after the release, else the short sha', () => {
    expect(hotfixBranchName('hotfix/', 'v1.2', SHA)).toBe('hotfix/v1.2')
    expect(hotfixBranchName('hotfix/', undefined, SHA)).toBe(`hotfix/${'a'.repeat(12)}`)
  })

  it('a branch is open when just cut or when a commit is missing from main', () => {
    const b = { branch: 'hotfix/x', ownCommits: 0, missingFromMain: 0, tipOnMainline: true }
    expect(isOpenHotfix(b)).toBe(true)
    expect(isOpenHotfix({ ...b, tipOnMainline: false })).toBe(false) // merged back with a merge commit
    expect(isOpenHotfix({ ...b, ownCommits: 2, missingFromMain: 1 })).toBe(true)
    expect(isOpenHotfix({ ...b, ownCommits: 2, missingFromMain: 0 })).toBe(false)
  })
})
