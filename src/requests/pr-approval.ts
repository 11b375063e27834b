import { labelForTarget, type TriggerPlan } from '../backport/index.js'
import { findMarkedComment, writeComment } from '../github/comments.js'
import { addLabels } from '../github/labels.js'
import { getPullRaw } from '../github/pulls.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { commentIdentity, skipped } from '../jobs.js'
import { discoverLines, payloadDefaultBranch } from './lines.js'
import { checkReleaseManager, releaseManagerList, unreadableNote } from './managers.js'
import { openBackports, type BackportFn } from './open.js'
import { maintainedLines, targetsNeedingApproval } from './policy.js'
import { JOB, lineList, outcomeOf } from './process.js'
import { boundList, COMMENT_LIMIT, fitBody } from '../markdown/bound.js'
import { codeSpan, mention, prose, proseCell } from '../markdown/escape.js'
import { reply } from './replies.js'
import { approvePending, decodeState, encodeState, rejectPending } from './state.js'
import type { RequestState, TrackedTarget } from './types.js'

/**
 * `/backport <line>` on a PR for a line outside the maintenance window: instead of a backport, the
 * PR gets an "awaiting approval" comment (hidden marker + state); a release manager answers with
 * `/approve` or `/reject <reason>` on the PR (or runs `/backport <line>` themselves).
 */

export const PR_APPROVAL_MARKER = '<!-- fixline:backport-approval -->'

/**
 * The hook for the `/backport` comment trigger: which of `targets` must wait for a release
 * manager. Lists the lines (one ls-remote) only when approval can be needed. Returns [] when the
 * commenter is a release manager, when every target is inside the window, or when
 * `requests.approval` is `never`.
 */
export async function divertOutsideWindow(
  deps: JobDeps,
  pr: number,
  targets: readonly string[],
  user: string,
): Promise<string[]> {
  if (targets.length === 0 || deps.config.requests.approval === 'never') return []
  const lines = await discoverLines(deps.git, deps.config, payloadDefaultBranch(deps.ctx.payload))
  const outside = targetsNeedingApproval(targets, lines, deps.config).filter((t) =>
    lines.some((l) => l.branch === t),
  )
  if (outside.length === 0) return []
  return requestApprovalForPr(deps, pr, outside, user, maintainedLines(lines, deps.config))
}

/**
 * The hook in the `/backport` comment trigger: the plan without the lines that now wait for a
 * release manager (a skip when none is left). Plans of other kinds pass through unchanged.
 */
export async function holdForApproval(
  deps: JobDeps,
  pr: number,
  user: string,
  plan: TriggerPlan,
): Promise<TriggerPlan> {
  if (plan.action === 'skip') return plan
  const targets =
    plan.action === 'backport'
      ? plan.targets.map((t) => t.target)
      : plan.labels.map((l) => l.target)
  const held = await divertOutsideWindow(deps, pr, targets, user)
  if (held.length === 0) return plan
  const reason = `${held.join(', ')} outside the maintenance window: awaiting a release manager's /approve`
  if (plan.action === 'backport') {
    const left = plan.targets.filter((t) => !held.includes(t.target))
    if (left.length === 0 && plan.rejected.length === 0)
      return { action: 'skip', reason, tell: false, failed: false }
    return { ...plan, targets: left }
  }
  const left = plan.labels.filter((l) => !held.includes(l.target))
  if (left.length === 0 && plan.rejected.length === 0)
    return { action: 'skip', reason, tell: false, failed: false }
  return { ...plan, labels: left }
}

/**
 * Puts `targets` (outside the window) of PR `pr` into "awaiting approval", unless `user` is a release
 * manager (whose `/backport` is the approval) or a release manager already approved them. Returns the
 * targets held back.
 */
export async function requestApprovalForPr(
  deps: JobDeps,
  pr: number,
  targets: readonly string[],
  user: string,
  maintained: string[] = [],
): Promise<string[]> {
  const check = await checkReleaseManager(deps, user)
  if (check.manager) {
    deps.log.info(
      `@${user} is a release manager (${check.reason}): backporting ${targets.join(', ')} without a request`,
    )
    return []
  }
  const found = await findApprovalComment(deps, pr)
  const state: RequestState = decodeState(found?.body) ?? { v: 1, source: pr, targets: [] }
  const held: string[] = []
  for (const target of targets) {
    const existing = state.targets.find((t) => t.target === target)
    if (existing?.approval === 'approved') continue
    if (existing) existing.approval = 'pending'
    else state.targets.push({ target, classification: 'exception', approval: 'pending' })
    held.push(target)
  }
  if (held.length > 0) {
    delete state.rejected
    deps.log.info(
      `#${pr}: ${held.join(', ')} outside the maintenance window: awaiting a release manager`,
    )
    if (!deps.dryRun)
      await writeComment(
        deps.github,
        {
          owner: deps.ctx.owner,
          repo: deps.ctx.repo,
          issue: pr,
          ...commentIdentity(deps, PR_APPROVAL_MARKER),
        },
        found,
        renderPrApproval(deps, pr, state, user, maintained),
      )
  }
  return held
}

/** A release manager's `/approve` or `/reject <reason>` on a pull request. */
export interface PrCommand {
  user: string
  command: 'approve' | 'reject'
  argument: string
  commentId: number
}

/** What an answer on a PR works on: the held lines and fixline's approval comment there. */
interface HeldApproval {
  pr: number
  state: RequestState
  found: { id: number; body: string } | undefined
  /** The reply's key: one reply per command comment, however often the event is delivered. */
  key: string
}

