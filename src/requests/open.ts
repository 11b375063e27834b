import { runBackportTargets } from '../backport/index.js'
import type { CreatedPullRequest, JobDeps, JobOutcome, TargetResult } from '../jobs.js'
import type { RequestState, TrackedTarget } from './types.js'

/** Opens backports with the same engine as labels (injectable in tests). */
export type BackportFn = (
  deps: JobDeps,
  pr: number,
  targets: string[],
  options?: { requestIssue?: number },
) => Promise<JobOutcome>

export const defaultBackport: BackportFn = (deps, pr, targets, options) =>
  runBackportTargets(deps, pr, targets, options)

const KNOWN = new Set(['created', 'updated', 'already-applied', 'conflict', 'failed', 'skipped'])

/**
 * Opens the backports of `targets` and records each result in `state` (status, PR link). A failing
 * target never stops the others (the engine runs each in its own try/catch).
 */
export async function openBackports(
  deps: JobDeps,
  backport: BackportFn,
  state: RequestState,
  targets: readonly string[],
  requestIssue: number | undefined,
): Promise<CreatedPullRequest[]> {
  if (targets.length === 0 || state.source === undefined) return []
  if (deps.dryRun) {
    deps.log.info(`dry run: would backport #${state.source} to ${targets.join(', ')}`)
    return []
  }
  let outcome: JobOutcome
  try {
    outcome = await backport(
      deps,
      state.source,
      [...targets],
      requestIssue !== undefined ? { requestIssue } : {},
    )
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    for (const t of tracked(state, targets)) Object.assign(t, { status: 'failed', message })
    return []
  }
  for (const t of tracked(state, targets)) {
    const row =
      outcome.results.find((r) => r.target === t.target) ??
      outcome.results.find((r) => r.target === `#${state.source}`)
    record(t, row)
  }
  return outcome.createdPullRequests
}

function tracked(state: RequestState, targets: readonly string[]): TrackedTarget[] {
  return state.targets.filter((t) => targets.includes(t.target))
}

function record(t: TrackedTarget, row: TargetResult | undefined): void {
  if (!row) {
    t.status = 'failed'
    t.message = 'the backport job returned no result for this line'
    return
  }
  t.status = KNOWN.has(row.status)
    ? (row.status as TrackedTarget['status'])
    : row.error
      ? 'failed'
      : 'skipped'
  t.message = row.message
  if (row.pullRequest) {
    // "already-applied" with a PR: an earlier backport PR was merged.
    t.pr = {
      number: row.pullRequest.number,
      url: row.pullRequest.url,
      state: row.status === 'already-applied' ? 'merged' : 'open',
    }
  }
}

/** One result row per target of the request, for outputs and the job summary. */
export function resultsOf(state: RequestState): TargetResult[] {
  return state.targets.map((t) => {
    const pullRequest = t.pr ? { pullRequest: { number: t.pr.number, url: t.pr.url } } : {}
    if (t.approval === 'pending')
      return {
        target: t.target,
        status: 'pending',
        message: 'awaiting approval by a release manager',
        ...pullRequest,
      }
    if (t.approval === 'rejected')
      return {
        target: t.target,
        status: 'skipped',
        message: 'rejected by a release manager',
        ...pullRequest,
      }
    if (t.status === 'failed')
      return {
        target: t.target,
        status: 'failed',
        message: t.message ?? 'failed',
        error: t.message ?? 'failed',
        ...pullRequest,
      }
    const status: TargetResult['status'] = t.status ?? 'pending'
    return {
      target: t.target,
      status,
      message:
        t.message ?? (t.pr ? `backport PR #${t.pr.number} (${t.pr.state})` : 'not opened yet'),
      ...pullRequest,
    }
  })
}
