import { afterEach, describe, expect, it } from 'vitest'
import {
  deploymentStatusPayload,
  pullRequestClosedPayload,
  releasePublishedPayload,
} from '../../support/payloads.js'
import {
  closeWorld,
  commentHotfix,
  hotfixPr,
  mergeHotfixPr,
  originBranches,
  pushTag,
  runbookWorld,
  runPrEvent,
  runHotfixEvent,
  type RunbookWorld,
} from './world.js'

let world: RunbookWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

const BASE = 'hotfix/v1.0.0'

function mergeBacks(w: RunbookWorld) {
  return w.server.state
    .pullRequests()
    .filter((p) => p.pull.headRef === BASE && p.pull.baseRef === 'main')
}

/** The runbook up to a shipped hotfix: /hotfix, a fix PR merged into the hotfix branch, tagged v1.0.1. */
async function shippedHotfix(fix: Record<string, string> = { 'app.txt': 'one\nTWO\nthree\n' }) {
  const w = await runbookWorld()
  await commentHotfix(w, '/hotfix')
  const pr = await hotfixPr(w, { number: 21, base: BASE, commits: [fix], title: 'Fix checkout' })
  const tip = await mergeHotfixPr(w, { number: 21, base: BASE, head: pr.head })
  await pushTag(w, 'v1.0.1', tip)
  return { w, tip }
}

const release = () =>
  releasePublishedPayload({ tag: 'v1.0.1', targetCommitish: BASE }) as unknown as Record<
    string,
    unknown
  >

