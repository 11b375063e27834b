import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { itemMarker } from '../../../src/dashboard/items.js'
import { closeWorld, backportPrs, BOT_LOGIN } from '../../support/job-world.js'
import {
  callsOf,
  CONFIG,
  dashboards,
  dashboardWorld,
  runJob,
  theDashboard,
  tick,
  type DashboardWorld,
} from './world.js'
import { DASHBOARD_MARKER } from '../../../src/route.js'

let world: DashboardWorld

beforeEach(async () => {
  world = await dashboardWorld()
}, 60_000)

afterEach(() => closeWorld(world))

const backportBox = itemMarker({ kind: 'backport', pr: 30, line: '1.x' })

describe('the release lines dashboard (real git, fake API)', () => {
  it('is created once, left alone when nothing changed, and updated in place when something did', async () => {
    const first = await runJob(world, { type: 'schedule' })
    expect(first.results.at(-1)).toMatchObject({ status: 'created' })
    const issue = theDashboard(world)
    expect(issue.title).toBe('Release lines dashboard')
    expect(issue.body).toContain(itemMarker({ kind: 'port', sha: world.fixSha, line: 'main' }))
    expect(issue.body).toContain('Fix crash on empty list (#12) from `1.x`')
    expect(issue.body).toContain(backportBox)
    expect(first.summary).toContain('Fix crash on empty list')

    const second = await runJob(world, { type: 'schedule' })
    expect(second.results.at(-1)).toMatchObject({ status: 'success' })
    expect(callsOf(world, 'issues/create')).toBe(1)
    expect(callsOf(world, 'issues/update')).toBe(0)

    await world.fixture.checkout('1.x')
    await world.fixture.commit({ 'leak.txt': 'close it\n' }, 'Fix a leak on 1.x')
    await world.fixture.push(['1.x'])
    await world.fixture.checkout('main')
    const third = await runJob(world, { type: 'dispatch' })
    expect(third.results.at(-1)).toMatchObject({ status: 'updated' })
    expect(callsOf(world, 'issues/update')).toBe(1)
    expect(theDashboard(world).number).toBe(issue.number)
    expect(theDashboard(world).body).toContain('Fix a leak on 1.x')
  })

  it('is created once when the create answer is lost, and a closed dashboard is reopened, not duplicated', async () => {
    world.server.faults.add({ operation: 'issues/create', kind: 'lost-answer' })
    await runJob(world, { type: 'schedule' })
    expect(world.server.faults.injected()).toHaveLength(1)
    const issue = theDashboard(world)
    issue.state = 'closed'
    await runJob(world, { type: 'schedule' })
    expect(theDashboard(world).number).toBe(issue.number)
    expect(theDashboard(world).state).toBe('open')
    expect(callsOf(world, 'issues/create')).toBe(1)
  })

  it('ignores an imitation dashboard by another user: its own issue is created, the imitation untouched', async () => {
    const fake = world.server.state.addIssue({
      title: 'Release lines dashboard',
      body: `${DASHBOARD_MARKER}\n- [ ] ${backportBox} open`,
      user: 'mallory',
    })
    await runJob(world, { type: 'schedule' })
    const mine = theDashboard(world)
    expect(mine.number).not.toBe(fake.number)
    expect(world.server.state.issues.get(fake.number)?.body).toBe(
      `${DASHBOARD_MARKER}\n- [ ] ${backportBox} open`,
    )
    const ticked = await runJob(world, {
      type: 'edited',
      issue: fake.number,
      user: 'ada',
      body: tick(fake.body ?? '', backportBox),
      before: fake.body ?? '',
    })
    expect(ticked.conclusion).toBe('skipped')
    expect(backportPrs(world)).toHaveLength(0)
  })

  it("a writer's tick opens the backport PR and the dashboard then shows its link", async () => {
    await runJob(world, { type: 'schedule' })
    const before = theDashboard(world).body ?? ''
    const out = await runJob(world, {
      type: 'edited',
      issue: theDashboard(world).number,
      user: 'ada',
      body: tick(before, backportBox),
      before,
    })
    const prs = backportPrs(world)
    expect(prs.map((p) => [p.pull.headRef, p.pull.baseRef])).toEqual([
      ['backport/30-to-1.x', '1.x'],
    ])
    const pr = prs[0]
    expect(out.createdPullRequests.map((c) => c.number)).toEqual([pr?.number])
    const after = theDashboard(world).body ?? ''
    expect(after).not.toContain(backportBox)
    expect(after).toContain(`[PR #${pr?.number}](`)
    expect(after).toContain('opened for #30 Speed up the cache')
    // The next scheduled run finds the backport open: #30 is no longer a backport that never landed.
    await runJob(world, { type: 'schedule' })
    expect(theDashboard(world).body).not.toContain('#30 Speed up the cache')
    expect(backportPrs(world)).toHaveLength(1)
  })

  it("a writer's tick on a missing fix opens its forward-port PR, and every later update shows its link", async () => {
    await runJob(world, { type: 'schedule' })
    const issue = theDashboard(world)
    const portBox = itemMarker({ kind: 'port', sha: world.fixSha, line: 'main' })
    await runJob(world, {
      type: 'edited',
      issue: issue.number,
      user: 'ada',
      body: tick(issue.body ?? '', portBox),
      before: issue.body ?? '',
    })
    const ports = world.server.state
      .pullRequests()
      .filter((p) => p.pull.headRef.startsWith('forwardport/'))
    expect(ports.map((p) => [p.pull.headRef, p.pull.baseRef])).toEqual([
      ['forwardport/12-to-main', 'main'],
    ])
    const link = `[PR #${ports[0]?.number}](`
    const after = theDashboard(world).body ?? ''
    expect(after).not.toContain(portBox)
    expect(after).toContain(link)
    await runJob(world, { type: 'schedule' })
    expect(theDashboard(world).body).toContain(link)
    expect(theDashboard(world).body).not.toContain(portBox)
  })

  it("a writer's 'not needed' is kept in fixline's state and lasts across runs", async () => {
    await runJob(world, { type: 'schedule' })
    const issue = theDashboard(world)
    const skipBox = itemMarker({ kind: 'skip', sha: world.fixSha, line: 'main' })
    await runJob(world, {
      type: 'edited',
      issue: issue.number,
      user: 'ada',
      body: tick(issue.body ?? '', skipBox),
      before: issue.body ?? '',
    })
    const state = world.server.state
      .comments(issue.number)
      .filter((c) => c.user === BOT_LOGIN && c.body.startsWith('<!-- fixline:dashboard-state -->'))
    expect(state).toHaveLength(1)
    const decided = theDashboard(world).body ?? ''
    expect(decided).not.toContain(skipBox)
    expect(decided).toMatch(/Not needed here \(1\)[\s\S]*decided by ada \(dashboard\)/)
    await runJob(world, { type: 'schedule' })
    expect(theDashboard(world).body).toBe(decided)
  })

  it('reads its config: enabled false writes only the job summary; title and maxItems shape the issue', async () => {
    const off = await runJob(world, { type: 'schedule' }, `${CONFIG}dashboard:\n  enabled: false\n`)
    expect(dashboards(world)).toHaveLength(0)
    expect(off.summary).toContain('Fix crash on empty list')
    await world.fixture.checkout('1.x')
    await world.fixture.commit({ 'leak.txt': 'close it\n' }, 'Fix a leak on 1.x')
    await world.fixture.push(['1.x'])
    await world.fixture.checkout('main')
    await runJob(
      world,
      { type: 'schedule' },
      `${CONFIG}dashboard:\n  title: Lines\n  maxItems: 1\n`,
    )
    const issue = theDashboard(world)
    expect(issue.title).toBe('Lines')
    expect(issue.body).toContain('**Fixes missing here (2)**')
    expect(issue.body).toContain('- … and 1 more')
  })

  it("shows what other jobs know: a hotfix not merged back, each line's newest release's upgrade safety, requests awaiting approval", async () => {
    const { fixture, server } = world
    await fixture.seed.run(['tag', 'v1.0.0', 'origin/1.x'])
    await fixture.seed.run(['tag', 'v2.0.0', 'origin/main'])
    await fixture.branch('hotfix/v2.0.0', 'main')
    await fixture.checkout('hotfix/v2.0.0')
    await fixture.commit({ 'hot.txt': 'patched\n' }, 'Patch production')
    await fixture.checkout('main')
    await fixture.push(['hotfix/v2.0.0', '--tags'])
    server.state.addIssue({
      title: 'Backport @team <!-- x --> to 1.x',
      user: 'ada',
      labels: ['awaiting-approval'],
    })
    const out = await runJob(world, { type: 'schedule' })
    const body = theDashboard(world).body ?? ''
    const main = body.slice(body.indexOf('## `main`'), body.indexOf('## `1.x`'))
    expect(main).toContain('`hotfix/v2.0.0`: open, 1 of 1 commit(s) not merged back into `main`')
    // v1.0.0 has the fix of #12 and may upgrade to v2.0.0, which lacks it: the fix-loss finding
    // names both releases, so both lines' newest releases fail.
    expect(main).toContain('Upgrade safety of its newest release `v2.0.0`: ❌ fails.')
    expect(body).toContain('Upgrade safety of its newest release `v1.0.0`: ❌ fails.')
    expect(body).toContain('## Backport requests awaiting approval (1)')
    expect(body).toContain('- #31 Backport @\u200dteam &lt;!-- x --&gt; to 1.x')
    expect(out.summary).not.toContain('not checked')
  })

  it("a reader's tick is undone with one reply, and opens nothing", async () => {
    await runJob(world, { type: 'schedule' })
    const issue = theDashboard(world)
    const before = issue.body ?? ''
    const edited = tick(before, backportBox)
    issue.body = edited // the edit as GitHub applied it
    const trigger = {
      type: 'edited' as const,
      issue: issue.number,
      user: 'rita',
      body: edited,
      before,
    }
    await runJob(world, trigger)
    expect(backportPrs(world)).toHaveLength(0)
    expect(theDashboard(world).body).toBe(before)
    const replies = () =>
      world.server.state
        .comments(issue.number)
        .filter((c) => c.user === BOT_LOGIN && c.body.includes('only people with write permission'))
    expect(replies()).toHaveLength(1)
    expect(replies()[0]?.body).toContain('@rita')
    // A second delivery of the same event: no second reply.
    issue.body = edited
    await runJob(world, trigger)
    expect(replies()).toHaveLength(1)
    expect(dashboards(world)).toHaveLength(1)
  })
})
