import { closeIssue, getIssue, reopenIssue, type IssueInfo } from '../github/issues.js'
import { findMarkedComment, writeComment } from '../github/comments.js'
import type { CreatedPullRequest, JobDeps, JobOutcome } from '../jobs.js'
import { commentIdentity, skipped } from '../jobs.js'
import { classifyTargets, planLabels } from './classify.js'
import { looksLikeRequestForm, parseRequestForm } from './form.js'
import { openBackports, resultsOf, type BackportFn } from './open.js'
import { maintainedLines } from './policy.js'
import { boundList } from '../markdown/bound.js'
import { codeSpan, mention, prose, proseCell } from '../markdown/escape.js'
import { renderPlan } from './render.js'
import { reply, syncLabels } from './replies.js'
import {
  approvePending,
  decodeState,
  isComplete,
  mergeState,
  PLAN_MARKER,
  rejectPending,
  targetsToOpen,
} from './state.js'
import type { BackportRequest, RequestState } from './types.js'
import { checkRequest } from './validate.js'

/** What brought fixline to the request: the issue itself, or a release manager's decision. */
export type RequestAction =
  | { kind: 'event' }
  | { kind: 'approve'; by: string; replyKey?: string }
  | { kind: 'reject'; by: string; reason: string; replyKey: string }

export interface LoadedRequest {
  issue: IssueInfo
  comment: { id: number; body: string } | undefined
  state: RequestState | undefined
}

export const JOB = 'requests'

/** The request issue and fixline's plan comment on it; undefined when the issue is not a request. */
export async function loadRequest(
  deps: JobDeps,
  number: number,
  preloaded?: IssueInfo,
): Promise<LoadedRequest | undefined> {
  const issue = preloaded ?? (await getIssue(deps.github, deps.ctx.owner, deps.ctx.repo, number))
  if (!isRequestIssue(deps, issue)) return undefined
  const comment = await findMarkedComment(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue: number,
    ...commentIdentity(deps, PLAN_MARKER),
  })
  return { issue, comment, state: decodeState(comment?.body) }
}

/** An issue (not a PR) with the request label, or whose body has the form's headings. */
export function isRequestIssue(deps: Pick<JobDeps, 'config'>, issue: IssueInfo): boolean {
  if (issue.isPullRequest) return false
  return (
    issue.labels.includes(deps.config.requests.labels.request) || looksLikeRequestForm(issue.body)
  )
}

/**
 * Reads the request, checks it, classifies each target, records a release manager's decision,
 * opens what may be opened, labels the issue and upserts the plan comment. Safe to run twice.
 */
export async function processRequest(
  deps: JobDeps,
  number: number,
  action: RequestAction,
  backport: BackportFn,
  preloaded?: IssueInfo,
): Promise<JobOutcome> {
  const loaded = await loadRequest(deps, number, preloaded)
  if (!loaded)
    return skipped(
      JOB,
      `#${number} is not a backport request (no ${deps.config.requests.labels.request} label, not the request form)`,
    )
  if (action.kind === 'reject') return reject(deps, loaded, action)
  if (loaded.issue.state === 'closed' && action.kind === 'event')
    return skipped(JOB, `#${number} is closed: edit ignored (reopen it to act on it again)`)
  const parsed = parseRequestForm(loaded.issue.body, { owner: deps.ctx.owner, repo: deps.ctx.repo })
  const checked = parsed.ok ? await checkRequest(deps, parsed.request, loaded.state) : undefined
  const problems = parsed.ok ? (checked?.problems ?? []) : parsed.problems
  const maintained = maintainedLines(checked?.lines ?? [], deps.config)
  if (!parsed.ok || !checked || checked.pr === undefined || problems.length > 0)
    return cannotProceed(deps, loaded, action, problems, maintained)
  const request = parsed.request
  const plans = classifyTargets(request.targets, checked.lines, request, deps.config)
  const state = mergeState(loaded.state, checked.pr, plans)
  const notes = action.kind === 'approve' ? [recordApproval(state, action.by)] : []
  return advance(deps, loaded, state, { request, maintained, notes, backport, action })
}

