/**
 * A backport scenario: real git (bare origin + a fetch-depth 1 checkout like actions/checkout),
 * the fake GitHub API holding the PRs, and JobDeps pointing at both. The job runs in-process.
 */
import { createFixture, type Fixture, type MergeResult } from '../../support/git-fixture.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { createTestGitHub } from '../../support/fake-github/client.js'
import { pullRequest } from '../../support/fake-github/factories/pulls.js'
import { repository } from '../../support/fake-github/factories/common.js'
import { parseConfig } from '../../../src/config/load.js'
import type { Git } from '../../../src/git/git.js'
import { createGitHub, type GitHub } from '../../../src/github/client.js'
import type { JobDeps, JobOutcome } from '../../../src/jobs.js'
import { memoryLogger } from '../../../src/log.js'
import { routeEvent } from '../../../src/route.js'
import { runBackportJob } from '../../../src/backport/job.js'

export const OWNER = 'acme'
export const REPO = 'widgets'
export const BOT_LOGIN = 'github-actions[bot]'

export interface World {
  fixture: Fixture
  server: FakeGitHub
  github: GitHub
  /** Lines the job logged. */
  log: string[]
  cleanup(): Promise<void>
}

/** origin with main and the release lines 1.x and 2.x, all at one base commit holding app.txt. */
export async function createWorld(
  options: {
    files?: Record<string, string>
    productionClient?: boolean
    onRequest?: (route: string) => void
  } = {},
): Promise<World> {
  const files = options.files ?? { 'app.txt': 'one\ntwo\nthree\n' }
  const fixture = await createFixture()
  await fixture.commit(files, 'Initial commit')
  await fixture.branch('1.x')
  await fixture.branch('2.x')
  await fixture.push(['main', '1.x', '2.x'])
  const server = await startFakeGitHub({ owner: OWNER, repo: REPO, originPath: fixture.originDir })
  server.state.actor = BOT_LOGIN
  return {
    fixture,
    server,
    // The test client leaves out only the throttling plugin; the squash scenario, the e2e runs
    // and the benchmark use the production client (createGitHub).
    github: options.productionClient
      ? createGitHub({
          token: 'test-token',
          baseUrl: server.url,
          retries: 0,
          ...(options.onRequest ? { onRequest: options.onRequest } : {}),
        })
      : createTestGitHub(server.url),
    log: [],
    async cleanup() {
      await server.close()
      await fixture.cleanup()
    },
  }
}

export type MergeMethod = 'squash' | 'rebase' | 'merge'

/**
 * Commits on a feature branch from main, opens PR `number` and merges it the GitHub way; registers
 * the merged PR on the fake server with its labels. Returns the merge result.
 */
export async function mergedPr(
  world: World,
  input: {
    number: number
    title: string
    commits: Array<Record<string, string | null>>
    method: MergeMethod
    labels?: string[]
    assignees?: string[]
  },
): Promise<MergeResult> {
  const { fixture } = world
  const head = `feature-${input.number}`
  await fixture.branch(head, 'main')
  await fixture.checkout(head)
  for (const [i, files] of input.commits.entries())
    await fixture.commit(files, `${input.title}: part ${i + 1}`)
  await fixture.checkout('main')
  await fixture.openPr(input.number, head, 'main', { title: input.title })
  const merge =
    input.method === 'squash'
      ? fixture.mergeSquash
      : input.method === 'rebase'
        ? fixture.mergeRebase
        : fixture.mergeCommit
  const result = await merge(input.number)
  registerPr(world, { ...input, head, result })
  return result
}

export function registerPr(
  world: World,
  input: {
    number: number
    title: string
    head: string
    result: MergeResult
    labels?: string[]
    assignees?: string[]
  },
): void {
  world.server.state.addPullRequest({
    number: input.number,
    title: input.title,
    user: 'ada',
    baseRef: 'main',
    headRef: input.head,
    headSha: input.result.headSha,
    merged: true,
    mergeCommitSha: input.result.mergeCommitSha,
    commits: Array.from({ length: input.result.commits }, (_, i) => ({
      sha: i === 0 ? input.result.headSha : `${i}`.padStart(40, '0'),
      message: input.title,
    })),
    labels: input.labels ?? [],
    ...(input.assignees ? { assignees: input.assignees } : {}),
  })
}

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

export function commentPayload(
  world: World,
  number: number,
  user: string,
  body: string,
): Record<string, unknown> {
  const comment = world.server.state.addComment(number, user, body)
  return {
    action: 'created',
    issue: {
      number,
      pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}` },
    },
    comment: { id: comment.id, body, user: { login: user } },
    repository: repository({
      owner: OWNER,
      repo: REPO,
      defaultBranch: world.server.state.defaultBranch,
    }),
  }
}

/** Deps as main.ts builds them, on a fresh fetch-depth 1 checkout of main. */
export async function depsFor(
  world: World,
  event: { name: string; payload: Record<string, unknown> },
  options: { config?: string; dryRun?: boolean; git?: Git } = {},
): Promise<JobDeps> {
  const git = options.git ?? (await world.fixture.checkoutClone({ depth: 1 }))
  return {
    config: parseConfig(options.config),
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
    dryRun: options.dryRun ?? false,
    log: memoryLogger(world.log),
    botLogin: BOT_LOGIN,
  }
}

/** Routes the event like main.ts and runs the backport job for it. */
export async function runEvent(
  world: World,
  name: string,
  payload: Record<string, unknown>,
  options: { config?: string; dryRun?: boolean; git?: Git } = {},
): Promise<JobOutcome> {
  const deps = await depsFor(world, { name, payload }, options)
  const routes = routeEvent(name, payload).filter((r) => r.job === 'backport')
  const route = routes[0]
  if (!route || route.job !== 'backport')
    throw new Error(`the event routes to no backport: ${JSON.stringify(routeEvent(name, payload))}`)
  return runBackportJob(deps, route.trigger)
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

/** PRs fixline opened (head backport/...). */
export function backportPrs(world: World) {
  return world.server.state.pullRequests().filter((p) => p.pull.headRef.startsWith('backport/'))
}

export function fixlineComments(world: World, number: number) {
  return world.server.state.comments(number).filter((c) => c.user === BOT_LOGIN)
}
