/**
 * The production client picks its fetch on the first request: Node's own without a proxy, undici's
 * with @actions/http-client's proxy agent when the runner sets one (loaded only then).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createGitHub } from '../../../src/github/client.js'

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']
let server: FakeGitHub
let saved: Record<string, string | undefined>

beforeEach(async () => {
  saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]))
  for (const v of VARIABLES) delete process.env[v]
  server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
  server.state.addIssue({ number: 1, title: 'An issue' })
  server.state.addComment(1, 'ada', 'hello')
})

afterEach(async () => {
  for (const v of VARIABLES) {
    if (saved[v] === undefined) delete process.env[v]
    else process.env[v] = saved[v]
  }
  expect(server.problems()).toEqual([])
  await server.close()
})

async function bodies(): Promise<string[]> {
  const github = createGitHub({ token: 't', baseUrl: server.url, timeoutMs: 2_000, retries: 0 })
  const comments = await github.rest.issues.listComments({
    owner: 'acme',
    repo: 'widgets',
    issue_number: 1,
  })
  return comments.data.map((c) => c.body ?? '')
}

describe('createGitHub and the runner proxy', () => {
  it('without proxy variables: answers through Node fetch', async () => {
    expect(await bodies()).toEqual(['hello'])
  })

  it('with a proxy set: the loopback API bypasses it (as @actions/http-client decides) and answers', async () => {
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9'
    process.env.HTTP_PROXY = 'http://127.0.0.1:9'
    expect(await bodies()).toEqual(['hello'])
  })
})
