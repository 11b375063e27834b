import { isRecord } from '../payload.js'
import type { RequestState, TargetPlan, TrackedTarget } from './types.js'

/**
 * The hidden state of a plan comment (pure). The comment carries what was decided (classification,
 * approvals) and done (backport PRs), so that every event, delivered once or twice, acts only on
 * what is left.
 */

export const PLAN_MARKER = '<!-- fixline:backport-request -->'
const STATE_RE = /<!-- fixline:state (\{.*?\}) -->/s

export function encodeState(state: RequestState): string {
  // `>` and `-` are escaped so that no value can end the HTML comment early.
  const json = JSON.stringify(state).replace(/>/g, '\\u003e').replace(/-/g, '\\u002d')
  return `<!-- fixline:state ${json} -->`
}

/** The state in a comment body; undefined when missing or malformed (then the plan starts afresh). */
export function decodeState(body: string | undefined | null): RequestState | undefined {
  const json = STATE_RE.exec(body ?? '')?.[1]
  if (!json) return undefined
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!isRecord(data) || data.v !== 1 || !Array.isArray(data.targets)) return undefined
  const targets = data.targets.filter(isTrackedTarget)
  const source =
    typeof data.source === 'number' && Number.isSafeInteger(data.source) ? data.source : undefined
  const state: RequestState = { v: 1, source, targets }
  if (
    isRecord(data.rejected) &&
    typeof data.rejected.by === 'string' &&
    typeof data.rejected.reason === 'string'
  )
    state.rejected = { by: data.rejected.by, reason: data.rejected.reason }
  if (data.completed === true) state.completed = true
  return state
}

/**
 * New plans merged over what an earlier event decided and did: a target that was already acted on
 * keeps its record; approvals and rejections stay; targets dropped from the form are forgotten unless
 * a backport was opened for them.
 */
export function mergeState(
  previous: RequestState | undefined,
  source: number | undefined,
  plans: readonly TargetPlan[],
): RequestState {
  // Approvals are for one source PR: an edit that names another PR starts the approvals afresh.
  const sameSource = previous?.source === undefined || previous.source === source
  const old = new Map((sameSource ? (previous?.targets ?? []) : []).map((t) => [t.target, t]))
  const targets: TrackedTarget[] = plans.map((plan) => {
    const before = old.get(plan.target)
    if (!before) return { ...plan }
    if (before.status && before.status !== 'failed' && before.status !== 'skipped') return before
    if (before.approval === 'rejected') return { ...plan, approval: 'rejected' }
    if (plan.approval === 'pending' && before.approval === 'approved')
      return {
        ...plan,
        approval: 'approved',
        ...(before.approvedBy ? { approvedBy: before.approvedBy } : {}),
      }
    return { ...plan }
  })
  for (const t of previous?.targets ?? []) {
    if (!plans.some((p) => p.target === t.target) && t.pr) targets.push(t)
  }
  const state: RequestState = { v: 1, source, targets }
  if (previous?.rejected) state.rejected = previous.rejected
  if (previous?.completed) state.completed = true
  return state
}

/** Targets whose backport may be opened now: approved or needing no approval, and not yet done. */
export function targetsToOpen(state: RequestState): string[] {
  if (state.rejected) return []
  return state.targets
    .filter(
      (t) =>
        (t.approval === 'not-needed' || t.approval === 'approved') &&
        (!t.status || t.status === 'failed' || t.status === 'skipped'),
    )
    .map((t) => t.target)
}

/** Every target has landed: its backport PR merged, or the fix was already on the line. */
export function isComplete(state: RequestState): boolean {
  const live = state.targets.filter((t) => t.approval !== 'rejected')
  return (
    !state.rejected &&
    live.length > 0 &&
    live.every((t) => t.status === 'already-applied' || t.pr?.state === 'merged')
  )
}

/**
 * Marks every pending (or earlier rejected) target approved by a release manager, lifting a rejection;
 * returns the targets approved.
 */
export function approvePending(state: RequestState, by: string): string[] {
  const approved: string[] = []
  delete state.rejected
  for (const t of state.targets) {
    if (t.approval === 'pending' || t.approval === 'rejected') {
      t.approval = 'approved'
      t.approvedBy = by
      approved.push(t.target)
    }
  }
  return approved
}

export function rejectPending(state: RequestState, by: string, reason: string): void {
  state.rejected = { by, reason }
  for (const t of state.targets) if (t.approval === 'pending') t.approval = 'rejected'
}

const CLASSES = new Set(['patch', 'security', 'exception'])
const APPROVALS = new Set(['not-needed', 'pending', 'approved', 'rejected'])
const STATUSES = new Set(['created', 'updated', 'already-applied', 'conflict', 'failed', 'skipped'])
const PR_STATES = new Set(['open', 'merged', 'closed'])

function isTrackedTarget(v: unknown): v is TrackedTarget {
  if (!isRecord(v)) return false
  if (
    typeof v.target !== 'string' ||
    !CLASSES.has(v.classification as string) ||
    !APPROVALS.has(v.approval as string)
  )
    return false
  if (v.status !== undefined && !STATUSES.has(v.status as string)) return false
  if (v.approvedBy !== undefined && typeof v.approvedBy !== 'string') return false
  if (v.message !== undefined && typeof v.message !== 'string') return false
  if (v.pr !== undefined) {
    if (
      !isRecord(v.pr) ||
      typeof v.pr.number !== 'number' ||
      typeof v.pr.url !== 'string' ||
      !PR_STATES.has(v.pr.state as string)
    )
      return false
  }
  return true
}
