/**
 * Discovery of the upgrade model from a git repository, with a fixed number of git processes:
 * one for-each-ref, one log (the graph), one diff-tree --stdin (file listings at every release),
 * two cat-file --batch (plugin/build files, then sources), and for fix diffs (src/evidence) one
 * cat-file --batch-check, one diff-tree -p and one patch-id. The count does not grow with the number
 * of releases or files.
 */
import { searchPattern } from '../../config/patterns.js'
import type { Config } from '../../config/types.js'
import { readObjects } from '../../git/batch.js'
import type { Git } from '../../git/git.js'
import type { Line, Release, UpgradeModel } from '../model.js'
import {
  attributeTags,
  chooseLine,
  dedupeTags,
  offLineNote,
  skipPrereleaseTags,
  type TagRelease,
} from './attribution.js'
import { CommitGraph, GRAPH_FORMAT } from './graph.js'
import { buildFromTag, compileTagPatterns } from './names.js'
import type { DiscoveryProblem } from './problems.js'
import { readLineRefs } from './line-refs.js'
import { orderReleases } from './release-order.js'
import {
  buildFile,
  firstPhasePaths,
  ParseCache,
  relativeTo,
  readMigrations,
  resolveLayout,
  type ReadContext,
} from './reader.js'
import { delphixListings } from './delphix-listings.js'
import { applyFormatHashes, differingContent } from './format-hash.js'
import { isFileLayout, unmatchedDirs } from './migrations.js'
import { ProblemSink, readRelease } from './read-release.js'
import { planTargets } from './targets.js'
import { diffTreeInput, parseDiffTree, replayTrees, type FileMap } from './trees.js'

export interface Candidate {
  /** Commit checked as if it were released. */
  commit: string
  /**
   * Line branch it would be released on; by default the line containing it (as for a tag), else the
   * line whose tip is its nearest ancestor, else the line its history left (a release PR into a
   * hotfix branch: the line of its merge-base, the nearest first-parent ancestor on a line).
   */
  line?: string
  /** Release name, e.g. `PR #12`. */
  name: string
  /** Its build number when known: picks the line when its merge-base is on several (1.1 -> 1.x). */
  build?: string
}

export interface DiscoverOptions {
  /** The default branch when known (from the event payload); guessed otherwise. */
  defaultBranch?: string
  /** Which copy of a branch wins: origin's (action) or the local one (CLI). */
  prefer?: 'remote' | 'local'
  candidate?: Candidate
}

export interface Discovery {
  model: UpgradeModel
  /** Problems in files (bad build numbers, unreadable decorators...), as findings-to-be. */
  problems: DiscoveryProblem[]
  /** Notes about refs (tags on no line, duplicate tags, resolved layout). */
  notes: string[]
  graph: CommitGraph
  layout: string
  buildSource: string
  /** The file holding the build number (a bookkeeping path), if any. */
  buildFile: string | undefined
  /** Bookkeeping globs (config plus the build-number file), ignored when comparing fixes. */
  bookkeeping: string[]
  /** `git cat-file --batch` processes run (not seen by the Git observer): at most 2, whatever the number of files. */
  batchReads: number
  /** Tags that match upgrade.tags, and how many of them are on no release line (coverage.ts). */
  tags: { matching: number; onNoLine: number }
  /** `upgrade.migrations.dirs` entries that match no folder at any line tip or release. */
  unmatchedDirs: string[]
}

export async function discover(
  git: Git,
  config: Config,
  options: DiscoverOptions = {},
): Promise<Discovery> {
  const { refs, lines } = await readLineRefs(git, config, {
    prefer: options.prefer ?? 'local',
    defaultBranch: options.defaultBranch,
  })
  const notes: string[] = []
  const tagList = releaseTags(refs.tags, config.upgrade.tags)
  const tips = [
    ...new Set([
      ...lines.map((l) => l.tip),
      ...tagList.map((t) => t.commit),
      ...(options.candidate ? [options.candidate.commit] : []),
    ]),
  ]
  const graph = new CommitGraph(
    tips.length === 0
      ? ''
      : await git.text(['log', '--topo-order', `--format=${GRAPH_FORMAT}`, '--stdin'], {
          input: tips.join('\n') + '\n',
        }),
  )
  const usable = tagList.filter((t) => graph.has(t.commit))
  const pre = skipPrereleaseTags(usable, config.upgrade)
  if (pre.note) notes.push(pre.note)
  const { kept, dropped } = dedupeTags(pre.tags)
  for (const d of dropped)
    notes.push(`tag ${d.tag.tag} names the same release as ${d.kept.tag}; using ${d.kept.tag}`)
  const { byLine, orphans, offLine } = attributeTags(graph, lines, kept, config.upgrade.scheme)
  const offNote = offLineNote(offLine)
  if (offNote) notes.push(offNote)
  for (const o of orphans)
    notes.push(`tag ${o.tag} (build ${o.tagBuild}) is on no release line; it is not checked`)
  const released = [...byLine.values()].flat().find((t) => t.commit === options.candidate?.commit)
  if (options.candidate && released)
    notes.push(
      `${options.candidate.name} is release ${released.tag} already: checked as that release`,
    )
  let candidate: (Candidate & { line: string }) | undefined
  if (options.candidate && !released) {
    const c = options.candidate
    const found = c.line === undefined ? candidateLine(graph, lines, c.commit, c.build) : undefined
    if (found?.left)
      notes.push(
        `${c.name} is on no line: checked as a release of ${found.line}, where its history left the line at ${found.left.slice(0, 12)}`,
      )
    candidate = { ...c, line: c.line ?? found?.line ?? 'HEAD' }
  }
  return readReleases(git, config, {
    graph,
    lines,
    byLine,
    notes,
    tags: { matching: tagList.length, onNoLine: orphans.length },
    ...(candidate ? { candidate } : {}),
  })
}

