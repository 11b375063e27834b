import { afterEach, describe, expect, it } from 'vitest'
import { auditGitHub, MAX_LOOKUPS, type AuditReport } from '../../../src/audit/index.js'
import { parseConfig } from '../../../src/config/load.js'
import { createGitHub } from '../../../src/github/client.js'
import { fakeSha, startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

let server: FakeGitHub | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const config = parseConfig(undefined)

/** A report as a copy of auditLines' (JSON round trip: no git state), with `n` fixes missing on main. */
function report(n: number): AuditReport {
  return JSON.parse(
    JSON.stringify({
      lines: [
        { branch: 'main', rank: 0 },
        { branch: '1.x', rank: 1 },
      ],
      fixes: Array.from({ length: n }, (_, i) => ({
        sha: fakeSha(`fix ${i}`),
        subject: `Fix ${i}`,
        author: 'Ada',
        date: '2024-01-01T00:00:00Z',
        line: '1.x',
        missingOn: ['main'],
        decided: [],
      })),
      unlanded: [],
      waitingDrafts: [],
      warnings: [],
      stats: { commitsCompared: 0, gitProcesses: 0, ms: 0 },
    }),
  ) as AuditReport
}

describe('auditGitHub keeps its requests bounded', () => {
  it('reads closed PRs only as far back as audit.lookbackDays, newest update first', async () => {
    server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
    const s = server.state
    for (let i = 0; i < 250; i++) {
      const pr = s.addPullRequest({
        title: `Old ${i}`,
        baseRef: 'main',
        headRef: `old-${i}`,
        headSha: fakeSha(`old ${i}`),
        merged: true,
        mergeCommitSha: fakeSha(`old merge ${i}`),
      })
      pr.updatedAt = '2025-01-01T00:00:00Z'
    }
    const recent = s.addPullRequest({
      title: 'Recent',
      baseRef: 'main',
      headRef: 'recent',
      headSha: fakeSha('recent'),
      merged: true,
      mergeCommitSha: fakeSha('fix 0'),
    })
    const github = createGitHub({ token: 't', baseUrl: server.url, retries: 0 })
    const out = await auditGitHub(github, { owner: 'acme', repo: 'widgets' }, config, report(1), {
      now: new Date(Date.parse(recent.updatedAt) + 86_400_000),
    })
    const closed = server.callsTo('pulls/list').filter((c) => c.query.state === 'closed')
    expect(closed).toHaveLength(1)
    expect(closed[0]?.query).toMatchObject({ sort: 'updated', direction: 'desc', per_page: '100' })
    expect(out.fixes[0]?.pr).toMatchObject({ number: recent.number, title: 'Recent' })
    expect(out.warnings).toEqual([
      'backports never landed were not checked: the report was not made by this run (no git state)',
    ])
    expect(server.problems()).toEqual([])
  })

  it(`looks up at most ${MAX_LOOKUPS} fixes one by one, and says how many were not`, async () => {
    server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
    const github = createGitHub({ token: 't', baseUrl: server.url, retries: 0 })
    const out = await auditGitHub(
      github,
      { owner: 'acme', repo: 'widgets' },
      config,
      report(MAX_LOOKUPS + 5),
    )
    expect(server.callsTo('repos/list-pull-requests-associated-with-commit')).toHaveLength(
      MAX_LOOKUPS,
    )
    expect(out.warnings).toContain(
      '5 fix(es) whose PR is not among those closed in the last 90 days were not looked up (at most 100 single lookups): their PR and labels are not shown',
    )
    expect(server.problems()).toEqual([])
  })

  it('a failing list is a warning; the git part of the report stays', async () => {
    server = await startFakeGitHub({ owner: 'acme', repo: 'widgets' })
    server.faults.add({ operation: 'pulls/list', kind: 'error', status: 500, times: Infinity })
    const github = createGitHub({ token: 't', baseUrl: server.url, retries: 0 })
    const out = await auditGitHub(github, { owner: 'acme', repo: 'widgets' }, config, report(2))
    expect(out.fixes).toHaveLength(2)
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(
      /^the GitHub API could not be read \(.+\): PRs, labels, backports never landed and conflict drafts are not shown$/,
    )
    expect(server.problems()).toEqual([])
  })
})
