/**
 * The dashboard's world: origin with main and 1.x; PR #12 squash-merged into 1.x ("Fix crash on
 * empty list (#12)") and never carried to main; PR #30 merged into main with the label
 * `backport-1.x` and never backported. The fake API knows both PRs; ada has write permission,
 * rita only read.
 */
import { expect } from 'vitest'
import { depsFor, mergedPr, startJobWorld, type JobWorld } from '../../support/job-world.js'
import type { JobDeps } from '../../../src/jobs.js'
import { runDashboardJob } from '../../../src/dashboard/job.js'
import { DASHBOARD_MARKER, type DashboardTrigger } from '../../../src/route.js'

/** The audit reads merged PRs back this far (the fake's clock starts in January 2026). */
export const CONFIG = 'audit:\n  lookbackDays: 3650\n'

export interface DashboardWorld extends JobWorld {
  /** The fix of PR #12 on 1.x. */
  fixSha: string
}

export async function dashboardWorld(): Promise<DashboardWorld> {
  const world = await startJobWorld({ lines: ['1.x'] })
  const { fixture, server } = world
  await fixture.branch('feature-12', '1.x')
  await fixture.checkout('feature-12')
  await fixture.commit({ 'crash.txt': 'guard the empty list\n' }, 'Guard the empty list')
  await fixture.checkout('main')
  await fixture.openPr(12, 'feature-12', '1.x', { title: 'Fix crash on empty list' })
  const merged = await fixture.mergeSquash(12)
  server.state.addPullRequest({
    number: 12,
    title: 'Fix crash on empty list',
    user: 'ada',
    baseRef: '1.x',
    headRef: 'feature-12',
    headSha: merged.headSha,
    merged: true,
    mergeCommitSha: merged.mergeCommitSha,
  })
  await mergedPr(world, {
    number: 30,
    title: 'Speed up the cache',
    commits: [{ 'cache.txt': 'fast\n' }],
    method: 'squash',
    labels: ['backport-1.x'],
  })
  server.state.setPermission('ada', 'write')
  server.state.setPermission('rita', 'read')
  return { ...world, fixSha: merged.mergeCommitSha }
}

/** Runs the dashboard job in-process for one trigger, as main.ts would. */
export async function runJob(world: JobWorld, trigger: DashboardTrigger, config = CONFIG) {
  const deps: JobDeps = await depsFor(world, { name: 'schedule', payload: {} }, { config })
  return runDashboardJob(deps, trigger)
}

/** fixline's dashboard issues (by the bot, with the marker). */
export function dashboards(world: JobWorld) {
  return [...world.server.state.issues.values()].filter(
    (i) => i.user === 'github-actions[bot]' && (i.body ?? '').startsWith(DASHBOARD_MARKER),
  )
}

export function theDashboard(world: JobWorld) {
  const all = dashboards(world)
  expect(all).toHaveLength(1)
  return all[0] as (typeof all)[number]
}

/** Calls of one operation so far. */
export function callsOf(world: JobWorld, operation: string): number {
  return world.server.calls.filter((c) => c.operation === operation).length
}

/** The edit a person makes by ticking the box of `marker` (the line holding it) in `body`. */
export function tick(body: string, marker: string): string {
  const lines = body.split('\n')
  const i = lines.findIndex((l) => l.includes(marker))
  expect(i, `no box ${marker}`).toBeGreaterThanOrEqual(0)
  lines[i] = (lines[i] as string).replace('[ ]', '[x]')
  return lines.join('\n')
}
