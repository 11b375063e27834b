/**
 * The true order of releases on a line, from the commit graph. Pure over the graph.
 *
 * A release's predecessors are its nearest ancestor releases on its line (Release.previous): the
 * releases of the line whose anchor (attribution.ts) its anchor contains and that no later such
 * release contains. On a linear line that is the release before it; a hotfix cut from 7.2 and merged
 * after 7.4 has 7.2, and the release after the merge has both 7.4 and the hotfix. Tags on one commit
 * are ordered by build (attribution sorts them), so the GA tag on the commit of its last rc follows it.
 */
import type { Release } from '../model.js'
import { isPrereleaseBuild, type BuildScheme } from '../version.js'
import { anchorOf, type TagRelease } from './attribution.js'
import type { CommitGraph } from './graph.js'

/** One release of a line, in line order: its name and the commit it is related by. */
export interface LineEntry {
  name: string
  anchor: string
  /** The release's own commit, when it is not its anchor (a tag off the line). */
  commit?: string
}

/** For the releases of one line in line order: the names of each one's nearest ancestor releases, oldest first. */
export function predecessorsOnLine(graph: CommitGraph, entries: readonly LineEntry[]): string[][] {
  graph.prepare(entries.flatMap((e) => [e.anchor, e.commit ?? e.anchor]))
  // A release made two or more commits off the line (a hotfix branch) precedes only the releases
  // that contain it; one commit off (a tagging commit) stands for its anchor.
  const aside = (e: LineEntry) =>
    e.commit !== undefined &&
    e.commit !== e.anchor &&
    graph.firstParentAncestor(e.commit, () => true) !== e.anchor
  return entries.map((r, i) => {
    const nearest: LineEntry[] = []
    for (let j = i - 1; j >= 0; j--) {
      const p = entries[j] as LineEntry
      if (!graph.contains(r.anchor, p.anchor)) continue
      if (aside(p) && !graph.contains(r.commit ?? r.anchor, p.commit as string)) continue
      // a later ancestor release that contains p comes between p and r
      if (nearest.some((m) => graph.contains(m.anchor, p.anchor))) continue
      nearest.push(p)
    }
    return nearest.reverse().map((p) => p.name)
  })
}

/**
 * The releases (grouped by line, each line in line order, a candidate last on its line) with
 * `previous` set from the graph and `prerelease` set when the tag's or the release's build is one.
 */
export function orderReleases(
  graph: CommitGraph,
  releases: readonly Release[],
  byLine: ReadonlyMap<string, readonly TagRelease[]>,
  scheme: BuildScheme,
): Release[] {
  const tagOf = new Map<string, TagRelease>()
  for (const list of byLine.values()) for (const t of list) tagOf.set(t.tag, t)
  const entries = new Map<string, LineEntry[]>()
  for (const r of releases) {
    const t = r.tag === undefined ? undefined : tagOf.get(r.tag)
    const list = entries.get(r.line) ?? []
    list.push({ name: r.name, anchor: t ? anchorOf(t) : r.commit, commit: r.commit })
    entries.set(r.line, list)
  }
  const previous = new Map<string, string[]>()
  for (const list of entries.values()) {
    const prev = predecessorsOnLine(graph, list)
    list.forEach((e, i) => previous.set(e.name, prev[i] ?? []))
  }
  return releases.map((r) => {
    const t = r.tag === undefined ? undefined : tagOf.get(r.tag)
    const pre =
      (t !== undefined && isPrereleaseBuild(t.tagBuild, scheme)) ||
      isPrereleaseBuild(r.build, scheme)
    return { ...r, previous: previous.get(r.name) ?? [], ...(pre ? { prerelease: true } : {}) }
  })
}
