import { prepareBranch } from './branch.js'
import type { BackportEngine } from './engine.js'
import { pushBranch, remoteBranchHeads } from './push.js'
import { planPicks } from './select.js'

/** The real git engine. */
export const defaultEngine: BackportEngine = {
  planPicks,
  prepareBranch,
  pushBranch,
  remoteBranchHeads,
}
