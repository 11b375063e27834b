import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHub } from '../../../src/github/client.js'
import { apiFailure, createTestGitHub } from '../../support/fake-github/client.js'
import { handlers } from '../../support/fake-github/handlers/index.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { specOperations } from '../../support/fake-github/spec.js'
import { validateResponse } from '../../support/fake-github/validation.js'

let server: FakeGitHub
let gh: GitHub
const repo = { owner: 'acme', repo: 'widgets' }
const sha = (c: string): string => c.repeat(40)

beforeEach(async () => {
  server = await startFakeGitHub({ ...repo })
  gh = createTestGitHub(server.url)
})

afterEach(async () => {
  await server.close()
})

const failure = apiFailure

describe('fake GitHub: coverage of the trimmed spec', () => {
  it('has a handler for every operation of the trimmed spec, and nothing else', () => {
    const ids = specOperations().map((o) => o.operationId)
    expect(ids.filter((id) => !handlers[id])).toEqual([])
    expect(Object.keys(handlers).filter((id) => !ids.includes(id))).toEqual([])
  })

  it('flags a response that does not match the schema (a bug in the fake)', () => {
    const op = specOperations().find((o) => o.operationId === 'issues/create-label')
    if (!op) throw new Error('missing operation')
    expect(validateResponse(op, 201, { name: 'x' })).not.toEqual([])
    expect(validateResponse(op, 202, {})).toEqual(['status 202 is not documented'])
    expect(validateResponse(op, 404, { message: 'Not Found', documentation_url: 'x' })).toEqual([])
  })

  it('validates through the shared schemas (a user inside a pull request)', async () => {
    server.state.addPullRequest({ title: 'PR', baseRef: 'main', headRef: 'x', headSha: sha('a') })
    const good = (await gh.rest.pulls.get({ ...repo, pull_number: 1 })).data
    const op = specOperations().find((o) => o.operationId === 'pulls/get')
    if (!op) throw new Error('missing operation')
    expect(validateResponse(op, 200, good)).toEqual([])
    const bad = { ...good, user: { ...good.user, login: 42 } }
    expect(validateResponse(op, 200, bad).join()).toMatch(/user\/login must be string/)
  })
})

describe('fake GitHub: pull request details', () => {
  beforeEach(() => {
    server.state.addPullRequest({
      number: 10,
      title: 'Big',
      user: 'ada',
      baseRef: 'main',
      headRef: 'big',
      headSha: sha('a'),
      commits: Array.from({ length: 260 }, (_, i) => ({
        sha: String(i).padStart(40, '0'),
        message: `c${i}`,
      })),
      labels: ['bug'],
      assignees: ['ada'],
      milestone: 'v1',
      requestedReviewers: ['bob'],
    })
  })

  it('lists at most 250 commits, like GitHub', async () => {
    const commits = await gh.paginate(gh.rest.pulls.listCommits, {
      ...repo,
      pull_number: 10,
      per_page: 100,
    })
    expect(commits).toHaveLength(250)
    expect(commits[0]?.commit.message).toBe('c0')
    const pr = await gh.rest.pulls.get({ ...repo, pull_number: 10 })
    expect(pr.data.commits).toBe(260)
    expect(pr.data.milestone?.title).toBe('v1')
    expect(server.problems()).toEqual([])
  })

  it('requests reviewers and lists them, refusing the author', async () => {
    await gh.rest.pulls.requestReviewers({
      ...repo,
      pull_number: 10,
      reviewers: ['carol'],
      team_reviewers: ['core'],
    })
    const requested = await gh.rest.pulls.listRequestedReviewers({ ...repo, pull_number: 10 })
    expect(requested.data.users.map((u) => u.login)).toEqual(['bob', 'carol'])
    expect(requested.data.teams.map((t) => t.slug)).toEqual(['core'])
    expect(
      (
        await failure(
          gh.rest.pulls.requestReviewers({ ...repo, pull_number: 10, reviewers: ['ada'] }),
        )
      ).status,
    ).toBe(422)
    expect(server.problems()).toEqual([])
  })

  it('lists reviews', async () => {
    server.state.addReview(10, 'bob', 'APPROVED')
    const reviews = await gh.rest.pulls.listReviews({ ...repo, pull_number: 10 })
    expect(reviews.data.map((r) => [r.user?.login, r.state])).toEqual([['bob', 'APPROVED']])
    expect(server.problems()).toEqual([])
  })

  it('updates title, body, base and state; a merged PR cannot be reopened', async () => {
    const res = await gh.rest.pulls.update({
      ...repo,
      pull_number: 10,
      title: 'New',
      body: 'B',
      base: '1.x',
      state: 'closed',
    })
    expect([res.data.title, res.data.body, res.data.base.ref, res.data.state]).toEqual([
      'New',
      'B',
      '1.x',
      'closed',
    ])
    server.state.mergePullRequest(10, sha('m'))
    expect(
      (await failure(gh.rest.pulls.update({ ...repo, pull_number: 10, state: 'open' }))).status,
    ).toBe(422)
    expect(server.problems()).toEqual([])
  })

  it('answers the issue view of a PR and 404 for a PR that is an issue', async () => {
    server.state.addIssue({ number: 11, title: 'plain issue' })
    const asIssue = await gh.rest.issues.get({ ...repo, issue_number: 10 })
    expect(asIssue.data.pull_request?.html_url).toBe('https://github.com/acme/widgets/pull/10')
    expect((await failure(gh.rest.pulls.get({ ...repo, pull_number: 11 }))).status).toBe(404)
    expect(server.problems()).toEqual([])
  })

  it('finds pull requests by commit', async () => {
    server.state.mergePullRequest(10, sha('m'))
    const byMerge = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: sha('m'),
    })
    expect(byMerge.data.map((p) => p.number)).toEqual([10])
    const none = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: sha('f'),
    })
    expect(none.data).toEqual([])
    expect(server.problems()).toEqual([])
  })

  it('enables auto-merge through GraphQL with the PR node id', async () => {
    const pr = await gh.rest.pulls.get({ ...repo, pull_number: 10 })
    await gh.graphql(
      `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
        enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { clientMutationId }
      }`,
      { pullRequestId: pr.data.node_id, mergeMethod: 'SQUASH' },
    )
    expect(server.state.pullRequest(10)?.pull.autoMerge).toEqual({
      mergeMethod: 'squash',
      enabledBy: 'github-actions[bot]',
    })
    const again = await gh.rest.pulls.get({ ...repo, pull_number: 10 })
    expect(again.data.auto_merge?.merge_method).toBe('squash')
    server.state.failAutoMerge()
    await expect(
      gh.graphql(
        'mutation { enablePullRequestAutoMerge(input: { pullRequestId: "' +
          pr.data.node_id +
          '" }) { clientMutationId } }',
      ),
    ).rejects.toThrow(/not allowed/)
    expect(server.problems()).toEqual([])
  })

  it('answers 501 for GraphQL it does not implement', async () => {
    await expect(gh.graphql('query { viewer { login } }')).rejects.toThrow()
    expect(server.problems()).toEqual(['unimplemented: graphql viewer'])
  })
})

