import { Deployments, type DeploymentFilter } from './deployments.js'
import { Faults } from './faults.js'
import { fakeSha } from './ids.js'
import type {
  AddDeployment,
  AddDeploymentStatus,
  AddIssue,
  AddPullRequest,
  AddRelease,
} from './inputs.js'
import type {
  CheckRunRecord,
  CommentRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  Permission,
  PullRequestRecord,
  ReleaseRecord,
  ReviewRecord,
  StatusRecord,
} from './records.js'

export type {
  AddDeployment,
  AddDeploymentStatus,
  AddIssue,
  AddPullRequest,
  AddRelease,
} from './inputs.js'

/**
 * In-memory repository behind the fake GitHub API: seed it before a test, read it after.
 * Issues and pull requests share one number sequence, like on GitHub.
 */
export class FakeGitHubState {
  readonly owner: string
  readonly repo: string
  defaultBranch: string
  /**
   * Login of every token not given its own with setTokenLogin: author of the comments, PRs,
   * reactions and statuses the code creates. GitHub's type follows the login (`…[bot]` is a Bot).
   */
  actor = 'github-actions[bot]'
  /** Token -> login, for tests that act as several accounts (see setTokenLogin). */
  readonly tokenLogins = new Map<string, string>()
  readonly issues = new Map<number, IssueRecord>()
  readonly repoLabels = new Map<string, LabelRecord>()
  readonly milestones = new Map<number, MilestoneRecord>()
  readonly issueComments = new Map<number, CommentRecord>()
  readonly reviews: ReviewRecord[] = []
  readonly permissions = new Map<string, Permission>()
  readonly teamMembers = new Set<string>()
  readonly checkRunRecords: CheckRunRecord[] = []
  readonly statusRecords: StatusRecord[] = []
  readonly releases: ReleaseRecord[] = []
  /** Deployments and their statuses (seed with addDeployment; read with deployments()). */
  readonly deploymentStore = new Deployments(this)
  /** Branch name -> head sha, for repositories without an origin (and overrides with one). */
  readonly branches = new Map<string, string>()
  /** Fault injection (also reachable as `server.faults`). */
  readonly faults = new Faults()
  checkRunsForbidden = false
  /** When set, enablePullRequestAutoMerge answers a GraphQL error with this message. */
  autoMergeFailure: string | null = null
  private nextNumber = 1
  private nextId = 1000
  private clock = Date.parse('2026-01-05T10:00:00Z')

  constructor(owner: string, repo: string, defaultBranch = 'main') {
    this.owner = owner
    this.repo = repo
    this.defaultBranch = defaultBranch
  }

  /** A new unique id (issues, comments, labels, check runs...). */
  newId(): number {
    return ++this.nextId
  }

  /** Deterministic clock: every call is one second later. */
  now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  // ---- seeding -------------------------------------------------------------------------

  addPullRequest(input: AddPullRequest): PullRequestRecord {
    const issue = this.newIssue(
      { ...input, state: input.state ?? (input.merged ? 'closed' : 'open') },
      input.number,
    )
    const merged = input.merged ?? false
    const pr: PullRequestRecord = {
      ...issue,
      milestone: input.milestone === undefined ? null : this.milestoneNumber(input.milestone),
      pull: {
        baseRef: input.baseRef,
        headRef: input.headRef,
        headSha: input.headSha,
        baseSha: input.baseSha ?? fakeSha(`base:${input.baseRef}`),
        headOwner: this.owner,
        draft: input.draft ?? false,
        merged,
        mergedAt: merged ? this.now() : null,
        mergedBy: merged ? (input.user ?? 'octocat') : null,
        mergeCommitSha: input.mergeCommitSha ?? null,
        commits: input.commits ?? [{ sha: input.headSha, message: input.title }],
        requestedReviewers: [...(input.requestedReviewers ?? [])],
        requestedTeams: [],
        maintainerCanModify: false,
        autoMerge: null,
      },
    }
    this.issues.set(pr.number, pr)
    return pr
  }

