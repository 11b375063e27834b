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
import { isAbsolute, resolve } from 'node:path'
import { removeWorktree } from '../backport/stop-at-conflict.js'
import type { Config } from '../config/types.js'
import { messageOf } from '../errors.js'
import type { Git } from '../git/git.js'
import { parseBackportArgs, type BackportRequest } from './backport-args.js'
import { checkTargets } from './backport-checks.js'
import { exitCode, failedRow, renderResults, type CliRow } from './backport-output.js'
import {
  assertRemote,
  dropSourceRefs,
  mainWorktree,
  remoteDefaultBranch,
  subjectsOf,
} from './backport-repo.js'
import { abort, resume, selectStopped } from './backport-resume.js'
import { lazyGitHub, planSource, type PlannedSource } from './backport-sources.js'
import { readState, statePaths, writeState, type StoppedTarget } from './backport-state.js'
import { startTarget, type TargetRun } from './backport-target.js'
import { loadConfig, openRepo, UsageError } from './context.js'
import type { CliIO } from './io.js'

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
/** The state file and the worktrees' folder (backport-state.ts statePaths). */
export type Paths = { file: string; worktrees: string }

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
  if (stopped.length === 0) await dropSourceRefs(git, source.pr)
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

function heading(source: PlannedSource): string {
  return `Backport of ${source.label}\nCommit selection: ${source.plan.explanation}`
}

function absolute(cwd: string, file: string): string {
  return isAbsolute(file) ? file : resolve(cwd, file)
}
