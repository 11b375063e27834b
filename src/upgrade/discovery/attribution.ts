/**
 * Which line a release tag belongs to, and the order of releases on a line. Pure over the graph.
 * A tag on one line's history belongs to it; on several, to the line whose version prefixes the
 * build (1.1 -> 1.x), else to the oldest non-default line containing it; on none, it is reported.
 */
import type { Line } from '../model.js'
import type { CommitGraph } from './graph.js'
import { versionIsPrefixOf } from './names.js'

export interface TagRelease {
  tag: string
  commit: string
  /** The `{build}` part of the tag name. */
  tagBuild: string
}

export interface Attribution {
  /** line branch -> its tags, oldest first (by ancestry). */
  byLine: Map<string, TagRelease[]>
  /** Tags on no line. */
  orphans: TagRelease[]
}

/** `lines` oldest first with the default branch last (as selectLines returns them). */
export function attributeTags(
  graph: CommitGraph,
  lines: readonly Line[],
  tags: readonly TagRelease[],
): Attribution {
  graph.prepare(lines.map((l) => l.tip))
  const byLine = new Map<string, TagRelease[]>(lines.map((l) => [l.branch, []]))
  const orphans: TagRelease[] = []
  for (const tag of tags) {
    const containing = lines.filter((l) => graph.contains(l.tip, tag.commit))
    const line = chooseLine(containing, tag.tagBuild)
    if (line) byLine.get(line.branch)?.push(tag)
    else orphans.push(tag)
  }
  for (const list of byLine.values())
    list.sort((a, b) => graph.order(a.commit) - graph.order(b.commit) || a.tag.localeCompare(b.tag))
  return { byLine, orphans }
}

export function chooseLine(containing: readonly Line[], build: string): Line | undefined {
  if (containing.length <= 1) return containing[0]
  const prefixed = containing
    .filter((l) => l.version !== undefined && versionIsPrefixOf(l.version, build))
    .sort((a, b) => (b.version?.length ?? 0) - (a.version?.length ?? 0))
  if (prefixed[0]) return prefixed[0]
  return containing.find((l) => !l.isDefault) ?? containing[0]
}

/** Several tags naming one commit (`v1.2` and `1.2`): keep the first by pattern order, report the rest. */
export function dedupeTags(tags: readonly TagRelease[]): {
  kept: TagRelease[]
  dropped: { tag: TagRelease; kept: TagRelease }[]
} {
  const byKey = new Map<string, TagRelease>()
  const dropped: { tag: TagRelease; kept: TagRelease }[] = []
  for (const t of tags) {
    const key = `${t.commit}\0${t.tagBuild}`
    const first = byKey.get(key)
    if (first) dropped.push({ tag: t, kept: first })
    else byKey.set(key, t)
  }
  return { kept: [...byKey.values()], dropped }
}
