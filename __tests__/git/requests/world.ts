/**
 * A backport-request scenario: real git (bare origin with main and the lines 0.x, 1.x, 2.x, a
 * fetch-depth 1 checkout), the fake GitHub API, and the requests job run in-process on events
 * built from @octokit/webhooks-examples.
 */
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { issueCommentPayload, issuesPayload } from '../../support/payloads.js'
import { renderRequestForm } from '../../../src/requests/form.js'
import { parseConfig } from '../../../src/config/load.js'
import type { GitHub } from '../../../src/github/client.js'
import type { JobDeps, JobOutcome } from '../../../src/jobs.js'
import { memoryLogger } from '../../../src/log.js'
import { routeEvent } from '../../../src/route.js'
import { runRequestsJob } from '../../../src/requests/job.js'
import type { BackportRequest } from '../../../src/requests/types.js'

export const OWNER = 'acme'
export const REPO = 'widgets'
export const BOT_LOGIN = 'github-actions[bot]'
/** Window of 2: main and 2.x are maintained; 1.x and 0.x are exceptions. */
export const CONFIG = `
requests:
  window: 2
  releaseManagers:
    users: [rita]
    teams: [acme/release-managers]
`

export interface World {
  fixture: Fixture
  server: FakeGitHub
  github: GitHub
  log: string[]
  cleanup(): Promise<void>
}

export async function createWorld(): Promise<World> {
  const fixture = await createFixture()
  await fixture.commit({ 'app.txt': 'one\ntwo\nthree\n' }, 'Initial commit')
  for (const line of ['0.x', '1.x', '2.x']) await fixture.branch(line)
  await fixture.push(['main', '0.x', '1.x', '2.x'])
  const server = await startFakeGitHub({ owner: OWNER, repo: REPO, originPath: fixture.originDir })
  server.state.actor = BOT_LOGIN
  return {
    fixture,
    server,
    github: createTestGitHub(server.url),
    log: [],
    async cleanup() {
      await server.close()
      await fixture.cleanup()
    },
  }
}

/** A PR merged into main the GitHub way (squash), registered on the fake server. */
export async function mergedPr(
  world: World,
  number: number,
  title: string,
  files: Record<string, string>,
): Promise<void> {
  const { fixture } = world
  const head = `feature-${number}`
  await fixture.branch(head, 'main')
  await fixture.checkout(head)
  await fixture.commit(files, title)
  await fixture.checkout('main')
  await fixture.openPr(number, head, 'main', { title })
  const result = await fixture.mergeSquash(number)
  world.server.state.addPullRequest({
    number,
    title,
    user: 'ada',
    baseRef: 'main',
    headRef: head,
    headSha: result.headSha,
    merged: true,
    mergeCommitSha: result.mergeCommitSha,
    commits: [{ sha: result.headSha, message: title }],
  })
}

export function request(overrides: Partial<BackportRequest> = {}): BackportRequest {
  return {
    pr: 5,
    commits: [],
    targets: ['2.x'],
    severity: 'S2',
    priority: 'P2',
    security: false,
    dataLoss: false,
    customerImpact: 'Acme cannot upgrade before March.',
    justification: 'Crash on start.',
    ...overrides,
  }
}

/** Files the request issue on the fake server; returns the `issues opened` payload. */
export function fileRequest(
  world: World,
  number: number,
  body: string,
  user = 'ada',
): Record<string, unknown> {
  world.server.state.addIssue({
    number,
    title: '[Backport request]: fix',
    body,
    user,
    labels: ['backport-request'],
  })
  return issuesPayload({
    owner: OWNER,
    repo: REPO,
    action: 'opened',
    number,
    body,
    user,
    labels: ['backport-request'],
  }) as unknown as Record<string, unknown>
}

export function formBody(r: BackportRequest): string {
  return renderRequestForm(r, ['2.x', '1.x', '0.x'])
}

export function labeledPayload(
  world: World,
  number: number,
  label: string,
  sender: string,
): Record<string, unknown> {
  const issue = world.server.state.issues.get(number)
  if (!issue) throw new Error(`no issue #${number}`)
  // The label is on the issue when the event fires.
  world.server.state.addLabel(label)
  if (!issue.labels.includes(label)) issue.labels.push(label)
  return issuesPayload({
    owner: OWNER,
    repo: REPO,
    action: 'labeled',
    number,
    label,
    sender,
  }) as unknown as Record<string, unknown>
}

export function commandPayload(
  world: World,
  number: number,
  user: string,
  body: string,
  isPullRequest = false,
): Record<string, unknown> {
  const comment = world.server.state.addComment(number, user, body)
  return issueCommentPayload({
    owner: OWNER,
    repo: REPO,
    issueNumber: number,
    isPullRequest,
    user,
    body,
    commentId: comment.id,
  }) as unknown as Record<string, unknown>
}

export function depsFor(
  world: World,
  event: { name: string; payload: Record<string, unknown> },
  git: JobDeps['git'],
  config = CONFIG,
): JobDeps {
  return {
    config: parseConfig(config),
    ctx: {
      eventName: event.name,
      payload: event.payload,
      owner: OWNER,
      repo: REPO,
      serverUrl: 'https://github.com',
      apiUrl: world.server.url,
      runId: '1',
      actor: 'ada',
      workspace: git.cwd,
    },
    github: world.github,
    git,
    dryRun: false,
    log: memoryLogger(world.log),
    botLogin: BOT_LOGIN,
  }
}

/** Routes the event like main.ts and runs the requests job on a fresh fetch-depth 1 checkout. */
export async function runEvent(
  world: World,
  name: string,
  payload: Record<string, unknown>,
  config = CONFIG,
): Promise<JobOutcome> {
  const git = await world.fixture.checkoutClone({ depth: 1 })
  const route = routeEvent(name, payload).find((r) => r.job === 'requests')
  if (!route || route.job !== 'requests')
    throw new Error(
      `the event routes to no request job: ${JSON.stringify(routeEvent(name, payload))}`,
    )
  return runRequestsJob(depsFor(world, { name, payload }, git, config), route.trigger)
}

export function backportPrs(world: World) {
  return world.server.state.pullRequests().filter((p) => p.pull.headRef.startsWith('backport/'))
}

export function botComments(world: World, number: number) {
  return world.server.state.comments(number).filter((c) => c.user === BOT_LOGIN)
}

export function planComment(world: World, number: number) {
  const plans = botComments(world, number).filter((c) =>
    c.body.includes('<!-- fixline:backport-request -->'),
  )
  if (plans.length !== 1)
    throw new Error(`expected one plan comment on #${number}, found ${plans.length}`)
  return plans[0]!
}
