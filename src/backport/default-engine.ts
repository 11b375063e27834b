import type { BackportEngine } from './engine.js'

// Wired to the git engine (select/branch/push.ts) once it lands.
const missing = (): never => {
  throw new Error('the backport engine is not available yet')
}
export const defaultEngine: BackportEngine = {
  planPicks: async () => missing(),
  prepareBranch: async () => missing(),
  pushBranch: async () => missing(),
  remoteBranchHeads: async () => missing(),
}