  addIssue(input: AddIssue): IssueRecord {
    const issue = this.newIssue(input, input.number)
    this.issues.set(issue.number, issue)
    return issue
  }

  /** Marks a pull request merged and closed. */
  mergePullRequest(
    number: number,
    mergeCommitSha: string,
    mergedBy = 'octocat',
  ): PullRequestRecord {
    const pr = this.pullRequest(number)
    if (!pr) throw new Error(`fake GitHub: no pull request #${number}`)
    const at = this.now()
    Object.assign(pr, { state: 'closed', closedAt: at, updatedAt: at })
    Object.assign(pr.pull, { merged: true, mergedAt: at, mergedBy, mergeCommitSha })
    return pr
  }

  addComment(issueNumber: number, user: string, body: string): CommentRecord {
    if (!this.issues.has(issueNumber)) throw new Error(`fake GitHub: no issue #${issueNumber}`)
    const at = this.now()
    const comment: CommentRecord = {
      id: this.newId(),
      issueNumber,
      user,
      body,
      createdAt: at,
      updatedAt: at,
      reactions: [],
    }
    this.issueComments.set(comment.id, comment)
    return comment
  }

  addReview(
    pullNumber: number,
    user: string,
    state: ReviewRecord['state'] = 'APPROVED',
    body = '',
  ): ReviewRecord {
    const pr = this.pullRequest(pullNumber)
    if (!pr) throw new Error(`fake GitHub: no pull request #${pullNumber}`)
    const review: ReviewRecord = {
      id: this.newId(),
      pullNumber,
      user,
      state,
      body,
      commitId: pr.pull.headSha,
      submittedAt: this.now(),
    }
    this.reviews.push(review)
    return review
  }

  addLabel(name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const existing = this.findLabel(name)
    if (existing) return existing
    const label: LabelRecord = { id: this.newId(), name, color, description }
    this.repoLabels.set(name.toLowerCase(), label)
    return label
  }

  addMilestone(title: string): MilestoneRecord {
    const number = this.milestones.size + 1
    const milestone: MilestoneRecord = { number, id: this.newId(), title, state: 'open' }
    this.milestones.set(number, milestone)
    return milestone
  }

  addRelease(input: AddRelease): ReleaseRecord {
    const at = input.publishedAt ?? this.now()
    const release: ReleaseRecord = {
      id: this.newId(),
      tagName: input.tag,
      targetCommitish: input.targetCommitish ?? this.defaultBranch,
      name: input.name ?? input.tag,
      body: input.body ?? null,
      draft: input.draft ?? false,
      prerelease: input.prerelease ?? false,
      author: input.author ?? 'octocat',
      createdAt: at,
      publishedAt: input.draft ? null : at,
    }
    this.releases.push(release)
    return release
  }

  /**
   * A deployment of `sha` (40 hex) in `environment` (default production), with `statuses` added
   * oldest first. Timestamps come from the clock unless `at` is given, so order is deterministic.
   */
  addDeployment(input: AddDeployment): DeploymentRecord {
    return this.deploymentStore.add(input)
  }

  /** A new status of a deployment, as given (no auto_inactive: that is the API's doing). */
  addDeploymentStatus(deploymentId: number, input: AddDeploymentStatus): DeploymentStatusRecord {
    return this.deploymentStore.addStatus(deploymentId, input)
  }

  setBranch(name: string, sha: string): void {
    this.branches.set(name, sha)
  }

  setPermission(login: string, permission: Permission): void {
    this.permissions.set(login.toLowerCase(), permission)
  }

  permissionOf(login: string): Permission {
    return this.permissions.get(login.toLowerCase()) ?? 'read'
  }

  addTeamMember(org: string, teamSlug: string, login: string): void {
    this.teamMembers.add(teamKey(org, teamSlug, login))
  }

  isTeamMember(org: string, teamSlug: string, login: string): boolean {
    return this.teamMembers.has(teamKey(org, teamSlug, login))
  }

  // ---- failure switches ----------------------------------------------------------------

  /** checks/create and checks/update answer 403 "Resource not accessible by integration". */
  forbidCheckRuns(): void {
    this.checkRunsForbidden = true
  }

