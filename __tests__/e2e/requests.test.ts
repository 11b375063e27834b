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
  CONFIG,
  createWorld,
  formBody,
  mergedPr,
  OWNER,
  REPO,
  request,
  type World,
} from '../git/requests/world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  await mergedPr(world, 5, 'Fix the widget', { 'fix.txt': 'fixed\n' })
  world.server.state.addTeamMember('acme', 'release-managers', 'tess')
})

afterEach(async () => {
  expect(world.server.problems()).toEqual([])
  await world.cleanup()
})

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

    // (Refusals of non-members are covered in __tests__/git/requests; each run here pays the production client's write spacing.)
    const approve = world.server.state.addComment(10, 'tess', '/approve')
    const approved = await run(
      'issue_comment',
      issueCommentPayload({
        owner: OWNER,
        repo: REPO,
        issueNumber: 10,
        isPullRequest: false,
        user: 'tess',
        body: '/approve',
        commentId: approve.id,
      }),
    )
    expect(JSON.parse(approved.outputs['created-pull-requests'] ?? '[]')).toEqual([
      expect.objectContaining({ target: '0.x' }),
    ])
    expect(issue().labels).not.toContain('awaiting-approval')

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
  })
})
