/**
 * The hotfix job: `/hotfix` (or workflow_dispatch) cuts `hotfix/<release>` from what is deployed.
 * Decisions live in decide.ts; git goes through git-ops.ts (src/git), the API through src/github.
 * Each flow has its own file: start.ts, pr-check.ts, merge-back.ts, reminders.ts.
 */
import type { JobDeps, JobOutcome } from '../jobs.js'
import type { HotfixTrigger } from '../route.js'
import { mergeBack } from './merge-back.js'
import { checkHotfixPr } from './pr-check.js'
import { remind, withReminders } from './reminders.js'
import { startHotfix } from './start.js'

export async function runHotfixJob(deps: JobDeps, trigger: HotfixTrigger): Promise<JobOutcome> {
  switch (trigger.type) {
    case 'command':
    case 'dispatch':
      return startHotfix(deps, trigger)
    case 'pr':
      return withReminders(deps, await checkHotfixPr(deps, trigger))
    case 'release':
    case 'deployment':
    case 'merged':
      return withReminders(deps, await mergeBack(deps, trigger))
    case 'schedule':
      return remind(deps)
  }
}
