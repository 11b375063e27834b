/**
 * The contract between the backport orchestration (GitHub side: triggers, PRs, comments) and
 * the backport engine (git side: which commits, fetching, cherry-picking, conflicts, pushing).
 */

/** What the engine needs to know about the merged source PR (from the GitHub API). */
export interface SourcePr {
  number: number
  title: string
  /** Base branch the PR was merged into. */
  baseRef: string
  /** The PR's head commit (refs/pull/N/head). */
  headSha: string
  /** The commit GitHub created on the base branch (squash commit, last rebased commit, or merge commit). */
  mergeCommitSha: string
  /** Number of commits in the PR (pulls.get `commits`); may exceed 250. */
  commits: number
}

export type MergeMethod = 'squash' | 'rebase' | 'merge'

/** Which commits to cherry-pick and why (logged and shown in the PR body). */
export interface PickPlan {
  method: MergeMethod
  /** Commits to pick, oldest first. */
  commits: string[]
  /** `-m 1` for picking a merge commit itself (mergeCommits: mainline). */
  mainline?: 1
  /** Human explanation, e.g. "rebase merge: picking the 2 rebased commits in order". */
  explanation: string
  /**
   * Parents and subject of each planned commit by sha, as planPicks read them: prepareBranch does
   * not read them again. Optional (a plan stored by an older CLI lacks it); plain JSON, because the
   * CLI stores the plan.
   */
  commitInfo?: Record<string, { parents: string[]; subject: string }>
}

export interface PickedCommit {
  /** The original commit. */
  source: string
  /** The new commit on the backport branch; undefined when the pick was empty (already there). */
  result: string | undefined
  subject: string
}

/** A commit of the plan already on the target, found before picking (backport/applied.ts). */
export interface AppliedCommit {
  /** The plan's commit. */
  sha: string
  /** The commit on the target that proves it (the commit itself when the target contains it). */
  proof: string
  /** patch-id: the same patch; cherry-pick: a `cherry picked from` trailer, either direction. */
  evidence: 'contained' | 'patch-id' | 'cherry-pick' | 'svn-merge'
}

export interface BackportBranchRequest {
  pr: SourcePr
  /** Target branch, already validated as an existing release line. */
  target: string
  /** Branch to create, `backport/<number>-to-<target>`. */
  branch: string
  /**
   * The target's head as the remote listed it moments ago: when the tracking ref already holds it
   * (planPicks fetched the targets with the source), the target is not fetched again.
   */
  targetTip?: string
  plan: PickPlan
  remote: string
}

export type BranchOutcome =
  /** All commits applied (some may have been empty): the branch is ready to push. */
  | { status: 'picked'; branch: string; commits: PickedCommit[]; alreadyApplied?: AppliedCommit[] }
  /** Every commit was found on the target (alreadyApplied: the proof) or every pick came out empty. */
  | { status: 'already-applied'; commits: PickedCommit[]; alreadyApplied?: AppliedCommit[] }
  /**
   * A pick conflicted. The branch holds the commits that applied plus (conflicts: draft-pr)
   * one commit with the conflict markers of the first failing commit.
   */
  | {
      status: 'conflict'
      branch: string
      applied: PickedCommit[]
      failed: { sha: string; subject: string }
      conflictingFiles: string[]
      /** Each conflicting file and the kind of its conflict (same order as conflictingFiles). */
      conflicts: ConflictFile[]
      /** Earlier commits of the source line the target may lack (the "prerequisite hint"). */
      prerequisites: PrerequisiteHint
      /** Commits not yet applied after the failing one, oldest first. */
      remaining: string[]
      /** Exact commands a human runs to finish the backport by hand. */
      resumeCommands: string[]
      /** Whether the markers commit was made (draft-pr mode). */
      markersCommitted: boolean
      /** Commits of the plan found on the target before picking (not picked). */
      alreadyApplied?: AppliedCommit[]
    }

/** The conflict outcome of {@link BranchOutcome}. */
export type ConflictOutcome = Extract<BranchOutcome, { status: 'conflict' }>

/**
 * How one file conflicted, from its index stages (1 base, 2 target, 3 fix):
 * - `both-modified`: both sides changed it (1 2 3): the file holds conflict markers;
 * - `deleted-on-target`: the fix modifies a file the target deleted or moved (1 3);
 * - `deleted-in-fix`: the fix deletes a file the target modified (1 2);
 * - `added-on-both`: both sides added it with different contents (2 3);
 * - `renamed`: a rename git could not carry over (stage 2 or 3 alone, or 1 alone).
 */
export type ConflictKind =
  'both-modified' | 'deleted-on-target' | 'deleted-in-fix' | 'added-on-both' | 'renamed'

export interface ConflictFile {
  path: string
  kind: ConflictKind
}

/**
 * Whether a backport of a prerequisite to the target exists: its PR (from the branch
 * `backport/<n>-to-<target>`) open, merged or closed unmerged; `missing` when there is none;
 * `unknown` when not asked (no API, or the commit has no known PR).
 */
export type PrerequisiteBackport =
  | { state: 'open' | 'merged' | 'closed'; number: number; url: string }
  | { state: 'missing' | 'unknown' }

/** An earlier commit of the source line that touched a conflicting file and has no equivalent on the target. */
export interface Prerequisite {
  sha: string
  subject: string
  /** The conflicting files it touched. */
  files: string[]
  /** Its PR: the number from the subject's `(#123)`; url once the job knows the server. */
  pr: { number: number; title: string; url: string | undefined } | undefined
  backport: PrerequisiteBackport
}

export interface PrerequisiteHint {
  /** Newest first, at most the newest 10. */
  commits: Prerequisite[]
  /** How many more such commits there are beyond `commits`. */
  more: number
  /** Why the hint could not be worked out (it is then empty); undefined when it was. */
  unavailable: string | undefined
}
