/**
 * The fix audit's result (issue 10): which fixes of an older line are missing on newer lines, which
 * backports were asked for and never landed, which conflict drafts wait. Plain data: the audit
 * (src/audit/) computes it, the CLI renders it (text, JSON, Markdown) and the dashboard
 * (src/dashboard/) shows it. JSON output is this object as is.
 */

/** A commit on an older line, found nowhere on a newer line (no patch-equivalent, no trailer link). */
export interface MissingFix {
  sha: string
  subject: string
  author: string
  /** Author date, ISO 8601. */
  date: string
  /** The line the fix was made on (older). */
  line: string
  /** Its PR: from the API when asked, else the `(#123)` in the subject. */
  pr?: { number: number; title?: string; url?: string }
  /** Every newer line (branch name) that lacks it and has no decision for it, newest first. */
  missingOn: string[]
  /** Newer lines where a maintainer recorded "not needed" (and how: trailer, label, dashboard). */
  decided: Array<{ line: string; how: 'trailer' | 'label' | 'dashboard'; by?: string }>
  /** Open forward-port PRs (`forwardport/<n>-to-<line>`) for it, found by the API part. */
  openPorts?: Array<{ line: string; pr: number; url?: string }>
}

/**
 * A "not needed on `line`" decision kept outside git (the dashboard's state), passed to the audit:
 * the fix `sha` (full, or a unique prefix of at least 7) is then listed as decided on `line`
 * (how: 'dashboard'), not as missing.
 */
export interface AuditDecision {
  sha: string
  line: string
  /** Who decided (a login). */
  by?: string
}

/** A fix whose only counterpart on a newer line has the same subject and author: probably ported, not missing. */
export interface ProbablyPorted {
  sha: string
  subject: string
  line: string
  /** The newer line, and its commit with the same subject and author. */
  on: string
  counterpart: string
}

/** A merged PR with a backport label whose target has neither an equivalent commit nor an open backport PR. */
export interface UnlandedBackport {
  pr: number
  title: string
  url?: string
  /** The label that asked for it. */
  label: string
  target: string
  mergedAt?: string
}

/** A draft backport or forward-port PR with conflicts, open longer than `audit.conflictDraftDays`. */
export interface WaitingDraft {
  pr: number
  title: string
  url?: string
  target: string
  /** Whole days since it was opened. */
  ageDays: number
}

export interface AuditLine {
  branch: string
  /** Newest first: 0 is the newest line (the default branch or `lines.newest`). */
  rank: number
}

export interface AuditReport {
  /** Lines, newest first. */
  lines: AuditLine[]
  /** Fixes missing on at least one newer line, or decided on one; oldest line first, then graph order. */
  fixes: MissingFix[]
  unlanded: UnlandedBackport[]
  waitingDrafts: WaitingDraft[]
  /** Fixes found on a newer line only by the weak same-subject-and-author evidence (never missing). */
  probable?: ProbablyPorted[]
  /** What could not be checked (a line not fetched, the API not reachable): said, never hidden. */
  warnings: string[]
  /** Figures of the run (commits compared, git processes), for the bench and the log. */
  stats: {
    commitsCompared: number
    gitProcesses: number
    ms: number
    /** Line pairs compared (older, newer). */
    linePairs?: number
    /** API requests the GitHub part made. */
    apiRequests?: number
  }
}
