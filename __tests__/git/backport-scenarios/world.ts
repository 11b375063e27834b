/**
 * A backport scenario: real git (bare origin + a fetch-depth 1 checkout like actions/checkout),
 * the fake GitHub API holding the PRs, and JobDeps pointing at both (../../support/job-world.ts).
 * The job runs in-process.
 */
import {
  botComments,
  depsFor,
  OWNER,
  prCommentPayload,
  REPO,
  startJobWorld,
  triggerFor,
  type DepsOptions,
  type JobWorld,
} from '../../support/job-world.js'
import { pullRequest } from '../../support/fake-github/factories/pulls.js'
import { repository } from '../../support/fake-github/factories/common.js'
import type { JobOutcome } from '../../../src/jobs.js'
import { JOBS } from '../../../src/main.js'

export * from '../../support/job-world.js'

export type World = JobWorld

/** origin with main and the release lines 1.x and 2.x, all at one base commit holding app.txt. */
export async function createWorld(
  options: {
    files?: Record<string, string>
    productionClient?: boolean
    onRequest?: (route: string) => void
  } = {},
): Promise<World> {
  return startJobWorld({ ...options, lines: ['1.x', '2.x'] })
}

/** The files of the `n`th change: file<n>.txt. */
export const change = (n: number) => ({ [`file${n}.txt`]: `change ${n}\n` })

/** A `pull_request` webhook payload built from the fake server's current view of the PR. */
export function prPayload(
  world: World,
  number: number,
  action: 'closed' | 'labeled',
  label?: string,
): Record<string, unknown> {
  const { state } = world.server
  const record = state.pullRequest(number)
  if (!record) throw new Error(`no PR #${number}`)
  return {
    action,
    number,
    pull_request: pullRequest(state, record),
    ...(label ? { label: { name: label, color: 'ededed' } } : {}),
    repository: repository({ owner: OWNER, repo: REPO, defaultBranch: state.defaultBranch }),
    sender: { login: 'ada' },
  }
}

/** A comment on PR `number` (see prCommentPayload). */
export const commentPayload = prCommentPayload

/** Routes the event like main.ts and runs the backport job for it (fresh checkout unless `git`). */
export async function runEvent(
  world: World,
  name: string,
  payload: Record<string, unknown>,
  options: DepsOptions = {},
): Promise<JobOutcome> {
  const deps = await depsFor(world, { name, payload }, options)
  // Wired as main.ts wires it (the backport-requests hold included).
  return JOBS.backport(deps, triggerFor(name, payload, 'backport'))
}

/** Subjects on origin's `branch` above `base`, oldest first. */
export async function subjectsAbove(world: World, branch: string, base: string): Promise<string[]> {
  return world.fixture.origin.lines([
    'log',
    '--reverse',
    '--format=%s',
    `refs/heads/${base}..refs/heads/${branch}`,
  ])
}

export async function originBackportBranches(world: World): Promise<string[]> {
  return world.fixture.origin.lines([
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads/backport/',
  ])
}

/** Comments fixline wrote on PR `number`. */
export const fixlineComments = botComments
