/**
 * Real-git test fixture: a bare `origin.git` (the "GitHub" repository) plus a working clone
 * `seed/` used to build history, and simulators of what GitHub does on merge.
 *
 * Identity comes from environment only (the global and system git config are ignored), so the
 * tests behave the same on every machine.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Git, type GitObserver } from '../../src/git/git.js'
import { checkedOutRef, headCommit, resolveRef } from '../../src/git/ref-files.js'
import { importStream, PRE_RECEIVE, replayRebase, type StreamCommit } from './git-fixture-import.js'
import type { SourcePr } from '../../src/backport/types.js'

export interface Identity {
  name: string
  email: string
}

export const AUTHOR: Identity = { name: 'Ada Author', email: 'ada@example.com' }
export const GITHUB: Identity = { name: 'GitHub', email: 'noreply@github.com' }
export const BOT: Identity = {
  name: 'fixline[bot]',
  email: 'fixline[bot]@users.noreply.github.com',
}

export interface CommitOptions {
  author?: Identity
  /** Author and committer date, e.g. '2024-01-02T03:04:05Z'. Default: a clock that ticks 1s per commit. */
  date?: string
}

export interface MergeResult {
  /** The commit GitHub created on the base branch (squash commit, last rebased commit, or merge commit). */
  mergeCommitSha: string
  /** The PR's head commit at merge time (refs/pull/N/head). */
  headSha: string
  /** Commits in the PR as GitHub counts them (`rev-list --count base..head`, merges included). */
  commits: number
  /** Ready-made engine input. */
  pr: SourcePr
}

export interface CloneOptions {
  /** Default 1 (like actions/checkout's default fetch-depth). 0 = full history. */
  depth?: number
  /** Default 'main'. */
  branch?: string
  /** Extra environment for the returned Git (default: the bot as committer and author). */
  env?: Record<string, string>
  observer?: GitObserver
}

export type { StreamCommit as ImportCommit } from './git-fixture-import.js'

interface PrState {
  number: number
  head: string
  base: string
  title: string
}

export interface Fixture {
  /** The temp folder holding everything. */
  dir: string
  originDir: string
  /** file:// URL of origin (so that --depth works). */
  originUrl: string
  /** Environment used by the fixture's own git commands (identity, isolated config). */
  env: Record<string, string>
  /** The working clone that builds history. */
  seed: Git
  /** The bare origin repository. */
  origin: Git
  commit(
    files: Record<string, string | null>,
    message: string,
    opts?: CommitOptions,
  ): Promise<string>
  /** Creates a local branch in seed (does not switch to it). */
  branch(name: string, from?: string): Promise<void>
  checkout(name: string): Promise<void>
  /** `git push origin <refspecs...>` from seed (prefix a refspec with + to force). */
  push(refspecs: string[]): Promise<void>
  /** Pushes seed's local head branch to origin as refs/heads/<head> and refs/pull/<n>/head. */
  openPr(
    number: number,
    headBranch: string,
    baseBranch: string,
    opts?: { title?: string },
  ): Promise<{ headSha: string }>
  /** GitHub's "Update branch": merges origin's base into origin's head (parents: head, base). */
  updateBranch(headBranch: string, baseBranch: string): Promise<string>
  mergeSquash(n: number): Promise<MergeResult>
  mergeRebase(n: number): Promise<MergeResult>
  mergeCommit(n: number): Promise<MergeResult>
  /**
   * Adds many commits to a seed branch at once with `git fast-import` (fast: one process for
   * thousands of commits). The branch starts at `from` (default: the branch itself, which must
   * exist unless `from` is given). Does not check the branch out; returns the new tip.
   */
  importCommits(branch: string, commits: StreamCommit[], from?: string): Promise<string>
  /** A fresh clone of origin like actions/checkout (fetch-depth 1 by default). */
  checkoutClone(opts?: CloneOptions): Promise<Git>
  /** Installs a pre-receive hook in origin rejecting pushes whose new commits touch .github/workflows/. */
  denyWorkflowPushes(): Promise<void>
  /** The sha of a ref in origin, or undefined. */
  originSha(ref: string): Promise<string | undefined>
  cleanup(): Promise<void>
}

