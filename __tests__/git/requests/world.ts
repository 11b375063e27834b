/**
 * A backport-request scenario: real git (bare origin with main and the lines 0.x, 1.x, 2.x, a
 * fetch-depth 1 checkout), the fake GitHub API, and the requests job run in-process on events
 * built from @octokit/webhooks-examples.
 */
import {
  botComments,
  depsFor as jobDeps,
  mergedPr as mergeFeature,
  OWNER,
  REPO,
  startJobWorld,
  triggerFor,
  type DepsOptions,
  type JobWorld,
} from '../../support/job-world.js'
import { issueCommentPayload, issuesPayload } from '../../support/payloads.js'
import { renderRequestForm } from '../../../src/requests/form.js'
import type { JobDeps, JobOutcome } from '../../../src/jobs.js'
import { runRequestsJob } from '../../../src/requests/job.js'
import type { BackportRequest } from '../../../src/requests/types.js'

export * from '../../support/job-world.js'

/** Window of 2: main and 2.x are maintained; 1.x and 0.x are exceptions. */
export const CONFIG = `
requests:
  window: 2
  releaseManagers:
    users: [rita]
    teams: [acme/release-managers]
`

export type World = JobWorld

export async function createWorld(): Promise<World> {
  return startJobWorld({ lines: ['0.x', '1.x', '2.x'] })
}

/** A PR merged into main the GitHub way (squash, one commit), registered on the fake server. */
export async function mergedPr(
  world: World,
  number: number,
  title: string,
  files: Record<string, string>,
): Promise<void> {
  await mergeFeature(world, {
    number,
    title,
    commits: [files],
    subjects: [title],
    method: 'squash',
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

/** Deps as main.ts builds them, with the request CONFIG unless `options.config`. */
export async function depsFor(
  world: World,
  event: { name: string; payload: Record<string, unknown> },
  options: DepsOptions = {},
): Promise<JobDeps> {
  return jobDeps(world, event, { config: CONFIG, ...options })
}

/** Routes the event like main.ts and runs the requests job on a fresh fetch-depth 1 checkout. */
export async function runEvent(
  world: World,
  name: string,
  payload: Record<string, unknown>,
  config = CONFIG,
): Promise<JobOutcome> {
  const deps = await depsFor(world, { name, payload }, { config })
  return runRequestsJob(deps, triggerFor(name, payload, 'requests'))
}

export function planComment(world: World, number: number) {
  const plans = botComments(world, number).filter((c) =>
    c.body.includes('<!-- fixline:backport-request -->'),
  )
  if (plans.length !== 1)
    throw new Error(`expected one plan comment on #${number}, found ${plans.length}`)
  return plans[0]!
}
