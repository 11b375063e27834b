/** The diff-tree plan: each commit of interest diffed against its nearest commit of interest below it. Pure. */
import type { CommitGraph } from './graph.js'

export interface PlanStep {
  commit: string
  /** Commit to diff against; undefined for a whole listing (a root). */
  base: string | undefined
}

/**
 * Steps ancestors first. A commit whose first-parent chain reaches no other commit of interest is
 * diffed against the root of that chain, and the root is listed whole, so every listing is a chain
 * of small diffs.
 */
export function planTargets(graph: CommitGraph, commits: readonly string[]): PlanStep[] {
  const wanted = new Set(commits.filter((c) => graph.has(c)))
  const steps = new Map<string, PlanStep>()
  for (const commit of wanted) {
    let base = graph.firstParentAncestor(commit, (s) => wanted.has(s))
    if (base === undefined) {
      const root = graph.firstParentRoot(commit)
      if (root !== undefined && root !== commit) {
        base = root
        if (!steps.has(root)) steps.set(root, { commit: root, base: undefined })
      }
    }
    steps.set(commit, { commit, base })
  }
  return [...steps.values()].sort((a, b) => graph.order(a.commit) - graph.order(b.commit))
}
