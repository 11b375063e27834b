import type { JobDeps, JobOutcome } from '../jobs.js'
import { skipped } from '../jobs.js'
import type { RequestTrigger } from '../route.js'
import { handleCommand, handleLabeled } from './approval.js'
import { looksLikeRequestForm } from './form.js'
import { defaultBackport, type BackportFn } from './open.js'
import { JOB, processRequest } from './process.js'
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
      if (payloadShowsOtherIssue(deps, trigger.issue))
        return skipped(JOB, `#${trigger.issue} is not a backport request`)
      return processRequest(deps, trigger.issue, { kind: 'event' }, backport)
    case 'issue-labeled':
      return handleLabeled(deps, trigger, backport)
    case 'command':
      return handleCommand(deps, trigger, backport)
    case 'backport-merged':
      return handleBackportMerged(deps, trigger)
  }
}

/**
 * Every issue event of the repository reaches fixline; the payload already tells most of them apart
 * (no request label, not the form), so those cost no API call. Anything else is read from the API.
 */
export function payloadShowsOtherIssue(
  deps: Pick<JobDeps, 'config' | 'ctx'>,
  number: number,
): boolean {
  const issue = deps.ctx.payload.issue as
    { number?: unknown; body?: unknown; labels?: unknown } | undefined
  if (!issue || issue.number !== number || !Array.isArray(issue.labels)) return false
  const labels = issue.labels.map((l: unknown) =>
    typeof l === 'string' ? l : (l as { name?: unknown } | null)?.name,
  )
  if (labels.includes(deps.config.requests.labels.request)) return false
  return !looksLikeRequestForm(typeof issue.body === 'string' ? issue.body : '')
}
