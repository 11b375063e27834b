/** What the dashboard shows, gathered from the audit and the other jobs' entry points. */
import { messageOf } from '../errors.js'
import { openIssuesWithLabelInfo } from '../github/issues.js'
import type { JobDeps } from '../jobs.js'
import type { DashboardSources } from './sources.js'
import type { DashboardState } from './state.js'
import type { DashboardView } from './view.js'

/**
 * The audit (with the dashboard's decisions) and everything else the dashboard shows. What cannot
 * be looked at besides the audit (hotfixes, upgrade safety, requests) is a warning on the
 * dashboard, never a failure of the whole run.
 */
export async function gather(
  deps: JobDeps,
  state: DashboardState,
  sources: DashboardSources,
): Promise<DashboardView> {
  const audit = await sources.audit(deps, state.decisions)
  const warnings: string[] = []
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn()
    } catch (error) {
      const message = `${what}: ${messageOf(error)}`
      deps.log.warning(message)
      warnings.push(message)
      return undefined
    }
  }
  const newest = [...audit.lines].sort((a, b) => a.rank - b.rank)[0]?.branch
  const hotfixes = newest
    ? await attempt('hotfix branches not checked', () => sources.hotfixes(deps, newest))
    : undefined
  const safety = await attempt('upgrade safety not checked', () =>
    sources.safety(
      deps,
      audit.lines.map((l) => l.branch),
    ),
  )
  const awaiting = await attempt('backport requests not listed', () =>
    openIssuesWithLabelInfo(
      deps.github,
      deps.ctx.owner,
      deps.ctx.repo,
      deps.config.requests.labels.awaitingApproval,
    ),
  )
  return {
    audit,
    hotfixes,
    safety,
    awaiting,
    opened: new Map(state.opened.map((o) => [o.key, o])),
    defaultBranch: newest,
    warnings,
  }
}
