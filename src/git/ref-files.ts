/**
 * What git keeps in plain files, read without a git process where the file format is certain:
 * the repository's folders (asked of git once per folder), a worktree's HEAD, and loose refs.
 * Anything the files do not settle (a packed ref, a symbolic ref, the reftable backend) is asked
 * of git, so the answers are always git's own.
 */
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Git } from './git.js'

export interface GitDirs {
  /** The worktree's own git folder (its HEAD, index). */
  own: string
  /** The repository's common git folder (objects, refs, `shallow`); worktrees share it. */
  common: string
}

/** Variables that point git at another repository than the folder's own `.git`. */
const REDIRECTS = ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_WORK_TREE'] as const

/** By folder and the variables that redirect git (the same folder may name two repositories). */
const gitDirsByCwd = new Map<string, Promise<GitDirs>>()

function cacheKey(cwd: string, git?: Git): string {
  return [cwd, ...REDIRECTS.map((name) => git?.environment(name) ?? '')].join('\0')
}

/**
 * The folders of a checkout's top folder: its `.git` folder (with HEAD and objects) is both the
 * own and the common one, as in every runner checkout. Undefined when that is not certain: a
 * `.git` file (a linked worktree, a submodule), a subfolder, or GIT_DIR and the like set.
 */
async function topLevelDirs(git: Git): Promise<GitDirs | undefined> {
  if (REDIRECTS.some((name) => git.environment(name) !== undefined)) return undefined
  const dotGit = resolve(git.cwd, '.git')
  try {
    const [head, objects] = await Promise.all([
      stat(join(dotGit, 'HEAD')),
      stat(join(dotGit, 'objects')),
    ])
    return head.isFile() && objects.isDirectory() ? { own: dotGit, common: dotGit } : undefined
  } catch {
    return undefined
  }
}

/**
 * The folder's git folders, absolute: read from the files of a checkout's top folder, else asked
 * of git (one process for both), once per folder.
 */
export function gitDirs(git: Git): Promise<GitDirs> {
  const key = cacheKey(git.cwd, git)
  let dirs = gitDirsByCwd.get(key)
  if (dirs === undefined) {
    dirs = topLevelDirs(git).then(
      async (known) =>
        known ??
        git
          .lines(['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])
          .then(([own = '', common = '']) => {
            if (own === '' || common === '') throw new Error(`no git folder found for ${git.cwd}`)
            return { own, common }
          }),
    )
    gitDirsByCwd.set(key, dirs)
    // Not a repository (yet): ask again next time.
    dirs.catch(() => gitDirsByCwd.delete(key))
  }
  return dirs
}

/**
 * Records the folders of a worktree fixline just made (it knows them from `git worktree add`), so
 * reading its HEAD needs no process; {@link forgetGitDirs} when the worktree is removed.
 */
export function rememberGitDirs(git: Git, dirs: GitDirs): void {
  gitDirsByCwd.set(cacheKey(git.cwd, git), Promise.resolve(dirs))
}

export function forgetGitDirs(git: Git): void {
  gitDirsByCwd.delete(cacheKey(git.cwd, git))
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
