/**
 * Faults through the built bundle (`node dist/index.js`) as the runner runs it, against the fake
 * GitHub API with fault injection and a real bare origin with slow or rejecting pushes: a lost
 * answer never makes a twin, nothing waits without bound, a long rate limit fails with the time to
 * re-run, and a re-run after the fault clears leaves exactly one PR and one comment.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { slowPushes } from '../support/origin-faults.js'
import { runAction, type RunActionResult } from '../support/run-action.js'
import { runMergedBackport } from '../support/run-merged-backport.js'
import {
  backportPrs,
  closeWorld,
  createWorld,
  fixlineComments,
  mergedPr,
  OWNER,
  REPO,
  type World,
} from '../git/backport-scenarios/world.js'

let world: World
let merge: Awaited<ReturnType<typeof mergedPr>>

beforeEach(async () => {
  world = await createWorld()
  merge = await mergedPr(world, {
    number: 5,
    title: 'Fix the widget',
    commits: [{ 'a.txt': 'a\n' }],
    method: 'squash',
    labels: ['backport-1.x'],
  })
})

afterEach(() => closeWorld(world))

/** The merged PR #5 labelled backport-1.x, delivered to the bundle; returns the run and its time. */
function run(inputs: Record<string, string> = {}): Promise<RunActionResult & { ms: number }> {
  return runMergedBackport(world, {
    merge,
    title: 'Fix the widget',
    labels: ['backport-1.x'],
    inputs: { 'api-timeout': '1', ...inputs },
    timeoutMs: 45_000,
  })
}

function created(result: RunActionResult): unknown {
  return JSON.parse(result.outputs['created-pull-requests'] ?? 'null')
}

describe('e2e: faults', () => {
  it('the answer to the summary comment is lost (502 after the write): one comment, also after a re-run', async () => {
    world.server.faults.add({ operation: 'issues/create-comment', kind: 'lost-answer' })
    const first = await run()
    expect(first.exitCode, first.log).toBe(0)
    expect(world.server.faults.injected()).toEqual([
      expect.objectContaining({ operation: 'issues/create-comment', status: 502, applied: true }),
    ])
    expect(fixlineComments(world, 5)).toHaveLength(1)
    const again = await run()
    expect(again.exitCode, again.log).toBe(0)
    expect(fixlineComments(world, 5)).toHaveLength(1)
    expect(backportPrs(world)).toHaveLength(1)
  })

  it('the answer to opening the PR is lost: one PR, and created-pull-requests still lists it', async () => {
    world.server.faults.add({ operation: 'pulls/create', kind: 'lost-answer', status: 504 })
    const result = await run()
    expect(result.exitCode, result.log).toBe(0)
    expect(backportPrs(world)).toHaveLength(1)
    expect(created(result)).toEqual([
      { number: 6, url: 'https://github.com/acme/widgets/pull/6', target: '1.x', draft: false },
    ])
    expect(result.log).toContain("GitHub's answer to opening the PR was lost; found #6")
    expect(fixlineComments(world, 5)).toHaveLength(1)
  })

  it('pulls.create never answers: the run ends within its bound naming what timed out; a re-run gives one PR and one comment', async () => {
    world.server.faults.add({ operation: 'pulls/create', kind: 'hang', times: Infinity })
    const hung = await run()
    expect(hung.ms).toBeLessThan(25_000)
    expect(hung.exitCode).toBe(1)
    expect(hung.log).toMatch(
      /could not create the pull request backport\/5-to-1\.x -> 1\.x after 3 attempts: GitHub API POST \/repos\/acme\/widgets\/pulls did not answer within 1 s/,
    )
    expect(backportPrs(world)).toHaveLength(0)
    world.server.faults.clear()
    const again = await run()
    expect(again.exitCode, again.log).toBe(0)
    expect(backportPrs(world)).toHaveLength(1)
    expect(fixlineComments(world, 5)).toHaveLength(1)
  })

  it('a push whose remote hangs is stopped at git-timeout; a re-run after it clears gives one PR and one comment', async () => {
    const fault = await slowPushes(world.fixture.originDir, 30)
    const hung = await run({ 'git-timeout': '2' })
    expect(hung.ms).toBeLessThan(20_000)
    expect(hung.exitCode).toBe(1)
    expect(hung.log).toMatch(/git push .* did not finish within 2 s and was stopped/)
    await fault.remove()
    const again = await run({ 'git-timeout': '2' })
    expect(again.exitCode, again.log).toBe(0)
    expect(backportPrs(world)).toHaveLength(1)
    expect(fixlineComments(world, 5)).toHaveLength(1)
  })

  it('a rate limit that resets in an hour is not waited out: the target fails at once with when to re-run', async () => {
    world.server.faults.add({ operation: 'pulls/create', kind: 'rate-limit', retryAfter: 3600 })
    const limited = await run()
    expect(limited.ms).toBeLessThan(15_000)
    expect(limited.exitCode).toBe(1)
    expect(limited.log).toMatch(
      /POST \/repos\/acme\/widgets\/pulls was refused by GitHub's rate limit, which resets at \d\d:\d\d:\d\d UTC \(in \d+ s, longer than fixline waits\): re-run the job after that/,
    )
    expect(backportPrs(world)).toHaveLength(0)
  })

  it('the summary comment cannot be written at all: the step fails and the job summary lists the PR', async () => {
    world.server.faults.add({
      operation: 'issues/create-comment',
      kind: 'error',
      status: 500,
      times: Infinity,
    })
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    expect(backportPrs(world)).toHaveLength(1)
    expect(created(result)).toEqual([expect.objectContaining({ number: 6, target: '1.x' })])
    expect(result.summary).toContain('could not write the backport comment on #5')
    expect(result.summary).toContain('[#6](https://github.com/acme/widgets/pull/6)')
    expect(result.log).toMatch(/::error::.*could not write the backport comment on #5/)
  })

  it('an event file that is not JSON is a one-line error, not a stack trace', async () => {
    const checkout = await world.fixture.checkoutClone({ depth: 1 })
    const eventPath = join(checkout.cwd, '..', 'broken-event.json')
    await writeFile(eventPath, '{"action": "closed", ')
    const result = await runAction({
      eventName: 'pull_request_target',
      payload: {},
      inputs: { 'github-token': 'ghs_e2e-token' },
      apiUrl: world.server.url,
      workspace: checkout.cwd,
      repository: `${OWNER}/${REPO}`,
      env: { GITHUB_EVENT_PATH: eventPath },
    })
    expect(result.exitCode).toBe(1)
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .*:\d+:\d+/)
    expect(result.stdout).toMatch(
      /::error::fixline failed: the event payload at .*broken-event\.json is not a JSON object/,
    )
    expect(world.server.calls).toEqual([])
  })
})
