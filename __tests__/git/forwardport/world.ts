/**
 * A forward-port scenario: origin with main and the release lines 1.x and 2.x at one base commit
 * (../../support/job-world.ts), PRs merged into an older line, and the job run in-process as
 * main.ts wires it.
 */
import {
  depsFor,
  prCommentPayload,
  startJobWorld,
  type DepsOptions,
  type JobWorld,
} from '../../support/job-world.js'
import type { MergeResult } from '../../support/git-fixture.js'
import type { JobOutcome } from '../../../src/jobs.js'
import { JOBS } from '../../../src/main.js'
import { routeEvent } from '../../../src/route.js'

export { botComments, closeWorld, type JobWorld as World } from '../../support/job-world.js'

export async function createWorld(): Promise<JobWorld> {
  return startJobWorld({ lines: ['1.x', '2.x'], files: { 'app.txt': 'one\ntwo\nthree\n' } })
}

/** Commits on a feature branch from `base`, opens PR `number` into it and squash-merges it; registers it on the fake server. */
export async function mergedInto(
  world: JobWorld,
  base: string,
  input: {
    number: number
    title: string
    files: Record<string, string>
    labels?: string[]
    /** A merge commit of one commit per file instead of a squash of one commit. */
    merge?: boolean
  },
): Promise<MergeResult> {
  const { fixture } = world
  const head = `feature-${input.number}`
  await fixture.branch(head, base)
  await fixture.checkout(head)
  if (input.merge)
    for (const [path, content] of Object.entries(input.files))
      await fixture.commit({ [path]: content }, `${input.title}: ${path}`)
  else await fixture.commit(input.files, input.title)
  await fixture.checkout('main')
  await fixture.openPr(input.number, head, base, { title: input.title })
  const result = input.merge
    ? await fixture.mergeCommit(input.number)
    : await fixture.mergeSquash(input.number)
  world.server.state.addPullRequest({
    number: input.number,
    title: input.title,
    user: 'ada',
    baseRef: base,
    headRef: head,
    headSha: result.headSha,
    merged: true,
    mergeCommitSha: result.mergeCommitSha,
    commits: Array.from({ length: result.commits }, (_, i) => ({
      sha: i === 0 ? result.headSha : `${i}`.padStart(40, '0'),
      message: input.title,
    })),
    labels: input.labels ?? [],
  })
  return result
}

/** Commits on `line` in the seed and pushes it; returns the commit. */
export async function commitOnLine(
  world: JobWorld,
  line: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const { fixture } = world
  await fixture.checkout(line)
  const sha = await fixture.commit(files, message)
  await fixture.push([line])
  await fixture.checkout('main')
  return sha
}

export const forwardCommentPayload = prCommentPayload

/** Routes the event like main.ts (with the config's route options) and runs the forward-port job. */
export async function runForwardPort(
  world: JobWorld,
  name: string,
  payload: Record<string, unknown>,
  options: DepsOptions = {},
): Promise<JobOutcome> {
  const deps = await depsFor(world, { name, payload }, options)
  const route = routeEvent(name, payload, {
    forwardPortOnRelease: deps.config.forwardport.onRelease,
  }).find((r) => r.job === 'forwardport')
  if (route?.job !== 'forwardport') throw new Error(`${name} routes to no forward-port job`)
  return JOBS.forwardport(deps, route.trigger)
}

/** PRs fixline opened (head forwardport/...). */
export function forwardPrs(world: JobWorld) {
  return world.server.state.pullRequests().filter((p) => p.pull.headRef.startsWith('forwardport/'))
}
