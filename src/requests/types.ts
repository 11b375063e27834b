/** A backport request as filed through `.github/ISSUE_TEMPLATE/backport-request.yml`. */
export interface BackportRequest {
  /** The merged source pull request, when given. */
  pr: number | undefined
  /** Commit SHAs (7 to 40 hex digits, lower case), when given. */
  commits: string[]
  /** Target release lines (branch names), in the order given, without duplicates. */
  targets: string[]
  severity: Severity
  priority: Priority
  security: boolean
  dataLoss: boolean
  customerImpact: string
  justification: string
}

export type Severity = 'S1' | 'S2' | 'S3' | 'S4'
export type Priority = 'P1' | 'P2' | 'P3' | 'P4'

export type FormResult = { ok: true; request: BackportRequest } | { ok: false; problems: string[] }

/** The seed's flow: current line -> patch release; security fix -> security release; outside the window -> exception. */
export type Classification = 'patch' | 'security' | 'exception'

export type Approval = 'not-needed' | 'pending' | 'approved' | 'rejected'

export interface TargetPlan {
  target: string
  classification: Classification
  approval: Approval
}

/** What fixline did for one target; kept in the plan comment's hidden state. */
export interface TrackedTarget extends TargetPlan {
  approvedBy?: string
  /** Outcome of the backport, once attempted. */
  status?: 'created' | 'updated' | 'already-applied' | 'conflict' | 'failed' | 'skipped'
  message?: string
  pr?: { number: number; url: string; state: 'open' | 'merged' | 'closed' }
}

/** The hidden state of a plan comment: what was decided and done, so every event is idempotent. */
export interface RequestState {
  v: 1
  /** The source pull request. */
  source: number | undefined
  targets: TrackedTarget[]
  rejected?: { by: string; reason: string }
  /** Set once fixline closed the issue as completed. */
  completed?: boolean
}
