import type { JobDeps, JobOutcome } from '../jobs.js'
import type { BackportTrigger } from '../route.js'

// Placeholder while the backport engine is built (issue 2); replaced by the real job.
export async function runBackportJob(_deps: JobDeps, _trigger: BackportTrigger): Promise<JobOutcome> {
  throw new Error('the backport job is not built yet')
}
