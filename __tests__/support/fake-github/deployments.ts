import type { AddDeployment, AddDeploymentStatus } from './inputs.js'
import type { DeploymentRecord, DeploymentStatusRecord } from './records.js'

/** The state's clock and id sequence, so deployments interleave with everything else. */
export interface Clock {
  now(): string
  newId(): number
}

export interface DeploymentFilter {
  sha?: string
  ref?: string
  task?: string
  environment?: string
}

const SHA = /^[0-9a-f]{40}$/

function timestamp(at: string | undefined, clock: Clock): string {
  if (at === undefined) return clock.now()
  if (Number.isNaN(Date.parse(at))) throw new Error(`fake GitHub: not an ISO time: ${at}`)
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Newest first, as GitHub lists deployments and their statuses (ties: the later one first). */
function newestFirst<T extends { createdAt: string; id: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
}

/** The deployments of the fake repository (state.addDeployment and the deployments handlers). */
export class Deployments {
  readonly records: DeploymentRecord[] = []
  private readonly clock: Clock

  constructor(clock: Clock) {
    this.clock = clock
  }

  add(input: AddDeployment): DeploymentRecord {
    if (!SHA.test(input.sha))
      throw new Error(`fake GitHub: a deployment's sha is a 40-hex commit, not ${input.sha}`)
    const environment = input.environment ?? 'production'
    const at = timestamp(input.at, this.clock)
    const deployment: DeploymentRecord = {
      id: this.clock.newId(),
      sha: input.sha,
      ref: input.ref ?? input.sha,
      task: input.task ?? 'deploy',
      environment,
      originalEnvironment: environment,
      payload: input.payload ?? {},
      description: input.description ?? null,
      creator: input.creator ?? 'octocat',
      transientEnvironment: input.transient ?? false,
      productionEnvironment: input.production ?? environment === 'production',
      createdAt: at,
      updatedAt: at,
      statuses: [],
    }
    this.records.push(deployment)
    for (const status of input.statuses ?? []) this.addStatus(deployment.id, status)
    return deployment
  }

  /** Adds a status as given; a status's environment moves the deployment, as on GitHub. */
  addStatus(deploymentId: number, input: AddDeploymentStatus): DeploymentStatusRecord {
    const deployment = this.get(deploymentId)
    if (!deployment) throw new Error(`fake GitHub: no deployment ${deploymentId}`)
    const environment =
      input.environment ?? deployment.statuses.at(-1)?.environment ?? deployment.environment
    const status: DeploymentStatusRecord = {
      id: this.clock.newId(),
      deploymentId,
      state: input.state,
      creator: input.creator ?? deployment.creator,
      description: input.description ?? '',
      environment,
      targetUrl: input.targetUrl ?? input.logUrl ?? '',
      logUrl: input.logUrl ?? input.targetUrl ?? '',
      environmentUrl: input.environmentUrl ?? '',
      createdAt: timestamp(input.at, this.clock),
    }
    deployment.statuses.push(status)
    deployment.environment = environment
    deployment.updatedAt = status.createdAt
    return status
  }

  get(id: number): DeploymentRecord | undefined {
    return this.records.find((d) => d.id === id)
  }

  /** Newest first, filtered like GET /deployments (exact sha, ref, task, environment). */
  list(filter: DeploymentFilter = {}): DeploymentRecord[] {
    return newestFirst(
      this.records.filter(
        (d) =>
          (filter.sha === undefined || d.sha === filter.sha) &&
          (filter.ref === undefined || d.ref === filter.ref) &&
          (filter.task === undefined || d.task === filter.task) &&
          (filter.environment === undefined || d.environment === filter.environment),
      ),
    )
  }

  /** A deployment's statuses, newest first. */
  statuses(deploymentId: number): DeploymentStatusRecord[] {
    return newestFirst(this.get(deploymentId)?.statuses ?? [])
  }

  /** The newest status of a deployment (by created_at), if any. */
  latestStatus(deploymentId: number): DeploymentStatusRecord | undefined {
    return this.statuses(deploymentId)[0]
  }
}
