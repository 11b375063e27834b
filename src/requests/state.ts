import { isRecord } from '../payload.js'
import { CELL_MAX, hiddenJson, shorten } from '../markdown/escape.js'
import type { RequestState, TargetPlan, TrackedTarget } from './types.js'

/**
 * The hidden state of a plan comment (pure). The comment carries what was decided (classification,
 * approvals) and done (backport PRs), so that every event, delivered once or twice, acts only on
 * what is left.
 */

export const PLAN_MARKER = '<!-- fixline:backport-request -->'
const STATE_PREFIX = '<!-- fixline:state '

/**
 * Most characters of the encoded state: with the visible plan (cut by `fitBody`) the comment stays
 * under GitHub's 65,536.
 */
export const STATE_MAX = 40_000
/** The longest rejection reason kept in the state (the reply comment has it whole). */
const REASON_MAX = 1_000

/** The state as a hidden comment, at most `max` characters (see `fitState` for what gives way). */
export function encodeState(state: RequestState, max = STATE_MAX): string {
  const room = max - STATE_PREFIX.length - ' -->'.length
  return `${STATE_PREFIX}${hiddenJson(fitState(state, room))} -->`
}

/** Parts of a too large state dropped in turn, least useful first (see `fitState`). */
const DROPS: ((t: TrackedTarget) => boolean)[] = [
  // Nothing done or decided yet: the next edit of the form plans it again.
  (t) => !t.status && !t.pr && t.approval === 'not-needed',
  // Failed and skipped lines are retried on the next event anyway; an already-applied one is found again.
  (t) =>
    !t.pr && (t.status === 'failed' || t.status === 'skipped' || t.status === 'already-applied'),
  // Waiting for approval: back as pending with the next edit of the form (or `/backport` on a PR).
  (t) => !t.pr && t.approval === 'pending',
  // A release manager's decision on a line with no backport yet.
  (t) => !t.pr,
  // Backports that were merged or closed.
  (t) => t.pr?.state !== 'open',
  // Last, open backports.
  () => true,
]

/**
 * The state in at most `max` characters of JSON. Messages are kept as far as the plan shows them
 * (300 characters) and the rejection reason to 1,000. When that is still too large (a request with
 * thousands of lines), parts give way deliberately, least useful first: every message, then (from
 * the last line up) lines nothing was done for, failed/skipped/already-applied lines without a PR,
 * lines awaiting approval, other lines without a PR, lines whose PR was merged or closed, and last
 * lines with an open PR. What is dropped is planned again from the form on the next event, so
 * the cost is at most a repeated approval or backport attempt; a line with a PR goes only when
 * hundreds of PRs would not fit.
 */
export function fitState(state: RequestState, max: number): RequestState {
  const fitted: RequestState = {
    ...state,
    targets: state.targets.map((t) =>
      t.message === undefined ? t : { ...t, message: shorten(t.message, CELL_MAX) },
    ),
    ...(state.rejected
      ? { rejected: { ...state.rejected, reason: shorten(state.rejected.reason, REASON_MAX) } }
      : {}),
  }
  if (hiddenJson(fitted).length <= max) return fitted
  const targets = fitted.targets.map(({ message: _m, ...t }) => t as TrackedTarget)
  // The array's length is the sum of its targets' (each escaped alike) plus commas.
  const sizes = targets.map((t) => hiddenJson(t).length + 1)
  let total = hiddenJson({ ...fitted, targets: [] }).length + sizes.reduce((a, b) => a + b, 0)
  const keep = targets.map(() => true)
  for (const drop of DROPS) {
    for (let i = targets.length - 1; i >= 0 && total > max; i--) {
      if (keep[i] && drop(targets[i] as TrackedTarget)) {
        keep[i] = false
        total -= sizes[i] ?? 0
      }
    }
  }
  return { ...fitted, targets: targets.filter((_t, i) => keep[i]) }
}

/**
 * The state in a comment body: the last state marker, where fixline writes it (outside text in
 * the visible part is escaped and cannot form one anyway). Undefined when missing or malformed
 * (then the plan starts afresh).
 */
export function decodeState(body: string | undefined | null): RequestState | undefined {
  const text = body ?? ''
  const start = text.lastIndexOf(STATE_PREFIX)
  const end = start < 0 ? -1 : text.indexOf(' -->', start)
  if (end < 0) return undefined
  const json = text.slice(start + STATE_PREFIX.length, end)
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
