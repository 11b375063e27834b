import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { CommitRecord } from './records.js'

const run = promisify(execFile)

/** Read-only look-ups in the bare "origin" repository a test pushes to (git with argument arrays). */
export class OriginRepo {
  readonly path: string

  constructor(path: string) {
    this.path = path
  }

  private async git(args: string[]): Promise<string> {
    const { stdout } = await run('git', ['--git-dir', this.path, ...args], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      maxBuffer: 64 * 1024 * 1024,
    })
    return stdout
  }

  /** Sha of refs/heads/<branch>, or undefined when the branch does not exist. */
  async branchSha(branch: string): Promise<string | undefined> {
    try {
      const out = await this.git([
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${branch}^{commit}`,
      ])
      return out.trim() || undefined
    } catch {
      return undefined
    }
  }

  /** Sha of a commit, or undefined when `rev` (a full ref name or a sha) names none. */
  async commitSha(rev: string): Promise<string | undefined> {
    if (rev.startsWith('-')) return undefined
    try {
      const out = await this.git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
      return out.trim() || undefined
    } catch {
      return undefined
    }
  }

  /** The commit a branch, tag or sha names (branches first, like GitHub), or undefined. */
  async resolve(ref: string): Promise<string | undefined> {
    const full = ref.startsWith('refs/') ? [ref] : []
    for (const rev of [...full, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const sha = await this.commitSha(rev)
      if (sha) return sha
    }
    return /^[0-9a-f]{7,40}$/.test(ref) ? this.commitSha(ref) : undefined
  }

  /** Whether commit `ancestor` is reachable from `descendant` (false when either is unknown). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.git(['merge-base', '--is-ancestor', ancestor, descendant])
      return true
    } catch {
      return false
    }
  }

  /** Every branch of origin: name -> sha. */
  async listBranches(): Promise<Map<string, string>> {
    const out = await this.git([
      'for-each-ref',
      '--format=%(objectname) %(refname:lstrip=2)',
      'refs/heads/',
    ])
    const branches = new Map<string, string>()
    for (const line of out.split('\n')) {
      const space = line.indexOf(' ')
      if (space > 0) branches.set(line.slice(space + 1), line.slice(0, space))
    }
    return branches
  }

  /** Commits on head and not on base, oldest first (what a pull request shows). */
  async commitsBetween(base: string, head: string): Promise<CommitRecord[]> {
    const out = await this.git([
      'log',
      '--reverse',
      '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%B%x1e',
      `${base}..${head}`,
      '--',
    ])
    return out
      .split('\x1e')
      .map((chunk) => chunk.replace(/^\n/, ''))
      .filter((chunk) => chunk.length > 0)
      .map((chunk) => {
        const [sha = '', parents = '', name = '', email = '', date = '', message = ''] =
          chunk.split('\x00')
        return {
          sha,
          parents: parents.split(' ').filter(Boolean),
          author: { name, email, date },
          message: message.trimEnd(),
        }
      })
  }
}
