/**
 * The GitHub half of the prerequisite hint: each prerequisite's PR (from its subject's `(#123)`,
 * or else the merged PR GitHub associates with the commit, such as a rebase-merged one), its link,
 * and whether a backport of it to the same target is open, merged or missing (its branch
 * `backport/<n>-to-<target>` and the PR from it). At most two API requests (one-page lists) per
 * listed prerequisite, so at most 20 per target; a failing request leaves that part unknown.
 */
import type { GitHub } from '../github/client.js'
import { pullsContaining } from '../github/pull-lists.js'
import { findBackportPr } from './pr.js'
import type { ConflictOutcome, Prerequisite, PrerequisiteBackport } from './types.js'

export interface PrerequisiteRepo {
  github: GitHub
  owner: string
  repo: string
  /** `https://github.com` (RunContext.serverUrl). */
  serverUrl: string
  /** The branch the source PR was merged into: a commit's PR is the one merged into it. */
  sourceBranch: string
  /** The branch a port of PR `n` to this target lives on (`backport/<n>-to-<target>`). */
  branchOf: (n: number) => string
}

/** The outcome with its prerequisites' PR links and backport states filled in. */
export async function withPrerequisitePrs(
  where: PrerequisiteRepo,
  outcome: ConflictOutcome,
): Promise<ConflictOutcome> {
  const commits = outcome.prerequisites.commits
  if (commits.length === 0) return outcome
  const filled: Prerequisite[] = []
  for (const p of commits) filled.push(await fill(where, p))
  return { ...outcome, prerequisites: { ...outcome.prerequisites, commits: filled } }
}

async function fill(where: PrerequisiteRepo, p: Prerequisite): Promise<Prerequisite> {
  const pr = p.pr ?? (await associatedPr(where, p.sha))
  if (!pr) return p
  const url = `${where.serverUrl}/${where.owner}/${where.repo}/pull/${pr.number}`
  return { ...p, pr: { ...pr, url }, backport: await backportOf(where, pr.number) }
}

/** The merged PR GitHub associates with a commit (into the source branch when there are several). */
async function associatedPr(where: PrerequisiteRepo, sha: string): Promise<Prerequisite['pr']> {
  try {
    const merged = (await pullsContaining(where.github, where.owner, where.repo, sha)).filter(
      (p) => p.mergedAt !== null,
    )
    const pr = merged.find((p) => p.base === where.sourceBranch) ?? merged[0]
    return pr ? { number: pr.number, title: pr.title, url: undefined } : undefined
  } catch {
    return undefined
  }
}

async function backportOf(where: PrerequisiteRepo, n: number): Promise<PrerequisiteBackport> {
  try {
    const pr = await findBackportPr(where.github, where.owner, where.repo, where.branchOf(n))
    if (!pr) return { state: 'missing' }
    const state = pr.merged ? 'merged' : pr.state === 'open' ? 'open' : 'closed'
    return { state, number: pr.number, url: pr.url }
  } catch {
    return { state: 'unknown' }
  }
}
