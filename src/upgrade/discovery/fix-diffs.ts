/**
 * Fix diffs for the release pairs the fix-loss rule asks about, from the fix-evidence module
 * (src/evidence): a constant number of git processes, patch text streamed, only the commits the
 * pairs differ by. Objects a partial clone lacks become warnings (rule fix-loss), never a failure.
 */
import { fixEvidence, type EvidenceCache } from '../../evidence/index.js'
import type { Git } from '../../git/git.js'
import type { FixDiff, Release } from '../model.js'
import type { CommitGraph } from './graph.js'
import type { DiscoveryProblem } from './problems.js'

export async function computeFixDiffs(
  git: Git,
  graph: CommitGraph,
  releases: readonly Release[],
  pairs: readonly { from: string; to: string }[],
  bookkeeping: readonly string[],
  /** Where warnings about objects that could not be read go. */
  problems?: DiscoveryProblem[],
  cache?: EvidenceCache,
): Promise<FixDiff[]> {
  const byName = new Map(releases.map((r) => [r.name, r]))
  const resolved = pairs
    .map((p) => ({ from: byName.get(p.from), to: byName.get(p.to) }))
    .filter(
      (p): p is { from: Release; to: Release } =>
        p.from !== undefined &&
        p.to !== undefined &&
        graph.has(p.from.commit) &&
        graph.has(p.to.commit),
    )
  if (resolved.length === 0) return []
  const evidence = await fixEvidence(
    git,
    graph,
    resolved.map((p) => ({ from: p.from.commit, to: p.to.commit })),
    // Version-only diffs are a release tool's bump only when they change the project's own builds.
    cache ? { cache } : { bookkeeping, ownVersions: releases.map((r) => r.build) },
  )
  for (const p of evidence.problems)
    problems?.push({
      rule: 'fix-loss',
      severity: 'warning',
      message: p.message,
      ...(p.path ? { file: p.path } : {}),
    })
  return resolved.map(({ from, to }) => {
    const e = evidence.compare({ from: from.commit, to: to.commit })
    return {
      from: from.name,
      to: to.name,
      missing: e.lost,
      ...(e.probable.length > 0
        ? { probable: e.probable.map((p) => ({ ...p.commit, counterpart: p.counterpart })) }
        : {}),
      evidence: e.counts,
    }
  })
}