/**
 * The request cannot proceed (unreadable form, unmerged or missing PR, unknown line...): the plan
 * comment lists every problem, nothing is opened. An approval given meanwhile is not recorded, and
 * its label is taken off so that it cannot mislead.
 */
async function cannotProceed(
  deps: JobDeps,
  loaded: LoadedRequest,
  action: RequestAction,
  problems: string[],
  maintained: string[],
): Promise<JobOutcome> {
  const number = loaded.issue.number
  const notes =
    action.kind === 'approve'
      ? [
          `${mention(action.by)}: approval not recorded while the request has problems; approve again once they are fixed.`,
        ]
      : []
  const state = loaded.state ?? { v: 1, source: undefined, targets: [] }
  await writePlan(
    deps,
    loaded,
    renderPlan({ state, problems, maintained, config: deps.config, notes }),
  )
  await syncLabels(deps, number, loaded.issue.labels, {
    add: [deps.config.requests.labels.request],
    remove: action.kind === 'approve' ? [deps.config.requests.labels.approved] : [],
  })
  const results = problems.map((p) => ({
    target: `#${number}`,
    status: 'skipped' as const,
    message: p,
  }))
  return {
    job: JOB,
    results,
    createdPullRequests: [],
    conclusion: 'neutral',
    summary: `fixline (requests): #${number} cannot proceed:\n\n${problemList(problems)}\n`,
  }
}

/**
 * A release manager's approval: every line waiting for one is approved; the note for the plan. The
 * same approval delivered again names the same lines, so that the plan comment is left as it was.
 */
function recordApproval(state: RequestState, by: string): string {
  let approved = approvePending(state, by)
  if (approved.length === 0)
    approved = state.targets
      .filter((t) => t.approval === 'approved' && t.approvedBy === by)
      .map((t) => t.target)
  return approved.length
    ? `Approved by ${mention(by)}: ${lineList(approved)}.`
    : `${mention(by)} approved; no line was waiting for approval.`
}

/** Problems as a Markdown list for the job summary (bounded: a request can name thousands of lines). */
function problemList(problems: readonly string[]): string {
  const { shown, more } = boundList(problems, 1_000)
  return [...shown.map((p) => `- ${prose(p, 1_000)}`), ...(more ? [`- ${more}`] : [])].join('\n')
}

/** Line names as code spans, at most 20 and how many more. */
export function lineList(lines: readonly string[]): string {
  const { shown, more } = boundList(lines, 20)
  return [...shown.map((l) => codeSpan(l, 200)), ...(more ? [more] : [])].join(', ')
}

interface AdvanceInput {
  request: BackportRequest
  maintained: string[]
  notes: string[]
  backport: BackportFn
  action: RequestAction
}

/** Opens what may be opened, closes the issue when everything landed, then labels and reports. */
async function advance(
  deps: JobDeps,
  loaded: LoadedRequest,
  state: RequestState,
  input: AdvanceInput,
): Promise<JobOutcome> {
  const number = loaded.issue.number
  const created: CreatedPullRequest[] = await openBackports(
    deps,
    input.backport,
    state,
    targetsToOpen(state),
    number,
  )
  const labels = planLabels(state.targets, deps.config)
  if (input.action.kind === 'approve') {
    labels.add.push(deps.config.requests.labels.approved)
    labels.remove.push(deps.config.requests.labels.rejected)
  }
  // Closed once, when the last backport lands; a request reopened after that is left open.
  const closeNow = isComplete(state) && !state.completed
  if (isComplete(state)) state.completed = true
  // An approval after a rejection (which closed the issue) reopens it until its backports land.
  if (
    input.action.kind === 'approve' &&
    loaded.issue.state === 'closed' &&
    !state.completed &&
    !deps.dryRun
  ) {
    await reopenIssue(deps.github, deps.ctx.owner, deps.ctx.repo, number)
    loaded.issue.state = 'open'
  }
  await syncLabels(deps, number, loaded.issue.labels, labels)
  await writePlan(
    deps,
    loaded,
    renderPlan({
      state,
      request: input.request,
      problems: [],
      maintained: input.maintained,
      config: deps.config,
      notes: input.notes,
    }),
  )
  if (closeNow && loaded.issue.state === 'open' && !deps.dryRun)
    await closeIssue(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'completed')
  if (input.action.kind === 'approve' && input.action.replyKey)
    await reply(
      deps,
      number,
      input.action.replyKey,
      `Approved by ${mention(input.action.by)}. ${created.length ? `Opened ${created.map((c) => `#${c.number}`).join(', ')}.` : ''}`.trim(),
    )
  return outcomeOf(number, state, created)
}

