/** A backport (or forward-port) run's job outcome: conclusion, results and summary from its rows. */
import type { CreatedPullRequest, JobOutcome } from '../jobs.js'
import type { PortKind } from './kind.js'
import { renderSummary, type BackportRow } from './report.js'
import type { PrReport } from './pr-report.js'

export function outcome(
  source: number,
  rows: readonly BackportRow[],
  created: CreatedPullRequest[],
  report: PrReport = { notes: [] },
  kind: Pick<PortKind, 'name' | 'noun'> = { name: 'backport', noun: 'backport' },
  /** backport.failOnConflict: a conflict fails the step instead of a neutral conclusion. */
  failOnConflict = false,
): JobOutcome {
  const failing = (r: BackportRow) =>
    r.status === 'failed' || (failOnConflict && r.status === 'conflict')
  const conclusion =
    rows.some(failing) || report.failure !== undefined
      ? 'failure'
      : rows.some((r) => r.status === 'conflict')
        ? 'neutral'
        : rows.length === 0
          ? 'skipped'
          : 'success'
  const results = rows.map(({ steps: _steps, ...row }) => row)
  if (report.failure !== undefined)
    results.push({
      target: `comment on #${source}`,
      status: 'failed',
      message: report.failure,
      error: report.failure,
    })
  return {
    job: kind.name,
    results,
    createdPullRequests: created,
    conclusion,
    summary: renderSummary(source, rows, report.notes, kind.noun),
  }
}
