/** `/hotfix` (or workflow_dispatch): cuts `hotfix/<release>` from what is deployed, and answers. */
import type { JobDeps, JobOutcome, TargetResult } from '../jobs.js'
import { collaboratorPermission, hasPermission } from '../github/permissions.js'
import {
  findMarkedComment,
  writeComment,
  type CommentIdentity,
  type IssueRef,
} from '../github/comments.js'
import { payloadDefaultBranch } from '../payload.js'
import { fitBody, COMMENT_LIMIT } from '../markdown/bound.js'
import type { HotfixTrigger } from '../route.js'
import {
  hotfixBranchName,
  isOpenHotfix,
  parseHotfixArgs,
  problemReply,
  refusedOpenReply,
  startedReply,
  type HotfixArgs,
  type HotfixBranchState,
} from './decide.js'
import { commitsSince, fetchHotfixState, hotfixBranchStates, remoteRef } from './git-ops.js'
import { createRemoteBranch } from './remote-branches.js'
import { findBase } from './find-base.js'
import { REMOTE, branchUrl, repoUrl } from './job-support.js'

type StartTrigger = Extract<HotfixTrigger, { type: 'command' | 'dispatch' }>

type Answer = (
  status: TargetResult['status'],
  target: string,
  body: string,
  extra?: Partial<TargetResult>,
) => Promise<JobOutcome>

function replyMarker(trigger: StartTrigger): string | undefined {
  return trigger.type === 'command'
    ? `<!-- fixline:reply hotfix-${trigger.commentId} -->`
    : undefined
}

/** Where a `/hotfix` comment is answered (none for workflow_dispatch). */
function replyIdentity(
  deps: JobDeps,
  trigger: StartTrigger,
): (IssueRef & CommentIdentity) | undefined {
  const { owner, repo } = deps.ctx
  const marker = replyMarker(trigger)
  return trigger.type === 'command' && marker
    ? {
        owner,
        repo,
        issue: trigger.issue,
        marker,
        author: deps.botLogin,
        warn: (m: string) => deps.log.warning(m),
      }
    : undefined
}

/** Answers the command (a reply comment, unless a dry run) and makes the job's outcome. */
function answerer(deps: JobDeps, identity: (IssueRef & CommentIdentity) | undefined): Answer {
  return async (status, target, body, extra = {}) => {
    if (identity && !deps.dryRun)
      await writeComment(deps.github, identity, undefined, fitBody(body, COMMENT_LIMIT - 200))
    const failed = status === 'failed'
    return {
      job: 'hotfix',
      results: [
        {
          target,
          status,
          message: body.split('\n')[0] ?? '',
          ...extra,
          ...(failed ? { error: body } : {}),
        },
      ],
      createdPullRequests: [],
      conclusion: failed ? 'failure' : status === 'skipped' ? 'neutral' : 'success',
      summary: `### fixline: hotfix\n\n${body}`,
    }
  }
}

export async function startHotfix(deps: JobDeps, trigger: StartTrigger): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const identity = replyIdentity(deps, trigger)
  const answer = answerer(deps, identity)

  // A re-delivered comment was already answered: do nothing twice.
  if (identity && (await findMarkedComment(deps.github, identity))) {
    deps.log.info(
      `/hotfix in comment ${trigger.type === 'command' ? trigger.commentId : ''} was already answered`,
    )
    return {
      job: 'hotfix',
      results: [],
      createdPullRequests: [],
      conclusion: 'skipped',
      summary: 'fixline (hotfix): already answered\n',
    }
  }

  if (trigger.type === 'command') {
    const permission = await collaboratorPermission(deps.github, owner, repo, trigger.user)
    if (!hasPermission(permission, 'write'))
      return answer(
        'skipped',
        '/hotfix',
        `\`/hotfix\`: @${trigger.user} needs write permission on this repository (has: ${permission}); nothing was done.\n`,
      )
  }
  const args = parseHotfixArgs(trigger.args)
  if ('problem' in args) return answer('skipped', '/hotfix', problemReply(args.problem))
  return cutHotfix(deps, args, answer)
}

/** Cuts the hotfix branch once the command is allowed and its arguments parsed. */
async function cutHotfix(deps: JobDeps, args: HotfixArgs, answer: Answer): Promise<JobOutcome> {
  const prefix = deps.config.hotfix.branchPrefix
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)

  // One at a time.
  const states = await hotfixBranchStates(
    deps.git,
    REMOTE,
    prefix,
    mainRef,
    deps.config.upgrade.bookkeeping,
  )
  const open = states.filter(isOpenHotfix)
  if (open.length > 0 && !args.force) return refuseOpen(deps, open, answer)

  const base = await findBase(deps, args.from, mainRef)
  if ('problem' in base) return answer('skipped', '/hotfix', base.problem)
  const branch = hotfixBranchName(prefix, base.name, base.sha)
  const created = await createRemoteBranchOrExplain(deps, prefix, branch, base.sha)
  if (created) return answer('failed', branch, problemReply(created))
  const notIncluded = await commitsSince(deps.git, base.sha, mainRef)
  const body = startedReply({
    branch,
    branchUrl: branchUrl(deps, branch),
    base,
    defaultBranch,
    notIncluded,
    serverRepoUrl: repoUrl(deps),
    forced: args.force && open.length > 0,
  })
  deps.log.info(`created ${branch} at ${base.sha} (${base.source})`)
  return answer('created', branch, body)
}

/** Refuses a second hotfix while others are open, listing them with their open PRs. */
async function refuseOpen(
  deps: JobDeps,
  open: readonly HotfixBranchState[],
  answer: Answer,
): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const withPulls = []
  for (const o of open) {
    const pulls = await deps.github.paginate(deps.github.rest.pulls.list, {
      owner,
      repo,
      base: o.branch,
      state: 'open',
      per_page: 100,
    })
    withPulls.push({
      branch: o.branch,
      url: branchUrl(deps, o.branch),
      pulls: pulls.map((p) => ({ number: p.number, url: p.html_url })),
    })
  }
  return answer(
    'skipped',
    open.map((o) => o.branch).join(', '),
    refusedOpenReply({ open: withPulls }),
  )
}

async function createRemoteBranchOrExplain(
  deps: JobDeps,
  prefix: string,
  branch: string,
  sha: string,
): Promise<string | undefined> {
  if (deps.dryRun) {
    deps.log.info(`dry run: would create ${branch} at ${sha}`)
    return undefined
  }
  try {
    const result = await createRemoteBranch(deps.git, REMOTE, prefix, branch, sha)
    if (result === 'taken')
      return `the branch ${branch} already exists at another commit: delete it or name another base`
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