/** Tags that match a release tag pattern, with the build they name; by pattern order, then name. */
function releaseTags(
  tags: ReadonlyMap<string, string>,
  tagPatterns: readonly string[],
): TagRelease[] {
  const patterns = compileTagPatterns(tagPatterns)
  const list: (TagRelease & { rank: number })[] = []
  for (const [tag, commit] of tags) {
    const rank = patterns.findIndex((p) => p.test(tag))
    const build = buildFromTag(tag, patterns)
    if (build !== undefined) list.push({ tag, commit, tagBuild: build, rank })
  }
  return list.sort((a, b) => a.rank - b.rank || a.tag.localeCompare(b.tag))
}

/**
 * The line a candidate commit belongs to: one containing it (as for tags), else the line whose tip is
 * its nearest ancestor, else the line(s) holding its merge-base with the lines, its nearest
 * first-parent ancestor on a line (`left`): a release PR into a hotfix branch cut from 2.0 belongs
 * to 2.0's line, however many commits the hotfix has. The newest line when nothing relates them.
 */
function candidateLine(
  graph: CommitGraph,
  lines: readonly Line[],
  commit: string,
  build = '',
): { line: string; left?: string } {
  const containing = lines.filter((l) => graph.contains(l.tip, commit))
  const chosen = chooseLine(containing, build)
  if (chosen) return { line: chosen.branch }
  const below = lines
    .filter((l) => graph.contains(commit, l.tip))
    .sort((a, b) => graph.order(b.tip) - graph.order(a.tip))
  if (below[0]) return { line: below[0].branch }
  const left = graph.firstParentIn(
    commit,
    graph.union(lines.map((l) => l.tip)),
    Number.MAX_SAFE_INTEGER,
  )
  const from = left
    ? chooseLine(
        lines.filter((l) => graph.contains(l.tip, left.sha)),
        build,
      )
    : undefined
  if (left && from) return { line: from.branch, left: left.sha }
  return { line: lines[lines.length - 1]?.branch ?? 'HEAD' }
}

interface Collected {
  graph: CommitGraph
  lines: Line[]
  byLine: Map<string, TagRelease[]>
  notes: string[]
  tags: Discovery['tags']
  candidate?: Candidate & { line: string }
}

