import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { Git } from './git.js'
import { gitDirs } from './ref-files.js'

/** What fixline needs to know about one commit. */
export interface CommitInfo {
  sha: string
  parents: string[]
  subject: string
  authorEmail: string
  /** Strict ISO 8601 author date (kept by cherry-pick and by GitHub's rebase merge). */
  authorDate: string
  /** `git patch-id --stable` of the commit's diff, when computed. */
  patchId?: string
}

const FORMAT = '--format=%H%x00%P%x00%ae%x00%aI%x00%s%x00'

/**
 * Commits listed by `git log <args>` (one process). The args select and order the commits,
 * e.g. `['--reverse', '--no-merges', 'A..B']` or `['--no-walk', sha]`.
 */
export async function readCommits(git: Git, args: readonly string[]): Promise<CommitInfo[]> {
  const out = await git.run(['log', '--no-color', FORMAT, ...args, '--'])
  const fields = out.stdout.split('\0')
  const commits: CommitInfo[] = []
  for (let i = 0; i + 5 <= fields.length; i += 5) {
    const [sha, parents, authorEmail, authorDate, subject] = fields
      .slice(i, i + 5)
      .map((f) => f.replace(/^\n/, ''))
    if (!sha) continue
    commits.push({
      sha,
      parents: parents ? parents.split(' ') : [],
      subject: subject ?? '',
      authorEmail: authorEmail ?? '',
      authorDate: authorDate ?? '',
    })
  }
  return commits
}

/**
 * `git patch-id --stable` of many commits with two processes (`git log --stdin -p` piped into
 * `git patch-id`). Commits with an empty diff (and merges) are absent from the map.
 */
export async function patchIds(git: Git, shas: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  if (shas.length === 0) return ids
  const diffs = await git.run(
    [
      'log',
      '--no-walk=unsorted',
      '--stdin',
      '-p',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--format=commit %H',
    ],
    { input: shas.join('\n') + '\n' },
  )
  if (diffs.stdout.trim() === '') return ids
  const out = await git.lines(['patch-id', '--stable'], { input: diffs.stdout })
  for (const line of out) {
    const [id, sha] = line.split(' ')
    if (id && sha) ids.set(sha, id)
  }
  return ids
}

/**
 * Whether the repository is shallow (a `fetch-depth: 1` checkout is): whether its `shallow` file
 * exists, which is how `git rev-parse --is-shallow-repository` decides. A fetch can make a
 * repository shallow or complete, so the file is looked at each time; only the repository's
 * folders are asked of git, once per checkout.
 */
export async function isShallowRepository(git: Git): Promise<boolean> {
  try {
    await access(join((await gitDirs(git)).common, 'shallow'))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** `git rev-list --count <args>`. */
export async function countCommits(git: Git, args: readonly string[]): Promise<number> {
  return Number(await git.text(['rev-list', '--count', ...args, '--']))
}
