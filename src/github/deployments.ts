import type { GitHub } from './client.js'
import { isSafeLink } from '../markdown/escape.js'

/** A deployment that reached `success` (its newest such status). */
export interface SuccessfulDeployment {
  id: number
  sha: string
  ref: string
  environment: string
  /** When the success status was created. */
  deployedAt: string
  /** The status's log or environment URL, when it gave one. */
  url: string | undefined
}

/** Most deployments fixline inspects (newest first) before it gives up looking for a success. */
export const MAX_DEPLOYMENTS_INSPECTED = 30

/**
 * The newest deployment to `environment` that has a `success` status (a later `inactive` status,
 * which GitHub adds when a newer deployment succeeds, does not undo it). Deployments are read
 * newest first, a page of 30 at a time, and at most {@link MAX_DEPLOYMENTS_INSPECTED} are
 * inspected (one statuses call each, first page only: newest first).
 */
export async function latestSuccessfulDeployment(
  github: GitHub,
  owner: string,
  repo: string,
  environment: string,
): Promise<SuccessfulDeployment | undefined> {
  let inspected = 0
  for await (const page of github.paginate.iterator(github.rest.repos.listDeployments, {
    owner,
    repo,
    environment,
    per_page: MAX_DEPLOYMENTS_INSPECTED,
  })) {
    for (const d of page.data) {
      if (inspected++ >= MAX_DEPLOYMENTS_INSPECTED) return undefined
      const { data: statuses } = await github.rest.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: d.id,
        per_page: 100,
      })
      const success = statuses.find((s) => s.state === 'success')
      if (success)
        return {
          id: d.id,
          sha: d.sha,
          ref: d.ref,
          environment: d.environment,
          deployedAt: success.created_at,
          url: safeUrl(success.environment_url || success.log_url || success.target_url),
        }
    }
  }
  return undefined
}

/** A link from a deployment status (anyone with deployments:write sets it): http(s), nothing that could leave `[..](..)`. */
function safeUrl(url: string | null | undefined): string | undefined {
  return url && isSafeLink(url) ? url : undefined
}
