import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Git } from './git.js'

/**
 * Runs `fn` in a detached `git worktree` of `git`'s repository checked out at `start`, in a fresh
 * temp folder that is removed afterwards, even when `fn` throws. The caller's checkout is never
 * touched; refs and objects created in the worktree stay in the shared repository.
 */
export async function withWorktree<T>(
  git: Git,
  start: string,
  fn: (worktree: Git) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'fixline-worktree-'))
  let added = false
  try {
    await git.run(['worktree', 'add', '--quiet', '--detach', dir, start])
    added = true
    return await fn(git.at(dir))
  } finally {
    const removed = added
      ? await git.run(['worktree', 'remove', '--force', '--force', dir], { okCodes: [0, 128] })
      : undefined
    await rm(dir, { recursive: true, force: true })
    if (removed === undefined || removed.exitCode !== 0)
      await git.run(['worktree', 'prune'], { okCodes: [0, 128] })
  }
}
