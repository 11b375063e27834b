/** What the seeding helpers of FakeGitHubState take (state.addPullRequest, addDeployment...). */
import type { CommitRecord, DeploymentState } from './records.js'

export interface AddPullRequest {
  number?: number
  title: string
  body?: string | null
  user?: string
  baseRef: string
  headRef: string
  headSha: string
  baseSha?: string
  merged?: boolean
  mergeCommitSha?: string
  commits?: CommitRecord[]
  labels?: string[]
  assignees?: string[]
  milestone?: number | string
  requestedReviewers?: string[]
  state?: 'open' | 'closed'
  draft?: boolean
}

export interface AddIssue {
  number?: number
  title: string
  body?: string | null
  user?: string
  labels?: string[]
  assignees?: string[]
  state?: 'open' | 'closed'
}

export interface AddRelease {
  tag: string
  /** Branch, tag or sha the release was cut from (default: the default branch). */
  targetCommitish?: string
  name?: string
  body?: string
  draft?: boolean
  prerelease?: boolean
  author?: string
  /** ISO time; default: the state's clock. A draft is never published (published_at null). */
  publishedAt?: string
}

export interface AddDeploymentStatus {
  state: DeploymentState
  /** created_at (ISO); default: the state's clock, one second after the previous timestamp. */
  at?: string
  /** Default: the previous status's environment, else the deployment's. */
  environment?: string
  environmentUrl?: string
  logUrl?: string
  targetUrl?: string
  description?: string
  creator?: string
}

export interface AddDeployment {
  /** The commit deployed: 40 hex digits. */
  sha: string
  /** Branch, tag or sha asked for (default: sha). */
  ref?: string
  /** Default 'production'. */
  environment?: string
  /** Default 'deploy'. */
  task?: string
  description?: string | null
  payload?: Record<string, unknown> | string
  /** Default 'octocat'. */
  creator?: string
  transient?: boolean
  /** Default: environment is 'production'. */
  production?: boolean
  /** created_at (ISO); default: the state's clock. */
  at?: string
  /** Statuses, oldest first, added as given (no auto_inactive on seeding). */
  statuses?: AddDeploymentStatus[]
}