describe('merge-back when the hotfix ships', () => {
  it('a release of the hotfix opens one labelled merge-back PR listing the missing fix; re-delivery opens none', async () => {
    const { w } = await shippedHotfix()
    world = w
    const outcomes = await runHotfixEvent(w, 'release', release())
    expect(outcomes[0]?.results[0]).toMatchObject({ target: BASE, status: 'created' })
    expect(mergeBacks(w)).toHaveLength(1)
    const [pr] = mergeBacks(w)
    expect(pr?.title).toBe('Merge hotfix v1.0.0 back into main')
    expect(pr?.body).toContain('Fix checkout: part 1')
    expect(pr?.body).toContain('release `v1.0.1`')
    expect(pr?.body).not.toContain('Conflicts')
    expect(pr?.labels).toEqual(['hotfix-merge-back'])

    const again = await runHotfixEvent(w, 'release', release())
    expect(again[0]?.results[0]?.status).toBe('skipped')
    expect(mergeBacks(w)).toHaveLength(1)
  })

  it('a successful deployment of the hotfix head opens it too; one elsewhere does not', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    const staging = deploymentStatusPayload({ sha: tip, ref: BASE, environment: 'staging' })
    // (remindAfterDays 0: this run would otherwise remind the overdue hotfix, see below)
    expect(
      await runHotfixEvent(
        w,
        'deployment_status',
        staging as unknown as Record<string, unknown>,
        'hotfix:\n  remindAfterDays: 0\n',
      ),
    ).toMatchObject([{ conclusion: 'skipped', results: [] }])
    expect(mergeBacks(w)).toHaveLength(0)
    const prod = deploymentStatusPayload({ sha: tip, ref: BASE, environment: 'production' })
    await runHotfixEvent(w, 'deployment_status', prod as unknown as Record<string, unknown>)
    expect(mergeBacks(w)).toHaveLength(1)
  })

  it('a merged hotfix PR opens it only when hotfix.mergeBackOn lists merged-pr', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    const merged = pullRequestClosedPayload({
      number: 21,
      baseRef: BASE,
      headRef: 'fix-21',
      merged: true,
      mergeCommitSha: tip,
    }) as unknown as Record<string, unknown>
    await runHotfixEvent(w, 'pull_request_target', merged)
    expect(mergeBacks(w)).toHaveLength(0)
    await runHotfixEvent(w, 'pull_request_target', merged, 'hotfix:\n  mergeBackOn: [merged-pr]\n')
    expect(mergeBacks(w)).toHaveLength(1)
  })

  it('a hotfix already on main (cherry-picked with -x) opens none; deleteMergedBranch deletes it', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    await w.fixture.seed.run(['cherry-pick', '-x', tip])
    await w.fixture.push(['main'])
    const outcomes = await runHotfixEvent(
      w,
      'release',
      release(),
      'hotfix:\n  deleteMergedBranch: true\n',
    )
    expect(outcomes[0]?.results[0]?.status).toBe('already-applied')
    expect(outcomes[0]?.summary).toContain('already on `main`')
    expect(mergeBacks(w)).toHaveLength(0)
    expect(await originBranches(w)).toEqual([])
  })

  it('a conflicting merge-back names the files and the commands to finish by hand', async () => {
    const w = await runbookWorld()
    world = w
    await commentHotfix(w, '/hotfix')
    // main changes app.txt after X; the fix changes the same line differently.
    await w.fixture.commit({ 'app.txt': 'one\nmain two\nthree\n' }, 'Reword two on main')
    await w.fixture.push(['main'])
    const pr = await hotfixPr(w, {
      number: 21,
      base: BASE,
      commits: [{ 'app.txt': 'one\nfixed two\nthree\n' }],
    })
    const tip = await mergeHotfixPr(w, { number: 21, base: BASE, head: pr.head })
    await pushTag(w, 'v1.0.1', tip)
    const outcomes = await runHotfixEvent(w, 'release', release())
    expect(outcomes[0]?.results[0]?.status).toBe('conflict')
    const [mb] = mergeBacks(w)
    expect(mb?.body).toContain('### Conflicts')
    expect(mb?.body).toContain('- `app.txt`')
    expect(mb?.body).toContain('git merge origin/hotfix/v1.0.0')
  })

  it('a release from main (not a hotfix) does nothing', async () => {
    const w = await runbookWorld()
    world = w
    await commentHotfix(w, '/hotfix')
    await pushTag(w, 'v1.1.0', w.features[1] ?? '')
    const outcomes = await runHotfixEvent(
      w,
      'release',
      releasePublishedPayload({ tag: 'v1.1.0' }) as unknown as Record<string, unknown>,
    )
    expect(outcomes).toMatchObject([{ conclusion: 'skipped', summary: '' }])
    expect(await originBranches(w)).toEqual([BASE])
  })
})

