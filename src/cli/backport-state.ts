/**
 * Where `fixline backport` stopped, for `--continue` and `--abort`: one JSON file under the
 * repository's common git dir (`$(git rev-parse --git-common-dir)/fixline/backport.json`), shared
 * by every worktree of the clone. Holds only the targets that stopped at a conflict.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Git } from '../git/git.js'
import type { PullInfo } from '../backport/source.js'
import type { PickPlan, SourcePr } from '../backport/types.js'

export interface StoppedTarget {
  target: string
  branch: string
  /** The worktree holding the conflicted pick. */
  worktree: string
  /** The target tip the branch started from. */
  start: string
  /** The commit whose pick is stopped. */
  failed: string
}

export interface BackportState {
  version: 1
  /** The engine's view of the source (PR or commits). */
  pr: SourcePr
  /** The PR as read from the API (PR sources only), for --open-pr. */
  pull?: PullInfo
  plan: PickPlan
  /** "#5 (title)" or "commit abc (subject)". */
  label: string
  remote: string
  push: boolean
  openPr: boolean
  /** --config as an absolute path, when given. */
  config?: string
  targets: StoppedTarget[]
}

/** The state file and the folder of the worktrees, under the common git dir. */
export async function statePaths(git: Git): Promise<{ file: string; worktrees: string }> {
  const common = await git.text(['rev-parse', '--path-format=absolute', '--git-common-dir'])
  const root = join(common, 'fixline')
  return { file: join(root, 'backport.json'), worktrees: join(root, 'worktrees') }
}

/** The stored state, or undefined when no backport is stopped. A damaged file throws. */
export async function readState(file: string): Promise<BackportState | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const state = JSON.parse(text) as Partial<BackportState>
  if (state.version !== 1 || !Array.isArray(state.targets) || !state.plan || !state.pr)
    throw new Error(`${file} is not a fixline backport state (delete it to start over)`)
  return state as BackportState
}

/** Writes the state; with no stopped target left, removes the file. */
export async function writeState(file: string, state: BackportState): Promise<void> {
  if (state.targets.length === 0) {
    await rm(file, { force: true })
    return
  }
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`)
  await rename(temp, file)
}
