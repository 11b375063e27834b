import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

let server: FakeGitHub
const repo = { owner: 'acme', repo: 'widgets' }

beforeEach(async () => {
  server = await startFakeGitHub({ ...repo })
  server.state.addIssue({ title: 'I' })
})

afterEach(async () => {
  await server.close()
})

describe('fake GitHub: who a token acts as', () => {
  it('acts as github-actions[bot] (a Bot) for any token by default', async () => {
    const created = await createTestGitHub(server.url).rest.issues.createComment({
      ...repo,
      issue_number: 1,
      body: 'hi',
    })
    expect([created.data.user?.login, created.data.user?.type]).toEqual([
      'github-actions[bot]',
      'Bot',
    ])
    expect(server.problems()).toEqual([])
  })

  it('acts as the login set for a token: a foreign bot or a user, through the API', async () => {
    server.state.setTokenLogin('foreign-token', 'other-app[bot]')
    server.state.setTokenLogin('ada-token', 'ada')
    const foreign = createTestGitHub(server.url, 'foreign-token')
    const ours = createTestGitHub(server.url)
    const posted = await foreign.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })
    expect([posted.data.user?.login, posted.data.user?.type, posted.data.user?.html_url]).toEqual([
      'other-app[bot]',
      'Bot',
      'https://github.com/apps/other-app',
    ])
    await ours.rest.issues.createComment({ ...repo, issue_number: 1, body: 'y' })
    const listed = await ours.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(listed.data.map((c) => [c.body, c.user?.login])).toEqual([
      ['x', 'other-app[bot]'],
      ['y', 'github-actions[bot]'],
    ])
    // The same reaction from two accounts is two reactions; from the same account, one.
    const react = (gh: typeof ours) =>
      gh.rest.reactions.createForIssueComment({
        ...repo,
        comment_id: posted.data.id,
        content: '+1',
      })
    const ada = createTestGitHub(server.url, 'ada-token')
    expect((await react(ada)).data.user?.type).toBe('User')
    await react(ours)
    expect((await react(ours)).status).toBe(200)
    expect(server.state.comments(1)[0]?.reactions.map((r) => r.user)).toEqual([
      'ada',
      'github-actions[bot]',
    ])
    expect(server.problems()).toEqual([])
  })

  it('reads "Bearer" and "token" authorization alike; state.actor moves the default', async () => {
    server.state.setTokenLogin('app-token', 'fixline-app[bot]')
    server.state.actor = 'default-app[bot]'
    const post = (authorization: string) =>
      fetch(`${server.url}/repos/acme/widgets/issues/1/comments`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ body: authorization }),
      })
    for (const authorization of ['Bearer app-token', 'token app-token', 'token other'])
      expect((await post(authorization)).status).toBe(201)
    expect(server.state.comments(1).map((c) => c.user)).toEqual([
      'fixline-app[bot]',
      'fixline-app[bot]',
      'default-app[bot]',
    ])
    expect(server.problems()).toEqual([])
  })
})
