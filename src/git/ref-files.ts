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
const SHARED_REF = /^refs\/(heads|remotes|fixline)\/[^\0\\]+$/

/** The file's text, or '' when it does not exist (or is not a file). */
async function fileText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}

/** The sha in `ref`'s loose ref file, undefined when there is none (or it is not a plain sha). */
async function looseRef(git: Git, ref: string): Promise<string | undefined> {
  if (!SHARED_REF.test(ref) || ref.split('/').includes('..')) return undefined
  return OID.exec(await fileText(join((await gitDirs(git)).common, ref)))?.[1]
}

/** What the folder's HEAD file says: a detached sha, a branch, or neither (reftable, unreadable). */
async function readHead(git: Git): Promise<{ sha: string } | { branch: string } | undefined> {
  const head = await fileText(join((await gitDirs(git)).own, 'HEAD'))
  const sha = OID.exec(head)?.[1]
  if (sha !== undefined) return { sha }
  const branch = /^ref: (refs\/heads\/\S+)\n?$/.exec(head)?.[1]
  // The reftable backend writes the placeholder refs/heads/.invalid.
  return branch !== undefined && branch !== 'refs/heads/.invalid' ? { branch } : undefined
}

/**
 * The commit `ref` (a full name under refs/heads, refs/remotes or refs/fixline) points at: its
 * loose ref file when there is one (a loose ref always wins over packed-refs; `git fetch` and
 * `git update-ref` write loose refs), else `git rev-parse`. Throws when the ref does not exist.
 */
export async function resolveRef(git: Git, ref: string): Promise<string> {
  return (
    (await looseRef(git, ref)) ??
    git.text(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
  )
}

/**
 * The commit checked out in `git`'s folder: from its HEAD file (a sha, or a branch with a loose
 * ref), else `git rev-parse HEAD`.
 */
export async function headCommit(git: Git): Promise<string> {
  const head = await readHead(git)
  if (head && 'sha' in head) return head.sha
  const sha = head ? await looseRef(git, head.branch) : undefined
  return sha ?? git.text(['rev-parse', '--verify', 'HEAD^{commit}'])
}

/**
 * The branch checked out in `git`'s folder (`refs/heads/...`), undefined when HEAD is detached:
 * what `git symbolic-ref -q HEAD` prints, read from the HEAD file (no git process once the folders
 * are known). A HEAD file that says neither asks git.
 */
export async function checkedOutRef(git: Git): Promise<string | undefined> {
  const head = await readHead(git)
  if (head) return 'branch' in head ? head.branch : undefined
  const out = await git.run(['symbolic-ref', '-q', 'HEAD'], { okCodes: [0, 1] })
  return out.stdout.trim() || undefined
}
