import type { Config } from '../config/types.js'
import { encodeState, PLAN_MARKER } from './state.js'
import type { BackportRequest, Classification, RequestState, TrackedTarget } from './types.js'

/** The plan comment on a request issue (pure): one table row per target, hidden marker and state. */

export interface PlanView {
  state: RequestState
  request?: BackportRequest
  /** Why the request cannot proceed (nothing is opened while there are any). */
  problems: string[]
  /** Maintained lines, newest first (left out of the comment when not looked up). */
  maintained?: string[]
  config: Pick<Config, 'requests'>
  /** Extra lines shown under the table (approvals refused, edits ignored...). */
  notes?: string[]
}

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
    for (const p of view.problems) out.push(`- ${p}`)
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
  ) {
    out.push('| Line | Release | Approval | Backport |', '| --- | --- | --- | --- |')
    for (const t of view.state.targets)
      out.push(
        `| \`${t.target}\` | ${CLASS_TEXT[t.classification]} | ${approvalText(t)} | ${backportText(t)} |`,
      )
    out.push('')
  }
  if (view.state.rejected)
    out.push(
      `Rejected by @${view.state.rejected.by}: ${oneLine(view.state.rejected.reason) || '(no reason given)'}`,
      '',
    )
  for (const note of view.notes ?? []) out.push(note, '')
  out.push(policyText(view))
  out.push(encodeState(view.state))
  return out.join('\n')
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
      return t.approvedBy ? `approved by @${t.approvedBy}` : 'approved'
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
      return `failed: ${oneLine(t.message ?? '')}`
    case 'conflict':
      return `conflict: ${oneLine(t.message ?? '')}`
    case 'skipped':
      return `skipped: ${oneLine(t.message ?? '')}`
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
  const who = [...rm.users.map((u) => `@${u}`), ...rm.teams.map((t) => `@${t}`)]
  const maintained = view.maintained
  const lines =
    maintained === undefined
      ? ''
      : `Maintained lines: ${maintained.length ? maintained.map((l) => `\`${l}\``).join(', ') : '(none found)'}. `
  const approve = `A release manager (${who.length ? who.join(', ') : 'none configured: set requests.releaseManagers'}) approves with \`/approve\` or the \`${view.config.requests.labels.approved}\` label, or declines with \`/reject <reason>\`.`
  return `<sub>${lines}${approve}</sub>`
}

/** A value safe inside one table cell. */
export function oneLine(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
  return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean
}
