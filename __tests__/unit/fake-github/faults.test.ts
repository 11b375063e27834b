import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHub } from '../../../src/github/client.js'
import { apiFailure, createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

let server: FakeGitHub
let gh: GitHub
const repo = { owner: 'acme', repo: 'widgets' }

beforeEach(async () => {
  server = await startFakeGitHub({ ...repo })
  gh = createTestGitHub(server.url)
  server.state.addIssue({ title: 'I' })
})

afterEach(async () => {
  await server.close()
})

/** POST a comment on issue #1 with plain fetch, so that the test sees the raw transport outcome. */
function postComment(body: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/repos/acme/widgets/issues/1/comments`, {
    method: 'POST',
    headers: { authorization: 'token test-token', 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
    ...init,
  })
}

/** The error code under fetch's "fetch failed" (ECONNRESET, UND_ERR_SOCKET...). */
async function networkError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? String(error)
  }
  throw new Error('expected the request to fail at the transport level')
}

describe('fake GitHub faults: lost answers and errors', () => {
  it('lost-answer applies the write through the normal handler, then answers 502', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'lost-answer' })
    const lost = await apiFailure(
      gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'a' }),
    )
    expect(lost.status).toBe(502)
    expect(server.state.comments(1).map((c) => [c.body, c.user])).toEqual([
      ['a', 'github-actions[bot]'],
    ])
    // times defaults to 1: the next request is answered normally.
    await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'b' })
    expect(server.state.comments(1)).toHaveLength(2)
    expect(server.callsTo('issues/create-comment').map((c) => [c.status, c.fault])).toEqual([
      [502, 'lost-answer'],
      [201, undefined],
    ])
    expect(server.faults.injected()).toEqual([
      expect.objectContaining({
        operation: 'issues/create-comment',
        kind: 'lost-answer',
        method: 'POST',
        path: '/repos/acme/widgets/issues/1/comments',
        status: 502,
        applied: true,
        appliedStatus: 201,
      }),
    ])
    expect(server.problems()).toEqual([])
  })

  it('lost-answer still validates: an invalid request is a problem and changes nothing', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'lost-answer' })
    const res = await postComment('x', { body: JSON.stringify({ text: 'x' }) })
    expect(res.status).toBe(422)
    expect(server.state.comments(1)).toEqual([])
    expect(server.faults.injected()).toEqual([])
    expect(server.problems()).toHaveLength(1)
  })

  it('after a lost answer, retries find exactly one reaction, label and check run', async () => {
    const comment = server.state.addComment(1, 'alice', '/approve')
    for (const operation of [
      'reactions/create-for-issue-comment',
      'issues/add-labels',
      'checks/create',
    ])
      server.faults.add({ operation, kind: 'lost-answer' })
    const react = () =>
      gh.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: 'eyes' })
    expect((await apiFailure(react())).status).toBe(502)
    const again = await react()
    expect(again.status).toBe(200)
    expect(again.data.id).toBe(comment.reactions[0]?.id)
    expect(comment.reactions).toHaveLength(1)

    const label = () => gh.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['b'] })
    expect((await apiFailure(label())).status).toBe(502)
    expect((await label()).data.map((l) => l.name)).toEqual(['b'])
    expect(server.state.labels(1)).toEqual(['b'])

    const sha = 'a'.repeat(40)
    const check = () => gh.rest.checks.create({ ...repo, name: 'fixline', head_sha: sha })
    expect((await apiFailure(check())).status).toBe(502)
    await gh.rest.checks.create({ ...repo, name: 'other', head_sha: sha })
    const found = await gh.rest.checks.listForRef({ ...repo, ref: sha, check_name: 'fixline' })
    expect(found.data.check_runs.map((r) => r.name)).toEqual(['fixline'])
    expect(server.faults.injected().map((f) => f.appliedStatus)).toEqual([201, 200, 201])
    expect(server.problems()).toEqual([])
  })

  it('error answers its status without applying, as often as asked, for matching requests', async () => {
    server.faults.add({
      operation: 'issues/create-comment',
      kind: 'error',
      status: 503,
      times: Infinity,
      match: (call) => (call.body as { body?: string }).body === 'fail',
    })
    for (let i = 0; i < 3; i++)
      expect(
        (await apiFailure(gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'fail' })))
          .status,
      ).toBe(503)
    await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'ok' })
    expect(server.state.comments(1).map((c) => c.body)).toEqual(['ok'])
    server.faults.add({ operation: 'issues/get', kind: 'error' })
    const plain = await apiFailure(gh.rest.issues.get({ ...repo, issue_number: 1 }))
    expect([plain.status, plain.data]).toEqual([
      502,
      expect.objectContaining({ message: 'Bad Gateway' }),
    ])
    server.faults.clear()
    await gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'fail' })
    expect(server.faults.injected().map((f) => [f.kind, f.status, f.applied])).toEqual([
      ['error', 503, false],
      ['error', 503, false],
      ['error', 503, false],
      ['error', 502, false],
    ])
    expect(server.problems()).toEqual([])
  })

  it('faults GraphQL requests too', async () => {
    server.faults.add({ operation: 'graphql', kind: 'error', status: 500 })
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { enablePullRequestAutoMerge(input: {}) { clientMutationId } }',
      }),
    })
    expect(res.status).toBe(500)
    expect(server.callsTo('graphql').map((c) => [c.status, c.fault])).toEqual([[500, 'error']])
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub faults: no answer', () => {
  it('hang never answers: the client times out, nothing is applied, the call is recorded', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'hang' })
    const started = Date.now()
    const error = await postComment('x', { signal: AbortSignal.timeout(300) }).catch(
      (e: unknown) => e,
    )
    expect((error as Error).name).toBe('TimeoutError')
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(server.state.comments(1)).toEqual([])
    expect(server.callsTo('issues/create-comment').map((c) => [c.status, c.fault])).toEqual([
      [0, 'hang'],
    ])
    expect(server.faults.injected()).toEqual([
      expect.objectContaining({ kind: 'hang', status: 0, applied: false }),
    ])
    expect((await postComment('y')).status).toBe(201)
    expect(server.problems()).toEqual([])
  })

  it('hang with apply makes the write, then never answers', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'hang', apply: true })
    const error = await postComment('x', { signal: AbortSignal.timeout(300) }).catch(
      (e: unknown) => e,
    )
    expect((error as Error).name).toBe('TimeoutError')
    expect(server.state.comments(1).map((c) => c.body)).toEqual(['x'])
    expect(server.faults.injected()).toEqual([
      expect.objectContaining({ kind: 'hang', applied: true, appliedStatus: 201 }),
    ])
  })

  it('close() does not wait for hung requests: it destroys their sockets', async () => {
    server.faults.add({ operation: 'issues/list-comments', kind: 'hang', times: Infinity })
    const pending = gh.rest.issues.listComments({ ...repo, issue_number: 1 })
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    )
    while (server.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await outcome).toBe('failed')
    server = await startFakeGitHub({ ...repo }) // for afterEach
  })

  it('reset destroys the connection without an answer', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'reset', times: 2 })
    expect(await networkError(postComment('x'))).toBe('ECONNRESET')
    expect(server.state.comments(1)).toEqual([])
    expect(server.callsTo('issues/create-comment').map((c) => [c.status, c.fault])).toEqual([
      [0, 'reset'],
    ])
    const viaOctokit = await apiFailure(
      gh.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' }),
    )
    // Octokit reports a transport error as status 500 with the socket error as the message.
    expect([viaOctokit.message, viaOctokit.data]).toEqual(['read ECONNRESET', undefined])
    expect(server.state.comments(1)).toEqual([])
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub faults: rate limits', () => {
  it('answers 429 with retry-after and an exhausted budget, without applying', async () => {
    server.faults.add({
      operation: 'issues/create-comment',
      kind: 'rate-limit',
      retryAfter: 120,
      resetIn: 600,
    })
    const res = await postComment('x')
    const now = Math.floor(Date.now() / 1000)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('120')
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0')
    const reset = Number(res.headers.get('x-ratelimit-reset'))
    expect(reset).toBeGreaterThanOrEqual(now + 599)
    expect(reset).toBeLessThanOrEqual(now + 601)
    expect(((await res.json()) as { message: string }).message).toContain('secondary rate limit')
    expect(server.state.comments(1)).toEqual([])
    expect(server.problems()).toEqual([])
  })

  it('answers 403 when asked, the reset defaulting to retry-after', async () => {
    server.faults.add({ operation: 'issues/get', kind: 'rate-limit', status: 403, retryAfter: 30 })
    const failure = await apiFailure(gh.rest.issues.get({ ...repo, issue_number: 1 }))
    expect(failure.status).toBe(403)
    expect(failure.message).toContain('API rate limit exceeded')
    const call = server.callsTo('issues/get')[0]
    expect([call?.status, call?.fault]).toEqual([403, 'rate-limit'])
    expect(() =>
      server.faults.add({ operation: 'issues/get', kind: 'rate-limit', status: 500 }),
    ).toThrow(/403 or 429/)
    expect(server.problems()).toEqual([])
  })
})
