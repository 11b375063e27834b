/**
 * What `fixline backport` picks: a merged PR read through the API and planned by the action's
 * engine (planPicks: squash, rebase and merge-commit PRs), or commits named by sha, read from
 * git alone (fetched from the remote when missing; never the API).
 */
import type { Config } from '../config/types.js'
import { countCommits, readCommits, type CommitInfo } from '../git/commits.js'
import { GitError } from '../git/errors.js'
import type { Git } from '../git/git.js'
import { printable } from '../git/refs.js'
import { getPullRaw } from '../github/pulls.js'
import { backportBranchName } from '../backport/pr.js'
import { planPicks, selectCommits } from '../backport/select.js'
import { parsePull, type PullInfo } from '../backport/source.js'
import type { PickPlan, SourcePr } from '../backport/types.js'
import type { BackportSource } from './backport-args.js'
import { cliGitHub, type CliGitHub } from './backport-github.js'
import { UsageError } from './context.js'

/** A planned source, ready for the engine. */
export interface PlannedSource {
  /** For the engine (for commits: number 0 and the first commit as "merge commit"). */
  pr: SourcePr
  /** The PR as read from the API (PR sources only): title, labels, assignees for --open-pr. */
  pull?: PullInfo
  plan: PickPlan
  /** What the branch name carries: the PR number, or the first commit's 12-character sha. */
  id: number | string
  /** "#5 (Fix the widget)" or "commit 0123456789ab". */
  label: string
}

export function branchFor(source: Pick<PlannedSource, 'id'>, target: string): string {
  return backportBranchName(source.id, target)
}

export interface SourceContext {
  git: Git
  remote: string
  config: Config
  env: NodeJS.ProcessEnv
  /** The remote's default branch (refs/remotes/<remote>/HEAD): the source line of commits given by sha. */
  defaultBranch: string | undefined
  /** The API client, made on first use (PR sources and --open-pr only). */
  github: () => Promise<CliGitHub>
}

/** The API client, made once, with the "needs a token" message naming what needs it. */
export function lazyGitHub(
  git: Git,
  remote: string,
  env: NodeJS.ProcessEnv,
  why: string,
): () => Promise<CliGitHub> {
  let made: Promise<CliGitHub> | undefined
  return () => (made ??= cliGitHub(git, remote, env, why))
}

export async function planSource(
  ctx: SourceContext,
  source: BackportSource,
): Promise<PlannedSource> {
  return source.kind === 'pr' ? planPr(ctx, source.number) : planCommits(ctx, source.revs)
}

async function planPr(ctx: SourceContext, number: number): Promise<PlannedSource> {
  const { github, owner, repo, slug } = await ctx.github()
  let raw: Record<string, unknown>
  try {
    raw = await getPullRaw(github, owner, repo, number)
  } catch (error) {
    throw new UsageError(`cannot read PR #${number} of ${slug}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const parsed = parsePull(raw)
  if ('problem' in parsed) throw new UsageError(parsed.problem)
  const pull = parsed.pull
  if (!pull.merged)
    throw new UsageError(`PR #${number} is not merged: there is nothing to backport yet`)
  const plan = await planPicks(ctx.git, pull.source, {
    mergeCommits: ctx.config.backport.mergeCommits,
    remote: ctx.remote,
  })
  return {
    pr: pull.source,
    pull,
    plan,
    id: number,
    label: `#${number} (${printable(pull.source.title)})`,
  }
}

/**
 * Commits by sha, picked in the order given. A merge commit (given alone) is planned like the
 * action plans a merge-commit PR: its own commits, or itself with -m 1 (backport.mergeCommits).
 */
async function planCommits(ctx: SourceContext, revs: readonly string[]): Promise<PlannedSource> {
  const commits: CommitInfo[] = []
  for (const rev of revs) commits.push(await readCommit(ctx, rev))
  const first = commits[0] as CommitInfo
  const merges = commits.filter((c) => c.parents.length >= 2)
  if (merges.length > 0 && commits.length > 1)
    throw new UsageError(
      `${first.sha.slice(0, 12)}...: a merge commit is backported alone (give its sha by itself, or its PR's commits)`,
    )
  const short = first.sha.slice(0, 12)
  const pr: SourcePr = {
    number: 0,
    title: first.subject,
    baseRef: ctx.defaultBranch ?? '',
    headSha: first.sha,
    mergeCommitSha: first.sha,
    commits: commits.length,
  }
  const plan = merges.length > 0 ? await planMerge(ctx, first) : shaPlan(commits.map((c) => c.sha))
  return { pr, plan, id: short, label: `commit ${short} (${printable(first.subject)})` }
}

function shaPlan(shas: string[]): PickPlan {
  const list = shas.map((s) => s.slice(0, 12)).join(', ')
  return {
    method: shas.length > 1 ? 'rebase' : 'squash',
    commits: shas,
    explanation: `commits given on the command line: picking ${list} in the order given`,
  }
}

async function planMerge(ctx: SourceContext, merge: CommitInfo): Promise<PickPlan> {
  const [p1, p2] = merge.parents as [string, string]
  const own = await readCommits(ctx.git, ['--reverse', '--topo-order', '--no-merges', p2, `^${p1}`])
  return selectCommits({
    prNumber: 0,
    prCommits: await countCommits(ctx.git, [p2, `^${p1}`]),
    mergeCommit: merge,
    mergeCommits: ctx.config.backport.mergeCommits,
    own,
  })
}

/** One commit by revision; a full sha missing locally is fetched from the remote (git only). */
async function readCommit(ctx: SourceContext, rev: string): Promise<CommitInfo> {
  const found = await resolve(ctx.git, rev)
  if (found) return found
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(rev)) {
    try {
      await ctx.git.run(['fetch', '--quiet', '--no-tags', ctx.remote, rev])
    } catch (error) {
      if (!(error instanceof GitError)) throw error
    }
    const fetched = await resolve(ctx.git, rev)
    if (fetched) return fetched
  }
  throw new UsageError(
    `"${printable(rev)}" names no commit here or on ${ctx.remote} (fetch it, or give its full sha)`,
  )
}

async function resolve(git: Git, rev: string): Promise<CommitInfo | undefined> {
  const r = await git.run(['rev-parse', '-q', '--verify', '--end-of-options', `${rev}^{commit}`], {
    okCodes: [0, 1, 128],
  })
  if (r.exitCode !== 0) return undefined
  const [info] = await readCommits(git, ['--no-walk', r.stdout.trim()])
  return info
}
