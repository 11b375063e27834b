/**
 * "The previous release on its line", for build-monotonic, append-only, no-stranded-users and
 * schema-needs-migration. Discovery sets Release.previous from the commit graph: a release's nearest
 * ancestor releases on its line (a hotfix cut from 7.2 and merged after 7.4 follows 7.2, not 7.4).
 * A model built by hand has none: then it is the release before it in model order. Pure.
 */
import type { LineInfo, ReleaseInfo } from './context.js'

/** Sets every release's `previous` (releases in model order, each already on its line). */
export function linkPrevious(releases: readonly ReleaseInfo[]): void {
  const byLine = new Map<LineInfo, Map<string, ReleaseInfo>>()
  for (const r of releases) {
    const named = r.release.previous
    if (named === undefined) {
      const before = r.line.releases[r.posOnLine - 1]
      r.previous = before ? [before] : []
      continue
    }
    let onLine = byLine.get(r.line)
    if (!onLine) {
      onLine = new Map(r.line.releases.map((x) => [x.release.name, x] as const))
      byLine.set(r.line, onLine)
    }
    const names = onLine
    r.previous = named
      .map((n) => names.get(n))
      .filter((p): p is ReleaseInfo => p !== undefined && p !== r)
  }
}

/**
 * The highest-build release among a release's ancestors on its line (through `previous`), the first
 * of equal builds; undefined when none has a valid build. `memo` per rule run.
 */
export function highestBefore(
  r: ReleaseInfo,
  compare: (a: ReleaseInfo, b: ReleaseInfo) => number,
  memo: Map<ReleaseInfo, ReleaseInfo | undefined>,
): ReleaseInfo | undefined {
  if (memo.has(r)) return memo.get(r)
  memo.set(r, undefined) // a cycle in a hand-built model ends here
  let best: ReleaseInfo | undefined
  for (const p of r.previous) {
    const above = highestBefore(p, compare, memo)
    for (const c of [above, p.build === undefined ? undefined : p])
      if (
        c &&
        (!best ||
          compare(c, best) > 0 ||
          (compare(c, best) === 0 && c.modelIndex < best.modelIndex))
      )
        best = c
  }
  memo.set(r, best)
  return best
}