describe('fake GitHub: issues', () => {
  it('creates issues and lists them by label and state, pull requests included like GitHub', async () => {
    await gh.rest.issues.create({ ...repo, title: 'Request', labels: ['backport-request'] })
    await gh.rest.issues.create({ ...repo, title: 'Other' })
    server.state.addPullRequest({
      title: 'PR',
      baseRef: 'main',
      headRef: 'x',
      headSha: sha('a'),
      labels: ['backport-request'],
    })
    const listed = await gh.paginate(gh.rest.issues.listForRepo, {
      ...repo,
      labels: 'backport-request',
      state: 'open',
      per_page: 1,
    })
    expect(listed.map((i) => [i.number, Boolean(i.pull_request)])).toEqual([
      [3, true],
      [1, false],
    ])
    await gh.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' })
    const closed = await gh.rest.issues.listForRepo({ ...repo, state: 'closed' })
    expect(closed.data.map((i) => i.number)).toEqual([1])
    expect(server.problems()).toEqual([])
  })

  it('manages repository labels and issue labels', async () => {
    await gh.rest.issues.createLabel({ ...repo, name: 'backport-conflict', color: 'd93f0b' })
    expect(
      (
        await failure(
          gh.rest.issues.createLabel({ ...repo, name: 'backport-conflict', color: 'd93f0b' }),
        )
      ).status,
    ).toBe(422)
    const got = await gh.rest.issues.getLabel({ ...repo, name: 'backport-conflict' })
    expect(got.data.color).toBe('d93f0b')
    expect((await failure(gh.rest.issues.getLabel({ ...repo, name: 'nope' }))).status).toBe(404)
    server.state.addIssue({ title: 'I', labels: ['a'] })
    await gh.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['b'] })
    const on = await gh.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 })
    expect(on.data.map((l) => l.name)).toEqual(['a', 'b'])
    expect(server.problems()).toEqual([])
  })

  it('adds assignees (ignoring users without access) and reactions', async () => {
    server.state.addIssue({ title: 'I' })
    server.state.setPermission('outsider', 'none')
    const res = await gh.rest.issues.addAssignees({
      ...repo,
      issue_number: 1,
      assignees: ['mona', 'outsider'],
    })
    expect(res.data.assignees?.map((a) => a.login)).toEqual(['mona'])
    const comment = server.state.addComment(1, 'alice', '/approve')
    const first = await gh.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: 'eyes',
    })
    const second = await gh.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: 'eyes',
    })
    expect([first.status, second.status]).toEqual([201, 200])
    expect(comment.reactions.map((r) => r.content)).toEqual(['eyes'])
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: repository, branches, releases, failures', () => {
  it('answers the repository, seeded branches, and 404 for others', async () => {
    server.state.setBranch('1.x', sha('1'))
    const r = await gh.rest.repos.get(repo)
    expect(r.data.default_branch).toBe('main')
    const b = await gh.rest.repos.getBranch({ ...repo, branch: '1.x' })
    expect(b.data.commit.sha).toBe(sha('1'))
    expect((await failure(gh.rest.repos.getBranch({ ...repo, branch: 'release/9' }))).status).toBe(
      404,
    )
    expect((await failure(gh.rest.repos.get({ owner: 'other', repo: 'thing' }))).status).toBe(404)
    expect(server.problems()).toEqual([])
  })

  it('serves releases: latest skips drafts and prereleases', async () => {
    server.state.addRelease({ tag: 'v1.0' })
    server.state.addRelease({ tag: 'v2.0' })
    server.state.addRelease({ tag: 'v3.0-rc1', prerelease: true })
    server.state.addRelease({ tag: 'v4.0', draft: true })
    expect((await gh.rest.repos.getLatestRelease(repo)).data.tag_name).toBe('v2.0')
    expect((await gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.0' })).data.tag_name).toBe(
      'v1.0',
    )
    expect((await failure(gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v9' }))).status).toBe(404)
    const all = await gh.rest.repos.listReleases(repo)
    expect(all.data.map((x) => x.tag_name)).toEqual(['v4.0', 'v3.0-rc1', 'v2.0', 'v1.0'])
    expect(server.problems()).toEqual([])
  })

  it('injects failures on request', async () => {
    server.state.failOperation('issues/create-comment', 500, 'boom', 1)
    server.state.addIssue({ title: 'I' })
    const err = await failure(gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' }))
    expect(err.status).toBe(500)
    await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })
    expect(server.state.comments(1)).toHaveLength(1)
    expect(server.callsTo('issues/create-comment').map((c) => c.status)).toEqual([500, 201])
    expect(server.problems()).toEqual([])
  })

  it('simulates a secondary rate limit that the production client waits out', async () => {
    const { createGitHub } = await import('../../../src/github/client.js')
    const client = createGitHub({ token: 't', baseUrl: server.url, retries: 1, throttle: true })
    server.state.addIssue({ title: 'I' })
    const message =
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    server.state.failOperation('issues/get', 403, message, 1, { 'retry-after': '1' })
    const issue = await client.rest.issues.get({ ...repo, issue_number: 1 })
    expect(issue.data.title).toBe('I')
    expect(server.callsTo('issues/get').map((c) => c.status)).toEqual([403, 200])
    expect(server.problems()).toEqual([])
  })

  it('merges an open PR once, checking the head sha', async () => {
    server.state.addPullRequest({ title: 'PR', baseRef: 'main', headRef: 'x', headSha: sha('a') })
    expect(
      (await failure(gh.rest.pulls.merge({ ...repo, pull_number: 1, sha: sha('b') }))).status,
    ).toBe(409)
    const merged = await gh.rest.pulls.merge({
      ...repo,
      pull_number: 1,
      sha: sha('a'),
      merge_method: 'squash',
    })
    expect(merged.data.merged).toBe(true)
    expect(server.state.pullRequest(1)?.pull.mergeCommitSha).toBe(merged.data.sha)
    expect((await failure(gh.rest.pulls.merge({ ...repo, pull_number: 1 }))).status).toBe(405)
    expect(server.problems()).toEqual([])
  })

  it('lists check runs for a sha or a branch, newest first, filtered by name', async () => {
    server.state.setBranch('main', sha('a'))
    await gh.rest.checks.create({ ...repo, name: 'one', head_sha: sha('a') })
    await gh.rest.checks.create({ ...repo, name: 'two', head_sha: sha('a') })
    await gh.rest.checks.create({ ...repo, name: 'one', head_sha: sha('b') })
    const bySha = await gh.rest.checks.listForRef({ ...repo, ref: sha('a') })
    expect([bySha.data.total_count, bySha.data.check_runs.map((r) => r.name)]).toEqual([
      2,
      ['two', 'one'],
    ])
    const byBranch = await gh.rest.checks.listForRef({ ...repo, ref: 'main', check_name: 'one' })
    expect(byBranch.data.check_runs.map((r) => r.head_sha)).toEqual([sha('a')])
    expect(server.problems()).toEqual([])
  })

  it('updates a check run: completes it and accumulates annotations', async () => {
    const a = {
      path: 'f',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning' as const,
      message: 'm',
    }
    const created = await gh.rest.checks.create({
      ...repo,
      name: 'fixline',
      head_sha: sha('a'),
      status: 'in_progress',
    })
    expect(created.data.conclusion).toBeNull()
    await gh.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      output: { title: 'T', summary: 'S', annotations: [a] },
    })
    const done = await gh.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: 'success',
      output: { title: 'T', summary: 'S2', annotations: [a] },
    })
    expect([done.data.status, done.data.conclusion, done.data.output.annotations_count]).toEqual([
      'completed',
      'success',
      2,
    ])
    expect(server.problems()).toEqual([])
  })
})
