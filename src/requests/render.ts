import type { Config } from '../config/types.js'
import { boundList, COMMENT_LIMIT, fitBody } from '../markdown/bound.js'
import { codeSpan, mention, prose, proseCell } from '../markdown/escape.js'
import { encodeState, PLAN_MARKER } from './state.js'
import type { BackportRequest, Classification, RequestState, TrackedTarget } from './types.js'

/**
 * The plan comment on a request issue (pure): one table row per target, hidden marker and state.
 * Outside text (form fields quoted in problems, line names, messages) goes through
 * markdown/escape.ts; long lists are cut and the body stays under GitHub's 65,536 characters with
 * the state whole (see `encodeState` for what a too large state gives up).
 */

export interface PlanView {
  state: RequestState
  request?: BackportRequest
  /** Why the request cannot proceed (nothing is opened while there are any). */
  problems: string[]
  /** Maintained lines, newest first (left out of the comment when not looked up). */
  maintained?: string[]
  config: Pick<Config, 'requests'>
  /**
   * Extra lines shown under the table (approvals refused, edits ignored...): Markdown, with any
   * outside text already escaped (markdown/escape.ts) and mentions made with `mention`.
   */
  notes?: string[]
}

/** Problems, table rows and notes shown; the job summary has every problem and row. */
const MAX_PROBLEMS = 30
const MAX_ROWS = 100
const MAX_NOTES = 20
/** Maintained lines and release managers named in the policy line. */
const MAX_NAMES = 20
const MORE = ' (see the job summary of the workflow run)'

const CLASS_TEXT: Record<Classification, string> = {
  patch: 'patch release',
  security: 'security release',
  exception: 'exception (outside the maintenance window)',
}

export function renderPlan(view: PlanView): string {
  const out = [PLAN_MARKER]
  if (view.problems.length > 0) {
    out.push('### Backport request: cannot proceed', '')
    out.push('fixline cannot act on this request:', '')
    const problems = boundList(view.problems, MAX_PROBLEMS, ` problems${MORE}`)
    for (const p of problems.shown) out.push(`- ${prose(p, 1_000)}`)
    if (problems.more) out.push(`- ${problems.more}`)
    out.push(
      '',
      'Nothing was opened. Edit the issue to fix this; fixline reads it again on every edit.',
    )
  } else {
    out.push(`### Backport request: ${headline(view.state)}`, '')
    if (view.request) out.push(summary(view.request), '')
  }
  if (
    view.state.targets.length > 0 &&
    (view.problems.length === 0 || view.state.targets.some((t) => t.pr))
  )
    out.push(...targetTable(view.state.targets))
  if (view.state.rejected)
    out.push(
      `Rejected by ${mention(view.state.rejected.by)}: ${prose(view.state.rejected.reason, 1_000) || '(no reason given)'}`,
      '',
    )
  const notes = boundList(view.notes ?? [], MAX_NOTES, ' notes')
  for (const note of notes.shown) out.push(note, '')
  if (notes.more) out.push(notes.more, '')
  out.push(policyText(view))
  out.push(encodeState(view.state))
  return fitBody(out.join('\n'), COMMENT_LIMIT)
}

function targetTable(targets: readonly TrackedTarget[]): string[] {
  const rows = boundList(targets, MAX_ROWS, ` lines${MORE}`)
  const out = ['| Line | Release | Approval | Backport |', '| --- | --- | --- | --- |']
  for (const t of rows.shown)
    out.push(
      `| ${codeSpan(t.target, 200)} | ${CLASS_TEXT[t.classification]} | ${approvalText(t)} | ${backportText(t)} |`,
    )
  out.push('')
  if (rows.more) out.push(rows.more, '')
  return out
}

function headline(state: RequestState): string {
  if (state.rejected) return 'rejected'
  if (state.completed) return 'done'
  if (state.targets.some((t) => t.approval === 'pending')) return 'awaiting approval'
  if (state.targets.some((t) => t.status === 'failed' || t.status === 'conflict'))
    return 'needs attention'
  return 'in progress'
}

function summary(r: BackportRequest): string {
  const source = r.pr !== undefined ? `#${r.pr}` : r.commits.map((c) => c.slice(0, 12)).join(', ')
  return `Source: ${source} · severity ${r.severity} · priority ${r.priority} · security fix: ${r.security ? 'yes' : 'no'} · data-loss risk: ${r.dataLoss ? 'yes' : 'no'}`
}

function approvalText(t: TrackedTarget): string {
  switch (t.approval) {
    case 'not-needed':
      return 'not needed'
    case 'pending':
      return 'awaiting a release manager'
    case 'approved':
      return t.approvedBy ? `approved by ${mention(t.approvedBy)}` : 'approved'
    case 'rejected':
      return 'rejected'
  }
}

function backportText(t: TrackedTarget): string {
  if (t.pr) return `#${t.pr.number} (${t.pr.state}${t.status === 'conflict' ? ', conflict' : ''})`
  switch (t.status) {
    case 'already-applied':
      return 'already on the line'
    case 'failed':
      return `failed: ${proseCell(t.message ?? '')}`
    case 'conflict':
      return `conflict: ${proseCell(t.message ?? '')}`
    case 'skipped':
      return `skipped: ${proseCell(t.message ?? '')}`
    default:
      return t.approval === 'pending'
        ? 'waits for approval'
        : t.approval === 'rejected'
          ? '-'
          : 'not opened yet'
  }
}

function policyText(view: PlanView): string {
  const rm = view.config.requests.releaseManagers
  const who = boundList([...rm.users, ...rm.teams].map(mention), MAX_NAMES)
  const maintained = view.maintained
  const names =
    maintained &&
    boundList(
      maintained.map((l) => codeSpan(l, 200)),
      MAX_NAMES,
    )
  const lines =
    names === undefined
      ? ''
      : `Maintained lines: ${names.shown.length ? [...names.shown, ...(names.more ? [names.more] : [])].join(', ') : '(none found)'}. `
  const managers = who.shown.length
    ? [...who.shown, ...(who.more ? [who.more] : [])].join(', ')
    : 'none configured: set requests.releaseManagers'
  const approve = `A release manager (${managers}) approves with \`/approve\` or the ${codeSpan(view.config.requests.labels.approved)} label, or declines with \`/reject <reason>\`.`
  return `<sub>${lines}${approve}</sub>`
}
