import { fullRepository, simpleUser } from '../factories/common.js'
import { branch, shortBranch, teamMembership } from '../factories/checks.js'
import { pullRequestSimple } from '../factories/pulls.js'
import type { Permission } from '../records.js'
import { paginate } from './paginate.js'
import { ApiError, notFound, stringParam, type Handler } from './types.js'

const ROLE: Record<Permission, { permission: string; role_name: string }> = {
  admin: { permission: 'admin', role_name: 'admin' },
  maintain: { permission: 'write', role_name: 'maintain' },
  write: { permission: 'write', role_name: 'write' },
  triage: { permission: 'read', role_name: 'triage' },
  read: { permission: 'read', role_name: 'read' },
  none: { permission: 'none', role_name: 'none' },
}

const getRepo: Handler = (ctx) => ({ status: 200, body: fullRepository(ctx.state) })

const getPermission: Handler = (ctx) => {
  const login = stringParam(ctx, 'username')
  const level = ctx.state.permissionOf(login)
  const { permission, role_name } = ROLE[level]
  return { status: 200, body: { permission, role_name, user: { ...simpleUser(login), role_name } } }
}

const getBranch: Handler = async (ctx) => {
  const name = stringParam(ctx, 'branch')
  const sha =
    ctx.state.branches.get(name) ?? (ctx.origin ? await ctx.origin.branchSha(name) : undefined)
  if (!sha) throw new ApiError(404, 'Branch not found')
  return { status: 200, body: branch(ctx.state, name, sha) }
}

/** Seeded branches over origin's (seeded ones win), sorted by name like GitHub. */
const listBranches: Handler = async (ctx) => {
  const all = ctx.origin ? await ctx.origin.listBranches() : new Map<string, string>()
  for (const [name, sha] of ctx.state.branches) all.set(name, sha)
  const names = [...all.keys()].sort()
  return paginate(
    ctx,
    names.map((name) => shortBranch(ctx.state, name, all.get(name) ?? '')),
  )
}

/** Pull requests whose head, commits or merge commit contain the sha. */
const pullsForCommit: Handler = (ctx) => {
  const sha = stringParam(ctx, 'commit_sha')
  const found = ctx.state
    .pullRequests()
    .filter(
      (pr) =>
        pr.pull.headSha === sha ||
        pr.pull.mergeCommitSha === sha ||
        pr.pull.commits.some((c) => c.sha === sha),
    )
    .sort((a, b) => b.number - a.number)
  return paginate(
    ctx,
    found.map((pr) => pullRequestSimple(ctx.state, pr)),
  )
}

const getTeamMembership: Handler = (ctx) => {
  const org = stringParam(ctx, 'org')
  const slug = stringParam(ctx, 'team_slug')
  const login = stringParam(ctx, 'username')
  if (!ctx.state.isTeamMember(org, slug, login)) throw notFound()
  return { status: 200, body: teamMembership(org, slug, login) }
}

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
  'repos/get-collaborator-permission-level': getPermission,
  'repos/get-branch': getBranch,
  'repos/list-branches': listBranches,
  'repos/list-pull-requests-associated-with-commit': pullsForCommit,
  'teams/get-membership-for-user-in-org': getTeamMembership,
}
