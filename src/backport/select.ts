/**
 * Which commits a backport cherry-picks, decided from git alone (works for PRs of any size; the
 * list-commits API stops at 250). `selectCommits` is the pure decision; `planPicks` gathers its
 * input from a shallow checkout.
 */
import type { Git } from '../git/git.js'
import { patchIds, readCommits, type CommitInfo } from '../git/commits.js'
import { fetchSource, isolateOwnCommits, sourceRefs } from './fetch.js'
import type { PickPlan, SourcePr } from './types.js'

export type MergeCommitsMode = 'own-commits' | 'mainline'

export interface SelectionInput {
  prNumber: number
  /** The PR's commit count (pulls.get `commits`, merges included). */
  prCommits: number
  mergeCommit: CommitInfo
  mergeCommits: MergeCommitsMode
  /** Two-parent merge: the PR's own commits (`rev-list --reverse --no-merges P1..P2`), oldest first. */
  own?: CommitInfo[]
  /** One parent: the first-parent chain ending at the merge commit, newest first, at most prCommits long. */
  landed?: CommitInfo[]
  /** One parent: commits reachable from the PR head (merges excluded), in any order. */
  headCommits?: CommitInfo[]
}

const short = (sha: string): string => sha.slice(0, 12)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The pure decision: commit lists in, plan out. */
export function selectCommits(input: SelectionInput): PickPlan {
  const m = input.mergeCommit
  if (m.parents.length >= 2) return selectForMergeCommit(input)
  if (input.prCommits <= 1) {
    return {
      method: 'squash',
      commits: [m.sha],
      explanation: `one-commit PR merged by squash or rebase: picking ${short(m.sha)}`,
    }
  }
  const rebased = rebasedRun(input.landed ?? [], input.headCommits ?? [])
  const squashLikeCopy = squashWithOnePatch(input, rebased)
  if (squashLikeCopy) return squashLikeCopy
  if (rebased.length > 0) {
    return {
      method: 'rebase',
      commits: rebased.map((c) => c.sha).reverse(),
      explanation:
        `rebase merge: the last ${plural(rebased.length, 'commit')} on ${short(m.sha)}'s first-parent line ` +
        `are rebased copies of the PR's commits (same subject and author, or same patch); picking them in order`,
    }
  }
  return {
    method: 'squash',
    commits: [m.sha],
    explanation:
      `squash merge: ${short(m.sha)} has one parent and does not match the PR's ${plural(input.prCommits, 'commit')}; ` +
      `picking the squash commit`,
  }
}

function selectForMergeCommit(input: SelectionInput): PickPlan {
  const m = input.mergeCommit
  const own = input.own ?? []
  if (input.mergeCommits === 'mainline' || own.length === 0) {
    const why =
      input.mergeCommits === 'mainline'
        ? 'mergeCommits: mainline'
        : 'the PR has no commits of its own besides merges'
    return {
      method: 'merge',
      commits: [m.sha],
      mainline: 1,
      explanation: `merge commit (${why}): picking the merge commit ${short(m.sha)} with -m 1`,
    }
  }
  const dropped = input.prCommits - own.length
  const merges =
    dropped > 0 ? ` (leaving out ${plural(dropped, 'merge')} such as "update branch")` : ''
  return {
    method: 'merge',
    commits: own.map((c) => c.sha),
    explanation: `merge commit ${short(m.sha)}: picking the PR's own ${plural(own.length, 'commit')} in order${merges}`,
  }
}

/**
 * A squash commit taken for a rebased copy: the newest first-parent commit matches one PR commit
 * by patch alone (not by subject and authorship, which GitHub's rebase merge keeps), and it is the
 * only match, for a PR of several commits. GitHub's rebase merge lands one copy per commit on the
 * first-parent line and each keeps its subject, author and date; a squash lands one commit (whose
 * subject GitHub writes as `<title> (#<n>)`). A squash's patch equals one commit's when the
 * others change nothing `patch-id --stable` sees (a whitespace fix).
 */
function squashWithOnePatch(
  input: SelectionInput,
  run: readonly CommitInfo[],
): PickPlan | undefined {
  const [only] = run
  if (run.length !== 1 || !only || input.prCommits <= 1) return undefined
  if ((input.headCommits ?? []).some((h) => h.sha !== only.sha && sameAuthorship(only, h)))
    return undefined
  const recorded = only.subject.endsWith(`(#${input.prNumber})`)
    ? ` (its subject names #${input.prNumber}, as GitHub's squash writes it)`
    : ''
  return {
    method: 'squash',
    commits: [only.sha],
    explanation:
      `squash merge: ${short(only.sha)} is the only commit the PR's ${plural(input.prCommits, 'commit')} put on the first-parent line${recorded}; ` +
      `its patch equals one PR commit's because the others change nothing patch-id sees (whitespace); picking the squash commit`,
  }
}

