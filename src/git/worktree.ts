import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Git } from './git.js'
import { forgetGitDirs, gitDirs, rememberGitDirs } from './ref-files.js'

export interface WorktreeOptions {
  /**
   * Start with no files in the working tree but the `.gitattributes` files (every other index
   * entry skip-worktree). Merges and cherry-picks write only the files they change or conflict
   * on, so a repository of 100,000 files costs an index read, not a checkout; the attributes are
   * there so that merge drivers (`CHANGELOG.md merge=union`), `eol` and filters apply as in a full
   * checkout. Default true.
   */
  empty?: boolean
  /**
   * Check out this local branch, created or reset at `start` (`-B`), instead of a detached HEAD:
   * commits made in the worktree move the branch, and it stays when the worktree is removed.
   */
  branch?: string
}

/**
 * Sparse-checkout patterns (non-cone) that match no file but the `.gitattributes` files, at the
 * root and in every folder: git reads attributes from the working tree, and a merge in a worktree
 * without them ignores the repository's merge drivers.
 */
const ATTRIBUTES_ONLY = '/.fixline-empty-worktree\n.gitattributes\n'

/**
 * Runs `fn` in a detached `git worktree` of `git`'s repository at `start`, in a fresh temp folder
 * that is removed afterwards, even when `fn` throws. The caller's checkout is never touched; refs
 * and objects created in the worktree stay in the shared repository. Nothing is written to the
 * repository's config (the sparse setting is given to the one command that needs it).
 */
export async function withWorktree<T>(
  git: Git,
  start: string,
  fn: (worktree: Git) => Promise<T>,
  options: WorktreeOptions = {},
): Promise<T> {
  const empty = options.empty ?? true
  const dir = await mkdtemp(join(tmpdir(), 'fixline-worktree-'))
  let added = false
  try {
    await git.run([
      'worktree',
      'add',
      '--quiet',
      ...(options.branch === undefined ? ['--detach'] : ['-B', options.branch]),
      ...(empty ? ['--no-checkout'] : []),
      dir,
      start,
    ])
    added = true
    const wt = git.at(dir)
    const gitDir = await worktreeGitDir(wt, dir)
    rememberGitDirs(wt, { own: gitDir, common: (await gitDirs(git)).common })
    if (empty) {
      await mkdir(join(gitDir, 'info'), { recursive: true })
      await writeFile(join(gitDir, 'info', 'sparse-checkout'), ATTRIBUTES_ONLY)
      await wt.run(['-c', 'core.sparseCheckout=true', 'read-tree', '-mu', 'HEAD'])
    }
    return await fn(wt)
  } finally {
    forgetGitDirs(git.at(dir))
    const removed = added
      ? await git.run(['worktree', 'remove', '--force', '--force', dir], { okCodes: [0, 128] })
      : undefined
    await rm(dir, { recursive: true, force: true })
    if (removed === undefined || removed.exitCode !== 0)
      await git.run(['worktree', 'prune'], { okCodes: [0, 128] })
  }
}

/**
 * The worktree's own git folder, from the `gitdir: <path>` line `git worktree add` writes into
 * `<dir>/.git` (relative with worktree.useRelativePaths): no git process. Asks git when the file
 * says something else.
 */
async function worktreeGitDir(wt: Git, dir: string): Promise<string> {
  const line = /^gitdir: (.+)$/m.exec(await readFile(join(dir, '.git'), 'utf8'))?.[1]?.trim()
  return line ? resolve(dir, line) : wt.text(['rev-parse', '--absolute-git-dir'])
}
