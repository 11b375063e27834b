import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BOT_LOGIN,
  backportPrs,
  change,
  createWorld,
  fixlineComments,
  mergedPr,
  originBackportBranches,
  prPayload,
  runEvent,
  subjectsAbove,
  type World,
  closeWorld,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

describe('backport edge cases and options (real git, fake GitHub)', () => {
  it('every option on: labels copied and added, assignees, milestone, original reviewers, auto-merge', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x', 'area/ui', 'bug'],
      assignees: ['ada'],
    })
    const { state } = world.server
    const source = state.pullRequest(5)
    if (source) {
      source.milestone = state.milestoneNumber('1.2')
      source.pull.requestedReviewers.push('pat')
    }
    for (const login of ['rita', 'pat', 'ada']) state.setPermission(login, 'write')
    state.addReview(5, 'rita', 'APPROVED')
    for (const name of ['backport-1.x', 'area/ui', 'bug', 'backport'])
      state.addLabel(name).description ??= ''
    const config = `backport:
  copyLabels: ['^area/', '^backport']
  addLabels: [backport]
  copyAssignees: true
  copyMilestone: true
  requestReviewers: true
  autoMerge: squash
`
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), { config })
    expect(outcome.results).toEqual([
      expect.objectContaining({
        target: '1.x',
        status: 'created',
        message: '1 commit(s) cherry-picked',
      }),
    ])
    const [pr] = backportPrs(world)
    // Backport labels are never copied: the backport's own merge must not trigger more backports.
    expect(pr?.labels.sort()).toEqual(['area/ui', 'backport'])
    expect(pr?.assignees).toEqual(['ada'])
    expect(pr?.milestone).toBe(state.milestoneNumber('1.2'))
    expect(pr?.pull.requestedReviewers.sort()).toEqual(['pat', 'rita'])
    expect(pr?.pull.autoMerge).toEqual({ mergeMethod: 'squash', enabledBy: BOT_LOGIN })
  })

  it('an optional step that fails (auto-merge disabled) is a warning on a created row', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    world.server.state.failAutoMerge()
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), {
      config: 'backport:\n  autoMerge: merge\n',
    })
    expect(outcome.conclusion).toBe('success')
    expect(outcome.results[0]).toMatchObject({
      status: 'created',
      message: expect.stringContaining(
        'could not enable auto-merge on #6: Auto merge is not allowed',
      ),
    })
    expect(world.log.some((l) => l.startsWith('warning: could not enable auto-merge'))).toBe(true)
  })

  it('a backport branch left by a run that opened no PR is rebuilt, force-pushed and gets its PR', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const stale = await world.fixture.originSha('refs/heads/main~1')
    await world.fixture.origin.run(['update-ref', 'refs/heads/backport/5-to-1.x', stale as string])
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.results[0]).toMatchObject({ status: 'created', pullRequest: { number: 6 } })
    expect(await subjectsAbove(world, 'backport/5-to-1.x', '1.x')).toEqual(['Fix (#5)'])
    expect(world.server.calls.map((c) => c.operation)).toContain('pulls/list')
  })

  it('a closed, unmerged backport PR: skipped, with how to retry', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    const pr = world.server.state.pullRequest(6)
    if (pr) pr.state = 'closed'
    const again = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(again.results[0]).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('delete the branch backport/5-to-1.x'),
    })
    expect(backportPrs(world)).toHaveLength(1)
  })

  it('comment mode: a conflict opens no PR and puts the manual steps in the comment', async () => {
    const { fixture } = world
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Diverge on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    await mergedPr(world, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': 'one\ntwo changed\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), {
      config: 'backport:\n  conflicts: comment\n',
    })
    expect(outcome.conclusion).toBe('neutral')
    expect(outcome.results[0]).toMatchObject({ target: '1.x', status: 'conflict' })
    expect(outcome.results[0]).not.toHaveProperty('steps')
    expect(backportPrs(world)).toHaveLength(0)
    expect(await originBackportBranches(world)).toEqual([])
    const body = fixlineComments(world, 5)[0]?.body ?? ''
    expect(body).toContain('Finish the backport to')
    expect(body).toContain('git cherry-pick -x')
  })

  it('a label whose branch exists but is not a release line: a clear failure, nothing pushed', async () => {
    const { fixture } = world
    await fixture.branch('experiment', 'main')
    await fixture.push(['experiment'])
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-experiment', 'backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('failure')
    expect(outcome.results.find((r) => r.target === 'experiment')).toMatchObject({
      status: 'failed',
      message:
        'label backport-experiment: branch experiment is not a release line (see lines.patterns in the config)',
    })
    expect(outcome.results.find((r) => r.target === '1.x')?.status).toBe('created')
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-1.x'])
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['1.x'])
    expect(fixlineComments(world, 5)[0]?.body).toContain('is not a release line')
  })

  it('a templated label rule: label v2.3 backports to release/2.3, named in branch and title', async () => {
    const { fixture } = world
    await fixture.branch('release/2.3', 'main')
    await fixture.push(['release/2.3'])
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['v2.3'],
    })
    const config = `lines:
  patterns: ['^release/\\d+\\.\\d+$']
backport:
  labels:
    - pattern: '^v(\\d+)\\.(\\d+)$'
      branch: 'release/{1}.{2}'
`
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), { config })
    expect(outcome.results).toEqual([
      expect.objectContaining({ target: 'release/2.3', status: 'created' }),
    ])
    const [pr] = backportPrs(world)
    expect(pr).toMatchObject({
      title: '[release/2.3] Fix',
      pull: { baseRef: 'release/2.3', headRef: 'backport/5-to-release/2.3' },
    })
  })

  it('a source title too long for GitHub: the backport PR is opened with it cut to 256 characters', async () => {
    const title = `Fix ${'the widget again and again, '.repeat(12)}`.trim()
    expect(title.length).toBeGreaterThan(300)
    await mergedPr(world, {
      number: 5,
      title,
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.results).toEqual([expect.objectContaining({ target: '1.x', status: 'created' })])
    const [pr] = backportPrs(world)
    // Cut to fit, trailing spaces dropped before the "…".
    expect(Array.from(pr?.title ?? '').length).toBeLessThanOrEqual(256)
    expect(Array.from(pr?.title ?? '').length).toBeGreaterThan(250)
    expect(pr?.title.startsWith(`[1.x] ${title.slice(0, 200)}`)).toBe(true)
    expect(pr?.title.endsWith('…')).toBe(true)
  })

  it('workflow_dispatch with a merged PR number and targets: backports to each', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: [],
    })
    const outcome = await runEvent(world, 'workflow_dispatch', {
      inputs: { pr: '5', targets: '1.x, 2.x' },
    })
    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      expect.objectContaining({ target: '1.x', status: 'created' }),
      expect.objectContaining({ target: '2.x', status: 'created' }),
    ])
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['1.x', '2.x'])
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-1.x', 'backport/5-to-2.x'])
    // The dispatch payload has no PR: one pulls.get reads it.
    expect(world.server.calls[0]?.operation).toBe('pulls/get')
    expect(fixlineComments(world, 5)).toHaveLength(1)
  })

  it('dispatch of an unmerged PR: a clear failure, nothing done', async () => {
    world.server.state.addPullRequest({
      number: 20,
      title: 'Open one',
      baseRef: 'main',
      headRef: 'feat',
      headSha: 'a'.repeat(40),
    })
    const outcome = await runEvent(world, 'workflow_dispatch', {
      inputs: { pr: '20', targets: '1.x' },
    })
    expect(outcome.conclusion).toBe('failure')
    expect(outcome.results).toEqual([
      expect.objectContaining({
        status: 'failed',
        message: 'PR #20 is not merged: there is nothing to backport yet',
      }),
    ])
    expect(world.server.calls.map((c) => c.operation)).toEqual(['pulls/get'])
  })

  it('runBackportTargets (approved requests): mentions the request issue in the PR body', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: [],
    })
    const { depsFor } = await import('./world.js')
    const { runBackportTargets } = await import('../../../src/backport/job.js')
    const deps = await depsFor(world, { name: 'issues', payload: {} })
    const outcome = await runBackportTargets(deps, 5, ['2.x'], { requestIssue: 3 })
    expect(outcome.results).toEqual([expect.objectContaining({ target: '2.x', status: 'created' })])
    expect(backportPrs(world)[0]?.body).toContain('Requested in #3.')
  })

  it('a concurrent run opened the PR first: reported as the open PR, no second one', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    // The other run's PR exists; its branch is not visible yet to this run's ls-remote.
    world.server.state.addPullRequest({
      number: 30,
      title: '[1.x] Fix',
      user: BOT_LOGIN,
      baseRef: '1.x',
      headRef: 'backport/5-to-1.x',
      headSha: 'c'.repeat(40),
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      expect.objectContaining({
        target: '1.x',
        status: 'updated',
        pullRequest: expect.objectContaining({ number: 30 }),
      }),
    ])
    expect(outcome.createdPullRequests).toEqual([])
    expect(backportPrs(world)).toHaveLength(1)
  })

  it('mergeCommits: mainline picks the merge commit itself with -m 1', async () => {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Merged whole',
      commits: [change(1), change(2)],
      method: 'merge',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), {
      config: 'backport:\n  mergeCommits: mainline\n',
    })
    expect(outcome.results[0]).toMatchObject({ target: '1.x', status: 'created' })
    expect(await subjectsAbove(world, 'backport/5-to-1.x', '1.x')).toEqual([
      'Merge pull request #5 from owner/feature-5',
    ])
    const body = await world.fixture.origin.text([
      'log',
      '-1',
      '--format=%B',
      'refs/heads/backport/5-to-1.x',
    ])
    expect(body).toContain(`(cherry picked from commit ${merge.mergeCommitSha})`)
    expect(
      await world.fixture.origin.text(['show', 'refs/heads/backport/5-to-1.x:file2.txt']),
    ).toBe('change 2')
  })

  it('conflict where draft PRs are not available: a regular PR with the conflict label', async () => {
    const { fixture } = world
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Diverge on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    await mergedPr(world, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': 'one\ntwo changed\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    world.server.state.failOperation(
      'pulls/create',
      422,
      'Draft pull requests are not supported in this repository.',
    )
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('neutral')
    expect(outcome.results[0]).toMatchObject({
      status: 'conflict',
      message: expect.stringContaining('draft pull requests are not available'),
    })
    expect(outcome.createdPullRequests).toEqual([expect.objectContaining({ draft: false })])
    const [pr] = backportPrs(world)
    expect(pr?.pull.draft).toBe(false)
    expect(pr?.labels).toEqual(['backport-conflict'])
  })
})
