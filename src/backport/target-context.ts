/** What every target of one backport run shares (run-targets.ts builds it, backport-one.ts reads it). */
import type { CreatedPullRequest, JobDeps } from '../jobs.js'
import type { MilestoneSummary } from '../github/milestones.js'
import type { BackportEngine } from './engine.js'
import type { PortKind } from './kind.js'
import type { PullInfo } from './source.js'
import type { PickPlan } from './types.js'

export interface RunOptions {
  requestIssue?: number
  /** Backport (the default) or forward-port: branch, title, labels, comment (kind.ts). */
  kind?: PortKind
  defaultBranch: () => Promise<string | undefined>
}

export interface TargetContext {
  deps: JobDeps
  engine: BackportEngine
  pull: PullInfo
  plan: () => Promise<PickPlan>
  options: RunOptions
  created: CreatedPullRequest[]
  kind: PortKind
  /** The open milestones, listed at most once per run (copyMilestone: target-line). */
  milestones: () => Promise<MilestoneSummary[]>
}
