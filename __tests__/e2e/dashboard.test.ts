/**
 * The scheduled audit through the built bundle (`node dist/index.js`; run `npm run build` first), as
 * the runner runs it, against the fake GitHub API and a real origin: it writes the release lines
 * dashboard once and leaves it alone when nothing changed; a writer's tick on it (issues edited)
 * opens the PR it asks for.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runAction, type RunActionResult } from '../support/run-action.js'
import { backportPrs, closeWorld, OWNER, REPO } from '../support/job-world.js'
import { itemMarker } from '../../src/dashboard/items.js'
import {
  CONFIG,
  callsOf,
  dashboardWorld,
  theDashboard,
  tick,
  type DashboardWorld,
} from '../git/dashboard/world.js'
import { issuesPayload } from '../support/payloads.js'

let world: DashboardWorld

beforeEach(async () => {
  world = await dashboardWorld()
}, 60_000)

afterEach(() => closeWorld(world))

async function run(eventName: string, payload: unknown): Promise<RunActionResult> {
  const checkout = await world.fixture.checkoutClone({ depth: 1 })
  mkdirSync(join(checkout.cwd, '.github'), { recursive: true })
  writeFileSync(join(checkout.cwd, '.github', 'fixline.yml'), CONFIG)
  const result = await runAction({
    eventName,
    payload,
    inputs: { 'github-token': 'ghs_e2e-token', 'dry-run': 'false' },
    apiUrl: world.server.url,
    workspace: checkout.cwd,
    repository: `${OWNER}/${REPO}`,
    env: { GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '', GIT_CONFIG_NOSYSTEM: '1' },
    timeoutMs: 120_000,
  })
  expect((result.stdout + result.stderr).replace('::add-mask::ghs_e2e-token', '')).not.toContain(
    'ghs_e2e-token',
  )
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  return result
}

describe('e2e: the scheduled audit', () => {
  it('writes the release lines dashboard once, with the full lists in the job summary', async () => {
    const first = await run('schedule', { schedule: '0 6 * * *' })
    const issue = theDashboard(world)
    expect(issue.body).toContain(itemMarker({ kind: 'port', sha: world.fixSha, line: 'main' }))
    expect(issue.body).toContain(itemMarker({ kind: 'backport', pr: 30, line: '1.x' }))
    expect(first.summary).toContain('### fixline: release lines audit')
    expect(first.summary).toContain('Fix crash on empty list')
    expect(JSON.parse(first.outputs.results ?? '[]')).toContainEqual(
      expect.objectContaining({ job: 'dashboard', status: 'created' }),
    )

    await run('workflow_dispatch', { inputs: { job: 'audit' }, ref: 'refs/heads/main' })
    expect(callsOf(world, 'issues/create')).toBe(1)
    expect(callsOf(world, 'issues/update')).toBe(0)
    expect(theDashboard(world).number).toBe(issue.number)
  }, 240_000)

  it("routes a writer's tick on the dashboard (issues edited) to the PR it asks for", async () => {
    await run('schedule', { schedule: '0 6 * * *' })
    const issue = theDashboard(world)
    const before = issue.body ?? ''
    const body = tick(before, itemMarker({ kind: 'backport', pr: 30, line: '1.x' }))
    issue.body = body
    const payload = issuesPayload({
      action: 'edited',
      number: issue.number,
      title: issue.title,
      body,
      user: 'github-actions[bot]',
      sender: 'ada',
    }) as unknown as Record<string, unknown>
    payload.changes = { body: { from: before } }
    const ticked = await run('issues', payload)
    const prs = backportPrs(world)
    expect(prs.map((p) => p.pull.headRef)).toEqual(['backport/30-to-1.x'])
    expect(JSON.parse(ticked.outputs['created-pull-requests'] ?? '[]')).toHaveLength(1)
    expect(theDashboard(world).body).toContain(`[PR #${prs[0]?.number}](`)
  }, 240_000)
})
