import { fakeSha } from '../ids.js'
import { simpleUser } from '../factories/common.js'
import { pullCommit, pullRequest, pullRequestSimple, review, team } from '../factories/pulls.js'
import type { PullRequestRecord } from '../records.js'
import type { FakeGitHubState } from '../state.js'
import { paginate } from './paginate.js'
import {
  ApiError,
  assertTitleLength,
  bodyOf,
  notFound,
  numberParam,
  validationFailed,
  type Handler,
  type HandlerContext,
} from './types.js'

/** GitHub's list-commits endpoint stops here; longer PRs need git. */
export const PULL_COMMITS_LIMIT = 250

export function findPull(ctx: HandlerContext): PullRequestRecord {
  const pr = ctx.state.pullRequest(numberParam(ctx, 'pull_number'))
  if (!pr) throw notFound()
  return pr
}

/** "owner:branch" or "branch" -> owner and branch. */
function splitHead(state: FakeGitHubState, head: string): { owner: string; ref: string } {
  const colon = head.indexOf(':')
  return colon < 0
    ? { owner: state.owner, ref: head }
    : { owner: head.slice(0, colon), ref: head.slice(colon + 1) }
}

async function branchSha(ctx: HandlerContext, ref: string): Promise<string | undefined> {
  const seeded = ctx.state.branches.get(ref)
  if (seeded) return seeded
  if (ctx.origin) return ctx.origin.branchSha(ref)
  return fakeSha(`branch:${ref}`)
}

const getPull: Handler = (ctx) => ({ status: 200, body: pullRequest(ctx.state, findPull(ctx)) })

/**
 * GitHub's order of a pull request list: `sort` created (the default; here by number, which
 * follows creation), updated or long-running; `direction` defaults to desc for created, else asc.
 */
function pullOrder(
  sort: unknown,
  direction: unknown,
): (a: PullRequestRecord, b: PullRequestRecord) => number {
  const by = sort === 'updated' ? 'updated' : sort === 'long-running' ? 'long-running' : 'created'
  const asc = direction === undefined ? by !== 'created' : direction === 'asc'
  const key = (pr: PullRequestRecord): number =>
    by === 'updated'
      ? Date.parse(pr.updatedAt)
      : by === 'long-running'
        ? -Date.parse(pr.createdAt)
        : pr.number
  return (a, b) => (asc ? 1 : -1) * (key(a) - key(b) || a.number - b.number)
}

const listPulls: Handler = (ctx) => {
  const { state } = ctx
  const wanted = String(ctx.query.state ?? 'open')
  const head = typeof ctx.query.head === 'string' ? splitHead(state, ctx.query.head) : undefined
  const base = typeof ctx.query.base === 'string' ? ctx.query.base : undefined
  const found = state
    .pullRequests()
    .filter((pr) => wanted === 'all' || pr.state === wanted)
    .filter(
      (pr) =>
        !head ||
        (pr.pull.headRef === head.ref &&
          pr.pull.headOwner.toLowerCase() === head.owner.toLowerCase()),
    )
    .filter((pr) => !base || pr.pull.baseRef === base)
    .sort(pullOrder(ctx.query.sort, ctx.query.direction))
  return paginate(
    ctx,
    found.map((pr) => pullRequestSimple(state, pr)),
  )
}

interface CreatePullBody {
  title: string
  head: string
  base: string
  body: string
  draft: boolean
  maintainer_can_modify: boolean
}

const createPull: Handler = async (ctx) => {
  const { state } = ctx
  const b = bodyOf<CreatePullBody>(ctx)
  if (!b.head || !b.base)
    throw validationFailed([
      { resource: 'PullRequest', field: b.head ? 'base' : 'head', code: 'missing_field' },
    ])
  if (!b.title)
    throw validationFailed([{ resource: 'PullRequest', field: 'title', code: 'missing_field' }])
  assertTitleLength(b.title)
  const head = splitHead(state, b.head)
  const headSha = await branchSha(ctx, head.ref)
  if (!headSha)
    throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }])
  const baseSha = await branchSha(ctx, b.base)
  if (!baseSha)
    throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }])
  const duplicate = state
    .pullRequests()
    .find((pr) => pr.state === 'open' && pr.pull.headRef === head.ref && pr.pull.baseRef === b.base)
  if (duplicate) {
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${head.owner}:${head.ref}.`,
      },
    ])
  }
  const commits =
    ctx.origin && !state.branches.has(head.ref)
      ? await ctx.origin.commitsBetween(baseSha, headSha)
      : [{ sha: headSha, message: b.title }]
  if (commits.length === 0) {
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${b.base} and ${head.ref}`,
      },
    ])
  }
  const pr = state.addPullRequest({
    title: b.title,
    body: b.body ?? null,
    user: ctx.actor,
    baseRef: b.base,
    headRef: head.ref,
    headSha,
    baseSha,
    commits,
    draft: b.draft ?? false,
  })
  pr.pull.headOwner = head.owner
  pr.pull.maintainerCanModify = b.maintainer_can_modify ?? false
  return { status: 201, body: pullRequest(state, pr) }
}

