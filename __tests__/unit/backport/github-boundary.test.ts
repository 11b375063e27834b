/** src/github/{comments,permissions}.ts against the fake GitHub API (HTTP on 127.0.0.1). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { findMarkedComment, upsertMarkedComment } from '../../../src/github/comments.js'
import { collaboratorPermission, hasPermission } from '../../../src/github/permissions.js'
import type { GitHub } from '../../../src/github/client.js'

const BOT = 'github-actions[bot]'
const MARKER = '<!-- fixline:test -->'
let server: FakeGitHub
let github: GitHub

beforeEach(async () => {
  server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
  server.state.actor = BOT
  server.state.addIssue({ number: 1, title: 'An issue' })
  github = createTestGitHub(server.url)
})

afterEach(async () => {
  expect(server.problems()).toEqual([])
  await server.close()
})

const where = { owner: 'acme', repo: 'widgets', issue: 1, marker: MARKER, author: BOT }

describe('upsertMarkedComment', () => {
  it('creates the comment once, then updates it in place', async () => {
    const first = await upsertMarkedComment(github, { ...where, body: `${MARKER}\nv1` })
    expect(first.created).toBe(true)
    const second = await upsertMarkedComment(github, {
      ...where,
      body: (old) => `${old ?? ''}\nv2`,
    })
    expect(second).toMatchObject({ id: first.id, created: false })
    const comments = server.state.comments(1)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toBe(`${MARKER}\nv1\nv2`)
  })

  it('finds the marked comment beyond the first page', async () => {
    for (let i = 0; i < 130; i++) server.state.addComment(1, 'someone', `chatter ${i}`)
    const mine = server.state.addComment(1, BOT, `${MARKER}\nold`)
    for (let i = 0; i < 20; i++) server.state.addComment(1, 'someone', `more ${i}`)
    const result = await upsertMarkedComment(github, { ...where, body: `${MARKER}\nnew` })
    expect(result).toMatchObject({ id: mine.id, created: false })
    expect(server.calls.filter((c) => c.operation === 'issues/list-comments').length).toBe(2)
    expect(server.state.comments(1).filter((c) => c.user === BOT)).toHaveLength(1)
  })

  it("ignores a copy of the marker in somebody else's comment and adds the marker when missing", async () => {
    server.state.addComment(1, 'mallory', `${MARKER} fake`)
    const result = await upsertMarkedComment(github, { ...where, body: 'no marker here' })
    expect(result.created).toBe(true)
    expect((await findMarkedComment(github, where))?.body).toBe(`${MARKER}\nno marker here`)
  })

  it("reads and edits only fixline's own identity: another app's bot imitating the marker is ignored and named", async () => {
    const forged = server.state.addComment(1, 'other-app[bot]', `${MARKER}\nforged state`)
    const warnings: string[] = []
    expect(await findMarkedComment(github, { ...where, warn: (m) => warnings.push(m) })).toBe(
      undefined,
    )
    expect(warnings.join('\n')).toMatch(
      new RegExp(`ignored comment ${forged.id} on #1 by other-app\\[bot\\]`),
    )
    const written = await upsertMarkedComment(github, { ...where, body: `${MARKER}\nmine` })
    expect(written.created).toBe(true)
    expect(server.state.comments(1).find((c) => c.id === forged.id)?.body).toBe(
      `${MARKER}\nforged state`,
    )
    expect(server.callsTo('issues/update-comment')).toHaveLength(0)
  })

  it("with an App identity, a comment by github-actions[bot] is not fixline's", async () => {
    server.state.addComment(1, BOT, `${MARKER}\nold default-token comment`)
    const app = { ...where, author: 'fixline-app[bot]' }
    expect(await findMarkedComment(github, app)).toBeUndefined()
  })

  it('fails with the fix when the token acts as someone other than bot-login', async () => {
    server.state.actor = 'my-app[bot]'
    await expect(upsertMarkedComment(github, { ...where, body: 'x' })).rejects.toThrow(
      /the token acts as my-app\[bot\], but fixline's identity is github-actions\[bot\].*bot-login/,
    )
  })

  it('makes no write when the body is unchanged', async () => {
    await upsertMarkedComment(github, { ...where, body: `${MARKER}\nsame` })
    await upsertMarkedComment(github, { ...where, body: `${MARKER}\nsame` })
    expect(server.calls.filter((c) => c.method !== 'GET')).toHaveLength(1)
  })
})

describe('collaboratorPermission', () => {
  it('reads maintain and triage from role_name, and none for strangers', async () => {
    server.state.setPermission('maya', 'maintain')
    server.state.setPermission('tris', 'triage')
    server.state.setPermission('nobody', 'none')
    expect(await collaboratorPermission(github, 'acme', 'widgets', 'maya')).toBe('maintain')
    expect(await collaboratorPermission(github, 'acme', 'widgets', 'tris')).toBe('triage')
    expect(await collaboratorPermission(github, 'acme', 'widgets', 'nobody')).toBe('none')
  })

  it('orders permissions: write, maintain and admin may run commands', () => {
    expect(['admin', 'maintain', 'write'].every((p) => hasPermission(p as 'admin', 'write'))).toBe(
      true,
    )
    expect(['triage', 'read', 'none'].some((p) => hasPermission(p as 'read', 'write'))).toBe(false)
  })
})
