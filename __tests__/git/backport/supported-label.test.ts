/**
 * The supported-lines label (backport.supportedLabel) and copyMilestone: target-line, through the
 * backport job as main.ts wires it: real git, the fake GitHub API.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  backportPrs,
  change,
  closeWorld,
  fixlineComments,
  mergedPr,
  originBackportBranches,
  prPayload,
  runEvent,
  startJobWorld,
  type World,
} from '../backport-scenarios/world.js'

let world: World | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

describe('the supported-lines label', () => {
  it('a window of 2 over four lines: the two newest supported lines get PRs, in their own milestone (one milestones list per run)', async () => {
    world = await startJobWorld({ lines: ['1.x', '2.x', '3.x', '4.x'] })
    const { state } = world.server
    // Open milestones named after the lines, and a closed one that must not be used.
    for (const title of ['4.1.0', '3.2.8', '3.2.7', '2.0.1']) state.addMilestone(title)
    const closed = state.addMilestone('3.2.6')
    closed.state = 'closed'
    await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-supported', 'bug'],
    })
    // main is the development branch, not a release line: the four lines are 4.x, 3.x, 2.x, 1.x.
    const config = [
      'lines: { defaultBranch: false }',
      'requests: { window: 2 }',
      'backport: { copyMilestone: target-line, copyLabels: [".*"] }',
    ].join('\n')
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'), {
      config,
    })

    expect(outcome.conclusion).toBe('success')
    expect(outcome.results.map((r) => [r.target, r.status])).toEqual([
      ['backport-supported', 'success'],
      ['4.x', 'created'],
      ['3.x', 'created'],
    ])
    expect(outcome.results[0]?.message).toBe(
      'expanded to 4.x, 3.x: the supported lines older than main (maintenance window: 4.x, 3.x)',
    )
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-3.x', 'backport/5-to-4.x'])
    const prs = backportPrs(world).map((p) => ({
      base: p.pull.baseRef,
      milestone: p.milestone === null ? null : state.milestones.get(p.milestone)?.title,
      labels: p.labels,
    }))
    expect(prs).toEqual([
      // The lowest open version of the line; the supported label itself is never copied.
      { base: '4.x', milestone: '4.1.0', labels: ['bug'] },
      { base: '3.x', milestone: '3.2.7', labels: ['bug'] },
    ])
    const operations = world.server.calls.map((c) => c.operation)
    expect(operations.filter((o) => o === 'issues/list-milestones')).toHaveLength(1)
    const comment = fixlineComments(world, 5)[0]?.body ?? ''
    expect(comment).toContain('| `backport-supported` | ✅ success | expanded to 4.x, 3.x')
    expect(comment).toContain('| `4.x` | ✅ created |')
    expect(comment).not.toContain('`2.x`')
    expect(outcome.summary).toContain('expanded to 4.x, 3.x')
  })

  it('labeled after the merge, main counted in the window: main and 3.x are supported, so only 3.x', async () => {
    world = await startJobWorld({ lines: ['1.x', '2.x', '3.x'] })
    await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [change(1)],
      method: 'squash',
    })
    world.server.state.pullRequest(5)?.labels.push('backport-supported')
    const outcome = await runEvent(
      world,
      'pull_request_target',
      prPayload(world, 5, 'labeled', 'backport-supported'),
      { config: 'requests: { window: 2 }' },
    )
    expect(outcome.results.map((r) => [r.target, r.status, r.message])).toEqual([
      [
        'backport-supported',
        'success',
        'expanded to 3.x: the supported lines older than main (maintenance window: main, 3.x)',
      ],
      ['3.x', 'created', '1 commit(s) cherry-picked'],
    ])
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-3.x'])
    // copyMilestone is off by default: no milestone read.
    expect(world.server.calls.map((c) => c.operation)).not.toContain('issues/list-milestones')
  })

  it('a PR whose base is already the oldest supported line: nothing to do, said on the PR', async () => {
    world = await startJobWorld({ lines: ['1.x', '2.x', '3.x'] })
    const { fixture } = world
    await fixture.branch('fix-3', '3.x')
    await fixture.checkout('fix-3')
    await fixture.commit(change(1), 'Fix on 3.x')
    await fixture.checkout('main')
    await fixture.openPr(5, 'fix-3', '3.x', { title: 'Fix on 3.x' })
    const merge = await fixture.mergeSquash(5)
    world.server.state.addPullRequest({
      number: 5,
      title: 'Fix on 3.x',
      baseRef: '3.x',
      headRef: 'fix-3',
      headSha: merge.headSha,
      merged: true,
      mergeCommitSha: merge.mergeCommitSha,
      commits: [{ sha: merge.headSha, message: 'Fix on 3.x' }],
      labels: ['backport-supported'],
    })
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'), {
      config: 'requests: { window: 2 }',
    })
    expect(outcome.results).toEqual([
      {
        target: 'backport-supported',
        status: 'skipped',
        message:
          'nothing to do: 3.x is already the oldest supported line (maintenance window: main, 3.x)',
      },
    ])
    expect(await originBackportBranches(world)).toEqual([])
    expect(backportPrs(world)).toEqual([])
    expect(fixlineComments(world, 5)[0]?.body).toContain(
      'nothing to do: 3.x is already the oldest supported line',
    )
  })
})
