import type { JobDeps, JobOutcome } from '../jobs.js'
import type { RequestTrigger } from '../route.js'

// Placeholder while backport requests are built (issue 4); replaced by the real job.
export async function runRequestsJob(_deps: JobDeps, _trigger: RequestTrigger): Promise<JobOutcome> {
  throw new Error('backport requests are not built yet')
}