async function readReleases(git: Git, config: Config, c: Collected): Promise<Discovery> {
  const targets = [
    ...new Set([
      ...c.lines.map((l) => l.tip),
      ...[...c.byLine.values()].flat().map((t) => t.commit),
      ...(c.candidate ? [c.candidate.commit] : []),
    ]),
  ]
  const plan = planTargets(c.graph, targets)
  const diff =
    plan.length === 0
      ? ''
      : await git.text(
          ['diff-tree', '--stdin', '-r', '-z', '--always', '--root', '--no-renames', '--raw'],
          { input: diffTreeInput(plan) },
        )
  const changes = parseDiffTree(diff)
  const states = replayTrees(plan, changes)
  const empty: FileMap = new Map()
  const filesAt = (commit: string) => states.get(commit) ?? empty
  const newest = c.lines[c.lines.length - 1]
  const { layout, buildSource } = resolveLayout(filesAt(newest?.tip ?? ''), config)
  const bookkeepingFile = buildFile(buildSource, config)
  const bookkeeping = [...config.upgrade.bookkeeping, ...(bookkeepingFile ? [bookkeepingFile] : [])]
  const cache = new ParseCache()
  const first = firstPhasePaths(layout, buildSource, config)
  const blobs = new Map<string, string | undefined>()
  let batchReads = 0
  const firstIds = new Set<string>()
  for (const t of targets) for (const p of first) addId(firstIds, filesAt(t).get(p))
  batchReads += await readBlobs(git, blobs, firstIds)
  const secondIds = new Set<string>()
  const prefixes = new Set<string>()
  const schemas = new Set<string>()
  if (layout === 'delphix') {
    const cfgPath = config.upgrade.plugin.config
    for (const t of targets) {
      const files = filesAt(t)
      const blob = files.get(cfgPath)
      const text = blob ? blobs.get(blob) : undefined
      if (!blob || text === undefined) continue
      const plugin = cache.pluginConfig(cfgPath, blob, text)
      prefixes.add(plugin.srcDir !== undefined ? relativeTo(cfgPath, plugin.srcDir) : '\0')
      if (plugin.schemaFile) schemas.add(relativeTo(cfgPath, plugin.schemaFile))
    }
    // Every blob of every listing entered through a change: collect ids from the changes (thousands), not the listings (millions of entries).
    const wanted = (path: string) =>
      schemas.has(path) ||
      (path.endsWith('.py') && [...prefixes].some((d) => d === '' || path.startsWith(`${d}/`)))
    for (const list of changes.values())
      for (const ch of list) if (ch.status !== 'D' && wanted(ch.path)) secondIds.add(ch.blob)
  }
  batchReads += await readBlobs(git, blobs, secondIds)
  if (layout === 'delphix')
    cache.delphix = delphixListings({ plan, changes, states, blobs, cache, config })
  const regex = config.upgrade.migrations.pattern
    ? searchPattern(config.upgrade.migrations.pattern)
    : undefined
  const ctx: ReadContext = { config, layout, buildSource, blobs, cache, regex }
  const unmatched =
    layout === 'delphix' || layout === 'manifest'
      ? []
      : unmatchedDirs(config.upgrade.migrations.dirs, targets.map(filesAt))
  const assembled = assemble(c, ctx, filesAt)
  if (isFileLayout(layout)) {
    // content-stable ignores formatting: read only the files of IDs whose content differs somewhere.
    const differing = differingContent(assembled.model)
    batchReads += await readBlobs(git, blobs, differing)
    applyFormatHashes(assembled.model, new Map([...differing].map((b) => [b, blobs.get(b)])))
  }
  return { ...assembled, batchReads, bookkeeping, tags: c.tags, unmatchedDirs: unmatched }
}

function addId(set: Set<string>, id: string | undefined): void {
  if (id !== undefined) set.add(id)
}

/** Reads the blobs not read yet with one `git cat-file --batch`; returns the number of processes run (0 or 1). */
async function readBlobs(
  git: Git,
  into: Map<string, string | undefined>,
  ids: ReadonlySet<string>,
): Promise<number> {
  const wanted = [...ids].filter((i) => !into.has(i))
  if (wanted.length === 0) return 0
  for (const [k, v] of await readObjects(git, wanted)) into.set(k, v)
  return 1
}

function assemble(
  c: Collected,
  ctx: ReadContext,
  filesAt: (commit: string) => FileMap,
): Omit<Discovery, 'batchReads' | 'bookkeeping' | 'tags' | 'unmatchedDirs'> {
  const sink = new ProblemSink()
  const releases: Release[] = []
  for (const line of c.lines)
    for (const t of c.byLine.get(line.branch) ?? [])
      releases.push(
        readRelease(ctx, sink, filesAt(t.commit), {
          name: t.tag,
          line: line.branch,
          tag: t,
          commit: t.commit,
        }),
      )
  if (c.candidate) {
    const { name, line, commit } = c.candidate
    releases.push({
      ...readRelease(ctx, sink, filesAt(commit), { name, line, commit }),
      candidate: true,
    })
  }
  const lineHeads = c.lines.map((l) => ({
    line: l.branch,
    commit: l.tip,
    migrations: readMigrations(filesAt(l.tip), ctx).migrations,
  }))
  c.notes.push(`layout: ${ctx.layout}; build number from: ${ctx.buildSource}`)
  const file =
    ctx.buildSource === 'tag'
      ? undefined
      : releases.find((r) => r.buildLocation.file)?.buildLocation.file
  return {
    model: {
      lines: c.lines,
      releases: orderReleases(c.graph, releases, c.byLine, ctx.config.upgrade.scheme),
      fixDiffs: [],
      lineHeads,
    },
    problems: sink.problems,
    notes: c.notes,
    graph: c.graph,
    layout: ctx.layout,
    buildSource: ctx.buildSource,
    buildFile: file,
  }
}
