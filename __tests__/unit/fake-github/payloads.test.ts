import { describe, expect, it } from 'vitest'
import { routeEvent } from '../../../src/route.js'
import {
  issueCommentPayload,
  issuesPayload,
  pullRequestClosedPayload,
  pullRequestLabeledPayload,
  pullRequestOpenedPayload,
  releasePublishedPayload,
  workflowDispatchPayload,
} from '../../support/payloads.js'

const repo = { owner: 'acme', repo: 'widgets' }

describe('webhook payload builders', () => {
  it('builds a merged pull_request closed event that routes to a backport', () => {
    const p = pullRequestClosedPayload({
      ...repo,
      number: 7,
      title: 'Fix',
      baseRef: 'main',
      headRef: 'fix',
      headSha: 'a'.repeat(40),
      mergeCommitSha: 'b'.repeat(40),
      labels: ['backport-1.x'],
    })
    expect(p.repository.full_name).toBe('acme/widgets')
    expect(p.pull_request.html_url).toBe('https://github.com/acme/widgets/pull/7')
    expect(p.pull_request.merged).toBe(true)
    expect(p.pull_request.merge_commit_sha).toBe('b'.repeat(40))
    expect(p.pull_request.labels.map((l) => l.name)).toEqual(['backport-1.x'])
    expect(JSON.stringify(p)).not.toContain('Codertocat/Hello-World')
    expect(routeEvent('pull_request_target', p as unknown as Record<string, unknown>)).toEqual([
      { job: 'backport', trigger: { type: 'merged', pr: 7 } },
    ])
  })

  it('builds a closed-not-merged event', () => {
    const p = pullRequestClosedPayload({ ...repo, number: 7, merged: false })
    expect(p.pull_request.merged).toBe(false)
    expect(p.pull_request.merge_commit_sha).toBeNull()
  })

  it('builds labeled, opened and synchronize events', () => {
    const labeled = pullRequestLabeledPayload({ ...repo, number: 3, label: 'backport-2.x' })
    expect(routeEvent('pull_request', labeled as unknown as Record<string, unknown>)).toEqual([
      { job: 'backport', trigger: { type: 'labeled', pr: 3, label: 'backport-2.x' } },
    ])
    const sync = pullRequestOpenedPayload({
      ...repo,
      number: 4,
      action: 'synchronize',
      baseRef: '1.x',
      headSha: 'c'.repeat(40),
      baseSha: 'd'.repeat(40),
    })
    expect(sync.action).toBe('synchronize')
    expect(routeEvent('pull_request', sync as unknown as Record<string, unknown>)).toEqual([
      {
        job: 'upgrade',
        trigger: {
          type: 'release-pr',
          pr: 4,
          base: '1.x',
          headSha: 'c'.repeat(40),
          baseSha: 'd'.repeat(40),
        },
      },
    ])
  })

  it('builds issue comments on pull requests and on issues', () => {
    const onPr = issueCommentPayload({
      ...repo,
      issueNumber: 5,
      isPullRequest: true,
      user: 'alice',
      body: '/backport 1.x',
      commentId: 42,
    })
    expect(routeEvent('issue_comment', onPr as unknown as Record<string, unknown>)).toEqual([
      {
        job: 'backport',
        trigger: {
          type: 'comment',
          pr: 5,
          commentId: 42,
          user: 'alice',
          targets: ['1.x'],
          commentBody: '/backport 1.x',
        },
      },
    ])
    const onIssue = issueCommentPayload({
      ...repo,
      issueNumber: 6,
      isPullRequest: false,
      user: 'bob',
      body: '/approve',
    })
    expect(onIssue.issue.pull_request).toBeUndefined()
    expect(routeEvent('issue_comment', onIssue as unknown as Record<string, unknown>)[0]?.job).toBe(
      'requests',
    )
  })

  it('builds issues events', () => {
    const labeled = issuesPayload({
      ...repo,
      action: 'labeled',
      number: 9,
      title: 'Backport request',
      label: 'approved',
      sender: 'carol',
    })
    expect(labeled.issue.labels?.map((l) => l.name)).toEqual(['approved'])
    expect(routeEvent('issues', labeled as unknown as Record<string, unknown>)).toEqual([
      {
        job: 'requests',
        trigger: { type: 'issue-labeled', issue: 9, label: 'approved', user: 'carol' },
      },
    ])
    const edited = issuesPayload({ ...repo, action: 'edited', number: 9, body: 'new body' })
    expect(edited.issue.body).toBe('new body')
  })

  it('builds release and workflow_dispatch events', () => {
    const release = releasePublishedPayload({ ...repo, tag: 'v1.2', targetCommitish: '1.x' })
    expect(routeEvent('release', release as unknown as Record<string, unknown>)).toEqual([
      { job: 'upgrade', trigger: { type: 'release', tag: 'v1.2', sha: undefined } },
      { job: 'hotfix', trigger: { type: 'release', tag: 'v1.2' } },
    ])
    const dispatch = workflowDispatchPayload({ pr: '12', targets: '1.x 2.x' })
    expect(routeEvent('workflow_dispatch', dispatch as unknown as Record<string, unknown>)).toEqual(
      [{ job: 'backport', trigger: { type: 'dispatch', pr: 12, targets: ['1.x', '2.x'] } }],
    )
  })

  it('returns fresh copies', () => {
    const a = pullRequestClosedPayload({ ...repo, number: 1 })
    a.pull_request.title = 'changed'
    expect(pullRequestClosedPayload({ ...repo, number: 1 }).pull_request.title).toBe(
      'Pull request 1',
    )
  })
})