interface UpdatePullBody {
  title: string
  body: string
  state: 'open' | 'closed'
  base: string
  maintainer_can_modify: boolean
}

const updatePull: Handler = (ctx) => {
  const pr = findPull(ctx)
  const b = bodyOf<UpdatePullBody>(ctx)
  if (b.title !== undefined) {
    assertTitleLength(b.title)
    pr.title = b.title
  }
  if (b.body !== undefined) pr.body = b.body
  if (b.base !== undefined) pr.pull.baseRef = b.base
  if (b.maintainer_can_modify !== undefined) pr.pull.maintainerCanModify = b.maintainer_can_modify
  if (b.state !== undefined && b.state !== pr.state) {
    if (pr.pull.merged)
      throw validationFailed([
        {
          resource: 'PullRequest',
          field: 'state',
          code: 'invalid',
          message: 'Cannot change the state of a merged pull request',
        },
      ])
    pr.state = b.state
    pr.closedAt = b.state === 'closed' ? ctx.state.now() : null
  }
  pr.updatedAt = ctx.state.now()
  return { status: 200, body: pullRequest(ctx.state, pr) }
}

const listCommits: Handler = (ctx) => {
  const pr = findPull(ctx)
  const commits = pr.pull.commits.slice(0, PULL_COMMITS_LIMIT).map((c) => pullCommit(ctx.state, c))
  return paginate(ctx, commits)
}

/**
 * PUT /pulls/{n}/merge: marks the PR merged on the fake (origin's branches are not touched;
 * tests that need the merge in git use the git fixture's merge simulators).
 */
const mergePull: Handler = (ctx) => {
  const pr = findPull(ctx)
  const b = bodyOf<{ sha: string; merge_method: 'merge' | 'squash' | 'rebase' }>(ctx)
  if (pr.pull.merged || pr.state !== 'open')
    throw new ApiError(405, 'Pull Request is not mergeable')
  if (b.sha !== undefined && b.sha !== pr.pull.headSha)
    throw new ApiError(409, 'Head branch was modified. Review and try the merge again.')
  const sha = fakeSha(`merge:${pr.number}:${b.merge_method ?? 'merge'}`)
  ctx.state.mergePullRequest(pr.number, sha, ctx.actor)
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } }
}

const listReviews: Handler = (ctx) => {
  const pr = findPull(ctx)
  return paginate(
    ctx,
    ctx.state.reviews.filter((r) => r.pullNumber === pr.number).map((r) => review(ctx.state, r)),
  )
}

const listRequestedReviewers: Handler = (ctx) => {
  const pr = findPull(ctx)
  const users = pr.pull.requestedReviewers.map(simpleUser)
  const teams = pr.pull.requestedTeams.map((slug) => team(ctx.state.owner, slug))
  return { status: 200, body: { users, teams } }
}

const requestReviewers: Handler = (ctx) => {
  const pr = findPull(ctx)
  const b = bodyOf<{ reviewers: string[]; team_reviewers: string[] }>(ctx)
  for (const login of b.reviewers ?? []) {
    if (login.toLowerCase() === pr.user.toLowerCase())
      throw new ApiError(422, 'Review cannot be requested from pull request author.')
    if (ctx.state.permissionOf(login) === 'none')
      throw new ApiError(
        422,
        'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
          `${ctx.state.owner}/${ctx.state.repo} repository.`,
      )
    if (!pr.pull.requestedReviewers.includes(login)) pr.pull.requestedReviewers.push(login)
  }
  for (const slug of b.team_reviewers ?? [])
    if (!pr.pull.requestedTeams.includes(slug)) pr.pull.requestedTeams.push(slug)
  return { status: 201, body: pullRequestSimple(ctx.state, pr) }
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/update': updatePull,
  'pulls/list-commits': listCommits,
  'pulls/merge': mergePull,
  'pulls/list-reviews': listReviews,
  'pulls/list-requested-reviewers': listRequestedReviewers,
  'pulls/request-reviewers': requestReviewers,
}