function sameAuthorship(landed: CommitInfo, original: CommitInfo): boolean {
  return (
    landed.subject === original.subject &&
    landed.authorEmail === original.authorEmail &&
    landed.authorDate === original.authorDate
  )
}

/** A landed commit is a rebased copy of a PR commit: a different object with the same subject and authorship, or the same patch. */
export function isRebasedCopy(landed: CommitInfo, original: CommitInfo): boolean {
  if (landed.sha === original.sha) return false
  const samePatch = landed.patchId !== undefined && landed.patchId === original.patchId
  return sameAuthorship(landed, original) || samePatch
}

/**
 * The newest landed commits (newest first) that are rebased copies of PR commits, stopping at the
 * first that is not. GitHub's rebase merge always writes new commits, so a landed commit that is
 * itself in the PR's history (the base it was branched from) ends the run.
 */
export function rebasedRun(
  landed: readonly CommitInfo[],
  headCommits: readonly CommitInfo[],
): CommitInfo[] {
  const run: CommitInfo[] = []
  const used = new Set<string>()
  for (const c of landed) {
    const match = headCommits.find((h) => !used.has(h.sha) && isRebasedCopy(c, h))
    if (!match) break
    used.add(match.sha)
    run.push(c)
  }
  return run
}

export interface PlanOptions {
  mergeCommits: MergeCommitsMode
  /** Remote name (or URL) of the GitHub repository, usually 'origin'. */
  remote: string
  /** Target branches whose tips the same fetch brings (see fetchSource); none by default. */
  targets?: readonly string[]
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** Rejects source data the engine cannot work from (before any git runs). */
export function assertPlannable(pr: SourcePr): void {
  if (!Number.isInteger(pr.number) || pr.number < 1)
    throw new Error(`invalid PR number ${pr.number}`)
  if (!SHA.test(pr.mergeCommitSha))
    throw new Error(`PR #${pr.number} has no merge commit (is it merged?)`)
  if (!SHA.test(pr.headSha)) throw new Error(`PR #${pr.number} has no valid head sha`)
  if (!Number.isInteger(pr.commits) || pr.commits < 1)
    throw new Error(`PR #${pr.number} reports ${pr.commits} commits`)
}

/**
 * Fetches what the decision needs (bounded depth, never a full clone) and decides which commits
 * to pick. The merge commit, its history and the PR head stay reachable under refs/fixline/.
 */
export async function planPicks(git: Git, pr: SourcePr, options: PlanOptions): Promise<PickPlan> {
  assertPlannable(pr)
  const refs = sourceRefs(pr.number)
  await fetchSource(git, pr, options.remote, options.targets)
  // One read for the merge commit (first) and, squash or rebase, the first-parent line it ends.
  const firstParents = await readCommits(git, [
    '--first-parent',
    '-n',
    String(pr.commits),
    refs.merge,
  ])
  const [mergeCommit] = firstParents
  if (!mergeCommit)
    throw new Error(
      `merge commit ${pr.mergeCommitSha} of PR #${pr.number} not found after fetching`,
    )
  const input: SelectionInput = {
    prNumber: pr.number,
    prCommits: pr.commits,
    mergeCommit,
    mergeCommits: options.mergeCommits,
  }
  if (mergeCommit.parents.length >= 2 && options.mergeCommits === 'own-commits') {
    const [p1, p2] = mergeCommit.parents as [string, string]
    await isolateOwnCommits(git, pr, options.remote, p1, p2)
    input.own = await readCommits(git, ['--reverse', '--topo-order', '--no-merges', p2, `^${p1}`])
  } else if (mergeCommit.parents.length === 1 && pr.commits > 1) {
    input.landed = firstParents
    input.headCommits = await readCommits(git, [
      '--no-merges',
      '-n',
      String(pr.commits * 2),
      refs.head,
    ])
    const ids = await patchIds(
      git,
      [...input.landed, ...input.headCommits].map((c) => c.sha),
    )
    for (const c of [...input.landed, ...input.headCommits]) {
      const id = ids.get(c.sha)
      if (id !== undefined) c.patchId = id
    }
  }
  const read = [...firstParents, ...(input.own ?? []), ...(input.headCommits ?? [])]
  return withCommitInfo(selectCommits(input), read)
}

/** The plan with the parents and subject of its commits, taken from what planPicks read. */
export function withCommitInfo(plan: PickPlan, read: readonly CommitInfo[]): PickPlan {
  const bySha = new Map(read.map((c) => [c.sha, c]))
  const commitInfo: NonNullable<PickPlan['commitInfo']> = {}
  for (const sha of plan.commits) {
    const c = bySha.get(sha)
    if (!c) return plan
    commitInfo[sha] = { parents: [...c.parents], subject: c.subject }
  }
  return { ...plan, commitInfo }
}
