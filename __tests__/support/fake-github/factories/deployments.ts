import { nodeId } from '../ids.js'
import type { DeploymentRecord, DeploymentStatusRecord } from '../records.js'
import { repoApi, simpleUser, type RepoRef } from './common.js'

/** deployment (GET /deployments/{id}, items of GET /deployments, webhook `deployment`). */
export function deployment(r: RepoRef, d: DeploymentRecord) {
  const url = `${repoApi(r)}/deployments/${d.id}`
  return {
    url,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: simpleUser(d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoApi(r),
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  }
}

/** deployment-status (GET/POST /deployments/{id}/statuses, webhook `deployment_status`). */
export function deploymentStatus(r: RepoRef, s: DeploymentStatusRecord) {
  const deploymentUrl = `${repoApi(r)}/deployments/${s.deploymentId}`
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: simpleUser(s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: repoApi(r),
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
  }
}
