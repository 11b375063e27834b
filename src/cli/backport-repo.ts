/** Facts about the clone `fixline backport` works in, read with git (and the refs it tidies). */
import { stat } from 'node:fs/promises'
import type { SourcePr } from '../backport/types.js'
import { readCommits } from '../git/commits.js'
import type { Git } from '../git/git.js'
import { printable } from '../git/refs.js'
import { UsageError } from './context.js'

/** The main worktree (worktrees are added and removed from there, even when run inside one). */
export async function mainWorktree(git: Git): Promise<Git> {
  const [first] = await git.lines(['worktree', 'list', '--porcelain'])
  const path = first?.startsWith('worktree ') ? first.slice('worktree '.length) : undefined
  return path && (await exists(path)) ? git.at(path) : git
}

export async function assertRemote(git: Git, remote: string): Promise<void> {
  const remotes = await git.lines(['remote'])
  if (!remotes.includes(remote))
    throw new UsageError(`the repository has no remote "${printable(remote)}" (use --remote NAME)`)
}

export async function remoteDefaultBranch(git: Git, remote: string): Promise<string | undefined> {
  const r = await git.run(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], {
    okCodes: [0, 1, 128],
  })
  const root = `refs/remotes/${remote}/`
  const ref = r.stdout.trim()
  if (r.exitCode === 0 && ref.startsWith(root)) return ref.slice(root.length)
  // A clone made by init + fetch has no <remote>/HEAD: ask the remote (one ls-remote).
  const asked = await git.run(['ls-remote', '--symref', remote, 'HEAD'], { okCodes: [0, 2, 128] })
  return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(asked.stdout)?.[1]
}

/**
 * planPicks keeps the PR's commits reachable under refs/fixline/pr-<n>/ (for a stopped target's
 * --continue too); they are dropped once no target waits for them.
 */
export async function dropSourceRefs(git: Git, pr: SourcePr): Promise<void> {
  if (pr.number < 1) return
  const refs = await git.lines([
    'for-each-ref',
    '--format=%(refname)',
    `refs/fixline/pr-${pr.number}/`,
  ])
  if (refs.length === 0) return
  await git.run(['update-ref', '--stdin'], { input: refs.map((r) => `delete ${r}\n`).join('') })
}

export async function hasLocalBranch(git: Git, branch: string): Promise<boolean> {
  const r = await git.run(['rev-parse', '-q', '--verify', `refs/heads/${branch}`], {
    okCodes: [0, 1],
  })
  return r.exitCode === 0
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

export async function subjectsOf(
  git: Git,
  commits: readonly string[],
): Promise<Map<string, string>> {
  if (commits.length === 0) return new Map()
  const infos = await readCommits(git, ['--no-walk=unsorted', ...commits])
  return new Map(infos.map((c) => [c.sha, c.subject]))
}
