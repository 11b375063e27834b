import { getIssue, removeLabel, type IssueInfo } from '../github/issues.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { skipped } from '../jobs.js'
import type { RequestTrigger } from '../route.js'
import { checkReleaseManager, releaseManagerList, unreadableNote } from './managers.js'
import type { BackportFn } from './open.js'
import { handlePrCommand } from './pr-approval.js'
import { isRequestIssue, JOB, loadRequest, processRequest } from './process.js'
import { codeSpan, mention } from '../markdown/escape.js'
import { reply } from './replies.js'

/**
 * The approved label added to a request: an approval when the labeler is a release manager;
 * anyone else's label is removed again with an explanation.
 */
export async function handleLabeled(
  deps: JobDeps,
  trigger: Extract<RequestTrigger, { type: 'issue-labeled' }>,
  backport: BackportFn,
): Promise<JobOutcome> {
  const approved = deps.config.requests.labels.approved
  if (trigger.label !== approved)
    return skipped(JOB, `label "${trigger.label}" is not the approval label (${approved})`)
  if (trigger.user === deps.botLogin) return skipped(JOB, 'fixline added the approval label itself')
  const issue = await getIssue(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue)
  if (!isRequestIssue(deps, issue))
    return skipped(JOB, `#${trigger.issue} is not a backport request`)
  if (await isBotEcho(deps, trigger, issue))
    return skipped(
      JOB,
      `@${trigger.user} (a bot) labelled a request with nothing awaiting approval`,
    )
  const check = await checkReleaseManager(deps, trigger.user)
  if (!check.manager) {
    if (!deps.dryRun)
      await removeLabel(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue, approved)
    await reply(
      deps,
      trigger.issue,
      `label-${trigger.user}`,
      `${mention(trigger.user)}: only release managers can approve backport requests (${releaseManagerList(deps)}), so fixline removed the ${codeSpan(approved)} label. Nothing was opened.${unreadableNote(check)}`,
    )
    return {
      ...skipped(JOB, `@${trigger.user} is not a release manager: label removed`),
      conclusion: 'neutral',
    }
  }
  return processRequest(deps, trigger.issue, { kind: 'approve', by: trigger.user }, backport, issue)
}

/** `/approve` and `/reject <reason>` on a request issue (or on a PR with a held `/backport`). */
export async function handleCommand(
  deps: JobDeps,
  trigger: Extract<RequestTrigger, { type: 'command' }>,
  backport: BackportFn,
): Promise<JobOutcome> {
  const issue = await getIssue(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue)
  if (issue.isPullRequest)
    return handlePrCommand(
      deps,
      trigger.issue,
      {
        ...trigger,
        argument: trigger.command === 'reject' ? rejectReason(deps, trigger) : trigger.argument,
      },
      backport,
    )
  // An ordinary issue's `/approve` is not fixline's business: no membership call, no reply.
  if (!isRequestIssue(deps, issue))
    return skipped(JOB, `#${trigger.issue} is not a backport request`)
  const key = `comment-${trigger.commentId}`
  const check = await checkReleaseManager(deps, trigger.user)
  if (!check.manager) {
    await reply(
      deps,
      trigger.issue,
      key,
      `${mention(trigger.user)}: only release managers can \`/${trigger.command}\` backport requests (${releaseManagerList(deps)}). Nothing changed.${unreadableNote(check)}`,
    )
    return { ...skipped(JOB, `@${trigger.user} is not a release manager`), conclusion: 'neutral' }
  }
  if (trigger.command === 'reject')
    return processRequest(
      deps,
      trigger.issue,
      { kind: 'reject', by: trigger.user, reason: rejectReason(deps, trigger), replyKey: key },
      backport,
      issue,
    )
  return processRequest(
    deps,
    trigger.issue,
    { kind: 'approve', by: trigger.user, replyKey: key },
    backport,
    issue,
  )
}

/**
 * The reason as written: the rest of the comment after `/reject` (the router's argument has lost
 * its punctuation to argument splitting). Falls back to the argument.
 */
export function rejectReason(
  deps: JobDeps,
  trigger: Extract<RequestTrigger, { type: 'command' }>,
): string {
  const comment = deps.ctx.payload.comment as { id?: unknown; body?: unknown } | undefined
  if (comment?.id !== trigger.commentId || typeof comment.body !== 'string') return trigger.argument
  const text = comment.body.replace(/\r/g, '').trim()
  const match = /^\/reject\b[ \t]*([\s\S]*)$/.exec(text)
  const reason = (match?.[1] ?? '').trim()
  return reason.length > 0 ? reason.slice(0, 2000) : trigger.argument
}

/**
 * fixline adds the approved label itself on `/approve`; with a GitHub App token that label fires
 * another `labeled` event from the bot. A bot's label on a request with nothing awaiting approval
 * changes nothing, so it is neither an approval nor a label to remove.
 */
async function isBotEcho(
  deps: JobDeps,
  trigger: Extract<RequestTrigger, { type: 'issue-labeled' }>,
  issue: IssueInfo,
): Promise<boolean> {
  if (!trigger.user.endsWith('[bot]')) return false
  const loaded = await loadRequest(deps, trigger.issue, issue)
  return !loaded?.state?.targets.some((t) => t.approval === 'pending')
}
