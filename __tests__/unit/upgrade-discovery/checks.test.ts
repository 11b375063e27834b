/** src/github/checks.ts (publishCheck) against the fake GitHub API (HTTP on 127.0.0.1). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { publishCheck, type CheckPublication } from '../../../src/github/checks.js'
import type { GitHub } from '../../../src/github/client.js'

const SHA = 'a'.repeat(40)
let server: FakeGitHub
let github: GitHub

beforeEach(async () => {
  server = await startFakeGitHub({ owner: 'acme', repo: 'plugin' })
  github = createTestGitHub(server.url)
})

afterEach(async () => {
  expect(server.problems()).toEqual([])
  await server.close()
})

function publication(annotations: number, summary = '## report'): CheckPublication {
  return {
    owner: 'acme',
    repo: 'plugin',
    sha: SHA,
    name: 'fixline / upgrade-safety',
    conclusion: 'failure',
    title: `${annotations} rule failure(s) in 5 release(s) on 2 line(s) ${'and more '.repeat(30)}`,
    summary,
    annotations: Array.from({ length: annotations }, (_, i) => ({
      path: 'src/plugin_runner.py',
      startLine: i,
      level: i % 2 === 0 ? ('failure' as const) : ('warning' as const),
      message: `finding ${i}`,
      title: 'migration-id',
    })),
    detailsUrl: 'https://github.com/acme/plugin/actions/runs/1',
    botLogin: 'github-actions[bot]',
  }
}

describe('publishCheck', () => {
  it('creates one completed check run, sending annotations 50 at a time, with the summary cut to fit', async () => {
    const published = await publishCheck(github, publication(120, 'x'.repeat(70_000)))
    expect(published).toMatchObject({ kind: 'check-run', annotations: 120 })
    const ops = server.calls.map((c) => c.operation).filter((o) => o?.startsWith('checks/'))
    expect(ops).toEqual(['checks/list-for-ref', 'checks/create', 'checks/update', 'checks/update'])
    const [run] = server.state.checkRuns()
    expect(run).toMatchObject({
      name: 'fixline / upgrade-safety',
      headSha: SHA,
      status: 'completed',
      conclusion: 'failure',
    })
    expect(run?.output.annotations).toHaveLength(120)
    expect(run?.output.annotations[0]).toMatchObject({ start_line: 1, annotation_level: 'failure' })
    // GitHub takes 65,535 characters; the cut says so.
    expect(run?.output.summary?.length).toBeLessThanOrEqual(65_535)
    expect(run?.output.summary).toContain('cut to fit GitHub’s size limit')
    expect(server.state.statuses()).toEqual([])
  })

  it('a re-run with the same result posts nothing more; a changed result is a new check run', async () => {
    const first = await publishCheck(github, publication(60))
    const again = await publishCheck(github, publication(60))
    expect(again).toEqual(first)
    expect(server.state.checkRuns()).toHaveLength(1)
    expect(server.calls.filter((c) => c.method !== 'GET')).toHaveLength(2) // create + 1 update
    await publishCheck(github, { ...publication(60), conclusion: 'success' })
    expect(server.state.checkRuns().map((r) => r.conclusion)).toEqual(['failure', 'success'])
  })

  it('a check run whose create answer was lost is found, not made twice, and gets its remaining annotations', async () => {
    server.faults.add({ operation: 'checks/create', kind: 'lost-answer' })
    const published = await publishCheck(github, publication(70))
    expect(published).toMatchObject({ kind: 'check-run', annotations: 70 })
    const runs = server.state.checkRuns()
    expect(runs).toHaveLength(1)
    expect(runs[0]?.output.annotations).toHaveLength(70)
    expect(server.callsTo('checks/create')).toHaveLength(1)
  })

  it('falls back to a commit status of the same name when check runs are forbidden (403)', async () => {
    server.state.forbidCheckRuns()
    expect(await publishCheck(github, publication(3))).toEqual({ kind: 'status', state: 'failure' })
    expect(server.state.checkRuns()).toEqual([])
    const [status] = server.state.statuses()
    expect(status).toMatchObject({
      sha: SHA,
      context: 'fixline / upgrade-safety',
      state: 'failure',
      targetUrl: 'https://github.com/acme/plugin/actions/runs/1',
    })
    expect(status?.description?.length).toBeLessThanOrEqual(140)
  })

  it('does not hide other errors behind a status: a 422 is thrown with its cause', async () => {
    server.state.failOperation('checks/create', 422, 'Validation Failed')
    const error = await publishCheck(github, publication(1)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      'could not create the check run "fixline / upgrade-safety"',
    )
    expect((error as Error & { cause?: { status?: number } }).cause?.status).toBe(422)
    expect(server.state.statuses()).toEqual([])
  })
})
