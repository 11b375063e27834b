import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeState } from '../../../src/requests/state.js'
import { issuesPayload } from '../../support/payloads.js'
import {
  backportPrs,
  BOT_LOGIN,
  botComments,
  createWorld,
  fileRequest,
  formBody,
  mergedPr,
  OWNER,
  planComment,
  REPO,
  request,
  runEvent,
  type World,
  closeWorld,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
})

afterEach(() => closeWorld(world))

const issue = (n: number) => world.server.state.issues.get(n)!

describe('backport requests (real git, fake GitHub)', () => {
  it('an in-policy request goes straight to a backport PR, linked in one plan comment; the same event twice changes nothing', async () => {
    const opened = fileRequest(world, 10, formBody(request({ targets: ['2.x'] })))
    const outcome = await runEvent(world, 'issues', opened)

    expect(outcome.conclusion).toBe('success')
    expect(outcome.results).toEqual([
      {
        target: '2.x',
        status: 'created',
        message: expect.any(String),
        pullRequest: { number: 11, url: expect.stringContaining('/pull/11') },
      },
    ])
    const prs = backportPrs(world)
    expect(prs.map((p) => [p.pull.headRef, p.pull.baseRef])).toEqual([['backport/5-to-2.x', '2.x']])
    expect(prs[0]?.body).toContain('Requested in #10.')
    expect(issue(10).labels.sort()).toEqual(['backport-request', 'patch-release'])
    const plan = planComment(world, 10)
    expect(plan.body).toContain('| `2.x` | patch release | not needed | #11 (open) |')
    // API budget: read the issue and its comments, check the source PR, then the backport engine's
    // calls (its own pulls.get, the PR, its comment on #5), one label call and the plan comment.
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'issues/get',
      'issues/list-comments',
      'pulls/get',
      'pulls/get',
      'pulls/create',
      'issues/list-comments',
      'issues/create-comment',
      'issues/add-labels',
      'issues/create-comment',
    ])
    expect(decodeState(plan.body)?.targets[0]).toMatchObject({
      target: '2.x',
      status: 'created',
      pr: { number: 11, state: 'open' },
    })

    const callsBefore = world.server.calls.length
    const again = await runEvent(world, 'issues', opened)
    expect(again.results[0]).toMatchObject({
      target: '2.x',
      status: 'created',
      pullRequest: { number: 11 },
    })
    expect(backportPrs(world)).toHaveLength(1)
    expect(botComments(world, 10)).toHaveLength(1)
    expect(planComment(world, 10).id).toBe(plan.id)
    // The repeat only reads: issue, comments, the source PR; nothing is written.
    const writes = world.server.calls.slice(callsBefore).filter((c) => c.method !== 'GET')
    expect(writes).toEqual([])
  })

  it('an unmerged PR and a line that does not exist: a clear comment, nothing opened', async () => {
    world.server.state.addPullRequest({
      number: 7,
      title: 'Open fix',
      baseRef: 'main',
      headRef: 'feature-7',
      headSha: 'a'.repeat(40),
    })
    const outcome = await runEvent(
      world,
      'issues',
      fileRequest(world, 10, formBody(request({ pr: 7, targets: ['2.x'] }))),
    )
    expect(outcome.conclusion).toBe('neutral')
    expect(planComment(world, 10).body).toContain(
      '- #7 is not merged yet: only merged fixes are backported',
    )

    const missing = await runEvent(
      world,
      'issues',
      fileRequest(world, 12, formBody(request({ targets: ['9.x', '2.x'] }))),
    )
    expect(missing.conclusion).toBe('neutral')
    const body = planComment(world, 12).body
    expect(body).toContain(
      '`9.x` is not a release line of this repository (release lines: `main`, `2.x`, `1.x`, `0.x`)',
    )
    expect(body).toContain('Nothing was opened')

    // A pull request closed without merging.
    world.server.state.addPullRequest({
      number: 8,
      title: 'Abandoned fix',
      baseRef: 'main',
      headRef: 'feature-8',
      headSha: 'b'.repeat(40),
      state: 'closed',
    })
    await runEvent(
      world,
      'issues',
      fileRequest(world, 15, formBody(request({ pr: 8, targets: ['2.x'] }))),
    )
    expect(planComment(world, 15).body).toContain('- #8 was closed without merging')

    // A pull request that does not exist, and a branch that exists but is not a release line.
    await runEvent(
      world,
      'issues',
      fileRequest(world, 14, formBody(request({ pr: 99, targets: ['feature-5'] }))),
    )
    expect(planComment(world, 14).body).toContain('- #99 is not a pull request of acme/widgets')
    expect(planComment(world, 14).body).toContain(
      '- `feature-5` is not a release line of this repository',
    )

    await runEvent(
      world,
      'issues',
      fileRequest(
        world,
        13,
        '### Source pull request\n\n#5\n\n### Target release lines\n\n- [X] 2.x\n\n### Severity\n\nbad',
      ),
    )
    expect(planComment(world, 13).body).toContain('"Severity": "bad" is not one of S1-S4')

    expect(backportPrs(world)).toHaveLength(0)
    expect(
      await world.fixture.origin.lines([
        'for-each-ref',
        '--format=%(refname:short)',
        'refs/heads/backport/',
      ]),
    ).toEqual([])
    expect(issue(10).labels).toEqual(['backport-request'])
  })

  it('closes the request when its last backport is merged (each merge event counted once)', async () => {
    await runEvent(
      world,
      'issues',
      fileRequest(world, 10, formBody(request({ targets: ['2.x', '1.x'] }))),
      'requests:\n  window: 2\n  approval: never\n',
    )
    const [a, b] = backportPrs(world).sort((x, y) => x.number - y.number)
    expect(a && b).toBeTruthy()

    world.server.state.mergePullRequest(a!.number, 'c'.repeat(40))
    const merged = mergedPayload(a!.number, a!.pull.headRef)
    await runEvent(world, 'pull_request', merged)
    await runEvent(world, 'pull_request', merged)
    expect(issue(10).state).toBe('open')
    expect(planComment(world, 10).body).toContain(`#${a!.number} (merged)`)

    world.server.state.mergePullRequest(b!.number, 'd'.repeat(40))
    const outcome = await runEvent(world, 'pull_request', mergedPayload(b!.number, b!.pull.headRef))
    expect(outcome.results.every((r) => r.pullRequest !== undefined)).toBe(true)
    expect(issue(10)).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(planComment(world, 10).body).toContain('### Backport request: done')
    expect(planComment(world, 10).body).toContain('Source: #5 · severity S2')
    expect(botComments(world, 10)).toHaveLength(1)
    // Reopened by a maintainer after that: a late duplicate of the merge event does not close it again.
    Object.assign(issue(10), { state: 'open', stateReason: 'reopened' })
    await runEvent(world, 'pull_request', mergedPayload(b!.number, b!.pull.headRef))
    expect(issue(10).state).toBe('open')
  })

  it('a request by commits finds their merged pull request', async () => {
    const sha = world.server.state.pullRequest(5)!.pull.mergeCommitSha!
    await runEvent(
      world,
      'issues',
      fileRequest(
        world,
        10,
        formBody(request({ pr: undefined, commits: [sha], targets: ['2.x'] })),
      ),
    )
    expect(backportPrs(world).map((p) => p.pull.headRef)).toEqual(['backport/5-to-2.x'])
    await runEvent(
      world,
      'issues',
      fileRequest(
        world,
        12,
        formBody(request({ pr: undefined, commits: ['abcdef1234567'], targets: ['2.x'] })),
      ),
    )
    expect(planComment(world, 12).body).toContain(
      'commit abcdef123456 is in no merged pull request',
    )
  })

  it('finds the request through the open request issues when the backport PR body lost its link', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['2.x'] }))))
    const [pr] = backportPrs(world)
    pr!.body = 'Rewritten by a human.'
    world.server.state.mergePullRequest(pr!.number, 'e'.repeat(40))
    await runEvent(world, 'pull_request', mergedPayload(pr!.number, pr!.pull.headRef))
    expect(issue(10)).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(
      world.server.calls.filter((c) => c.operation === 'issues/list-for-repo').map((c) => c.query),
    ).toEqual([expect.objectContaining({ labels: 'backport-request', state: 'open' })])
  })

  it('an edited request keeps its one plan comment and its opened PR, and classifies the new line', async () => {
    await runEvent(world, 'issues', fileRequest(world, 10, formBody(request({ targets: ['2.x'] }))))
    const plan = planComment(world, 10)
    // The author ticks 1.x too, moves Severity first and adds a section of their own.
    const edited = formBody(request({ targets: ['2.x', '1.x'] }))
      .replace(/### Severity\n\nS2 - Critical\n\n/, '')
      .replace(
        '### Source pull request',
        '### Severity\n\nS2 - Critical\n\n### Source pull request',
      )
      .concat('\n\n### Notes\n\nPing @rita')
    issue(10).body = edited
    await runEvent(
      world,
      'issues',
      issuesPayload({
        owner: OWNER,
        repo: REPO,
        action: 'edited',
        number: 10,
        body: edited,
        labels: ['backport-request'],
      }) as unknown as Record<string, unknown>,
    )
    expect(backportPrs(world).map((p) => p.pull.headRef)).toEqual(['backport/5-to-2.x'])
    expect(botComments(world, 10)).toHaveLength(1)
    expect(planComment(world, 10).id).toBe(plan.id)
    expect(planComment(world, 10).body).toContain(
      '| `2.x` | patch release | not needed | #11 (open) |',
    )
    expect(planComment(world, 10).body).toContain(
      '| `1.x` | exception (outside the maintenance window) | awaiting a release manager |',
    )
    expect(issue(10).labels).toContain('awaiting-approval')
  })
})

function mergedPayload(number: number, headRef: string): Record<string, unknown> {
  return {
    action: 'closed',
    number,
    pull_request: { number, merged: true, head: { ref: headRef } },
    sender: { login: BOT_LOGIN },
  }
}
