/**
 * The git side of a backport as the job sees it. The real implementation is the engine in
 * select/branch/push.ts; benchmarks and tests may wrap it (to count or observe git work).
 */
import type { Git } from '../git/git.js'
import type { BackportBranchRequest, BranchOutcome, PickPlan, SourcePr } from './types.js'

export interface BackportEngine {
  planPicks(
    git: Git,
    pr: SourcePr,
    options: {
      mergeCommits: 'own-commits' | 'mainline'
      remote: string
      targets?: readonly string[]
    },
  ): Promise<PickPlan>
  prepareBranch(
    git: Git,
    request: BackportBranchRequest,
    options: { conflicts: 'draft-pr' | 'comment' | 'stop' },
  ): Promise<BranchOutcome>
  pushBranch(
    git: Git,
    remote: string,
    branch: string,
    options: { force: boolean; expectedSha?: string },
  ): Promise<void>
  remoteBranchHeads(
    git: Git,
    remote: string,
    branches: readonly string[],
  ): Promise<Map<string, string>>
}

/** The remote fixline pushes to: the checkout's origin. */
export const REMOTE = 'origin'
