/**
 * A published release as other jobs need it (forward-ports on release): its line, the releases
 * before it on that line, and every release line. The same discovery as the upgrade check (refs,
 * `lines.*`, `upgrade.tags`, tag attribution and the order of releases on a line), without reading
 * any file: one `git for-each-ref` and one `git log` for the graph.
 */
import type { Config } from '../config/types.js'
import type { Git } from '../git/git.js'
import { commitGraph, type CommitGraph } from '../git/graph.js'
import type { Line } from './model.js'
import { anchorOf, attributeTags, dedupeTags, type TagRelease } from './discovery/attribution.js'
import { buildFromTag, compileTagPatterns } from './discovery/names.js'
import { readLineRefs } from './discovery/line-refs.js'
import { predecessorsOnLine } from './discovery/release-order.js'

export interface ReleaseSpan {
  tag: string
  commit: string
  /** The line the release belongs to. */
  line: string
  /** Every release line, oldest first, the newest line last. */
  lines: Line[]
  /** The commits of the release's nearest earlier releases on its line (none for the first). */
  previous: string[]
  /** Builds named by release tags (a version-only diff to one of them is a release bump). */
  builds: string[]
  /** The graph of every line tip and release tag. */
  graph: CommitGraph
}

/** Where release `tag` sits among the lines and releases; a reason when it is not a release of a line. */
export async function releaseSpan(
  git: Git,
  config: Config,
  tag: string,
  options: { defaultBranch?: string } = {},
): Promise<ReleaseSpan | { problem: string }> {
  const { refs, lines } = await readLineRefs(git, config, {
    prefer: 'remote',
    defaultBranch: options.defaultBranch,
  })
  const patterns = compileTagPatterns(config.upgrade.tags)
  const tags: TagRelease[] = []
  for (const [name, commit] of refs.tags) {
    const build = buildFromTag(name, patterns)
    if (build !== undefined) tags.push({ tag: name, commit, tagBuild: build })
  }
  const own = tags.find((t) => t.tag === tag)
  if (!own) return { problem: `tag ${tag} is not a release tag (upgrade.tags)` }
  const graph = await commitGraph(git, [...lines.map((l) => l.tip), ...tags.map((t) => t.commit)])
  const { kept } = dedupeTags(tags.sort((a, b) => a.tag.localeCompare(b.tag)))
  const { byLine } = attributeTags(graph, lines, kept, config.upgrade.scheme)
  for (const [line, list] of byLine) {
    const at = list.findIndex((t) => t.commit === own.commit)
    if (at < 0) continue
    const entries = list.map((t) => ({ name: t.tag, anchor: anchorOf(t), commit: t.commit }))
    const names = new Set(predecessorsOnLine(graph, entries)[at] ?? [])
    return {
      tag,
      commit: own.commit,
      line,
      lines,
      previous: list.filter((t) => names.has(t.tag)).map((t) => t.commit),
      builds: [...new Set(tags.map((t) => t.tagBuild))],
      graph,
    }
  }
  return { problem: `release ${tag} is on no release line` }
}
