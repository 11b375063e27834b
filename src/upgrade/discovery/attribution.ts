/**
 * Which line a release tag belongs to, and the order of releases on a line. Pure over the graph.
 * A tag on one line's history belongs to it; on several, to the line whose version prefixes the
 * build (1.1 -> 1.x), else to the oldest non-default line containing it. A tag on no line whose
 * commit is at most MAX_OFF_LINE first-parent steps off one (an svn-style "Tagged version" commit, a
 * release commit made on a detached head) belongs to the line of that nearest ancestor, its anchor;
 * other tags on no line (a branch of work that no line holds) are reported.
 */
import type { Line } from '../model.js'
import { compareBuilds, isPrereleaseBuild, type BuildScheme } from '../version.js'
import type { CommitGraph } from './graph.js'
import { versionIsPrefixOf } from './names.js'

/**
 * How far (first-parent steps) a tag's commit may sit off its line: a tagging commit, or a release
 * commit and one or two more made on a detached head. Farther, it is a branch of work, not a release
 * of the line (git-flow's `develop` when `lines.newest` does not name it).
 */
export const MAX_OFF_LINE = 3

export interface TagRelease {
  tag: string
  commit: string
  /** The `{build}` part of the tag name. */
  tagBuild: string
  /**
   * The commit on its line the tag is ordered by: its nearest first-parent ancestor on a line, for
   * a tag on no line (absent: the tag's own commit).
   */
  anchor?: string
}

/** A tag on no line, attributed through its anchor. */
export interface OffLineTag {
  tag: TagRelease
  line: string
  /** First-parent steps from the tag's commit to its anchor. */
  steps: number
}

export interface Attribution {
  /** line branch -> its tags, oldest first (by ancestry of their anchors, then by build). */
  byLine: Map<string, TagRelease[]>
  /** Tags on no line, and more than MAX_OFF_LINE first-parent steps off every line. */
  orphans: TagRelease[]
  /** Tags on no line, attributed to the line of their anchor. */
  offLine: OffLineTag[]
}

/** The commit a tag is ordered and related by (see TagRelease.anchor). */
export function anchorOf(t: TagRelease): string {
  return t.anchor ?? t.commit
}

/** `lines` oldest first with the newest line last (as selectLines returns them). */
export function attributeTags(
  graph: CommitGraph,
  lines: readonly Line[],
  tags: readonly TagRelease[],
  scheme: BuildScheme = 'dotted',
): Attribution {
  graph.prepare(lines.map((l) => l.tip))
  const byLine = new Map<string, TagRelease[]>(lines.map((l) => [l.branch, []]))
  const orphans: TagRelease[] = []
  const offLine: OffLineTag[] = []
  let onLines: Uint32Array | undefined
  for (const tag of tags) {
    let t = tag
    let containing = lines.filter((l) => graph.contains(l.tip, tag.commit))
    let steps = 0
    if (containing.length === 0 && graph.has(tag.commit)) {
      onLines ??= graph.union(lines.map((l) => l.tip))
      const anchor = graph.firstParentIn(tag.commit, onLines, MAX_OFF_LINE)
      if (anchor) {
        t = { ...tag, anchor: anchor.sha }
        steps = anchor.steps
        containing = lines.filter((l) => graph.contains(l.tip, anchor.sha))
      }
    }
    const line = chooseLine(containing, tag.tagBuild)
    if (!line) orphans.push(tag)
    else {
      byLine.get(line.branch)?.push(t)
      if (t.anchor) offLine.push({ tag: t, line: line.branch, steps })
    }
  }
  const orderOf = (t: TagRelease) => graph.order(anchorOf(t))
  for (const list of byLine.values())
    list.sort(
      (a, b) =>
        orderOf(a) - orderOf(b) ||
        compareBuilds(a.tagBuild, b.tagBuild, scheme) ||
        (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
    )
  return { byLine, orphans, offLine }
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

/** How many names a note lists before "and N more". */
const NOTE_NAMES = 5

function listed(names: readonly string[]): string {
  const more = names.length - NOTE_NAMES
  return names.slice(0, NOTE_NAMES).join(', ') + (more > 0 ? ` and ${more} more` : '')
}

/** One discovery note for the tags attributed through their anchor, or undefined when none. */
export function offLineNote(offLine: readonly OffLineTag[]): string | undefined {
  if (offLine.length === 0) return undefined
  const names = offLine.map(
    (o) => `${o.tag.tag} (${o.steps} commit${o.steps === 1 ? '' : 's'} off ${o.line})`,
  )
  const what = offLine.length === 1 ? '1 tag sits' : `${offLine.length} tags sit`
  return `${what} on a commit on no line; each belongs to the line of its nearest first-parent ancestor: ${listed(names)}`
}

/**
 * `upgrade.prereleases: ignore`: tags whose `{build}` is a prerelease in the scheme (`v2.0.0-rc1`)
 * are no releases; the note names them. Other policies keep every tag.
 */
export function skipPrereleaseTags(
  tags: readonly TagRelease[],
  upgrade: { prereleases: 'check' | 'warn' | 'ignore'; scheme: BuildScheme },
): { tags: TagRelease[]; note: string | undefined } {
  if (upgrade.prereleases !== 'ignore') return { tags: [...tags], note: undefined }
  const skipped = tags.filter((t) => isPrereleaseBuild(t.tagBuild, upgrade.scheme))
  if (skipped.length === 0) return { tags: [...tags], note: undefined }
  const gone = new Set(skipped)
  return {
    tags: tags.filter((t) => !gone.has(t)),
    note: `${skipped.length} prerelease tag${skipped.length === 1 ? '' : 's'} not checked (upgrade.prereleases: ignore): ${listed(skipped.map((t) => t.tag))}`,
  }
}
