/** Creating and deleting the hotfix branches fixline owns on the remote (only under the prefix). */
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { assertValidBranchName, isPlausibleRefName, printable } from '../git/refs.js'
import { remoteRef, resolveCommit } from './git-ops.js'

/**
 * Creates `branch` on the remote at `sha` (never moves an existing branch). Only a branch under
 * `prefix` that git accepts is pushed. Returns false when it already exists at another commit.
 */
export async function createRemoteBranch(
  git: Git,
  remote: string,
  prefix: string,
  branch: string,
  sha: string,
): Promise<'created' | 'exists' | 'taken'> {
  if (!branch.startsWith(prefix) || branch.length === prefix.length)
    throw new Error(
      `refusing to push "${printable(branch)}": fixline only creates branches under ${prefix}`,
    )
  if ((await assertValidBranchName(git, branch)) !== branch)
    throw new Error(`"${printable(branch)}" is not a valid branch name`)
  const existing = await resolveCommit(git, remoteRef(remote, branch))
  if (existing) return existing === sha ? 'exists' : 'taken'
  // The lease with no value: the push succeeds only while the branch does not exist, so a branch
  // someone made meanwhile is never moved (even by a fast-forward).
  try {
    await git.run([
      'push',
      '--quiet',
      '--no-verify',
      `--force-with-lease=refs/heads/${branch}:`,
      remote,
      `${sha}:refs/heads/${branch}`,
    ])
  } catch (error) {
    if (error instanceof GitError && /stale info|\[rejected\]/.test(error.stderr)) return 'taken'
    throw error
  }
  await git.run(['update-ref', remoteRef(remote, branch), sha])
  return 'created'
}

/** Deletes a hotfix branch fixline owns on the remote, if it is still at `sha`. */
export async function deleteRemoteBranch(
  git: Git,
  remote: string,
  prefix: string,
  branch: string,
  sha: string,
): Promise<void> {
  if (!branch.startsWith(prefix) || branch.length === prefix.length || !isPlausibleRefName(branch))
    throw new Error(`refusing to delete "${printable(branch)}": not a hotfix branch`)
  await git.run([
    'push',
    '--quiet',
    '--no-verify',
    `--force-with-lease=refs/heads/${branch}:${sha}`,
    remote,
    `:refs/heads/${branch}`,
  ])
}
