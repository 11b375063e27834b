import type { JobDeps, JobOutcome } from '../jobs.js'
import type { UpgradeTrigger } from '../route.js'

// Placeholder while the upgrade-safety check is built (issue 3); replaced by the real job.
export async function runUpgradeJob(_deps: JobDeps, _trigger: UpgradeTrigger): Promise<JobOutcome> {
  throw new Error('the upgrade-safety job is not built yet')
}
