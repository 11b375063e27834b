/**
 * One target of `fixline backport`: the action's engine builds the branch (prepareBranch in `stop`
 * mode); a conflict is redone in a worktree the user opens (stop-at-conflict.ts); a finished
 * branch is pushed and its PR opened exactly as the action opens it (same body, title, labels).
 */
import { join } from 'node:path'
import { describeApplied } from '../backport/applied.js'
import { defaultEngine } from '../backport/default-engine.js'
import { backportKind, prConfig } from '../backport/kind.js'
import { backportBranchName, findBackportPr, openBackportPr } from '../backport/pr.js'
import { withPrerequisitePrs } from '../backport/prerequisite-prs.js'
import { renderPrBody } from '../backport/report.js'
import { removeWorktree, stopAtConflict } from '../backport/stop-at-conflict.js'
import type { BranchOutcome, PickedCommit } from '../backport/types.js'
import type { Config } from '../config/types.js'
import { messageOf } from '../errors.js'
import type { Git } from '../git/git.js'
import type { CliRow } from './backport-output.js'
import type { PlannedSource } from './backport-sources.js'
import type { CliGitHub } from './backport-github.js'
import type { StoppedTarget } from './backport-state.js'

export interface TargetRun {
  git: Git
  config: Config
  remote: string
  source: PlannedSource
  /** Subjects of the plan's commits. */
  subjects: ReadonlyMap<string, string>
  push: boolean
  openPr: boolean
  /** Folder under which conflicted targets get their worktree. */
  worktrees: string
  github: () => Promise<CliGitHub>
}

export interface TargetResult {
  row: CliRow
  /** Set when the target stopped at a conflict (recorded for --continue). */
  stopped?: StoppedTarget
}

/** Backports the source to one target; never throws for the target's own failures. */
export async function startTarget(
  run: TargetRun,
  target: string,
  branch: string,
): Promise<TargetResult> {
  const { git, source } = run
  const outcome = await defaultEngine.prepareBranch(
    git,
    { pr: source.pr, target, branch, plan: source.plan, remote: run.remote },
    { conflicts: 'stop' },
  )
  if (outcome.status === 'already-applied')
    return {
      row: {
        target,
        status: 'already-applied',
        message: outcome.alreadyApplied?.length
          ? `every commit is already on ${target}: ${describeApplied(outcome.alreadyApplied, target)}`
          : `every commit is already on ${target} (the picks came out empty)`,
      },
    }
  if (outcome.status === 'picked') return { row: await finishBranch(run, target, branch, outcome) }
  return stopTarget(run, target, branch, outcome)
}

type Conflict = Extract<BranchOutcome, { status: 'conflict' }>