  /** enablePullRequestAutoMerge fails with `message` (e.g. auto-merge disabled on the repository). */
  failAutoMerge(message = 'Auto merge is not allowed for this repository'): void {
    this.autoMergeFailure = message
  }

  /**
   * The next `times` calls of an operation (e.g. "pulls/create") answer `status` with `message`,
   * without applying: shorthand for an 'error' fault (`faults.add`).
   */
  failOperation(
    operationId: string,
    status: number,
    message = 'Injected failure',
    times = 1,
    headers: Record<string, string> = {},
  ): void {
    this.faults.add({ operation: operationId, kind: 'error', status, message, times, headers })
  }

  // ---- identities ----------------------------------------------------------------------

  /**
   * Requests made with `token` act as `login` (e.g. 'other-app[bot]' to post a foreign bot's
   * comment through the API). Other tokens act as `actor`.
   */
  setTokenLogin(token: string, login: string): void {
    this.tokenLogins.set(token, login)
  }

  /** The login an Authorization header acts as ("token X", "Bearer X"). */
  loginFor(authorization: string | undefined): string {
    const token = (authorization ?? '').replace(/^(?:token|bearer)\s+/i, '')
    return this.tokenLogins.get(token) ?? this.actor
  }

  // ---- reading -------------------------------------------------------------------------

  pullRequest(number: number): PullRequestRecord | undefined {
    const issue = this.issues.get(number)
    return issue?.pull ? (issue as PullRequestRecord) : undefined
  }

  pullRequests(): PullRequestRecord[] {
    return [...this.issues.values()].filter((i): i is PullRequestRecord => i.pull !== null)
  }

  comments(issueNumber: number): CommentRecord[] {
    return [...this.issueComments.values()].filter((c) => c.issueNumber === issueNumber)
  }

  labels(issueNumber: number): string[] {
    return [...(this.issues.get(issueNumber)?.labels ?? [])]
  }

  checkRuns(): CheckRunRecord[] {
    return this.checkRunRecords
  }

  statuses(): StatusRecord[] {
    return this.statusRecords
  }

  /** Deployments newest first, filtered like GET /deployments. */
  deployments(filter: DeploymentFilter = {}): DeploymentRecord[] {
    return this.deploymentStore.list(filter)
  }

  /** A deployment's statuses, newest first. */
  deploymentStatuses(deploymentId: number): DeploymentStatusRecord[] {
    return this.deploymentStore.statuses(deploymentId)
  }

  findLabel(name: string): LabelRecord | undefined {
    return this.repoLabels.get(name.toLowerCase())
  }

  /** Milestone number for a number or a title (created when the title is new). */
  milestoneNumber(milestone: number | string): number {
    if (typeof milestone === 'number') {
      if (!this.milestones.has(milestone)) throw new Error(`fake GitHub: no milestone ${milestone}`)
      return milestone
    }
    const found = [...this.milestones.values()].find((m) => m.title === milestone)
    return (found ?? this.addMilestone(milestone)).number
  }

  private newIssue(input: AddIssue, number?: number): IssueRecord {
    const n = number ?? this.nextNumber
    if (this.issues.has(n))
      throw new Error(`fake GitHub: issue or pull request #${n} already exists`)
    this.nextNumber = Math.max(this.nextNumber, n + 1)
    for (const label of input.labels ?? []) this.addLabel(label)
    const at = this.now()
    const state = input.state ?? 'open'
    return {
      number: n,
      id: this.newId(),
      title: input.title,
      body: input.body ?? null,
      user: input.user ?? 'octocat',
      state,
      stateReason: state === 'closed' ? 'completed' : null,
      labels: [...(input.labels ?? [])],
      assignees: [...(input.assignees ?? [])],
      milestone: null,
      locked: false,
      createdAt: at,
      updatedAt: at,
      closedAt: state === 'closed' ? at : null,
      pull: null,
    }
  }
}

function teamKey(org: string, teamSlug: string, login: string): string {
  return `${org}/${teamSlug}/${login}`.toLowerCase()
}
