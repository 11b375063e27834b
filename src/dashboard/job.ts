/**
 * The release lines audit and its dashboard (issue 10): on `schedule` and `workflow_dispatch`
 * (`job: audit`) it runs the fix audit, gathers what other jobs know about each line, and writes
 * the "Release lines dashboard" issue (created once, edited only when what it shows changed) and a
 * job summary with the whole lists. An edit of the dashboard that ticks a box is handled in
 * ticks.ts.
 */
import type { JobDeps, JobOutcome } from '../jobs.js'
import type { DashboardTrigger } from '../route.js'
import { gather } from './gather.js'
import { loadDashboard } from './issue.js'
import { outcomeOf, publish } from './publish.js'
import { defaultSources, type DashboardSources } from './sources.js'
import { handleTick } from './ticks.js'

export async function runDashboardJob(
  deps: JobDeps,
  trigger: DashboardTrigger,
  sources: DashboardSources = defaultSources,
): Promise<JobOutcome> {
  if (trigger.type === 'edited') return handleTick(deps, trigger, sources)
  if (!deps.config.dashboard.enabled) {
    const view = await gather(deps, { decisions: [], opened: [] }, sources)
    deps.log.info('dashboard.enabled is false: the audit goes to the job summary only')
    return outcomeOf(view, [], undefined)
  }
  const loaded = await loadDashboard(deps)
  const view = await gather(deps, loaded.state, sources)
  return publish(deps, loaded, view, loaded.state, [])
}