describe('merge-back uses the fix evidence of the fix-loss rule', () => {
  it('a hand port of the same patch (no trailer, another subject) opens none', async () => {
    const { w } = await shippedHotfix()
    world = w
    await w.fixture.commit({ 'app.txt': 'one\nTWO\nthree\n' }, 'Port the checkout fix by hand')
    await w.fixture.push(['main'])
    const outcomes = await runHotfixEvent(w, 'release', release())
    expect(outcomes[0]?.results[0]?.status).toBe('already-applied')
    expect(mergeBacks(w)).toHaveLength(0)
  })

  it('a release bump only on the hotfix branch (upgrade.bookkeeping: VERSION by default) is not missing from main', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    await w.fixture.checkout(BASE)
    await w.fixture.commit({ VERSION: '1.0.1\n' }, 'Release 1.0.1')
    await w.fixture.checkout('main')
    await w.fixture.push([`refs/heads/${BASE}`])
    await w.fixture.seed.run(['cherry-pick', '-x', tip])
    await w.fixture.push(['main'])
    const outcomes = await runHotfixEvent(w, 'release', release())
    expect(outcomes[0]?.results[0]?.status).toBe('already-applied')
    expect(mergeBacks(w)).toHaveLength(0)
    // With globs that leave VERSION out, the bump is a commit of its own that main lacks.
    await runHotfixEvent(w, 'release', release(), 'upgrade:\n  bookkeeping: [CHANGELOG*]\n')
    const body = mergeBacks(w)[0]?.body ?? ''
    expect(body).toContain('Release 1.0.1')
    expect(body).not.toContain('Fix checkout: part 1')
  })

  it('same subject and author with another patch is listed as probably ported, not as missing', async () => {
    const { w } = await shippedHotfix({ 'app.txt': 'one\nTWO\nthree\n', 'fix.txt': 'fix\n' })
    world = w
    // main has "Fix checkout: part 1" by the same author, with another patch.
    await w.fixture.commit({ 'app.txt': 'one\nTwo!\nthree\n' }, 'Fix checkout: part 1')
    await w.fixture.push(['main'])
    const alone = await runHotfixEvent(w, 'release', release())
    expect(alone[0]?.results[0]?.status).toBe('already-applied')
    expect(alone[0]?.summary).toContain('Probably ported')
    expect(alone[0]?.summary).toContain('Fix checkout: part 1')
    expect(mergeBacks(w)).toHaveLength(0)

    // With a missing commit too, the merge-back PR lists each where it belongs.
    await w.fixture.checkout(BASE)
    await w.fixture.commit({ 'other.txt': 'x\n' }, 'Second hotfix commit')
    await w.fixture.checkout('main')
    await w.fixture.push([`refs/heads/${BASE}`])
    await runHotfixEvent(w, 'release', release())
    const body = mergeBacks(w)[0]?.body ?? ''
    expect(body).toMatch(/1 commit of `hotfix\/v1.0.0` is not on `main`/)
    const [missingPart, probablePart] = body.split('Probably ported')
    expect(missingPart).toContain('Second hotfix commit')
    expect(missingPart).not.toContain('Fix checkout: part 1')
    expect(probablePart).toContain('Fix checkout: part 1')
  })
})

describe('reminders (schedule)', () => {
  const schedule = { schedule: '0 6 * * *' } as Record<string, unknown>

  it('reminds a shipped hotfix not merged back on its merge-back PR, once, updated in place', async () => {
    const { w } = await shippedHotfix()
    world = w
    await runHotfixEvent(w, 'release', release())
    const [mb] = mergeBacks(w)
    const first = await runHotfixEvent(w, 'schedule', schedule)
    expect(first[0]?.results[0]).toMatchObject({ target: BASE, status: 'pending' })
    await runHotfixEvent(w, 'schedule', schedule)
    const reminders = w.server.state
      .comments(mb?.number ?? 0)
      .filter((c) => c.body.startsWith('<!-- fixline:hotfix-reminder -->'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.body).toContain('still not merged back into `main`')
    expect(reminders[0]?.body).toContain('Fix checkout: part 1')
  })

  it('not yet due, or once merged back, reminds nobody', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    await runHotfixEvent(w, 'release', release())
    expect(
      await runHotfixEvent(w, 'schedule', schedule, 'hotfix:\n  remindAfterDays: 100000\n'),
    ).toMatchObject([{ conclusion: 'skipped', summary: '' }])
    await w.fixture.seed.run(['merge', '--no-ff', '--no-edit', tip])
    await w.fixture.push(['main'])
    expect(await runHotfixEvent(w, 'schedule', schedule)).toMatchObject([
      { conclusion: 'skipped', summary: '' },
    ])
    expect(w.server.state.comments(mergeBacks(w)[0]?.number ?? 0)).toHaveLength(0)
  })
})

