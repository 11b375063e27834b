/**
 * A conflicted backport left where a person resolves it (the local CLI): after
 * {@link prepareBranch} in `stop` mode has stored the commits that applied as the branch, the
 * failing commit and the rest are picked again in a persistent, fully checked-out worktree of that
 * branch, so git shows the conflict for real and `git cherry-pick --continue` can finish it.
 */
import { GitError } from '../git/errors.js'
import type { Git } from '../git/git.js'
import { runPicks, type PickRun } from './cherry-pick.js'
import { assertOwnedBranch } from './push.js'

export interface StopInput {
  /** Folder for the worktree (must not exist yet). */
  dir: string
  /** The backport branch (`backport/...`), holding the commits that applied. */
  branch: string
  /** The failing commit and the ones after it, oldest first. */
  commits: readonly string[]
  subjects: ReadonlyMap<string, string>
  mainline?: 1
}

/**
 * Checks `branch` out in a new worktree at `dir` and picks `commits` there with `cherry-pick -x`.
 * On a conflict the worktree stays as git left it (the pick in progress); when every pick
 * applies (a full checkout can resolve what a sparse one could not, such as a merge driver)
 * the branch is finished. The worktree is left in place either way: {@link removeWorktree}.
 */
export async function stopAtConflict(git: Git, input: StopInput): Promise<PickRun> {
  const branch = await assertOwnedBranch(git, input.branch)
  await git.run(['worktree', 'add', '--quiet', input.dir, branch])
  return runPicks(git.at(input.dir), {
    commits: input.commits,
    subjects: input.subjects,
    ...(input.mainline ? { mainline: input.mainline } : {}),
  })
}

export type ContinueResult =
  /** Every commit is applied (or came out empty): the branch is finished. */
  | { status: 'done' }
  /** Files still unmerged in the index: the person has not resolved (or not staged) them. */
  | { status: 'unresolved'; files: string[] }
  /** A later commit conflicted: the worktree holds that pick now. */
  | {
      status: 'conflict'
      failed: { sha: string; subject: string }
      conflictingFiles: string[]
      remaining: string[]
    }

const NOTHING_IN_PROGRESS = /no cherry-pick or revert in progress/i
const EMPTY = /previous cherry-pick is now empty|nothing to commit/i
/** Never open an editor: the message git prepared (with the -x trailer) is kept. */
const NO_EDITOR = { GIT_EDITOR: 'true', GIT_SEQUENCE_EDITOR: 'true' }

/**
 * After a person resolved and staged the conflict in `wt`: commits it (`cherry-pick --continue`,
 * skipping a commit the resolution made empty) and picks the commits still to do. `commits` is the
 * whole pick list, oldest first (to name the ones left after a later conflict).
 */
export async function continuePicks(
  wt: Git,
  commits: readonly string[],
  subjects: ReadonlyMap<string, string>,
): Promise<ContinueResult> {
  const unmerged = await unmergedFiles(wt)
  if (unmerged.length > 0) return { status: 'unresolved', files: unmerged }
  let step = await wt.run(['cherry-pick', '--continue'], { okCodes: [0, 1, 128], env: NO_EDITOR })
  // The person finished the picks by hand (git cherry-pick --continue): nothing is left to do.
  if (step.exitCode === 128 && NOTHING_IN_PROGRESS.test(step.stderr)) return { status: 'done' }
  while (step.exitCode !== 0) {
    const sha = await cherryPickHead(wt)
    if (sha === undefined) throw unexpected(step.stderr || step.stdout)
    const conflicting = await unmergedFiles(wt)
    if (conflicting.length > 0) {
      const index = commits.indexOf(sha)
      return {
        status: 'conflict',
        failed: { sha, subject: subjects.get(sha) ?? '' },
        conflictingFiles: conflicting,
        remaining: index >= 0 ? commits.slice(index + 1) : [],
      }
    }
    if (!EMPTY.test(`${step.stderr}\n${step.stdout}`)) throw unexpected(step.stderr || step.stdout)
    step = await wt.run(['cherry-pick', '--skip'], { okCodes: [0, 1], env: NO_EDITOR })
  }
  return { status: 'done' }
}

/** Removes the worktree at `dir` (and what is in it), if it is still registered. */
export async function removeWorktree(git: Git, dir: string): Promise<void> {
  const removed = await git.run(['worktree', 'remove', '--force', '--force', dir], {
    okCodes: [0, 128],
  })
  if (removed.exitCode !== 0) await git.run(['worktree', 'prune'])
}

async function unmergedFiles(wt: Git): Promise<string[]> {
  return wt.lines(['diff', '--name-only', '--diff-filter=U'])
}

async function cherryPickHead(wt: Git): Promise<string | undefined> {
  const r = await wt.run(['rev-parse', '-q', '--verify', 'CHERRY_PICK_HEAD'], { okCodes: [0, 1] })
  return r.exitCode === 0 ? r.stdout.trim() : undefined
}

function unexpected(detail: string): Error {
  const text = detail.trim().split('\n').slice(-6).join('\n')
  return new GitError(
    `git cherry-pick --continue stopped unexpectedly: ${text}`,
    'unknown',
    ['cherry-pick'],
    1,
    detail,
  )
}
