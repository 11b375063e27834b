import * as core from '@actions/core'
import type { JobOutcome } from '../jobs.js'
import { fitBytes } from '../markdown/bound.js'

/** Sets the action's outputs, writes the job summary and fails the step when any target failed. */
export async function writeOutcome(outcomes: readonly JobOutcome[]): Promise<void> {
  const results = outcomes.flatMap((o) => o.results.map((r) => ({ job: o.job, ...r })))
  const created = outcomes.flatMap((o) => o.createdPullRequests)
  const conclusion = overallConclusion(outcomes)
  core.setOutput('created-pull-requests', JSON.stringify(created))
  core.setOutput('results', JSON.stringify(results))
  core.setOutput('conclusion', conclusion)
  const summary = outcomes.map((o) => o.summary).filter((s) => s.trim().length > 0)
  if (summary.length > 0) {
    try {
      // The runner drops a step summary over 1 MiB: cut it (the outputs keep every result).
      await core.summary.addRaw(fitBytes(summary.join('\n\n'))).write()
    } catch (error) {
      core.debug(`no job summary written: ${(error as Error).message}`)
    }
  }
  if (conclusion === 'failure') {
    const failed = results.filter(
      (r) => r.status === 'failed' || r.status === 'failure' || r.status === 'conflict',
    )
    core.setFailed(
      failed.length > 0
        ? `fixline: ${failed.length} target(s) did not succeed: ${failed.map((r) => `${r.target} (${r.status}: ${r.error ?? r.message})`).join('; ')}`
        : 'fixline: the job failed; see the log above',
    )
  }
}

export function overallConclusion(outcomes: readonly JobOutcome[]): JobOutcome['conclusion'] {
  if (outcomes.some((o) => o.conclusion === 'failure')) return 'failure'
  if (outcomes.some((o) => o.conclusion === 'success')) return 'success'
  if (outcomes.some((o) => o.conclusion === 'neutral')) return 'neutral'
  return 'skipped'
}
