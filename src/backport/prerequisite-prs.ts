/**
 * The GitHub half of the prerequisite hint: each prerequisite's PR link, and whether a backport
 * of it to the same target is open, merged or missing (its branch `backport/<n>-to-<target>` and
 * the PR from it). At most one API request (a one-page PR list by head) per listed prerequisite
 * with a PR number, so at most 10 per target; a failing request leaves that state `unknown`.
 */
import type { GitHub } from '../github/client.js'
import { findBackportPr } from './pr.js'
import type { ConflictOutcome, Prerequisite, PrerequisiteBackport } from './types.js'

export interface PrerequisiteRepo {
  github: GitHub
  owner: string
  repo: string
  /** `https://github.com` (RunContext.serverUrl). */
  serverUrl: string
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
  if (!p.pr) return p
  const url = `${where.serverUrl}/${where.owner}/${where.repo}/pull/${p.pr.number}`
  return { ...p, pr: { ...p.pr, url }, backport: await backportOf(where, p.pr.number) }
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