async function reject(
  deps: JobDeps,
  loaded: LoadedRequest,
  action: Extract<RequestAction, { kind: 'reject' }>,
): Promise<JobOutcome> {
  const number = loaded.issue.number
  const state = loaded.state ?? { v: 1, source: undefined, targets: [] }
  rejectPending(state, action.by, action.reason)
  const l = deps.config.requests.labels
  await syncLabels(deps, number, loaded.issue.labels, {
    add: [l.request, l.rejected],
    remove: [l.awaitingApproval, l.approved],
  })
  const opened = state.targets.filter((t) => t.pr)
  const notes = opened.length
    ? [
        `Backports opened before the rejection stay open: ${opened.map((t) => `#${t.pr?.number}`).join(', ')}. Close them by hand if they should not land.`,
      ]
    : []
  await writePlan(
    deps,
    loaded,
    renderPlan({ state, ...requestOf(deps, loaded), problems: [], config: deps.config, notes }),
  )
  const reason = action.reason.trim() || '(no reason given)'
  await reply(
    deps,
    number,
    action.replyKey,
    `Rejected by ${mention(action.by)}: ${prose(reason)}\n\nfixline closed this request. A release manager can still \`/approve\` it.`,
  )
  if (loaded.issue.state === 'open' && !deps.dryRun)
    await closeIssue(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'not_planned')
  return {
    ...outcomeOf(number, state, []),
    summary: `fixline (requests): #${number} rejected by ${mention(action.by)}: ${prose(reason)}\n`,
  }
}

export async function writePlan(deps: JobDeps, loaded: LoadedRequest, body: string): Promise<void> {
  if (deps.dryRun) {
    deps.log.info(`dry run: plan comment on #${loaded.issue.number}:\n${body}`)
    return
  }
  const written = await writeComment(
    deps.github,
    {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      issue: loaded.issue.number,
      ...commentIdentity(deps, PLAN_MARKER),
    },
    loaded.comment,
    body,
  )
  loaded.comment = { id: written.id, body }
}

export function outcomeOf(
  number: number,
  state: RequestState,
  created: CreatedPullRequest[],
): JobOutcome {
  const results = resultsOf(state)
  const failed = results.some((r) => r.error !== undefined)
  const rows = results.map(
    (r) =>
      `| ${codeSpan(r.target, 200)} | ${r.status} | ${r.pullRequest ? `#${r.pullRequest.number}` : ''} | ${proseCell(r.message)} |`,
  )
  const summary = [
    `### fixline: backport request #${number}`,
    '',
    '| Line | Status | PR | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
  return {
    job: JOB,
    results,
    createdPullRequests: created,
    conclusion: failed ? 'failure' : 'success',
    summary,
  }
}

/** The request as the issue states it, for the plan's summary line (none when unreadable). */
export function requestOf(deps: JobDeps, loaded: LoadedRequest): { request?: BackportRequest } {
  const parsed = parseRequestForm(loaded.issue.body, { owner: deps.ctx.owner, repo: deps.ctx.repo })
  return parsed.ok ? { request: parsed.request } : {}
}