/** `/approve` or `/reject` on a pull request: the release manager's answer to a held `/backport`. */
export async function handlePrCommand(
  deps: JobDeps,
  pr: number,
  command: PrCommand,
  backport: BackportFn,
): Promise<JobOutcome> {
  const found = await findApprovalComment(deps, pr)
  const state = decodeState(found?.body)
  // `/approve` on a PR that fixline holds nothing for is someone else's command (review bots use it too): stay quiet.
  if (!state || !state.targets.some((t) => t.approval === 'pending' || t.approval === 'rejected'))
    return skipped(JOB, `no backport of #${pr} is awaiting approval`)
  const held: HeldApproval = { pr, state, found, key: `comment-${command.commentId}` }
  const check = await checkReleaseManager(deps, command.user)
  if (!check.manager) {
    await reply(
      deps,
      pr,
      held.key,
      `${mention(command.user)}: only release managers can \`/${command.command}\` (${releaseManagerList(deps)}). Nothing changed.${unreadableNote(check)}`,
    )
    return { ...outcomeOf(pr, state, []), conclusion: 'neutral' }
  }
  state.source = pr
  return command.command === 'reject'
    ? rejectOnPr(deps, held, command)
    : approveOnPr(deps, held, command, backport)
}

async function rejectOnPr(
  deps: JobDeps,
  held: HeldApproval,
  command: PrCommand,
): Promise<JobOutcome> {
  rejectPending(held.state, command.user, command.argument)
  await reply(
    deps,
    held.pr,
    held.key,
    `Rejected by ${mention(command.user)}: ${prose(command.argument) || '(no reason given)'}`,
  )
  await updateApprovalComment(deps, held)
  return outcomeOf(held.pr, held.state, [])
}

/** Opens the approved backports of a merged PR, or labels an open one so that its merge opens them. */
async function approveOnPr(
  deps: JobDeps,
  held: HeldApproval,
  command: PrCommand,
  backport: BackportFn,
): Promise<JobOutcome> {
  const { pr, state } = held
  const approved = approvePending(state, command.user)
  const raw = await getPullRaw(deps.github, deps.ctx.owner, deps.ctx.repo, pr)
  const merged = raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '')
  const created = merged
    ? await openBackports(deps, backport, state, approved, undefined)
    : await labelForMerge(deps, pr, approved)
  await updateApprovalComment(deps, held)
  const what = merged
    ? created.length
      ? `opened ${created.map((c) => `#${c.number}`).join(', ')}`
      : 'see the table below'
    : 'labelled: the backports run when the PR is merged'
  await reply(
    deps,
    pr,
    held.key,
    `Approved by ${mention(command.user)} (${lineList(approved)}): ${what}.`,
  )
  return outcomeOf(pr, state, created)
}

async function updateApprovalComment(deps: JobDeps, held: HeldApproval): Promise<void> {
  if (deps.dryRun) return
  await writeComment(
    deps.github,
    {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      issue: held.pr,
      ...commentIdentity(deps, PR_APPROVAL_MARKER),
    },
    held.found,
    renderPrApproval(deps, held.pr, held.state, undefined, []),
  )
}

/** The PR is still open: label it so that its merge backports the approved lines. */
async function labelForMerge(deps: JobDeps, pr: number, targets: readonly string[]): Promise<[]> {
  const labels = targets.flatMap((t) => labelForTarget(t, deps.config.backport.labels) ?? [])
  if (!deps.dryRun) await addLabels(deps.github, deps.ctx.owner, deps.ctx.repo, pr, labels)
  return []
}

async function findApprovalComment(
  deps: JobDeps,
  pr: number,
): Promise<{ id: number; body: string } | undefined> {
  return findMarkedComment(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue: pr,
    ...commentIdentity(deps, PR_APPROVAL_MARKER),
  })
}

/** Lines shown in the approval comment's table. */
const MAX_ROWS = 100

/** The approval comment on a PR: who asked, the held lines, the decision, the hidden state (pure). */
export function renderPrApproval(
  deps: Pick<JobDeps, 'config'>,
  pr: number,
  state: RequestState,
  user: string | undefined,
  maintained: string[],
): string {
  const rows = boundList(state.targets, MAX_ROWS, ' lines (the job summary lists them all)')
  const asked = user ? `${mention(user)} asked for ` : ''
  const window = maintained.length ? ` (maintained: ${lineList(maintained)})` : ''
  return fitBody(
    [
      PR_APPROVAL_MARKER,
      `### Backport of #${pr}: approval needed`,
      '',
      `${asked}backports to lines outside the maintenance window${window}. These are exceptions: a release manager decides (${releaseManagerList(deps)}) by commenting \`/approve\` or \`/reject <reason>\` here.`,
      '',
      '| Line | Approval | Backport |',
      '| --- | --- | --- |',
      ...rows.shown.map(approvalRow),
      '',
      ...(rows.more ? [rows.more, ''] : []),
      ...(state.rejected
        ? [
            `Rejected by ${mention(state.rejected.by)}: ${prose(state.rejected.reason, 1_000) || '(no reason given)'}`,
            '',
          ]
        : []),
      encodeState(state),
    ].join('\n'),
    COMMENT_LIMIT,
  )
}

function approvalRow(t: TrackedTarget): string {
  const status = t.pr
    ? `#${t.pr.number} (${t.pr.state})`
    : t.status
      ? `${t.status}${t.message ? `: ${proseCell(t.message)}` : ''}`
      : '-'
  const approval =
    t.approval === 'approved'
      ? `approved by ${t.approvedBy ? mention(t.approvedBy) : '?'}`
      : t.approval === 'pending'
        ? 'awaiting a release manager'
        : t.approval
  return `| ${codeSpan(t.target, 200)} | ${approval} | ${status} |`
}
