/**
 * Builds one backport branch: fetch the target tip, cherry-pick the planned commits in a temporary
 * worktree (the workspace checkout is never touched; every target is independent), and leave the
 * result as the local branch `refs/heads/backport/...` for {@link pushBranch}.
 */
import type { Git } from '../git/git.js'
import { checkedOutRef, readCommits } from '../git/commits.js'
import { withWorktree } from '../git/worktree.js'
import { findApplied, withApplied, type KnownCommits } from './applied.js'
import { abortPicks, commitConflictMarkers, runPicks, type PickRun } from './cherry-pick.js'
import { fetchTarget } from './fetch.js'
import { findPrerequisites, NO_PREREQUISITES } from './prerequisites.js'
import { assertOwnedBranch } from './push.js'
import { resumeCommands } from './resume.js'
import type { BackportBranchRequest, BranchOutcome, PrerequisiteHint } from './types.js'

export type ConflictMode = 'draft-pr' | 'comment' | 'stop'

export interface PrepareOptions {
  /**
   * draft-pr: keep the applied commits plus one conflict-markers commit; comment: no branch;
   * stop: the branch holds only the commits that applied (the target tip when none did), for a
   * caller that redoes the failing pick where a person resolves it (the local CLI, see
   * stop-at-conflict.ts).
   */
  conflicts: ConflictMode
}

interface WorktreeResult {
  run: PickRun
  /** Tip to store as the branch; undefined when no branch is kept. */
  tip: string | undefined
  markersCommit?: string
}

/**
 * Prepares `request.branch` from `request.target` with the commits of `request.plan` (which
 * {@link planPicks} fetched). Outcomes: picked (branch ready to push), already-applied (no branch),
 * conflict (branch with the markers commit in draft-pr mode, none in comment mode).
 */
export async function prepareBranch(
  git: Git,
  request: BackportBranchRequest,
  options: PrepareOptions,
): Promise<BranchOutcome> {
  const branch = await assertOwnedBranch(git, request.branch)
  if ((await checkedOutRef(git)) === `refs/heads/${branch}`)
    throw new Error(`${branch} is checked out in ${git.cwd}; switch to another branch first`)
  const start = await fetchTarget(git, request.remote, request.target)
  const all = request.plan.commits
  const known = await readTipAndPlan(git, start, all)
  const found = await findApplied(git, {
    commits: all,
    target: start,
    remote: request.remote,
    sourceBase: request.pr.baseRef,
    known,
  })
  const commits = all.filter((c) => !found.has(c))
  const subjects = new Map([...known.commits].map(([sha, c]) => [sha, c.subject]))
  const mainline = request.plan.mainline
  const result = await withWorktree(git, start, async (wt): Promise<WorktreeResult> => {
    const run = await runPicks(wt, { commits, subjects, start, ...(mainline ? { mainline } : {}) })
    if (run.status === 'done') return { run, tip: run.head }
    if (options.conflicts !== 'draft-pr') {
      const applied =
        options.conflicts === 'stop' ? await wt.text(['rev-parse', 'HEAD']) : undefined
      await abortPicks(wt)
      return { run, tip: applied }
    }
    const markersCommit = await commitConflictMarkers(wt, run.failed.sha, run.conflicts)
    return { run, tip: markersCommit, markersCommit }
  })
  if (result.tip) await git.run(['update-ref', `refs/heads/${branch}`, result.tip])
  const hint =
    result.run.status === 'conflict'
      ? await findPrerequisites(git, {
          remote: request.remote,
          target: request.target,
          targetTip: start,
          sourceBranch: request.pr.baseRef,
          failed: result.run.failed.sha,
          files: result.run.conflictingFiles,
          planned: request.plan.commits,
        })
      : NO_PREREQUISITES
  return withApplied(outcome(request, branch, result, hint), { found, planned: all, subjects })
}

/**
 * The target tip's sha and the planned commits' parents and subjects, with one `git log`
 * (`--no-walk=unsorted` keeps the order given: the tip comes first).
 */
async function readTipAndPlan(
  git: Git,
  start: string,
  planned: readonly string[],
): Promise<KnownCommits> {
  const [tip, ...rest] = await readCommits(git, ['--no-walk=unsorted', start, ...planned])
  if (!tip) throw new Error(`${start} names no commit after fetching it`)
  const commits = new Map([tip, ...rest].map((c) => [c.sha, c]))
  return { tip: tip.sha, commits }
}

function outcome(
  request: BackportBranchRequest,
  branch: string,
  result: WorktreeResult,
  prerequisites: PrerequisiteHint,
): BranchOutcome {
  const { run } = result
  if (run.status === 'done') {
    if (result.tip === undefined) return { status: 'already-applied', commits: run.picked }
    return { status: 'picked', branch, commits: run.picked }
  }
  return {
    status: 'conflict',
    branch,
    applied: run.picked,
    failed: run.failed,
    conflictingFiles: run.conflictingFiles,
    conflicts: run.conflicts,
    prerequisites,
    remaining: run.remaining,
    resumeCommands: resumeCommands({
      remote: request.remote,
      base: request.pr.baseRef,
      target: request.target,
      branch,
      failed: run.failed.sha,
      remaining: run.remaining,
      applied: run.picked.filter((p) => p.result !== undefined).map((p) => p.source),
      conflictingFiles: run.conflictingFiles,
      ...(request.plan.mainline ? { mainline: request.plan.mainline } : {}),
      ...(result.markersCommit ? { markersCommit: result.markersCommit } : {}),
    }),
    markersCommitted: result.markersCommit !== undefined,
  }
}
