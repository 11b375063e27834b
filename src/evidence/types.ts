/** Types of the fix-evidence module (see index.ts). */

/**
 * How a commit of one side was accounted for on the other:
 * - `patch-id`: a commit with the same `git patch-id --stable`;
 * - `cherry-pick`: linked by a `(cherry picked from commit <sha>)` trailer, either direction;
 * - `svn-merge`: an svn-style merge message naming revisions ("Merged r21541 and r21542 to
 *   5.0-stable") and a commit of that revision (`git-svn-id: ...@21541`, or a subject naming it);
 * - `revert`: the commit and its revert (`This reverts commit <sha>`) are both on this side: they
 *   cancel out;
 * - `release-tool`: a release tool's commit (`[maven-release-plugin] ...`) or a diff that changes
 *   only version strings: bookkeeping wherever it lives;
 * - `bookkeeping`: nothing is left of its diff once bookkeeping paths, vendored trees, binary and
 *   large files are left out;
 * - `same-subject-author`: only the subject and the author match (weak: "probably ported").
 */
export type EvidenceKind =
  | 'patch-id'
  | 'cherry-pick'
  | 'svn-merge'
  | 'revert'
  | 'release-tool'
  | 'bookkeeping'
  | 'same-subject-author'

/** The commit graph the module asks reachability of (CommitGraph in src/upgrade/discovery/graph.ts is one). */
export interface Ancestry {
  readonly shas: readonly string[]
  readonly size: number
  /** Position in topological order (ancestors first); -1 when unknown. */
  order(sha: string): number
  isMerge(i: number): boolean
  /** Bitset of the positions reachable from `sha`. */
  reachable(sha: string): Uint32Array
  /** Positions reachable from `a` and not from `x`, ascending. */
  exclusive(a: string, x: string): number[]
  /** Precomputes reachability of many commits (ancestors first). */
  prepare(shas: Iterable<string>): void
}

/** Two commit sets: what `from` reaches and `to` does not, against what `to` reaches and `from` does not. */
export interface CommitPair {
  from: string
  to: string
}

export interface CommitRef {
  sha: string
  subject: string
}

export interface PairEvidence extends CommitPair {
  /** Commits of `from`'s side with no evidence on `to`'s side: fixes that `to` lacks. In graph order. */
  lost: CommitRef[]
  /** Commits whose only evidence is a commit of `to`'s side with the same subject and author. */
  probable: { commit: CommitRef; counterpart: CommitRef }[]
  /** How many commits of `from`'s side each kind of evidence accounted for. */
  counts: Partial<Record<EvidenceKind, number>>
  /** Commits of `from`'s side that could not be read (see the problems): neither lost nor found. */
  unread: number
  /** With `detail`: every accounted-for commit, its evidence and the commit on `to`'s side it matched (if one). */
  found?: { commit: CommitRef; evidence: EvidenceKind; counterpart?: string }[]
}

/** A file or commit that could not be read: a warning, never a failure. */
export interface EvidenceProblem {
  kind: 'missing-object' | 'unreadable'
  message: string
  path?: string
  commits: string[]
}