export async function createFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'fixline-git-'))
  const originDir = join(dir, 'origin.git')
  const seedDir = join(dir, 'seed')
  const emptyConfig = join(dir, 'gitconfig')
  // Nothing from this machine's config. Automatic housekeeping is off: a commit or fetch would
  // otherwise start `git maintenance run --auto` and a push `git gc --auto` in origin, one more
  // process each, which nothing here needs (a test repository never grows enough to pack).
  writeFileSync(
    emptyConfig,
    '[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n[receive]\n\tautogc = false\n',
  )
  const isolation = { GIT_CONFIG_GLOBAL: emptyConfig, GIT_CONFIG_NOSYSTEM: '1' }
  const env: Record<string, string> = {
    ...isolation,
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
  }
  const originUrl = pathToFileURL(originDir).href
  const root = new Git({ cwd: dir, env })
  await root.run(['init', '-q', '--bare', '-b', 'main', originDir])
  await root.run(['init', '-q', '-b', 'main', seedDir])
  const origin = root.at(originDir)
  const seed = root.at(seedDir)
  await seed.run(['remote', 'add', 'origin', originUrl])
  const prs = new Map<number, PrState>()
  let clock = Date.parse('2024-01-01T00:00:00Z') / 1000
  let clones = 0
  let merger: Git | undefined
  let rebases = 0

  const tick = (date?: string): Record<string, string> => {
    clock += 1
    const d = date ?? `@${clock} +0000`
    return { GIT_AUTHOR_DATE: d, GIT_COMMITTER_DATE: d }
  }
  const who = (a: Identity, c: Identity = a): Record<string, string> => ({
    GIT_AUTHOR_NAME: a.name,
    GIT_AUTHOR_EMAIL: a.email,
    GIT_COMMITTER_NAME: c.name,
    GIT_COMMITTER_EMAIL: c.email,
  })
  // Branches are read from origin's files (no git process; other refs and shas ask git).
  const originSha = async (ref: string): Promise<string | undefined> => {
    if (ref.startsWith('refs/heads/')) return resolveRef(origin, ref).catch(() => undefined)
    const r = await origin.run(['rev-parse', '-q', '--verify', `${ref}^{commit}`], {
      okCodes: [0, 1],
    })
    return r.exitCode === 0 ? r.stdout.trim() : undefined
  }
  const mustOriginSha = async (ref: string): Promise<string> => {
    const sha = await originSha(ref)
    if (!sha) throw new Error(`fixture: ${ref} does not exist in origin`)
    return sha
  }
  /** Keeps seed's local branch equal to origin's after a simulated GitHub operation. */
  // seed made `sha` itself: its tracking ref is set rather than fetched.
  const syncSeed = async (branch: string, sha: string): Promise<void> => {
    const tracking = `update refs/remotes/origin/${branch} ${sha}\n`
    if ((await checkedOutRef(seed)) === `refs/heads/${branch}`) {
      await seed.run(['update-ref', '--stdin'], { input: tracking })
      await seed.run(['reset', '-q', '--hard', sha])
    } else
      await seed.run(['update-ref', '--stdin'], {
        input: `${tracking}update refs/heads/${branch} ${sha}\n`,
      })
  }
  /** A detached worktree of seed where merges are computed, so seed's checkout is never touched. */
  const mergerAt = async (start: string): Promise<Git> => {
    if (!merger) {
      const path = join(dir, 'merger')
      await seed.run(['worktree', 'add', '-q', '--detach', path, start])
      merger = seed.at(path)
    }
    await merger.run(['checkout', '-q', '--detach', start])
    return merger
  }
  const fetchPr = async (n: number): Promise<{ pr: PrState; base: string; head: string }> => {
    const pr = prs.get(n)
    if (!pr) throw new Error(`fixture: no PR #${n} (call openPr first)`)
    const base = await mustOriginSha(`refs/heads/${pr.base}`)
    const head = await mustOriginSha(`refs/pull/${n}/head`)
    await seed.run(['fetch', '-q', 'origin', base, head])
    return { pr, base, head }
  }
  const finish = async (
    pr: PrState,
    head: string,
    base: string,
    mergeCommitSha: string,
  ): Promise<MergeResult> => {
    const commits = Number(await seed.text(['rev-list', '--count', `${base}..${head}`]))
    await seed.run(['push', '-q', 'origin', `${mergeCommitSha}:refs/heads/${pr.base}`])
    await syncSeed(pr.base, mergeCommitSha)
    const source: SourcePr = {
      number: pr.number,
      title: pr.title,
      baseRef: pr.base,
      headSha: head,
      mergeCommitSha,
      commits,
    }
    return { mergeCommitSha, headSha: head, commits, pr: source }
  }
  const mergeTree = async (base: string, head: string, what: string): Promise<string> => {
    const r = await seed.run(['merge-tree', '--write-tree', base, head], { okCodes: [0, 1] })
    if (r.exitCode !== 0) throw new Error(`fixture: ${what} conflicts:\n${r.stdout}`)
    return r.stdout.split('\n')[0]!.trim()
  }

  const fixture: Fixture = {
    dir,
    originDir,
    originUrl,
    env,
    seed,
    origin,

    async commit(files, message, opts = {}) {
      const removed: string[] = []
      const added: string[] = []
      for (const [path, content] of Object.entries(files)) {
        const full = join(seedDir, path)
        if (content === null) {
          removed.push(path)
          await rm(full, { force: true })
        } else {
          await mkdir(dirname(full), { recursive: true })
          await writeFile(full, content)
          added.push(path)
        }
      }
      // One process per kind of change, not per file.
      if (removed.length > 0)
        await seed.run(['rm', '-q', '--cached', '--ignore-unmatch', '--', ...removed])
      if (added.length > 0) await seed.run(['add', '--', ...added])
      const author = opts.author ?? AUTHOR
      await seed.run(['commit', '-q', '--allow-empty', '-m', message], {
        env: { ...who(author), ...tick(opts.date) },
      })
      return headCommit(seed)
    },

    async branch(name, from = 'HEAD') {
      await seed.run(['branch', name, from])
    },

    async checkout(name) {
      await seed.run(['checkout', '-q', name])
    },

    async push(refspecs) {
      await seed.run(['push', '-q', 'origin', ...refspecs])
    },

    async openPr(number, headBranch, baseBranch, opts = {}) {
      await mustOriginSha(`refs/heads/${baseBranch}`)
      await seed.run([
        'push',
        '-q',
        '-f',
        'origin',
        `refs/heads/${headBranch}:refs/heads/${headBranch}`,
        `refs/heads/${headBranch}:refs/pull/${number}/head`,
      ])
      prs.set(number, {
        number,
        head: headBranch,
        base: baseBranch,
        title: opts.title ?? `PR ${number} from ${headBranch}`,
      })
      return { headSha: await resolveRef(seed, `refs/heads/${headBranch}`) }
    },

    async updateBranch(headBranch, baseBranch) {
      const head = await mustOriginSha(`refs/heads/${headBranch}`)
      const base = await mustOriginSha(`refs/heads/${baseBranch}`)
      await seed.run(['fetch', '-q', 'origin', head, base])
      const tree = await mergeTree(head, base, `updating ${headBranch} with ${baseBranch}`)
      const message = `Merge branch '${baseBranch}' into ${headBranch}`
      const sha = await seed.text(['commit-tree', tree, '-p', head, '-p', base, '-m', message], {
        env: { ...who(AUTHOR, GITHUB), ...tick() },
      })
      const refspecs = [`${sha}:refs/heads/${headBranch}`]
      for (const pr of prs.values())
        if (pr.head === headBranch) refspecs.push(`+${sha}:refs/pull/${pr.number}/head`)
      await seed.run(['push', '-q', 'origin', ...refspecs])
      await syncSeed(headBranch, sha)
      return sha
    },

    async mergeSquash(n) {
      const { pr, base, head } = await fetchPr(n)
      const tree = await mergeTree(base, head, `squash-merging #${n}`)
      const subjects = await seed.lines([
        'log',
        '--reverse',
        '--no-merges',
        '--format=* %s',
        `${base}..${head}`,
      ])
      const message = `${pr.title} (#${n})\n\n${subjects.join('\n\n')}\n`
      const sha = await seed.text(['commit-tree', tree, '-p', base, '-m', message], {
        env: { ...who(AUTHOR, GITHUB), ...tick() },
      })
      return finish(pr, head, base, sha)
    },

    async mergeRebase(n) {
      const { pr, base, head } = await fetchPr(n)
      const own = await seed.lines(['rev-list', '--reverse', '--no-merges', `${base}..${head}`])
      const fast =
        own.length > 0
          ? await replayRebase(seed, {
              base,
              head,
              own,
              ref: `refs/fixture/rebase-${++rebases}`,
              committer: GITHUB,
              time: () => (clock += 1),
            })
          : undefined
      if (fast) return finish(pr, head, base, fast)
      const wt = await mergerAt(base)
      // One sequencer run for all commits; the committer becomes GitHub, authors and dates are kept.
      if (own.length > 0)
        await wt.run(['cherry-pick', '--allow-empty', ...own], {
          env: { GIT_COMMITTER_NAME: GITHUB.name, GIT_COMMITTER_EMAIL: GITHUB.email },
        })
      const sha = await wt.text(['rev-parse', 'HEAD'])
      return finish(pr, head, base, sha)
    },

    async mergeCommit(n) {
      const { pr, base, head } = await fetchPr(n)
      const tree = await mergeTree(base, head, `merging #${n}`)
      const message = `Merge pull request #${n} from owner/${pr.head}\n\n${pr.title}\n`
      const sha = await seed.text(['commit-tree', tree, '-p', base, '-p', head, '-m', message], {
        env: { ...who(AUTHOR, GITHUB), ...tick() },
      })
      return finish(pr, head, base, sha)
    },

    async importCommits(branch, commits, from) {
      const start = await seed.text(['rev-parse', '--verify', `${from ?? branch}^{commit}`])
      const stream = importStream(`refs/heads/${branch}`, start, commits, () => (clock += 1))
      await seed.run(['fast-import', '--quiet', '--force'], { input: stream })
      const tip = await seed.text(['rev-parse', `refs/heads/${branch}`])
      const current = await seed.text(['symbolic-ref', '-q', '--short', 'HEAD'], {
        okCodes: [0, 1],
      })
      if (current === branch) await seed.run(['reset', '-q', '--hard', tip])
      return tip
    },

    async checkoutClone(opts = {}) {
      const depth = opts.depth ?? 1
      const branch = opts.branch ?? 'main'
      clones += 1
      const path = join(dir, `checkout-${clones}`)
      const cloneEnv = { ...isolation, ...who(BOT), ...opts.env }
      const git = new Git({
        cwd: dir,
        env: cloneEnv,
        ...(opts.observer ? { observer: opts.observer } : {}),
      })
      // What actions/checkout runs: init, remote add, fetch one ref with --depth, checkout -B.
      await git.run(['init', '-q', path])
      const ws = git.at(path)
      await ws.run(['remote', 'add', 'origin', originUrl])
      const depthArgs = depth > 0 ? [`--depth=${depth}`] : []
      await ws.run([
        'fetch',
        '-q',
        '--no-tags',
        '--prune',
        '--no-recurse-submodules',
        ...depthArgs,
        'origin',
        `+refs/heads/${branch}:refs/remotes/origin/${branch}`,
      ])
      await ws.run(['checkout', '-q', '--force', '-B', branch, `refs/remotes/origin/${branch}`])
      return ws
    },

    async denyWorkflowPushes() {
      const hook = join(originDir, 'hooks', 'pre-receive')
      await mkdir(dirname(hook), { recursive: true })
      writeFileSync(hook, PRE_RECEIVE)
      chmodSync(hook, 0o755)
    },

    originSha,

    async cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return fixture
}