describe('reminders on any later run', () => {
  const reminders = (w: RunbookWorld, pr: number) =>
    w.server.state.comments(pr).filter((c) => c.body.startsWith('<!-- fixline:hotfix-reminder -->'))
  const staging = (sha: string) =>
    deploymentStatusPayload({ sha, ref: 'main', environment: 'staging' }) as unknown as Record<
      string,
      unknown
    >

  it('a deployment, a release from main or a PR into the hotfix branch reminds an overdue hotfix, one comment updated in place', async () => {
    const { w } = await shippedHotfix()
    world = w
    // Not shipped by this deployment (another environment): no merge-back, but overdue (old commits).
    const deployed = await runHotfixEvent(w, 'deployment_status', staging(w.features[1] ?? ''))
    expect(deployed[0]?.results).toEqual([
      expect.objectContaining({
        target: BASE,
        status: 'pending',
        pullRequest: expect.objectContaining({ number: 21 }),
      }),
    ])
    expect(deployed[0]?.summary).toContain('hotfix reminders')
    expect(reminders(w, 21)).toHaveLength(1)
    expect(reminders(w, 21)[0]?.body).toContain('Merge `hotfix/v1.0.0` back into `main`')

    await pushTag(w, 'v1.1.0', w.features[1] ?? '')
    const released = await runHotfixEvent(
      w,
      'release',
      releasePublishedPayload({ tag: 'v1.1.0' }) as unknown as Record<string, unknown>,
    )
    expect(released[0]?.results[0]).toMatchObject({ target: BASE, status: 'pending' })
    expect(reminders(w, 21)).toHaveLength(1)

    // The PR event: the hotfix check first, then the reminder on the newest PR into the branch.
    const pr = await hotfixPr(w, { number: 22, base: BASE, commits: [{ 'more.txt': 'm\n' }] })
    const checked = await runPrEvent(w, { number: 22, base: BASE, ...pr })
    expect(checked[0]?.results.map((r) => r.status)).toEqual(['success', 'pending'])
    expect(reminders(w, 22)).toHaveLength(1)
    expect(reminders(w, 21)).toHaveLength(1)
    expect(w.server.problems()).toEqual([])
  })

  it('the release that opens the merge-back does not remind it; a later run does, on the merge-back PR', async () => {
    const { w, tip } = await shippedHotfix()
    world = w
    const shipped = await runHotfixEvent(w, 'release', release())
    expect(shipped[0]?.results.map((r) => r.status)).toEqual(['created'])
    const [mb] = mergeBacks(w)
    expect(reminders(w, mb?.number ?? 0)).toHaveLength(0)
    const later = await runHotfixEvent(w, 'deployment_status', staging(tip))
    expect(later[0]?.results[0]).toMatchObject({ target: BASE, status: 'pending' })
    expect(reminders(w, mb?.number ?? 0)).toHaveLength(1)
    expect(reminders(w, 21)).toHaveLength(0)
  })

  it('nothing due costs no API call: no hotfix branch, a hotfix younger than remindAfterDays, or one merged back', async () => {
    const w = await runbookWorld()
    world = w
    const before = w.server.calls.length
    expect(await runHotfixEvent(w, 'deployment_status', staging(w.x))).toMatchObject([
      { conclusion: 'skipped', results: [], summary: '' },
    ])
    const noBranch = w.server.calls.slice(before)
    await commentHotfix(w, '/hotfix')
    const pr = await hotfixPr(w, {
      number: 21,
      base: BASE,
      commits: [{ 'app.txt': 'one\nTWO\nthree\n' }],
    })
    const tip = await mergeHotfixPr(w, { number: 21, base: BASE, head: pr.head })
    const afterStart = w.server.calls.length
    expect(
      await runHotfixEvent(
        w,
        'deployment_status',
        staging(w.x),
        'hotfix:\n  remindAfterDays: 100000\n',
      ),
    ).toMatchObject([{ conclusion: 'skipped', results: [] }])
    await w.fixture.seed.run(['merge', '--no-ff', '--no-edit', tip])
    await w.fixture.push(['main'])
    expect(await runHotfixEvent(w, 'deployment_status', staging(w.x))).toMatchObject([
      { conclusion: 'skipped', results: [] },
    ])
    const calls = [...noBranch, ...w.server.calls.slice(afterStart)]
    expect(calls.map((c) => c.operation)).toEqual([])
    expect(reminders(w, 21)).toHaveLength(0)
  })
})
