import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHub, type GitHub } from '../../../src/github/client.js'
import { apiFailure, createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

let server: FakeGitHub
let gh: GitHub
const repo = { owner: 'acme', repo: 'widgets' }

beforeEach(async () => {
  server = await startFakeGitHub({ ...repo })
  gh = createTestGitHub(server.url)
})

afterEach(async () => {
  await server.close()
})

const failure = apiFailure

async function status(promise: Promise<unknown>): Promise<number> {
  return (await failure(promise)).status
}

describe('fake GitHub: pull requests', () => {
  it('serves the production client (createGitHub, with throttling and retry)', async () => {
    const client = createGitHub({ token: 'test-token', baseUrl: server.url, retries: 0 })
    const repoData = await client.rest.repos.get(repo)
    expect(repoData.data.full_name).toBe('acme/widgets')
    await client.rest.pulls.create({ ...repo, title: 'Fix it', head: 'fix', base: 'main' })
    expect(server.state.pullRequests().map((p) => p.pull.headRef)).toEqual(['fix'])
    expect(server.calls.map((c) => c.status)).toEqual([200, 201])
    expect(server.problems()).toEqual([])
  })

  it('creates, gets and lists pull requests, validating every response', async () => {
    const created = await gh.rest.pulls.create({
      ...repo,
      title: 'Fix it',
      head: 'fix',
      base: 'main',
      body: 'Body',
    })
    expect(created.status).toBe(201)
    expect(created.data.number).toBe(1)
    expect(created.data.html_url).toBe('https://github.com/acme/widgets/pull/1')
    const got = await gh.rest.pulls.get({ ...repo, pull_number: 1 })
    expect(got.data.head.ref).toBe('fix')
    expect(got.data.merged).toBe(false)
    const open = await gh.rest.pulls.list({ ...repo, head: 'acme:fix', base: 'main' })
    expect(open.data.map((p) => p.number)).toEqual([1])
    const other = await gh.rest.pulls.list({ ...repo, head: 'acme:other' })
    expect(other.data).toEqual([])
    expect(server.calls.map((c) => c.operation)).toEqual([
      'pulls/create',
      'pulls/get',
      'pulls/list',
      'pulls/list',
    ])
    expect(server.problems()).toEqual([])
  })

  it('refuses a second open pull request for the same head and base', async () => {
    await gh.rest.pulls.create({ ...repo, title: 'One', head: 'fix', base: 'main' })
    const error = await apiFailure(
      gh.rest.pulls.create({ ...repo, title: 'Two', head: 'fix', base: 'main' }),
    )
    expect(error.status).toBe(422)
    expect(JSON.stringify(error.data)).toContain('A pull request already exists for acme:fix.')
    expect(server.problems()).toEqual([])
  })

  it('refuses a title over 256 characters as GitHub does, for pull requests and issues', async () => {
    const long = 'x'.repeat(257)
    for (const call of [
      gh.rest.pulls.create({ ...repo, title: long, head: 'fix', base: 'main' }),
      gh.rest.issues.create({ ...repo, title: long }),
    ]) {
      const error = await apiFailure(call)
      expect(error.status).toBe(422)
      expect(JSON.stringify(error.data)).toContain('title is too long (maximum is 256 characters)')
    }
    await gh.rest.pulls.create({ ...repo, title: 'x'.repeat(256), head: 'fix', base: 'main' })
    expect(server.problems()).toEqual([])
  })

  it('paginates with a Link header that Octokit follows', async () => {
    for (let i = 0; i < 7; i++)
      server.state.addPullRequest({
        title: `PR ${i}`,
        baseRef: 'main',
        headRef: `b${i}`,
        headSha: 'a'.repeat(40),
      })
    const all = await gh.paginate(gh.rest.pulls.list, { ...repo, state: 'all', per_page: 3 })
    expect(all.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(server.calls.filter((c) => c.operation === 'pulls/list')).toHaveLength(3)
    expect(server.problems()).toEqual([])
  })

  it('filters by state', async () => {
    server.state.addPullRequest({
      title: 'open',
      baseRef: 'main',
      headRef: 'a',
      headSha: 'a'.repeat(40),
    })
    const merged = server.state.addPullRequest({
      title: 'merged',
      baseRef: 'main',
      headRef: 'b',
      headSha: 'b'.repeat(40),
    })
    server.state.mergePullRequest(merged.number, 'c'.repeat(40))
    const closed = await gh.rest.pulls.list({ ...repo, state: 'closed' })
    expect(closed.data.map((p) => p.title)).toEqual(['merged'])
    expect(closed.data[0]?.merge_commit_sha).toBe('c'.repeat(40))
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: issues, comments, labels', () => {
  it('creates and updates comments', async () => {
    server.state.addPullRequest({
      title: 'PR',
      baseRef: 'main',
      headRef: 'x',
      headSha: 'a'.repeat(40),
    })
    const created = await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'first' })
    await gh.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'second' })
    const listed = await gh.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(listed.data.map((c) => c.body)).toEqual(['second'])
    expect(server.state.comments(1).map((c) => c.user)).toEqual(['github-actions[bot]'])
    expect(server.problems()).toEqual([])
  })

  it('adds labels, removes them, and answers 404 for a label that is not there', async () => {
    server.state.addIssue({ title: 'Issue' })
    await gh.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['backport-1.x', 'bug'] })
    await gh.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'bug' })
    expect(server.state.labels(1)).toEqual(['backport-1.x'])
    expect(
      await status(gh.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'bug' })),
    ).toBe(404)
    expect(server.problems()).toEqual([])
  })

  it('updates an issue: state, labels, milestone, assignees', async () => {
    server.state.addIssue({ title: 'Issue', labels: ['old'] })
    const m = server.state.addMilestone('v1')
    const res = await gh.rest.issues.update({
      ...repo,
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
      labels: ['new'],
      milestone: m.number,
      assignees: ['mona'],
    })
    expect(res.data.state).toBe('closed')
    expect(res.data.state_reason).toBe('not_planned')
    expect(res.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['new'])
    expect(res.data.milestone?.title).toBe('v1')
    expect(res.data.assignees?.map((a) => a.login)).toEqual(['mona'])
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: permissions and teams', () => {
  it('reports collaborator permission, read by default', async () => {
    server.state.setPermission('alice', 'maintain')
    const alice = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' })
    expect(alice.data.permission).toBe('write')
    expect(alice.data.role_name).toBe('maintain')
    const bob = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'bob' })
    expect(bob.data.permission).toBe('read')
    expect(server.problems()).toEqual([])
  })

  it('answers 404 for a user outside the team', async () => {
    server.state.addTeamMember('acme', 'release-managers', 'carol')
    const carol = await gh.rest.teams.getMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'release-managers',
      username: 'carol',
    })
    expect(carol.data.state).toBe('active')
    expect(
      await status(
        gh.rest.teams.getMembershipForUserInOrg({
          org: 'acme',
          team_slug: 'release-managers',
          username: 'dave',
        }),
      ),
    ).toBe(404)
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: checks and statuses', () => {
  const annotation = {
    path: 'a.txt',
    start_line: 1,
    end_line: 1,
    annotation_level: 'failure' as const,
    message: 'bad',
  }

  it('creates a check run with annotations', async () => {
    const res = await gh.rest.checks.create({
      ...repo,
      name: 'fixline',
      head_sha: 'a'.repeat(40),
      conclusion: 'failure',
      output: { title: 'T', summary: 'S', annotations: [annotation] },
    })
    expect(res.data.status).toBe('completed')
    expect(server.state.checkRuns()[0]?.output.annotations).toHaveLength(1)
    expect(server.problems()).toEqual([])
  })

  it('answers 422 for more than 50 annotations in one request', async () => {
    const annotations = Array.from({ length: 51 }, () => annotation)
    expect(
      await status(
        gh.rest.checks.create({
          ...repo,
          name: 'x',
          head_sha: 'a'.repeat(40),
          output: { title: 'T', summary: 'S', annotations },
        }),
      ),
    ).toBe(422)
    expect(server.problems()).toHaveLength(1)
  })

  it('forbids check runs on request, while commit statuses still work', async () => {
    server.state.forbidCheckRuns()
    const error = await failure(
      gh.rest.checks.create({ ...repo, name: 'x', head_sha: 'a'.repeat(40) }),
    )
    expect(error.status).toBe(403)
    expect(error.message).toContain('Resource not accessible by integration')
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha: 'a'.repeat(40),
      state: 'failure',
      context: 'fixline',
      description: 'no',
    })
    expect(server.state.statuses().map((s) => s.state)).toEqual(['failure'])
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: problems', () => {
  it('answers 501 and records a problem for an operation it does not know', async () => {
    expect(await status(gh.request('GET /repos/{owner}/{repo}/commits', repo))).toBe(501)
    expect(server.problems()).toEqual(['unimplemented: GET /repos/acme/widgets/commits'])
  })

  it('answers 422 and records a problem for an invalid body', async () => {
    expect(
      await status(
        gh.request('POST /repos/{owner}/{repo}/pulls', {
          ...repo,
          title: 'x',
          base: 'main',
        } as never),
      ),
    ).toBe(422)
    expect(server.problems()).toHaveLength(1)
    expect(server.problems()[0]).toMatch(/^invalid request: POST .*pulls.*head/)
  })

  it('answers 400 and records a problem for a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/repos/acme/widgets/pulls`, {
      method: 'POST',
      headers: { authorization: 'token t' },
      body: '{not json',
    })
    expect(res.status).toBe(400)
    expect(server.problems()[0]).toMatch(/^bad request: POST \/repos\/acme\/widgets\/pulls/)
    expect(server.calls[0]).toMatchObject({ method: 'POST', status: 400, body: '{not json' })
  })

  it('records a problem when the token is missing', async () => {
    const res = await fetch(`${server.url}/repos/acme/widgets`)
    expect(res.status).toBe(401)
    expect(server.problems()[0]).toMatch(/^missing authorization/)
  })
})
