/**
 * Builds one backport branch: fetch the target tip, cherry-pick the planned commits in a temporary
 * worktree on the local branch `refs/heads/backport/...` (the workspace checkout is never touched;
 * every target is independent), which {@link pushBranch} then pushes.
 */
import type { Git } from '../git/git.js'
import { readCommits } from '../git/commits.js'
import { checkedOutRef, resolveRef } from '../git/ref-files.js'
import { withWorktree } from '../git/worktree.js'
import { findApplied, withApplied, type KnownCommits } from './applied.js'
import { commitConflictMarkers, runPicks, type PickInput, type PickRun } from './cherry-pick.js'
import { fetchTarget } from './fetch.js'
import { findPrerequisites, NO_PREREQUISITES } from './prerequisites.js'
import { assertOwnedBranch } from './push.js'
import { resumeCommands } from './resume.js'
import type { BackportBranchRequest, BranchOutcome, PickPlan, PrerequisiteHint } from './types.js'

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
  /** Whether the branch is kept (it holds the picks, or the picks that applied plus the markers). */
  keep: boolean
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
  const start = await fetchTarget(git, request.remote, request.target, request.targetTip)
  const all = request.plan.commits
  const known = await readTipAndPlan(git, start, request.plan)
  const found = await findApplied(git, {
    commits: all,
    target: start,
    remote: request.remote,
    sourceBase: request.pr.baseRef,
    known,
  })
  const commits = all.filter((c) => !found.has(c))
  const subjects = new Map([...known.commits].map(([sha, c]) => [sha, c.subject]))
  const result =
    commits.length === 0
      ? { run: { status: 'done' as const, picked: [] }, keep: false }
      : await pickOnBranch(git, branch, known.tip, options, {
          commits,
          subjects,
          start: known.tip,
          ...(request.plan.mainline ? { mainline: request.plan.mainline } : {}),
        })
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
 * Runs the picks in a worktree on `branch` (created or reset at `tip`), so the picks themselves
 * move the branch: nothing is stored afterwards. A conflict is left as it stands (removing the
 * worktree discards the stopped pick): in stop mode the branch keeps the picks that applied, in
 * draft-pr mode it gets the markers commit, and in comment mode (or when every pick came out
 * empty, or on an error after the worktree was made) the branch is deleted again. When the
 * worktree cannot be made (the branch is checked out elsewhere) the branch is left as it was.
 */
async function pickOnBranch(
  git: Git,
  branch: string,
  tip: string,
  options: PrepareOptions,
  input: PickInput,
): Promise<WorktreeResult> {
  let result: WorktreeResult | undefined
  let made = false
  try {
    result = await withWorktree(
      git,
      tip,
      async (wt): Promise<WorktreeResult> => {
        made = true
        const run = await runPicks(wt, input)
        if (run.status === 'done') return { run, keep: run.head !== undefined }
        if (options.conflicts !== 'draft-pr') return { run, keep: options.conflicts === 'stop' }
        const markersCommit = await commitConflictMarkers(wt, run.failed.sha, run.conflicts)
        return { run, keep: true, markersCommit }
      },
      { branch },
    )
    return result
  } finally {
    // A failed delete must not hide the error that got here.
    if (made && !result?.keep)
      await git.run(['update-ref', '-d', `refs/heads/${branch}`]).catch(() => undefined)
  }
}

/**
 * The target tip's sha and the planned commits' parents and subjects: from the plan and the
 * fetched ref's file when the plan carries them (no process), else with one `git log`
 * (`--no-walk=unsorted` keeps the order given: the tip comes first).
 */
async function readTipAndPlan(git: Git, start: string, plan: PickPlan): Promise<KnownCommits> {
  const info = plan.commitInfo
  if (info && plan.commits.every((c) => Object.hasOwn(info, c)))
    return { tip: await resolveRef(git, start), commits: new Map(Object.entries(info)) }
  const [tip, ...rest] = await readCommits(git, ['--no-walk=unsorted', start, ...plan.commits])
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
    if (!result.keep) return { status: 'already-applied', commits: run.picked }
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
      conflicts: run.conflicts,
      ...(request.plan.mainline ? { mainline: request.plan.mainline } : {}),
      ...(result.markersCommit ? { markersCommit: result.markersCommit } : {}),
    }),
    markersCommitted: result.markersCommit !== undefined,
  }
}
