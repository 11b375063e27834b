/**
 * The hotfix runbook as a repository: X released as v1.0.0 and deployed, then two features merged
 * to main (not to ship yet). Real git origin, the fake GitHub serving it, deps as main.ts builds them.
 */
import {
  closeWorld,
  depsFor,
  mergedPr,
  OWNER,
  REPO,
  startJobWorld,
  type JobWorld,
} from '../../support/job-world.js'
import {
  issueCommentPayload,
  pullRequestOpenedPayload,
  workflowDispatchPayload,
} from '../../support/payloads.js'
import { routeEvent } from '../../../src/route.js'
import { runRoutes } from '../../../src/main.js'
import type { JobOutcome } from '../../../src/jobs.js'

export interface RunbookWorld extends JobWorld {
  /** X: the deployed commit, tagged v1.0.0. */
  x: string
  features: string[]
}

export async function runbookWorld(
  options: { deploy?: boolean; release?: boolean; tag?: boolean } = {},
): Promise<RunbookWorld> {
  const world = await startJobWorld({ lines: [] })
  const { fixture, server } = world
  const x = await fixture.seed.text(['rev-parse', 'HEAD'])
  if (options.tag !== false) {
    await fixture.seed.run(['tag', '-a', '-m', 'v1.0.0', 'v1.0.0', x])
    await fixture.push(['refs/tags/v1.0.0'])
  }
  const f1 = await mergedPr(world, {
    number: 11,
    title: 'Feature 1',
    commits: [{ 'one.txt': '1\n' }],
    method: 'merge',
  })
  const f2 = await mergedPr(world, {
    number: 12,
    title: 'Feature 2',
    commits: [{ 'two.txt': '2\n' }],
    method: 'squash',
  })
  if (options.deploy !== false)
    server.state.addDeployment({
      sha: x,
      ref: 'v1.0.0',
      environment: 'production',
      statuses: [{ state: 'in_progress' }, { state: 'success' }],
    })
  if (options.release)
    server.state.addRelease({
      tag: 'v1.0.0',
      targetCommitish: 'main',
      publishedAt: '2026-01-05T00:00:00Z',
    })
  server.state.addIssue({ number: 1, title: 'Checkout is down in production' })
  for (const login of ['ada', 'rita']) server.state.setPermission(login, 'write')
  server.state.setPermission('reader', 'read')
  return { ...world, x, features: [f1.mergeCommitSha, f2.mergeCommitSha] }
}

let commentIds = 5000

/** `/hotfix ...` commented on issue 1 by `user`, run as main.ts runs it. */
export async function commentHotfix(
  world: JobWorld,
  body: string,
  user = 'ada',
  options: { commentId?: number; config?: string } = {},
): Promise<{ outcomes: JobOutcome[]; commentId: number }> {
  const commentId = options.commentId ?? ++commentIds
  const payload = issueCommentPayload({
    issueNumber: 1,
    isPullRequest: false,
    user,
    body,
    commentId,
  }) as unknown as Record<string, unknown>
  const deps = await depsFor(
    world,
    { name: 'issue_comment', payload },
    options.config !== undefined ? { config: options.config } : {},
  )
  const outcomes = await runRoutes(deps, routeEvent('issue_comment', payload))
  return { outcomes, commentId }
}

export async function dispatchHotfix(world: JobWorld, hotfix: string): Promise<JobOutcome[]> {
  const payload = workflowDispatchPayload({ hotfix }) as unknown as Record<string, unknown>
  const deps = await depsFor(world, { name: 'workflow_dispatch', payload })
  return runRoutes(deps, routeEvent('workflow_dispatch', payload))
}

export async function originBranches(world: JobWorld, prefix = 'hotfix/'): Promise<string[]> {
  // for-each-ref matches whole path components: list every branch, then filter by the prefix.
  const lines = await world.fixture.origin.lines([
    'for-each-ref',
    '--format=%(refname:strip=2)',
    'refs/heads/',
  ])
  return lines.filter((l) => l.startsWith(prefix))
}

export { closeWorld, OWNER, REPO }

/**
 * A fix PR into `base` (a hotfix branch on origin): a branch from it with one commit per entry
 * (or, with `mergeMain`, the default branch merged in first), pushed with refs/pull/<n>/head.
 */
export async function hotfixPr(
  world: JobWorld,
  input: {
    number: number
    base: string
    commits: Array<Record<string, string>>
    mergeMain?: boolean
    title?: string
  },
): Promise<{ headSha: string; head: string }> {
  const { fixture } = world
  const head = `fix-${input.number}`
  await fixture.seed.run([
    'fetch',
    '--quiet',
    'origin',
    `+refs/heads/${input.base}:refs/heads/${input.base}`,
  ])
  await fixture.branch(head, input.base)
  await fixture.checkout(head)
  if (input.mergeMain) await fixture.seed.run(['merge', '--no-edit', '--no-ff', 'main'])
  for (const [i, files] of input.commits.entries())
    await fixture.commit(files, `${input.title ?? 'Hotfix'}: part ${i + 1}`)
  await fixture.checkout('main')
  const { headSha } = await fixture.openPr(input.number, head, input.base, {
    title: input.title ?? 'Hotfix',
  })
  world.server.state.addPullRequest({
    number: input.number,
    title: input.title ?? 'Hotfix',
    user: 'ada',
    baseRef: input.base,
    headRef: head,
    headSha,
    merged: false,
    labels: [],
  })
  return { headSha, head }
}

/** Runs a pull_request event for PR `number` into `base` as main.ts does. */
export async function runPrEvent(
  world: JobWorld,
  input: {
    number: number
    base: string
    headSha: string
    head: string
    action?: 'opened' | 'synchronize'
  },
): Promise<JobOutcome[]> {
  const payload = pullRequestOpenedPayload({
    number: input.number,
    baseRef: input.base,
    headRef: input.head,
    headSha: input.headSha,
    action: input.action ?? 'opened',
  }) as unknown as Record<string, unknown>
  const deps = await depsFor(world, { name: 'pull_request_target', payload })
  return runRoutes(
    deps,
    routeEvent('pull_request_target', payload).filter((r) => r.job === 'hotfix'),
  )
}

/** Merges fix PR `head` into the hotfix branch `base` on origin (fast-forward) and marks it merged. */
export async function mergeHotfixPr(
  world: JobWorld,
  input: { number: number; base: string; head: string },
): Promise<string> {
  const { fixture } = world
  await fixture.checkout(input.base)
  await fixture.seed.run(['merge', '--ff-only', input.head])
  await fixture.checkout('main')
  await fixture.push([`refs/heads/${input.base}`])
  const sha = await fixture.seed.text(['rev-parse', input.base])
  world.server.state.mergePullRequest(input.number, sha)
  return sha
}

/** Tags `sha` as `tag` on origin. */
export async function pushTag(world: JobWorld, tag: string, sha: string): Promise<void> {
  await world.fixture.seed.run(['tag', '-a', '-m', tag, tag, sha])
  await world.fixture.push([`refs/tags/${tag}`])
}

/** Runs an event (release, deployment_status, pull_request) and keeps the hotfix job's outcomes. */
export async function runHotfixEvent(
  world: JobWorld,
  name: string,
  payload: Record<string, unknown>,
  config?: string,
): Promise<JobOutcome[]> {
  const deps = await depsFor(world, { name, payload }, config !== undefined ? { config } : {})
  return runRoutes(
    deps,
    routeEvent(name, payload).filter((r) => r.job === 'hotfix'),
  )
}
