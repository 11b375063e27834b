/**
 * What git keeps in plain files, read without a git process where the file format is certain:
 * the repository's folders (asked of git once per folder), a worktree's HEAD, and loose refs.
 * Anything the files do not settle (a packed ref, a symbolic ref, the reftable backend) is asked
 * of git, so the answers are always git's own.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Git } from './git.js'

export interface GitDirs {
  /** The worktree's own git folder (its HEAD, index). */
  own: string
  /** The repository's common git folder (objects, refs, `shallow`); worktrees share it. */
  common: string
}

const gitDirsByCwd = new Map<string, Promise<GitDirs>>()

/** The folder's git folders, absolute, asked of git once per folder (one process for both). */
export function gitDirs(git: Git): Promise<GitDirs> {
  let dirs = gitDirsByCwd.get(git.cwd)
  if (dirs === undefined) {
    dirs = git
      .lines(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])
      .then(([own = '', common = '']) => {
        if (own === '' || common === '') throw new Error(`no git folder found for ${git.cwd}`)
        return { own, common }
      })
    gitDirsByCwd.set(git.cwd, dirs)
    // Not a repository (yet): ask again next time.
    dirs.catch(() => gitDirsByCwd.delete(git.cwd))
  }
  return dirs
}

/**
 * Records the folders of a worktree fixline just made (it knows them from `git worktree add`), so
 * reading its HEAD needs no process; {@link forgetGitDirs} when the worktree is removed.
 */
export function rememberGitDirs(cwd: string, dirs: GitDirs): void {
  gitDirsByCwd.set(cwd, Promise.resolve(dirs))
}

export function forgetGitDirs(cwd: string): void {
  gitDirsByCwd.delete(cwd)
}

const OID = /^([0-9a-f]{40}|[0-9a-f]{64})\n?$/
/** Shared refs stored in the common folder that this module reads as files. */
const SHARED_REF = /^refs\/(heads|remotes|fixline|pull)\/[^\0\\]+$/

/** The file's text, or '' when it does not exist (or is not a file). */
async function fileText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}

/**
 * The commit `ref` (a full name under refs/heads, refs/remotes, refs/fixline or refs/pull) points at: its
 * loose ref file when there is one (a loose ref always wins over packed-refs; `git fetch` and
 * `git update-ref` write loose refs), else `git rev-parse`. Throws when the ref does not exist.
 */
export async function resolveRef(git: Git, ref: string): Promise<string> {
  if (SHARED_REF.test(ref) && !ref.split('/').includes('..')) {
    const sha = OID.exec(await fileText(join((await gitDirs(git)).common, ref)))?.[1]
    if (sha !== undefined) return sha
  }
  return git.text(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
}

/**
 * The commit checked out in `git`'s folder: its HEAD file when it holds a sha or a branch with a
 * loose ref, else `git rev-parse HEAD`.
 */
export async function headCommit(git: Git): Promise<string> {
  const head = await fileText(join((await gitDirs(git)).own, 'HEAD'))
  const sha = OID.exec(head)?.[1]
  if (sha !== undefined) return sha
  const ref = /^ref: (refs\/heads\/\S+)\n?$/.exec(head)?.[1]
  if (ref !== undefined && ref !== 'refs/heads/.invalid') {
    const branchSha = OID.exec(await fileText(join((await gitDirs(git)).common, ref)))?.[1]
    if (branchSha !== undefined) return branchSha
  }
  return git.text(['rev-parse', '--verify', 'HEAD^{commit}'])
}
