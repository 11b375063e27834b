/** Plain records the fake GitHub keeps in memory. Factories turn them into API objects. */

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface CommitRecord {
  sha: string
  message: string
  parents?: string[]
  author?: { name: string; email: string; date: string }
}

export interface PullData {
  baseRef: string
  headRef: string
  headSha: string
  baseSha: string
  /** Owner of the head repository (the same repository unless a fork). */
  headOwner: string
  draft: boolean
  merged: boolean
  mergedAt: string | null
  mergedBy: string | null
  mergeCommitSha: string | null
  commits: CommitRecord[]
  requestedReviewers: string[]
  requestedTeams: string[]
  maintainerCanModify: boolean
  autoMerge: { mergeMethod: 'merge' | 'squash' | 'rebase'; enabledBy: string } | null
}

export interface IssueRecord {
  number: number
  id: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  assignees: string[]
  milestone: number | null
  locked: boolean
  createdAt: string
  updatedAt: string
  closedAt: string | null
  /** Set when the issue is a pull request (they share numbers, like on GitHub). */
  pull: PullData | null
}

export type PullRequestRecord = IssueRecord & { pull: PullData }

export interface CommentRecord {
  id: number
  issueNumber: number
  user: string
  body: string
  createdAt: string
  updatedAt: string
  reactions: ReactionRecord[]
}

export interface ReactionRecord {
  id: number
  user: string
  content: string
  createdAt: string
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
}

export interface MilestoneRecord {
  number: number
  id: number
  title: string
  state: 'open' | 'closed'
}

export interface ReviewRecord {
  id: number
  pullNumber: number
  user: string
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
  body: string
  commitId: string
  submittedAt: string
}

export interface AnnotationRecord {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
  start_column?: number
  end_column?: number
}

export interface CheckRunRecord {
  id: number
  name: string
  headSha: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  detailsUrl: string | null
  externalId: string | null
  startedAt: string | null
  completedAt: string | null
  output: {
    title: string | null
    summary: string | null
    text: string | null
    annotations: AnnotationRecord[]
  }
}

export interface StatusRecord {
  id: number
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context: string
  description: string | null
  targetUrl: string | null
  creator: string
  createdAt: string
}

export interface ReleaseRecord {
  id: number
  tagName: string
  targetCommitish: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  author: string
  createdAt: string
  publishedAt: string | null
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface DeploymentStatusRecord {
  id: number
  deploymentId: number
  state: DeploymentState
  creator: string
  description: string
  environment: string
  targetUrl: string
  logUrl: string
  environmentUrl: string
  createdAt: string
}

export interface DeploymentRecord {
  id: number
  /** The 40-hex commit deployed. */
  sha: string
  /** The ref asked for: a branch, a tag or a sha. */
  ref: string
  task: string
  /** The environment now (a status may move it); originalEnvironment is the one created with. */
  environment: string
  originalEnvironment: string
  payload: Record<string, unknown> | string
  description: string | null
  creator: string
  transientEnvironment: boolean
  productionEnvironment: boolean
  createdAt: string
  updatedAt: string
  /** Oldest first (the API lists them newest first). */
  statuses: DeploymentStatusRecord[]
}
