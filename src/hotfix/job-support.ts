/** What the hotfix flows share: the remote, the quiet outcome and the repository URLs. */
import type { JobDeps, JobOutcome } from '../jobs.js'

export const REMOTE = 'origin'

/** Nothing for the hotfix job (most releases and deployments are not of a hotfix): no summary. */
export function quiet(deps: JobDeps, reason: string): JobOutcome {
  deps.log.info(`hotfix: nothing to do: ${reason}`)
  return { job: 'hotfix', results: [], createdPullRequests: [], conclusion: 'skipped', summary: '' }
}

export function repoUrl(deps: JobDeps): string {
  return `${deps.ctx.serverUrl}/${deps.ctx.owner}/${deps.ctx.repo}`
}

export function branchUrl(deps: JobDeps, branch: string): string {
  return `${repoUrl(deps)}/tree/${branch.split('/').map(encodeURIComponent).join('/')}`
}
