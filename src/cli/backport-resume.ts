/**
 * `fixline backport --continue` and `--abort`: the targets recorded as stopped at a conflict
 * (backport-state.ts), finished after the user resolved them, or removed.
 */
import { continuePicks, removeWorktree } from '../backport/stop-at-conflict.js'
import type { Config } from '../config/types.js'
import { messageOf } from '../errors.js'
import type { Git } from '../git/git.js'
import { printable } from '../git/refs.js'
import { exitCode, failedRow, renderResults, type CliRow } from './backport-output.js'
import { dropSourceRefs, exists, subjectsOf } from './backport-repo.js'
import { lazyGitHub, type PlannedSource } from './backport-sources.js'
import { writeState, type BackportState, type StoppedTarget } from './backport-state.js'
import { finishBranch, pickedFromTrailers, type TargetRun } from './backport-target.js'
import type { Paths } from './backport.js'
import { UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'

export async function resume(
  git: Git,
  io: CliIO,
  env: NodeJS.ProcessEnv,
  config: Config,
  state: BackportState,
  targets: readonly StoppedTarget[],
  paths: Paths,
): Promise<number> {
  const source: PlannedSource = {
    pr: state.pr,
    ...(state.pull ? { pull: state.pull } : {}),
    plan: state.plan,
    id: 0,
    label: state.label,
  }
  const run: TargetRun = {
    git,
    config,
    remote: state.remote,
    source,
    subjects: await subjectsOf(git, state.plan.commits),
    push: state.push,
    openPr: state.openPr,
    worktrees: paths.worktrees,
    github: lazyGitHub(git, state.remote, env, '--open-pr'),
  }
  const rows: CliRow[] = []
  const finished = new Set<StoppedTarget>()
  for (const t of targets) {
    let row: CliRow
    try {
      row = await continueTarget(run, t, finished)
    } catch (error) {
      row = failedRow(t.target, `${messageOf(error)} (the worktree ${t.worktree} is left as it is)`)
    }
    rows.push(row)
    // Finished once its picks are done, even when the push or the PR failed afterwards (the row
    // says so; the branch holds the work): --abort must never delete a finished branch.
    if (finished.has(t)) state.targets = state.targets.filter((s) => s !== t)
  }
  await writeState(paths.file, state)
  if (state.targets.length === 0) await dropSourceRefs(git, state.pr)
  io.out(renderResults(`Continuing the backport of ${state.label}`, rows))
  return exitCode(rows)
}

async function continueTarget(
  run: TargetRun,
  t: StoppedTarget,
  finished: Set<StoppedTarget>,
): Promise<CliRow> {
  const { git, source, subjects } = run
  if (!(await exists(t.worktree)))
    return failedRow(
      t.target,
      `the worktree ${t.worktree} is gone: drop this target with fixline backport --abort --to ${t.target}`,
    )
  const result = await continuePicks(git.at(t.worktree), source.plan.commits, subjects)
  const stoppedRow = (files: string[], failed: string, why: string): CliRow => ({
    target: t.target,
    status: 'conflict',
    message: why,
    stopped: {
      worktree: t.worktree,
      branch: t.branch,
      failed: { sha: failed, subject: subjects.get(failed) ?? '' },
      files,
      remaining: remainingAfter(source.plan.commits, failed),
    },
  })
  if (result.status === 'unresolved')
    return stoppedRow(
      result.files,
      t.failed,
      `still unmerged in ${result.files.join(', ')}: resolve and git add them first`,
    )
  if (result.status === 'conflict') {
    t.failed = result.failed.sha
    return stoppedRow(
      result.conflictingFiles,
      result.failed.sha,
      `cherry-picking ${result.failed.sha.slice(0, 12)} conflicted in ${result.conflictingFiles.join(', ')}`,
    )
  }
  await removeWorktree(git, t.worktree)
  finished.add(t)
  const commits = await pickedFromTrailers(git, t.start, t.branch, source.plan.commits, subjects)
  return finishBranch(run, t.target, t.branch, { status: 'picked', branch: t.branch, commits })
}

export async function abort(
  git: Git,
  io: CliIO,
  state: BackportState,
  targets: readonly StoppedTarget[],
  file: string,
): Promise<number> {
  const rows: CliRow[] = []
  for (const t of targets) {
    await removeWorktree(git, t.worktree)
    await git.run(['branch', '-D', '--end-of-options', t.branch], { okCodes: [0, 1] })
    rows.push({
      target: t.target,
      status: 'skipped',
      message: `aborted: removed the worktree ${t.worktree} and the branch ${t.branch}`,
    })
  }
  state.targets = state.targets.filter((s) => !targets.includes(s))
  await writeState(file, state)
  if (state.targets.length === 0) await dropSourceRefs(git, state.pr)
  io.out(renderResults(`Aborted the backport of ${state.label}`, rows))
  return EXIT.ok
}

export function selectStopped(state: BackportState, wanted: readonly string[]): StoppedTarget[] {
  if (wanted.length === 0) return state.targets
  const names = state.targets.map((t) => t.target)
  const unknown = wanted.find((w) => !names.includes(w))
  if (unknown !== undefined)
    throw new UsageError(
      `${printable(unknown)} is not stopped at a conflict (stopped: ${names.join(', ')})`,
    )
  return state.targets.filter((t) => wanted.includes(t.target))
}

function remainingAfter(commits: readonly string[], failed: string): string[] {
  const index = commits.indexOf(failed)
  return index >= 0 ? commits.slice(index + 1) : []
}
