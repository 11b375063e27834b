/**
 * The marked issue (the dashboard) with a configured title longer than GitHub allows: opened with
 * the title cut to 256 characters, and a later run with the same title and body writes nothing
 * (the cut title is what it compares against, not the long one).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHub } from '../../../src/github/client.js'
import { createMarkedIssue, updateMarkedIssue } from '../../../src/github/marked-issue.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

let server: FakeGitHub
let gh: GitHub
const ref = { owner: 'acme', repo: 'widgets', marker: '<!-- fixline:test -->', author: 'x[bot]' }

beforeEach(async () => {
  server = await startFakeGitHub({ owner: ref.owner, repo: ref.repo })
  gh = createTestGitHub(server.url)
})

afterEach(async () => {
  await server.close()
})

describe('marked issue titles', () => {
  it('cuts a long title to 256 characters and does not rewrite it on the next run', async () => {
    const title = `Release lines ${'and more '.repeat(40)}`
    const body = `${ref.marker}\nbody`
    const issue = await createMarkedIssue(gh, ref, title, body)
    expect(Array.from(issue.title).length).toBeLessThanOrEqual(256)
    expect(issue.title.endsWith('…')).toBe(true)
    const calls = server.calls.length
    expect(await updateMarkedIssue(gh, ref, issue, { title, body })).toBe(false)
    expect(server.calls.length).toBe(calls)
    expect(await updateMarkedIssue(gh, ref, issue, { title: 'Release lines', body })).toBe(true)
    expect(server.problems()).toEqual([])
  })
})
