import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BOT_LOGIN,
  backportPrs,
  change,
  commentPayload,
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

describe('backport scenarios (real git, fake GitHub)', () => {
  it('squash-merged PR of 3 commits: one backport PR with the squash commit, one comment, within the API budget', async () => {
    await world.cleanup()
    world = await createWorld({ productionClient: true })
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [change(1), change(2), change(3)],
      method: 'squash',
      labels: ['backport-1.x', 'bug'],
    })
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'))

    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      {
        target: '1.x',
        status: 'created',
        message: '1 commit(s) cherry-picked',
        pullRequest: { number: 6, url: expect.stringContaining('/pull/6') },
      },
    ])
    expect(outcome.createdPullRequests).toEqual([
      { number: 6, url: expect.any(String), target: '1.x', draft: false },
    ])
    const [pr] = backportPrs(world)
    expect(pr?.title).toBe('[1.x] Fix the widget')
    expect(pr?.pull).toMatchObject({ baseRef: '1.x', headRef: 'backport/5-to-1.x', draft: false })
    expect(pr?.body).toContain('Backport of #5 to `1.x`.')
    expect(pr?.body).toContain(merge.mergeCommitSha.slice(0, 12))
    expect(pr?.body).toContain('<!-- fixline:backport source=5 target=1.x -->')
    expect(await subjectsAbove(world, 'backport/5-to-1.x', '1.x')).toEqual(['Fix the widget (#5)'])
    const body = await world.fixture.origin.text([
      'log',
      '-1',
      '--format=%B',
      'refs/heads/backport/5-to-1.x',
    ])
    expect(body).toContain(`(cherry picked from commit ${merge.mergeCommitSha})`)
    const comments = fixlineComments(world, 5)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('| `1.x` | ✅ created | [#6]')
    expect(world.log.join('\n')).toMatch(/commit selection for #5: .*squash/i)
    expect(outcome.summary).toContain('| `1.x` | ✅ created |')
    // API budget: no pulls.get (the payload has the PR), existence checks through git.
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'pulls/create',
      'issues/list-comments',
      'issues/create-comment',
    ])
  })

  it('rebase-merged PR of 2 commits: both rebased commits picked, in order', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Two steps',
      commits: [change(1), change(2)],
      method: 'rebase',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('success')
    expect(outcome.results[0]).toMatchObject({
      target: '1.x',
      status: 'created',
      message: '2 commit(s) cherry-picked',
    })
    expect(await subjectsAbove(world, 'backport/5-to-1.x', '1.x')).toEqual([
      'Two steps: part 1',
      'Two steps: part 2',
    ])
  })

  it('merge-commit PR with an "update branch" merge: only the PR\'s own commits', async () => {
    const { fixture } = world
    await fixture.branch('feature-5', 'main')
    await fixture.checkout('feature-5')
    await fixture.commit(change(1), 'Own commit 1')
    await fixture.checkout('main')
    await fixture.openPr(5, 'feature-5', 'main', { title: 'Merge me' })
    await fixture.commit({ 'other.txt': 'someone else\n' }, 'Unrelated change on main')
    await fixture.push(['main'])
    await fixture.updateBranch('feature-5', 'main')
    await fixture.checkout('feature-5')
    await fixture.commit(change(2), 'Own commit 2')
    await fixture.push(['+feature-5:refs/pull/5/head', 'feature-5'])
    await fixture.checkout('main')
    const result = await fixture.mergeCommit(5)
    const { registerPr } = await import('./world.js')
    registerPr(world, {
      number: 5,
      title: 'Merge me',
      head: 'feature-5',
      result,
      labels: ['backport-1.x'],
    })

    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.results[0]).toMatchObject({ target: '1.x', status: 'created' })
    expect(await subjectsAbove(world, 'backport/5-to-1.x', '1.x')).toEqual([
      'Own commit 1',
      'Own commit 2',
    ])
    const files = await world.fixture.origin.lines([
      'ls-tree',
      '--name-only',
      'refs/heads/backport/5-to-1.x',
    ])
    expect(files).not.toContain('other.txt')
  })

  it('two labels, one branch missing: one PR, one failed row, the job fails and says which', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x', 'backport-9.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('failure')
    const failed = outcome.results.find((r) => r.status === 'failed')
    expect(failed).toMatchObject({
      target: '9.x',
      message: 'label backport-9.x: branch 9.x does not exist on origin',
    })
    expect(failed?.error).toContain('9.x does not exist')
    expect(outcome.results.find((r) => r.target === '1.x')?.status).toBe('created')
    expect(backportPrs(world)).toHaveLength(1)
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-1.x'])
    expect(fixlineComments(world, 5)[0]?.body).toContain('❌ failed')
  })

  it('conflict: a draft PR with the markers committed, the conflict label and the exact resume commands', async () => {
    const { fixture } = world
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Diverge on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': 'one\ntwo changed\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))

    expect(outcome.conclusion).toBe('neutral')
    expect(outcome.results[0]).toMatchObject({
      target: '1.x',
      status: 'conflict',
      pullRequest: { number: 6 },
    })
    expect(outcome.createdPullRequests).toEqual([
      { number: 6, url: expect.any(String), target: '1.x', draft: true },
    ])
    const [pr] = backportPrs(world)
    expect(pr?.pull.draft).toBe(true)
    expect(pr?.labels).toContain('backport-conflict')
    expect(pr?.body).toContain('- `app.txt`')
    const markers = await fixture.originSha('refs/heads/backport/5-to-1.x')
    expect(pr?.body).toContain(
      [
        '```sh',
        'git fetch origin main',
        'git fetch origin backport/5-to-1.x',
        'git checkout -B backport/5-to-1.x FETCH_HEAD',
        'git reset --hard HEAD~1',
        `git cherry-pick -x ${merge.mergeCommitSha}`,
        '# app.txt: resolve the conflict markers',
        '# then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)',
        `git push --force-with-lease=backport/5-to-1.x:${markers} origin backport/5-to-1.x`,
        '```',
      ].join('\n'),
    )
    const content = await fixture.origin.text(['show', 'refs/heads/backport/5-to-1.x:app.txt'])
    expect(content).toContain('<<<<<<<')
    expect(content).toContain('>>>>>>>')
    expect(fixlineComments(world, 5)[0]?.body).toContain('⚠️ conflict')
  })

  it('label re-applied after the backport merged: already applied, no new PR', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    // A maintainer merges the backport PR (fast-forward) on GitHub.
    const head = await world.fixture.originSha('refs/heads/backport/5-to-1.x')
    await world.fixture.origin.run(['update-ref', 'refs/heads/1.x', head as string])
    world.server.state.mergePullRequest(6, head as string)

    const again = await runEvent(
      world,
      'pull_request',
      prPayload(world, 5, 'labeled', 'backport-1.x'),
    )
    expect(again.conclusion).toBe('success')
    expect(again.results).toEqual([
      expect.objectContaining({
        target: '1.x',
        status: 'already-applied',
        pullRequest: expect.objectContaining({ number: 6 }),
      }),
    ])
    expect(again.createdPullRequests).toEqual([])

    // With the merged branch deleted, the picks come out empty: still already applied.
    await world.fixture.origin.run(['update-ref', '-d', 'refs/heads/backport/5-to-1.x'])
    const third = await runEvent(
      world,
      'pull_request',
      prPayload(world, 5, 'labeled', 'backport-1.x'),
    )
    expect(third.results).toEqual([
      expect.objectContaining({ target: '1.x', status: 'already-applied' }),
    ])
    expect(await originBackportBranches(world)).toEqual([])
    expect(backportPrs(world)).toHaveLength(1)
    expect(fixlineComments(world, 5)).toHaveLength(1)
    expect(fixlineComments(world, 5)[0]?.body).toContain('✅ already applied')
  })

  it('the same event delivered twice: one PR, one comment', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const payload = prPayload(world, 5, 'closed')
    const first = await runEvent(world, 'pull_request', payload)
    const second = await runEvent(world, 'pull_request', payload)
    expect(first.results[0]?.status).toBe('created')
    expect(second.results[0]).toMatchObject({ status: 'updated', pullRequest: { number: 6 } })
    expect(second.createdPullRequests).toEqual([])
    expect(backportPrs(world)).toHaveLength(1)
    expect(fixlineComments(world, 5)).toHaveLength(1)
    expect(world.server.calls.filter((c) => c.operation === 'issues/update-comment')).toHaveLength(
      1,
    )
  })

  it('/backport from a user without write permission: refused with a comment, nothing pushed', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: [],
    })
    world.server.state.setPermission('mallory', 'read')
    const payload = commentPayload(world, 5, 'mallory', '/backport 1.x')
    // The payload's author_association is not trusted: only the collaborator-permission API counts.
    Object.assign(payload.comment as object, { author_association: 'OWNER' })
    const outcome = await runEvent(world, 'issue_comment', payload)
    expect(outcome.conclusion).toBe('skipped')
    expect(outcome.results[0]?.message).toContain('@mallory needs write permission')
    expect(await originBackportBranches(world)).toEqual([])
    expect(backportPrs(world)).toHaveLength(0)
    const replies = fixlineComments(world, 5)
    expect(replies).toHaveLength(1)
    expect(replies[0]?.body).toContain('nothing was done')
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'repos/get-collaborator-permission-level',
      'issues/list-comments',
      'issues/create-comment',
    ])
    // The same delivery again (a re-run): the reply is found by its marker, not posted twice.
    await runEvent(world, 'issue_comment', payload)
    expect(fixlineComments(world, 5)).toHaveLength(1)
  })

  it('/backport from a maintainer on a merged PR backports now; on an open PR it adds the labels', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: [],
    })
    world.server.state.setPermission('maya', 'maintain')
    const now = await runEvent(
      world,
      'issue_comment',
      commentPayload(world, 5, 'maya', '/backport 2.x'),
    )
    expect(now.results).toEqual([expect.objectContaining({ target: '2.x', status: 'created' })])
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['2.x'])

    world.server.state.addPullRequest({
      number: 20,
      title: 'Open one',
      baseRef: 'main',
      headRef: 'feat',
      headSha: 'a'.repeat(40),
    })
    const later = await runEvent(
      world,
      'issue_comment',
      commentPayload(world, 20, 'maya', '/backport 1.x 7.x'),
    )
    expect(world.server.state.labels(20)).toEqual(['backport-1.x'])
    expect(later.results).toEqual([
      expect.objectContaining({
        target: '7.x',
        status: 'failed',
        message: 'branch 7.x does not exist on origin',
      }),
      expect.objectContaining({ target: '1.x', status: 'pending' }),
    ])
    expect(fixlineComments(world, 20)[0]?.body).toContain('label backport-1.x added')
    expect(await originBackportBranches(world)).toEqual(['backport/5-to-2.x'])
  })

  it("a label added after the merge: only that label's target", async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    world.server.state.issues.get(5)?.labels.push('backport-2.x')
    const outcome = await runEvent(
      world,
      'pull_request',
      prPayload(world, 5, 'labeled', 'backport-2.x'),
    )
    expect(outcome.results).toEqual([expect.objectContaining({ target: '2.x', status: 'created' })])
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['1.x', '2.x'])
    const comments = fixlineComments(world, 5)
    expect(comments).toHaveLength(1)
    // The later run merged its row with the earlier one.
    expect(comments[0]?.body).toContain('| `1.x` | ✅ created')
    expect(comments[0]?.body).toContain('| `2.x` | ✅ created')
  })

  it('a PR touching .github/workflows/ without the workflows permission: that target fails, the other is created', async () => {
    const workflow = { '.github/workflows/ci.yml': 'on: push\n' }
    const { fixture } = world
    await fixture.checkout('2.x')
    await fixture.commit(workflow, 'Same workflow on 2.x')
    await fixture.push(['2.x'])
    await fixture.checkout('main')
    await mergedPr(world, {
      number: 5,
      title: 'CI and fix',
      commits: [workflow, change(1)],
      method: 'rebase',
      labels: ['backport-1.x', 'backport-2.x'],
    })
    await fixture.denyWorkflowPushes()
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))

    expect(outcome.conclusion).toBe('failure')
    const failed = outcome.results.find((r) => r.target === '1.x')
    expect(failed?.status).toBe('failed')
    expect(failed?.message).toMatch(
      /^label backport-1\.x: .*\.github\/workflows\/ci\.yml.*`workflows` permission/,
    )
    // The long git output (with paths) stays in the debug log.
    expect(failed?.message).not.toContain('file://')
    expect(world.log.some((l) => l.startsWith('debug: 1.x:') && l.includes('pre-receive'))).toBe(
      true,
    )
    expect(failed?.error).toMatch(/workflows/)
    expect(outcome.results.find((r) => r.target === '2.x')).toMatchObject({ status: 'created' })
    expect(backportPrs(world).map((p) => p.pull.baseRef)).toEqual(['2.x'])
    expect(fixlineComments(world, 5)[0]?.body).toMatch(/1\.x.*failed.*workflows/)
  })

  it('dry run: plans and logs, pushes nothing, opens nothing, comments nothing', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), {
      dryRun: true,
    })
    expect(outcome.results).toEqual([
      expect.objectContaining({
        target: '1.x',
        status: 'pending',
        message: expect.stringContaining('dry run'),
      }),
    ])
    expect(await originBackportBranches(world)).toEqual([])
    expect(world.server.calls).toEqual([])
    expect(world.log.join('\n')).toContain('commit selection for #5')
  })

  it('a bot-authored comment is found again even when others quote the marker', async () => {
    await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [change(1)],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    world.server.state.addComment(5, 'mallory', 'copy: <!-- fixline:backport-comment -->')
    await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    const mine = world.server.state.comments(5).filter((c) => c.user === BOT_LOGIN)
    expect(mine).toHaveLength(1)
    expect(world.server.state.comments(5).find((c) => c.user === 'mallory')?.body).toBe(
      'copy: <!-- fixline:backport-comment -->',
    )
  })
})
