import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditGitHub,
  auditLines,
  type AuditReport,
  type MissingFix,
} from '../../../src/audit/index.js'
import { parseConfig } from '../../../src/config/load.js'
import { createGitHub } from '../../../src/github/client.js'
import { fakeSha, startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { buildAuditWorld, type AuditWorld } from './world.js'

let world: AuditWorld
let server: FakeGitHub
let report: AuditReport
const config = parseConfig(undefined)
const DAY = 86_400_000

beforeAll(async () => {
  world = await buildAuditWorld()
  server = await startFakeGitHub({ owner: 'acme', repo: 'widgets', originPath: world.fx.originDir })
  const s = server.state
  const { sha } = world
  const merged = (
    number: number,
    base: string,
    mergeCommitSha: string,
    title: string,
    labels: string[] = [],
  ) =>
    s.addPullRequest({
      number,
      title,
      baseRef: base,
      headRef: `topic-${number}`,
      headSha: mergeCommitSha,
      merged: true,
      mergeCommitSha,
      labels,
    })
  merged(12, '1.x', sha.labelled, 'Fix a leak', ['forwardport-not-needed'])
  merged(20, '1.x', sha.neverCarried, 'Fix crash on empty list')
  merged(30, 'main', sha.mainFix, 'Fix null input', ['backport-1.x', 'backport-2.x'])
  merged(31, 'main', sha.mainOnly, 'Feature for 3.0', ['backport-1.x', 'backport-2.x'])
  // Its backport PR to 2.x was merged (adapted, no trailer): landed, whatever the evidence says.
  merged(32, 'main', sha.mainOnly2, 'Feature for 3.1', ['backport-2.x'])
  // Every supported line older than main (the default window of 3: main, 2.x, 1.x) is asked for.
  merged(34, 'main', sha.mainOnly, 'Feature for 3.0, again', ['backport-supported'])
  merged(33, '2.x', fakeSha('adapted backport of 32'), '[2.x] Feature for 3.1')
  s.pullRequest(33)!.pull.headRef = 'backport/32-to-2.x'
  // Merged long before the lookback window: found only by a lookup of its commit.
  const old = merged(50, '2.x', sha.only2x, 'Fix cache size')
  old.updatedAt = '2025-01-01T00:00:00Z'
  old.pull.mergedAt = '2025-01-01T00:00:00Z'
  const open = (number: number, head: string, base: string, draft: boolean, labels: string[]) =>
    s.addPullRequest({
      number,
      title: `[${base}] PR ${number}`,
      baseRef: base,
      headRef: head,
      headSha: sha.mainOnly,
      draft,
      labels,
    })
  const draft = open(40, 'backport/31-to-1.x', '1.x', true, ['backport-conflict'])
  open(41, 'forwardport/20-to-main', 'main', true, ['backport-conflict'])
  open(42, 'backport/99-to-1.x', '1.x', false, ['backport-conflict'])
  const now = new Date(Date.parse(draft.createdAt) + 10 * DAY + 3_600_000)
  const github = createGitHub({ token: 't', baseUrl: server.url, retries: 0 })
  report = await auditGitHub(
    github,
    { owner: 'acme', repo: 'widgets' },
    config,
    await auditLines(world.fx.seed, config),
    { now },
  )
}, 60_000)
afterAll(async () => {
  await server?.close()
  await world?.cleanup()
})

const fix = (sha: string): MissingFix | undefined => report.fixes.find((f) => f.sha === sha)

describe('auditGitHub against the fake API', () => {
  it('names the PR of each missing fix, found by its merge commit, and the open forward-port for it', () => {
    expect(fix(world.sha.neverCarried)).toMatchObject({
      pr: {
        number: 20,
        title: 'Fix crash on empty list',
        url: expect.stringContaining('/pull/20'),
      },
      missingOn: ['main', '2.x'],
      openPorts: [{ line: 'main', pr: 41 }],
    })
  })

  it('lists the fixes of a PR labelled forwardport-not-needed as decided by label', () => {
    expect(fix(world.sha.labelled)).toMatchObject({
      pr: { number: 12, title: 'Fix a leak' },
      missingOn: [],
      decided: [
        { line: 'main', how: 'label' },
        { line: '2.x', how: 'label' },
      ],
    })
  })

  it('looks up the PR of a fix merged before the lookback window by its commit', () => {
    expect(fix(world.sha.only2x)?.pr).toMatchObject({ number: 50, title: 'Fix cache size' })
  })

  it('reports a backport asked for by label and never landed, not one that landed, has an open backport PR or a merged one', () => {
    expect(report.unlanded.filter((u) => u.pr !== 34)).toEqual([
      {
        pr: 31,
        title: 'Feature for 3.0',
        url: expect.stringContaining('/pull/31') as string,
        label: 'backport-2.x',
        target: '2.x',
        mergedAt: expect.any(String) as string,
      },
    ])
  })

  it('expands the supported-lines label to the supported lines older than the base, as the backport job does', () => {
    expect(report.unlanded.filter((u) => u.pr === 34)).toEqual([
      expect.objectContaining({ pr: 34, label: 'backport-supported', target: '2.x' }),
      expect.objectContaining({ pr: 34, label: 'backport-supported', target: '1.x' }),
    ])
  })

  it('lists draft conflict backports and forward-ports open longer than audit.conflictDraftDays', () => {
    expect(report.waitingDrafts.map((d) => [d.pr, d.target, d.ageDays])).toEqual([
      [40, '1.x', 10],
      [41, 'main', 10],
    ])
  })

  it('keeps its requests bounded and valid', () => {
    expect(server.problems()).toEqual([])
    expect(server.callsTo('pulls/list')).toHaveLength(2)
    // One lookup per missing fix outside the listed PRs (only2x, notNeededMain); none for a fix decided everywhere.
    expect(server.callsTo('repos/list-pull-requests-associated-with-commit')).toHaveLength(2)
    expect(server.callsTo('pulls/get')).toHaveLength(0)
    expect(report.stats.apiRequests).toBe(4)
  })
})
