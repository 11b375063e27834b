/**
 * deployment_status webhook payloads (re-exported by ../payloads.ts): the @octokit/webhooks-examples
 * example, moved to owner/repo, with the deployment and status the fake's factories build, so a
 * payload may describe a deployment seeded with state.addDeployment (same ids, sha, environment).
 */
import type { DeploymentStatusCreatedEvent } from '@octokit/webhooks-types'
import { deployment, deploymentStatus } from './factories/deployments.js'
import { userId } from './ids.js'
import type { DeploymentRecord, DeploymentState, DeploymentStatusRecord } from './records.js'
import { exampleOf, retarget, type Json, type RepoArgs } from './webhooks.js'

export interface DeploymentStatusArgs extends RepoArgs {
  /** A seeded deployment (state.addDeployment): its fields win over sha/ref/environment/... */
  deployment?: DeploymentRecord
  /** The status the event is about; default: the deployment's newest status, else one from `state`. */
  status?: DeploymentStatusRecord
  /** The commit deployed (40 hex); required without `deployment`. */
  sha?: string
  /** Default: the default branch. */
  ref?: string
  /** Default 'production'. */
  environment?: string
  /** Default 'success'. */
  state?: DeploymentState
  task?: string
  description?: string
  environmentUrl?: string
  logUrl?: string
  deploymentId?: number
  statusId?: number
  /** Who created the deployment and the status (default 'octocat'). */
  creator?: string
  /** Who triggered the event (default: creator). */
  sender?: string
  /** created_at of the deployment and the status (default 2026-01-05T12:00:00Z). */
  at?: string
}

function deploymentOf(a: DeploymentStatusArgs): DeploymentRecord {
  if (a.deployment) return a.deployment
  if (!a.sha || !/^[0-9a-f]{40}$/.test(a.sha))
    throw new Error(`deploymentStatusPayload: sha must be a 40-hex commit, not ${a.sha}`)
  const environment = a.environment ?? 'production'
  const at = a.at ?? '2026-01-05T12:00:00Z'
  return {
    id: a.deploymentId ?? userId(`deployment:${a.sha}:${environment}`),
    sha: a.sha,
    ref: a.ref ?? a.defaultBranch ?? 'main',
    task: a.task ?? 'deploy',
    environment,
    originalEnvironment: environment,
    payload: {},
    description: null,
    creator: a.creator ?? 'octocat',
    transientEnvironment: false,
    productionEnvironment: environment === 'production',
    createdAt: at,
    updatedAt: at,
    statuses: [],
  }
}

function statusOf(a: DeploymentStatusArgs, d: DeploymentRecord): DeploymentStatusRecord {
  if (a.status) return a.status
  const newest = [...d.statuses].sort(
    (x, y) => y.createdAt.localeCompare(x.createdAt) || y.id - x.id,
  )[0]
  if (newest && a.state === undefined) return newest
  const state = a.state ?? 'success'
  return {
    id: a.statusId ?? userId(`deployment-status:${d.id}:${state}`),
    deploymentId: d.id,
    state,
    creator: a.creator ?? d.creator,
    description: a.description ?? '',
    environment: d.environment,
    targetUrl: a.logUrl ?? '',
    logUrl: a.logUrl ?? '',
    environmentUrl: a.environmentUrl ?? '',
    createdAt: a.at ?? d.updatedAt,
  }
}

/** deployment_status created: `state` (default success) of a deployment of `sha` in `environment`. */
export function deploymentStatusPayload(a: DeploymentStatusArgs): DeploymentStatusCreatedEvent {
  const d = deploymentOf(a)
  const s = statusOf(a, d)
  const where = {
    owner: a.owner ?? 'acme',
    repo: a.repo ?? 'widgets',
    defaultBranch: a.defaultBranch ?? 'main',
  }
  const plain = exampleOf('deployment_status', 'created', (e) => !('workflow_run' in e))
  const payload = retarget(plain, a, a.sender ?? a.creator ?? d.creator)
  payload.deployment = { ...(payload.deployment as Json), ...deployment(where, d) }
  payload.deployment_status = {
    ...(payload.deployment_status as Json),
    ...deploymentStatus(where, s),
  }
  return payload as unknown as DeploymentStatusCreatedEvent
}
