import type { JobDeps, JobOutcome } from '../jobs.js'
import type { RequestTrigger } from '../route.js'
import { handleCommand, handleLabeled } from './approval.js'
import { defaultBackport, type BackportFn } from './open.js'
import { processRequest } from './process.js'
import { handleBackportMerged } from './tracking.js'

/**
 * Backport requests (DESIGN §3): issue-form requests checked against the maintenance policy,
 * approved by release managers, opened with the backport engine, tracked until merged.
 */
export async function runRequestsJob(
  deps: JobDeps,
  trigger: RequestTrigger,
  backport: BackportFn = defaultBackport,
): Promise<JobOutcome> {
  switch (trigger.type) {
    case 'issue':
      return processRequest(deps, trigger.issue, { kind: 'event' }, backport)
    case 'issue-labeled':
      return handleLabeled(deps, trigger, backport)
    case 'command':
      return handleCommand(deps, trigger, backport)
    case 'backport-merged':
      return handleBackportMerged(deps, trigger)
  }
}
