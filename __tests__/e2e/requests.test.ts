/**
 * The approval path of a backport request through the built bundle (`node dist/index.js`, run
 * `npm run build` first), as the runner runs it, against the fake GitHub API and a real origin.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { issueCommentPayload, issuesPayload } from '../support/payloads.js'
import { runAction, type RunActionResult } from '../support/run-action.js'
import {
  backportPrs,
  BOT_LOGIN,
  CONFIG,
  createWorld,
  formBody,
  mergedPr,
  OWNER,
  REPO,
  request,
  type World,
  closeWorld,
} from '../git/requests/world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
  world.server.state.addTeamMember('acme', 'release-managers', 'tess')
})

afterEach(() => closeWorld(world))

async function run(eventName: string, payload: unknown): Promise<RunActionResult> {
  const checkout = await world.fixture.checkoutClone({ depth: 1 })
  mkdirSync(join(checkout.cwd, '.github'), { recursive: true })
  writeFileSync(join(checkout.cwd, '.github/fixline.yml'), CONFIG)
  const result = await runAction({
    eventName,
    payload,
    inputs: { 'github-token': 'ghs_e2e-token', config: '.github/fixline.yml', 'dry-run': 'false' },
    apiUrl: world.server.url,
    workspace: checkout.cwd,
    repository: `${OWNER}/${REPO}`,
    env: { GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '', GIT_CONFIG_NOSYSTEM: '1' },
  })
  // The token appears only in the runner's masking command.
  expect((result.stdout + result.stderr).replace('::add-mask::ghs_e2e-token', '')).not.toContain(
    'ghs_e2e-token',
  )
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  return result
}

const issue = () => world.server.state.issues.get(10)!
const botBodies = () =>
  world.server.state
    .comments(10)
    .filter((c) => c.user === BOT_LOGIN)
    .map((c) => c.body)

function approvePayload(user: string): unknown {
  const comment = world.server.state.addComment(10, user, '/approve')
  return issueCommentPayload({
    owner: OWNER,
    repo: REPO,
    issueNumber: 10,
    isPullRequest: false,
    user,
    body: '/approve',
    commentId: comment.id,
  })
}

describe('e2e: backport request approval path', () => {
  it('files a request, holds the exception, approves it by a team member, closes after both merges', async () => {
    const body = formBody(request({ targets: ['2.x', '0.x'] }))
    world.server.state.addIssue({
      number: 10,
      title: '[Backport request]: fix',
      body,
      user: 'ada',
      labels: ['backport-request'],
    })

    const opened = await run(
      'issues',
      issuesPayload({
        owner: OWNER,
        repo: REPO,
        action: 'opened',
        number: 10,
        body,
        user: 'ada',
        labels: ['backport-request'],
      }),
    )
    expect(JSON.parse(opened.outputs.results ?? '[]')).toEqual([
      expect.objectContaining({ job: 'requests', target: '2.x', status: 'created' }),
      expect.objectContaining({ job: 'requests', target: '0.x', status: 'pending' }),
    ])
    expect(opened.summary).toContain('fixline: backport request #10')
    expect(issue().labels).toContain('awaiting-approval')

    // Mallory is neither listed nor in the team: refused with a reply, nothing opened.
    const refused = await run('issue_comment', approvePayload('mallory'))
    expect(refused.outputs.conclusion).toBe('neutral')
    expect(backportPrs(world)).toHaveLength(1)
    expect(botBodies().some((b) => b.includes('@mallory: only release managers'))).toBe(true)

    const approvedByTess = approvePayload('tess')
    const approved = await run('issue_comment', approvedByTess)
    expect(JSON.parse(approved.outputs['created-pull-requests'] ?? '[]')).toEqual([
      expect.objectContaining({ target: '0.x' }),
    ])
    expect(issue().labels).not.toContain('awaiting-approval')
    // The same delivery again: no second PR, no second comment.
    const comments = botBodies().length
    await run('issue_comment', approvedByTess)
    expect(backportPrs(world)).toHaveLength(2)
    expect(botBodies()).toHaveLength(comments)

    // The first backport's merge event is missed (e.g. merged with a token that triggers no workflow):
    // the last one's merge still closes the request, after one pulls.get of the other.
    const [first, last] = backportPrs(world).sort((a, b) => a.number - b.number)
    world.server.state.mergePullRequest(first!.number, 'f'.repeat(40))
    world.server.state.mergePullRequest(last!.number, 'e'.repeat(40))
    const payload = {
      action: 'closed',
      number: last!.number,
      pull_request: { number: last!.number, merged: true, head: { ref: last!.pull.headRef } },
      repository: { default_branch: 'main' },
      sender: { login: 'tess' },
    }
    // The merge also routes to the backport job (a merged PR without backport labels: nothing to do).
    await run('pull_request_target', payload)
    expect(issue()).toMatchObject({ state: 'closed', stateReason: 'completed' })
    const plan = botBodies().filter((b) => b.includes('<!-- fixline:backport-request -->'))
    expect(plan).toHaveLength(1)
    expect(plan[0]).toContain('### Backport request: done')
    expect(plan[0]).toContain(`#${first!.number} (merged)`)
    expect(plan[0]).toContain(`#${last!.number} (merged)`)
  })
})
