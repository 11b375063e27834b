/**
 * `fixline backport` on a local clone, through the action's engine (DESIGN.md section 5):
 *
 *   fixline backport <PR number | commit...> --to <line>... [--push] [--open-pr]
 *   fixline backport --continue | --abort [--to <line>...]
 *
 * Every target is attempted; one stopped at a conflict waits in its worktree for --continue
 * (state: backport-state.ts) while the others finish. Exit 0 all done, 1 a target conflicted or
 * failed, 2 bad usage, 3 internal failure.
 */
import { stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { defaultEngine } from '../backport/default-engine.js'
import { continuePicks, removeWorktree } from '../backport/stop-at-conflict.js'
import { isReleaseLine } from '../config/patterns.js'
import type { Config } from '../config/types.js'
import { messageOf } from '../errors.js'
import { readCommits } from '../git/commits.js'
import type { Git } from '../git/git.js'
import { assertValidBranchName, printable } from '../git/refs.js'
import { parseBackportArgs, type BackportRequest } from './backport-args.js'
import { renderResults, type CliRow } from './backport-output.js'
import { branchFor, lazyGitHub, planSource, type PlannedSource } from './backport-sources.js'
import {
  readState,
  statePaths,
  writeState,
  type BackportState,
  type StoppedTarget,
} from './backport-state.js'
import { finishBranch, pickedFromTrailers, startTarget, type TargetRun } from './backport-target.js'
import { loadConfig, openRepo, UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'

export async function runBackportCommand(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = parseBackportArgs(argv)
  if (!parsed.ok) throw new UsageError(parsed.error)
  const request = parsed.request
  const git = await mainWorktree(await openRepo(request.repo ?? io.cwd))
  const paths = await statePaths(git)
  const state = await readState(paths.file)
  if (request.mode === 'start') {
    if (state)
      throw new UsageError(
        `the backport of ${state.label} is stopped at a conflict on ${state.targets.map((t) => t.target).join(', ')}: ` +
          'finish it with fixline backport --continue, or drop it with fixline backport --abort',
      )
    await assertRemote(git, request.remote)
    const config = await loadConfig(git.cwd, io.cwd, request.config)
    return start(git, io, env, config, request, paths)
  }
  if (!state) throw new UsageError(`no backport is stopped here: nothing to ${request.mode}`)
  const targets = selectStopped(state, request.targets)
  if (request.mode === 'abort') return abort(git, io, state, targets, paths.file)
  const config = await loadConfig(git.cwd, io.cwd, state.config)
  return resume(git, io, env, config, state, targets, paths)
}

type StartRequest = Extract<BackportRequest, { mode: 'start' }>
type Paths = { file: string; worktrees: string }

async function start(
  git: Git,
  io: CliIO,
  env: NodeJS.ProcessEnv,
  config: Config,
  request: StartRequest,
  paths: Paths,
): Promise<number> {
  const why = request.source.kind === 'pr' ? `PR #${request.source.number}` : '--open-pr'
  const github = lazyGitHub(git, request.remote, env, why)
  const defaultBranch = await remoteDefaultBranch(git, request.remote)
  const source = await planSource(
    { git, remote: request.remote, config, env, defaultBranch, github },
    request.source,
  )
  const run: TargetRun = {
    git,
    config,
    remote: request.remote,
    source,
    subjects: await subjectsOf(git, source.plan.commits),
    push: request.push,
    openPr: request.openPr,
    worktrees: paths.worktrees,
    github,
  }
  const rows: CliRow[] = []
  const stopped: StoppedTarget[] = []
  const checked = await checkTargets(run, request.targets, defaultBranch)
  for (const item of checked) {
    if ('row' in item) {
      rows.push(item.row)
      continue
    }
    const result = await attempt(run, item.target, item.branch)
    rows.push(result.row)
    if (result.stopped) stopped.push(result.stopped)
  }
  await writeState(paths.file, {
    version: 1,
    pr: source.pr,
    ...(source.pull ? { pull: source.pull } : {}),
    plan: source.plan,
    label: source.label,
    remote: request.remote,
    push: request.push,
    openPr: request.openPr,
    ...(request.config ? { config: absolute(io.cwd, request.config) } : {}),
    targets: stopped,
  })
  io.out(renderResults(heading(source), rows))
  return exitCode(rows)
}

/** One target; a failure of its own becomes its failed row, and leaves no worktree or branch behind. */
async function attempt(run: TargetRun, target: string, branch: string) {
  try {
    return await startTarget(run, target, branch)
  } catch (error) {
    await cleanUp(run.git, run.worktrees, branch)
    return { row: failedRow(target, messageOf(error)) }
  }
}

async function cleanUp(git: Git, worktrees: string, branch: string): Promise<void> {
  try {
    await removeWorktree(git, resolve(worktrees, branch.replace(/\//g, '-')))
    await git.run(['branch', '-D', '--end-of-options', branch], { okCodes: [0, 1] })
  } catch {
    // Best effort: the row already says what failed.
  }
}

type Checked = { row: CliRow } | { target: string; branch: string }

/**
 * The action's checks before any pick (validate.ts): valid names, not the PR's own base, a
 * release line, present on the remote (one ls-remote), plus the CLI's own: no local branch of
 * that name already (a user's work is never overwritten).
 */
async function checkTargets(
  run: TargetRun,
  targets: readonly string[],
  defaultBranch: string | undefined,
): Promise<Checked[]> {
  const { git, source } = run
  const named: Array<{ target: string; branch: string }> = []
  const out: Checked[] = []
  for (const target of targets) {
    const branch = branchFor(source, target)
    try {
      await assertValidBranchName(git, target)
      await assertValidBranchName(git, branch)
    } catch (error) {
      out.push({ row: failedRow(target, messageOf(error)) })
      continue
    }
    if (source.pull && target === source.pr.baseRef)
      out.push({
        row: {
          target,
          status: 'already-applied',
          message: `#${source.pr.number} was merged into ${target} itself`,
        },
      })
    else if (!isReleaseLine(target, run.config.lines, defaultBranch))
      out.push({
        row: failedRow(
          target,
          `branch ${target} is not a release line (see lines.patterns in the config)`,
        ),
      })
    else named.push({ target, branch })
  }
  if (named.length === 0) return out
  const heads = await defaultEngine.remoteBranchHeads(
    git,
    run.remote,
    named.map((n) => n.target),
  )
  for (const item of named) {
    if (!heads.has(item.target))
      out.push({
        row: failedRow(item.target, `branch ${item.target} does not exist on ${run.remote}`),
      })
    else if (await hasLocalBranch(git, item.branch))
      out.push({
        row: failedRow(
          item.target,
          `the local branch ${item.branch} already exists (from an earlier backport?): delete it with git branch -D ${item.branch} to redo it`,
        ),
      })
    else out.push(item)
  }
  return targets.flatMap((t) => out.filter((o) => ('row' in o ? o.row.target : o.target) === t))
}

async function resume(
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
  for (const t of targets) {
    let row: CliRow
    try {
      row = await continueTarget(run, t)
    } catch (error) {
      row = failedRow(t.target, `${messageOf(error)} (the worktree ${t.worktree} is left as it is)`)
    }
    rows.push(row)
    if (row.status !== 'conflict' && row.status !== 'failed')
      state.targets = state.targets.filter((s) => s !== t)
  }
  await writeState(paths.file, state)
  io.out(renderResults(`Continuing the backport of ${state.label}`, rows))
  return exitCode(rows)
}

async function continueTarget(run: TargetRun, t: StoppedTarget): Promise<CliRow> {
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
  const commits = await pickedFromTrailers(git, t.start, t.branch, source.plan.commits, subjects)
  return finishBranch(run, t.target, t.branch, { status: 'picked', branch: t.branch, commits })
}

async function abort(
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
  io.out(renderResults(`Aborted the backport of ${state.label}`, rows))
  return EXIT.ok
}

function selectStopped(state: BackportState, wanted: readonly string[]): StoppedTarget[] {
  if (wanted.length === 0) return state.targets
  const names = state.targets.map((t) => t.target)
  const unknown = wanted.find((w) => !names.includes(w))
  if (unknown !== undefined)
    throw new UsageError(
      `${printable(unknown)} is not stopped at a conflict (stopped: ${names.join(', ')})`,
    )
  return state.targets.filter((t) => wanted.includes(t.target))
}

function heading(source: PlannedSource): string {
  return `Backport of ${source.label}\nCommit selection: ${source.plan.explanation}`
}

function failedRow(target: string, message: string): CliRow {
  return { target, status: 'failed', message }
}

function exitCode(rows: readonly CliRow[]): number {
  return rows.some((r) => r.status === 'conflict' || r.status === 'failed')
    ? EXIT.failures
    : EXIT.ok
}

function remainingAfter(commits: readonly string[], failed: string): string[] {
  const index = commits.indexOf(failed)
  return index >= 0 ? commits.slice(index + 1) : []
}

async function subjectsOf(git: Git, commits: readonly string[]): Promise<Map<string, string>> {
  if (commits.length === 0) return new Map()
  const infos = await readCommits(git, ['--no-walk=unsorted', ...commits])
  return new Map(infos.map((c) => [c.sha, c.subject]))
}

/** The main worktree (worktrees are added and removed from there, even when run inside one). */
async function mainWorktree(git: Git): Promise<Git> {
  const [first] = await git.lines(['worktree', 'list', '--porcelain'])
  const path = first?.startsWith('worktree ') ? first.slice('worktree '.length) : undefined
  return path && (await exists(path)) ? git.at(path) : git
}

async function assertRemote(git: Git, remote: string): Promise<void> {
  const remotes = await git.lines(['remote'])
  if (!remotes.includes(remote))
    throw new UsageError(`the repository has no remote "${printable(remote)}" (use --remote NAME)`)
}

async function remoteDefaultBranch(git: Git, remote: string): Promise<string | undefined> {
  const r = await git.run(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], {
    okCodes: [0, 1, 128],
  })
  const root = `refs/remotes/${remote}/`
  const ref = r.stdout.trim()
  return r.exitCode === 0 && ref.startsWith(root) ? ref.slice(root.length) : undefined
}

async function hasLocalBranch(git: Git, branch: string): Promise<boolean> {
  const r = await git.run(['rev-parse', '-q', '--verify', `refs/heads/${branch}`], {
    okCodes: [0, 1],
  })
  return r.exitCode === 0
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

function absolute(cwd: string, file: string): string {
  return isAbsolute(file) ? file : resolve(cwd, file)
}
