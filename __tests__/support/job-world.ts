/**
 * What every in-process job scenario shares: a real git fixture (bare origin + seed clone) with
 * release lines, the fake GitHub API serving that origin, merged PRs seeded on both, and JobDeps
 * built the way src/main.ts builds them. The backport and request worlds are thin layers on this.
 */
import { expect } from 'vitest'
import { createFixture, type Fixture, type MergeResult } from './git-fixture.js'
import { startFakeGitHub, type FakeGitHub } from './fake-github/index.js'
import { createTestGitHub } from './fake-github/client.js'
import { repository } from './fake-github/factories/common.js'
import { parseConfig } from '../../src/config/load.js'
import type { Git } from '../../src/git/git.js'
import { createGitHub, type GitHub } from '../../src/github/client.js'
import type { JobDeps } from '../../src/jobs.js'
import { memoryLogger } from '../../src/log.js'
import { routeEvent, type Route } from '../../src/route.js'

export const OWNER = 'acme'
export const REPO = 'widgets'
export const BOT_LOGIN = 'github-actions[bot]'

export interface JobWorld {
  fixture: Fixture
  server: FakeGitHub
  github: GitHub
  /** Lines the job logged. */
  log: string[]
  cleanup(): Promise<void>
}

export interface JobWorldOptions {
  /** Release lines branched from main at the base commit and pushed with it. */
  lines: string[]
  /** Files of the base commit. */
  files?: Record<string, string>
  /** Use the production client (createGitHub) instead of the test client. */
  productionClient?: boolean
  onRequest?: (route: string) => void
}

/** origin with main and `lines`, all at one base commit; the fake API acts as BOT_LOGIN. */
export async function startJobWorld(options: JobWorldOptions): Promise<JobWorld> {
  const fixture = await createFixture()
  await fixture.commit(options.files ?? { 'app.txt': 'one\ntwo\nthree\n' }, 'Initial commit')
  for (const line of options.lines) await fixture.branch(line)
  await fixture.push(['main', ...options.lines])
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

/** Teardown: the fake API saw no request it could not answer, then the world is removed. */
export async function closeWorld(world: JobWorld): Promise<void> {
  expect(world.server.problems()).toEqual([])
  await world.cleanup()
}

export type MergeMethod = 'squash' | 'rebase' | 'merge'

export interface MergedPrInput {
  number: number
  title: string
  /** One commit per entry on the feature branch (a null content deletes the file). */
  commits: Array<Record<string, string | null>>
  method: MergeMethod
  /** Commit subjects; default `<title>: part <n>`. */
  subjects?: string[]
  labels?: string[]
  assignees?: string[]
}

/**
 * Commits on a feature branch from main, opens PR `number` and merges it the GitHub way; registers
 * the merged PR on the fake server with its labels. Returns the merge result.
 */
export async function mergedPr(world: JobWorld, input: MergedPrInput): Promise<MergeResult> {
  const { fixture } = world
  const head = `feature-${input.number}`
  await fixture.branch(head, 'main')
  await fixture.checkout(head)
  for (const [i, files] of input.commits.entries())
    await fixture.commit(files, input.subjects?.[i] ?? `${input.title}: part ${i + 1}`)
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
  world: JobWorld,
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

export interface DepsOptions {
  /** fixline.yml text; default: no config file. */
  config?: string
  dryRun?: boolean
  /** The checkout; default: a fresh fetch-depth 1 checkout of main. */
  git?: Git
}

/** Deps as main.ts builds them. */
export async function depsFor(
  world: JobWorld,
  event: { name: string; payload: Record<string, unknown> },
  options: DepsOptions = {},
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

type JobRoute = Exclude<Route, { job: 'none' }>
type Triggers = { [R in JobRoute as R['job']]: R['trigger'] }

/** Routes the event like main.ts and returns the trigger of its first route to `job`. */
export function triggerFor<J extends keyof Triggers>(
  name: string,
  payload: Record<string, unknown>,
  job: J,
): Triggers[J] {
  const routes = routeEvent(name, payload)
  const route = routes.find((r) => r.job === job)
  if (!route || route.job === 'none')
    throw new Error(`the event routes to no ${job} job: ${JSON.stringify(routes)}`)
  return route.trigger as Triggers[J]
}

/** PRs fixline opened (head backport/...). */
export function backportPrs(world: JobWorld) {
  return world.server.state.pullRequests().filter((p) => p.pull.headRef.startsWith('backport/'))
}

/** Comments fixline (BOT_LOGIN) wrote on issue or PR `number`. */
export function botComments(world: JobWorld, number: number) {
  return world.server.state.comments(number).filter((c) => c.user === BOT_LOGIN)
}

/** An `issue_comment created` payload for `body` by `user` on PR `number` (the comment is added to the server). */
export function prCommentPayload(
  world: JobWorld,
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