/** Redoes the failing pick and the rest in a worktree the user opens, and leaves it there on a conflict. */
async function stopTarget(
  run: TargetRun,
  target: string,
  branch: string,
  outcome: Conflict,
): Promise<TargetResult> {
  const { git } = run
  const start = await git.text(['rev-parse', '--verify', `refs/remotes/${run.remote}/${target}`])
  const worktree = join(run.worktrees, branch.replace(/\//g, '-'))
  const picks = await stopAtConflict(git, {
    dir: worktree,
    branch,
    commits: [outcome.failed.sha, ...outcome.remaining],
    subjects: run.subjects,
    ...(run.source.plan.mainline ? { mainline: run.source.plan.mainline } : {}),
  })
  if (picks.status === 'done') {
    // A full checkout applied it (a merge driver, say): the target is finished after all.
    await removeWorktree(git, worktree)
    const commits = [...outcome.applied, ...picks.picked]
    return {
      row: await finishBranch(run, target, branch, { status: 'picked', branch, commits }),
    }
  }
  const sameCommit = picks.failed.sha === outcome.failed.sha
  const explained = sameCommit ? await withPrerequisiteLinks(run, target, outcome) : undefined
  return {
    row: {
      target,
      status: 'conflict',
      message: `cherry-picking ${picks.failed.sha.slice(0, 12)} conflicted in ${picks.conflictingFiles.join(', ')}; stopped in its worktree (below)`,
      stopped: {
        worktree,
        branch,
        failed: picks.failed,
        files: picks.conflictingFiles,
        remaining: picks.remaining,
        ...(explained ? { explained } : {}),
        ...(run.source.pr.baseRef ? { sourceLine: run.source.pr.baseRef } : {}),
      },
    },
    stopped: { target, branch, worktree, start, failed: picks.failed.sha },
  }
}

/**
 * For a PR source (a token at hand), the prerequisites' PR links and whether each has a backport to
 * the target, as the action shows them; commits by sha stay without the API (state unknown).
 */
async function withPrerequisiteLinks(
  run: TargetRun,
  target: string,
  outcome: Conflict,
): Promise<Conflict> {
  if (!run.source.pull || outcome.prerequisites.commits.length === 0) return outcome
  try {
    const { github, owner, repo, serverUrl } = await run.github()
    const branchOf = (n: number) => backportBranchName(n, target)
    const sourceBranch = run.source.pr.baseRef
    return await withPrerequisitePrs(
      { github, owner, repo, serverUrl, sourceBranch, branchOf },
      outcome,
    )
  } catch {
    return outcome
  }
}

/**
 * A finished branch: the row, then (when asked) the push and the PR. A failed push or PR is the
 * target's failure; the local branch stays ready either way.
 */
export async function finishBranch(
  run: TargetRun,
  target: string,
  branch: string,
  outcome: Extract<BranchOutcome, { status: 'picked' }>,
): Promise<CliRow> {
  const picked = outcome.commits.filter((c) => c.result !== undefined).length
  const done = `${picked} commit(s) cherry-picked onto ${branch}`
  if (!run.push) return { target, status: 'created', message: done }
  try {
    await defaultEngine.pushBranch(run.git, run.remote, branch, { force: false })
  } catch (error) {
    return {
      target,
      status: 'failed',
      message: `${done}, but pushing it to ${run.remote} failed: ${messageOf(error)}`,
    }
  }
  if (!run.openPr) return { target, status: 'created', message: `${done}; pushed to ${run.remote}` }
  try {
    return await openPr(run, target, branch, outcome, done)
  } catch (error) {
    return {
      target,
      status: 'failed',
      message: `${done} and pushed, but opening the PR failed: ${messageOf(error)}`,
    }
  }
}

/** The PR as the action opens it (run-targets.ts prBody / openOrFindPr), unless one is already open. */
async function openPr(
  run: TargetRun,
  target: string,
  branch: string,
  outcome: Extract<BranchOutcome, { status: 'picked' }>,
  done: string,
): Promise<CliRow> {
  const pull = run.source.pull
  if (!pull) throw new Error('--open-pr needs the PR the commits came from')
  const { github, owner, repo } = await run.github()
  const existing = await findBackportPr(github, owner, repo, branch)
  if (existing?.state === 'open')
    return {
      target,
      status: 'updated',
      message: `${done}; a backport PR from ${branch} is already open`,
      pullRequest: { number: existing.number, url: existing.url },
    }
  const kind = backportKind(run.config)
  const body = renderPrBody({
    noun: kind.noun,
    source: { number: pull.source.number, title: pull.source.title },
    sourceBranch: pull.source.baseRef,
    target,
    plan: run.source.plan,
    outcome,
  })
  const { pull: created, warnings } = await openBackportPr({
    github,
    owner,
    repo,
    config: prConfig(run.config.backport, kind),
    source: pull,
    target,
    branch,
    body,
    conflict: false,
  })
  const extra = warnings.length > 0 ? ` (${warnings.join('; ')})` : ''
  return {
    target,
    status: 'created',
    message: `${done}; pushed and opened PR #${created.number}${extra}`,
    pullRequest: { number: created.number, url: created.url },
  }
}

/**
 * The picks of a branch finished by hand (--continue): each planned commit with the commit whose
 * `cherry picked from` trailer names it between `start` and the branch, or none (came out empty).
 */
export async function pickedFromTrailers(
  git: Git,
  start: string,
  branch: string,
  commits: readonly string[],
  subjects: ReadonlyMap<string, string>,
): Promise<PickedCommit[]> {
  const log = await git.text(['log', '--format=%H%x00%B%x01', `${start}..refs/heads/${branch}`])
  const bySource = new Map<string, string>()
  for (const entry of log.split('\x01')) {
    const [sha, body] = entry.replace(/^\n/, '').split('\0')
    if (!sha || body === undefined) continue
    for (const m of body.matchAll(/\(cherry picked from commit ([0-9a-f]{40,64})\)/g))
      if (m[1] && !bySource.has(m[1])) bySource.set(m[1], sha)
  }
  return commits.map((source) => ({
    source,
    result: bySource.get(source),
    subject: subjects.get(source) ?? '',
  }))
}
