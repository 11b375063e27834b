/** Writing the dashboard (and its state), and the job's outcome with the full lists in its summary. */
import type { JobDeps, JobOutcome, TargetResult } from '../jobs.js'
import { writeDashboard, writeState, type Loaded } from './issue.js'
import { renderDashboard } from './render.js'
import { pruneOpened, type DashboardState } from './state.js'
import { renderSummary } from './summary.js'
import { liveItemKeys, type DashboardView } from './view.js'

export const JOB = 'dashboard'

/**
 * Renders the dashboard from `view` and writes it (and the state, when it changed): the body is
 * compared with the issue's, so an unchanged dashboard costs no write.
 */
export async function publish(
  deps: JobDeps,
  loaded: Loaded,
  view: DashboardView,
  state: DashboardState,
  results: TargetResult[],
  extra: Pick<JobOutcome, 'createdPullRequests'> = { createdPullRequests: [] },
): Promise<JobOutcome> {
  const kept = pruneOpened(state, liveItemKeys(view.audit))
  const shown: DashboardView = { ...view, opened: new Map(kept.opened.map((o) => [o.key, o])) }
  const body = renderDashboard(shown, { maxItems: deps.config.dashboard.maxItems })
  if (deps.dryRun) {
    deps.log.info('dry run: the dashboard issue is not written')
    return outcomeOf(shown, results, undefined, extra)
  }
  const written = await writeDashboard(deps, loaded.issue, body)
  await writeState(deps, written.issue.number, loaded, kept)
  deps.log.info(`dashboard #${written.issue.number}: ${written.action}`)
  return outcomeOf(shown, results, written, extra)
}

export function outcomeOf(
  view: DashboardView,
  results: TargetResult[],
  written: { issue: { number: number; url: string }; action: string } | undefined,
  extra: Pick<JobOutcome, 'createdPullRequests'> = { createdPullRequests: [] },
): JobOutcome {
  const all: TargetResult[] = [...results]
  if (written)
    all.push({
      target: `dashboard #${written.issue.number}`,
      status:
        written.action === 'created'
          ? 'created'
          : written.action === 'updated'
            ? 'updated'
            : 'success',
      message: `the dashboard ${written.issue.url} was ${written.action}`,
    })
  const failed = all.some((r) => r.status === 'failed')
  return {
    job: JOB,
    results: all,
    createdPullRequests: extra.createdPullRequests,
    conclusion: failed ? 'failure' : 'success',
    summary: renderSummary(view, {
      ...(written ? { issue: { ...written.issue, action: written.action } } : {}),
      results,
    }),
  }
}
