/**
 * The production client (createGitHub) and the comment writer against the fake GitHub API with
 * injected faults: deadlines, which requests are repeated, and creates that never make a twin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createGitHub, isCreate, type GitHub } from '../../../src/github/client.js'
import { upsertMarkedComment } from '../../../src/github/comments.js'
import { isTransient } from '../../../src/github/failures.js'

const BOT = 'github-actions[bot]'
const MARKER = '<!-- fixline:test -->'
const where = { owner: 'acme', repo: 'widgets', issue: 1, marker: MARKER, author: BOT }
let server: FakeGitHub
let github: GitHub

beforeEach(async () => {
  server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
  server.state.addIssue({ number: 1, title: 'An issue' })
  github = createGitHub({ token: 't', baseUrl: server.url, timeoutMs: 300, retryBaseMs: 10 })
})

afterEach(async () => {
  expect(server.problems()).toEqual([])
  await server.close()
})

const listComments = () =>
  github.paginate(github.rest.issues.listComments, {
    owner: 'acme',
    repo: 'widgets',
    issue_number: 1,
    per_page: 100,
  })

describe('createGitHub under faults', () => {
  it('a read that never answers is retried, then fails within its bound naming the request', async () => {
    server.faults.add({ operation: 'issues/list-comments', kind: 'hang', times: Infinity })
    const started = Date.now()
    const error = (await listComments().catch((e: unknown) => e)) as Error
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(error.message).toBe(
      'GitHub API GET /repos/acme/widgets/issues/1/comments did not answer within 0.3 s',
    )
    expect(isTransient(error)).toBe(true)
    expect(server.faults.injected()).toHaveLength(4) // the first try and 3 retries
  })

  it('a read whose connection is reset is repeated and succeeds', async () => {
    server.state.addComment(1, 'ada', 'hello')
    server.faults.add({ operation: 'issues/list-comments', kind: 'reset' })
    expect(await listComments()).toHaveLength(1)
    expect(server.faults.injected()).toEqual([expect.objectContaining({ kind: 'reset' })])
  })

  it('a create is never repeated by the client itself', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'error', status: 502 })
    const error = await github.rest.issues
      .createComment({ owner: 'acme', repo: 'widgets', issue_number: 1, body: 'x' })
      .catch((e: unknown) => e as Error)
    expect((error as Error).message).toMatch(
      /^GitHub API POST \/repos\/acme\/widgets\/issues\/1\/comments 502:/,
    )
    expect(server.callsTo('issues/create-comment')).toHaveLength(1)
    expect(isCreate('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(true)
    expect(isCreate('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels')).toBe(false)
  })

  for (const kind of ['lost-answer', 'hang', 'reset'] as const)
    it(`a comment create whose answer is lost (${kind}, applied) leaves one comment`, async () => {
      server.faults.add({ operation: 'issues/create-comment', kind, apply: true })
      const written = await upsertMarkedComment(github, { ...where, body: 'rows' })
      expect(written.created).toBe(true)
      expect(server.state.comments(1)).toHaveLength(1)
      expect(server.callsTo('issues/create-comment')).toHaveLength(1)
    })

  it('a comment create that failed before the write is tried again: one comment', async () => {
    server.faults.add({ operation: 'issues/create-comment', kind: 'reset' })
    await upsertMarkedComment(github, { ...where, body: 'rows' })
    expect(server.state.comments(1)).toHaveLength(1)
    expect(server.callsTo('issues/create-comment')).toHaveLength(2)
  })

  it('a short rate limit is waited out; a long one fails at once with the time to re-run', async () => {
    server.faults.add({ operation: 'issues/list-comments', kind: 'rate-limit', retryAfter: 1 })
    expect(await listComments()).toEqual([])
    server.faults.add({ operation: 'issues/list-comments', kind: 'rate-limit', retryAfter: 7200 })
    const started = Date.now()
    const error = (await listComments().catch((e: unknown) => e)) as Error
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error.message).toMatch(
      /GET \/repos\/acme\/widgets\/issues\/1\/comments was refused by GitHub's rate limit, which resets at .* \(in 7\d{3} s, longer than fixline waits\): re-run the job after that/,
    )
    expect(isTransient(error)).toBe(false)
  })
})
