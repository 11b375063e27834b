/**
 * The indexed view of an UpgradeModel that every rule reads: lines ordered oldest first, releases
 * with parsed builds, and migration IDs reduced to integer ranks (rank order = ID order), so rules
 * compare sorted Int32Arrays instead of string Sets.
 *
 * Assumptions (documented in the README through check.ts):
 * - Lines: in model.lines order, oldest first (discovery orders them by lines.order and the numbers
 *   in their names, config/patterns.ts compareLineNames), the newest line (isDefault) last. A release
 *   whose line is not in model.lines gets a line of that name, after the other lines and before the
 *   newest, by name.
 * - Releases of a line are in model order, oldest first; the releases just before one ("the previous
 *   release on its line") are Release.previous when discovery set it, else the one before in model
 *   order (previous.ts).
 */
import type { Line, Migration, Release, SourceLocation, UpgradeModel } from '../model.js'
import { canonicalId, compareCanonicalIds, isValidMigrationId } from '../migration-id.js'
import { compareCanonicalBuilds, compareDigits, parseBuild, type BuildScheme } from '../version.js'
import { linkPrevious } from './previous.js'
import type { CompatibilityDeclaration, WaiverDeclaration } from '../../config/types.js'

export interface CheckOptions {
  scheme: BuildScheme
  /** 'set': the Delphix engine (runs every missing ID); 'linear': runs only IDs above the highest applied. */
  engine: 'set' | 'linear'
  /** Severity of content-stable findings; 'off' turns the rule off. */
  contentChange: 'warning' | 'error' | 'off'
  /** The migration layout discovery found (rules/advice.ts words remedies for its engine); absent: Delphix. */
  layout?: string
  /** Upgrades the compatibility logic refuses (upgrade.compatibility); none when absent. */
  compatibility?: readonly CompatibilityDeclaration[]
  /** Findings waived (upgrade.waivers), applied by checkModel after every rule; none when absent. */
  waivers?: readonly WaiverDeclaration[]
  /** Today, for waiver expiry (tests inject it); the current time when absent. */
  now?: Date
  /** upgrade.prereleases: 'warn' makes findings that name a prerelease warnings; absent: 'check'. */
  prereleases?: 'check' | 'warn' | 'ignore'
}

export interface LineInfo {
  line: Line
  /** 0 = oldest. */
  order: number
  releases: ReleaseInfo[]
  head: IdSet | undefined
  headCommit: string | undefined
}

/** A set of migrations: sorted unique ID ranks and, aligned, the first migration with that ID. */
export interface IdSet {
  ids: Int32Array
  migs: Migration[]
  /** Groups of migrations that share one canonical ID (length >= 2 each). */
  duplicates: Migration[][]
}

export interface ReleaseInfo extends IdSet {
  release: Release
  modelIndex: number
  line: LineInfo
  posOnLine: number
  /** Canonical build, or undefined when the build is invalid for the scheme. */
  build: string | undefined
  buildError: string | undefined
  /** Position in ctx.byBuild, or -1 for an invalid build. */
  buildPos: number
  /** The releases just before it on its line (Release.previous; see rules/previous.ts). */
  previous: ReleaseInfo[]
  /** Release.prerelease, or, when discovery did not say, whether its build is a prerelease. */
  prerelease: boolean
}

export interface RuleContext {
  model: UpgradeModel
  options: CheckOptions
  lines: LineInfo[]
  releases: ReleaseInfo[]
  byName: Map<string, ReleaseInfo>
  /** Valid-build releases sorted by build ascending (stable: model order among equal builds). */
  byBuild: ReleaseInfo[]
  /** Canonical ID by rank. */
  idText: string[]
  /** ID by rank as first written (model order), for messages: "2019.04.01", not "2019.4.1". */
  idLabel: string[]
  /** Raw IDs that are not valid migration IDs. */
  invalidIds: Set<string>
  compareBuild(a: ReleaseInfo, b: ReleaseInfo): number
}

/** model.lines in their order with the newest (isDefault) last, lines known only from releases before it. */
function orderLines(model: UpgradeModel): LineInfo[] {
  const known = new Set(model.lines.map((l) => l.branch))
  const unknown: Line[] = []
  for (const r of model.releases) {
    if (!known.has(r.line)) {
      known.add(r.line)
      unknown.push({ branch: r.line, version: undefined, isDefault: false, tip: '' })
    }
  }
  unknown.sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0))
  const lines = [
    ...model.lines.filter((l) => !l.isDefault),
    ...unknown,
    ...model.lines.filter((l) => l.isDefault),
  ]
  return lines.map((line, order) => ({
    line,
    order,
    releases: [],
    head: undefined,
    headCommit: undefined,
  }))
}

interface Ranked {
  /** Per migration list (releases, then heads): the rank of each migration, in list order. */
  ranks: Int32Array[]
  idText: string[]
  idLabel: string[]
  invalidIds: Set<string>
}

/**
 * Assign every distinct canonical ID a rank in ID order, in one string lookup per migration: raw IDs
 * first get a provisional number, then a small table maps provisional numbers to ranks.
 */
function rankIds(lists: Migration[][]): Ranked {
  const tmpOf = new Map<string, number>()
  const raws: string[] = []
  const ranks = lists.map((ms) => {
    const out = new Int32Array(ms.length)
    for (let i = 0; i < ms.length; i++) {
      const raw = (ms[i] as Migration).id
      let t = tmpOf.get(raw)
      if (t === undefined) {
        t = raws.length
        tmpOf.set(raw, t)
        raws.push(raw)
      }
      out[i] = t
    }
    return out
  })
  const canon = raws.map(canonicalId)
  const idText = sortIds([...new Set(canon)])
  const rankOfCanon = new Map(idText.map((c, i) => [c, i] as const))
  const rankOfTmp = Int32Array.from(canon, (c) => rankOfCanon.get(c) as number)
  const idLabel: string[] = new Array<string>(idText.length)
  raws.forEach((raw, t) => (idLabel[rankOfTmp[t] as number] ??= raw))
  for (const r of ranks)
    for (let i = 0; i < r.length; i++) r[i] = rankOfTmp[r[i] as number] as number
  const invalidIds = new Set(raws.filter((raw) => !isValidMigrationId(raw)))
  return { ranks, idText, idLabel, invalidIds }
}

/** Canonical IDs in ID order (valid ones split once, not per comparison). */
function sortIds(ids: string[]): string[] {
  const valid: { id: string; parts: string[] }[] = []
  const invalid: string[] = []
  for (const id of ids) {
    if (isValidMigrationId(id)) valid.push({ id, parts: id.split('.') })
    else invalid.push(id)
  }
  valid.sort((a, b) => {
    const n = Math.max(a.parts.length, b.parts.length)
    for (let i = 0; i < n; i++) {
      const c = compareDigits(a.parts[i] ?? '0', b.parts[i] ?? '0')
      if (c !== 0) return c
    }
    return 0
  })
  return [...valid.map((v) => v.id), ...invalid.sort(compareCanonicalIds)]
}

/** Sorted unique ranks of a migration list (ranks: the rank of each migration), with duplicate groups. */
export function indexMigrations(
  migrations: Migration[],
  ranks: Int32Array,
  scratch?: Int32Array,
): IdSet {
  let sorted = true
  for (let i = 1; i < ranks.length; i++) {
    if ((ranks[i] as number) <= (ranks[i - 1] as number)) {
      sorted = false
      break
    }
  }
  // fast path: discovery usually lists migrations in ID order without duplicates
  if (sorted) return { ids: ranks, migs: migrations, duplicates: [] }
  return (scratch && sortUnique(migrations, ranks, scratch)) ?? sortMigrations(migrations, ranks)
}

/**
 * Sort when every rank is distinct: a natural merge sort of the ranks (discovery output is usually a
 * few sorted runs, one per file), then a rank -> position table to align the migrations.
 */
function sortUnique(
  migrations: Migration[],
  ranks: Int32Array,
  posOfRank: Int32Array,
): IdSet | undefined {
  const ids = mergeRuns(ranks)
  for (let k = 1; k < ids.length; k++) if (ids[k] === ids[k - 1]) return undefined
  for (let i = 0; i < ranks.length; i++) posOfRank[ranks[i] as number] = i
  const migs = new Array<Migration>(ids.length)
  for (let k = 0; k < ids.length; k++)
    migs[k] = migrations[posOfRank[ids[k] as number] as number] as Migration
  return { ids, migs, duplicates: [] }
}

/** Sorted copy of an Int32Array by merging its ascending runs pairwise. */
export function mergeRuns(input: Int32Array): Int32Array {
  const n = input.length
  let src = input.slice()
  let dst = new Int32Array(n)
  let bounds: number[] = [0]
  for (let i = 1; i < n; i++) if ((src[i] as number) < (src[i - 1] as number)) bounds.push(i)
  bounds.push(n)
  if (bounds.length > 64) return src.sort()
  while (bounds.length > 2) {
    const next: number[] = [0]
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const lo = bounds[r] as number
      const mid = bounds[r + 1] as number
      const hi = (bounds[r + 2] ?? mid) as number
      let a = lo
      let b = mid
      let o = lo
      while (a < mid && b < hi)
        dst[o++] =
          (src[a] as number) <= (src[b] as number) ? (src[a++] as number) : (src[b++] as number)
      while (a < mid) dst[o++] = src[a++] as number
      while (b < hi) dst[o++] = src[b++] as number
      next.push(hi)
    }
    if (next[next.length - 1] !== n) next.push(n)
    ;[src, dst] = [dst, src]
    bounds = next
  }
  return src
}

function sortMigrations(migrations: Migration[], ranks: Int32Array): IdSet {
  const n = migrations.length
  // key = rank * SHIFT + position: exact in a double while rank * SHIFT < 2^53
  const SHIFT = 2 ** Math.max(21, Math.ceil(Math.log2(n + 1)))
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = (ranks[i] as number) * SHIFT + i
  packed.sort()
  const ids: number[] = []
  const migs: Migration[] = []
  const duplicates: Migration[][] = []
  let group: Migration[] | undefined
  for (let k = 0; k < n; k++) {
    const key = packed[k] as number
    const rank = Math.floor(key / SHIFT)
    const m = migrations[key - rank * SHIFT] as Migration
    if (ids.length > 0 && ids[ids.length - 1] === rank) {
      if (!group) {
        group = [migs[migs.length - 1] as Migration]
        duplicates.push(group)
      }
      group.push(m)
      continue
    }
    group = undefined
    ids.push(rank)
    migs.push(m)
  }
  return { ids: Int32Array.from(ids), migs, duplicates }
}

/** Whether a sorted rank array holds a rank (binary search); returns the index or -1. */
export function findRank(ids: Int32Array, rank: number): number {
  let lo = 0
  let hi = ids.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = ids[mid] as number
    if (v === rank) return mid
    if (v < rank) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** Ranks in `a` and not in `b` (both sorted), in order. */
export function diffRanks(a: Int32Array, b: Int32Array): number[] {
  const out: number[] = []
  let j = 0
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number
    while (j < b.length && (b[j] as number) < v) j++
    if (j >= b.length || b[j] !== v) out.push(v)
  }
  return out
}

export function buildContext(model: UpgradeModel, options: CheckOptions): RuleContext {
  const lines = orderLines(model)
  const lineByBranch = new Map(lines.map((l) => [l.line.branch, l] as const))
  const lists = [
    ...model.releases.map((r) => r.migrations),
    ...model.lineHeads.map((h) => h.migrations),
  ]
  const { ranks, idText, idLabel, invalidIds } = rankIds(lists)
  const scratch = new Int32Array(idText.length)
  const releases: ReleaseInfo[] = model.releases.map((release, modelIndex) => {
    const line = lineByBranch.get(release.line) as LineInfo
    const parsed = parseBuild(release.build, options.scheme)
    const info: ReleaseInfo = {
      ...indexMigrations(release.migrations, ranks[modelIndex] as Int32Array, scratch),
      release,
      modelIndex,
      line,
      posOnLine: line.releases.length,
      build: parsed.ok ? parsed.canonical : undefined,
      buildError: parsed.ok ? undefined : parsed.reason,
      buildPos: -1,
      previous: [],
      prerelease: release.prerelease ?? (parsed.ok && parsed.prerelease !== undefined),
    }
    line.releases.push(info)
    return info
  })
  linkPrevious(releases)
  model.lineHeads.forEach((h, i) => {
    const line = lineByBranch.get(h.line)
    if (!line) return
    line.head = indexMigrations(
      h.migrations,
      ranks[model.releases.length + i] as Int32Array,
      scratch,
    )
    line.headCommit = h.commit
  })
  const scheme = options.scheme
  const compareBuild = (a: ReleaseInfo, b: ReleaseInfo): number =>
    compareCanonicalBuilds(a.build as string, b.build as string, scheme) ||
    a.modelIndex - b.modelIndex
  const byBuild = releases.filter((r) => r.build !== undefined).sort(compareBuild)
  byBuild.forEach((r, i) => (r.buildPos = i))
  const byName = new Map(releases.map((r) => [r.release.name, r] as const))
  return {
    model,
    options,
    lines,
    releases,
    byName,
    byBuild,
    idText,
    idLabel,
    invalidIds,
    compareBuild: (a, b) => compareCanonicalBuilds(a.build as string, b.build as string, scheme),
  }
}

/** file/line of a location, for a Finding. */
export function at(loc: SourceLocation | undefined): { file?: string; line?: number } {
  if (!loc) return {}
  return loc.line === undefined ? { file: loc.file } : { file: loc.file, line: loc.line }
}

export function where(loc: SourceLocation | undefined): string {
  if (!loc) return '?'
  return loc.line === undefined ? loc.file : `${loc.file}:${loc.line}`
}

const hashCache = new WeakMap<IdSet, Set<string>>()

/** Content hashes of a migration set (cached). */
export function hashesOf(set: IdSet): Set<string> {
  let hashes = hashCache.get(set)
  if (!hashes) {
    hashes = new Set(set.migs.map((m) => m.contentHash))
    hashCache.set(set, hashes)
  }
  return hashes
}

/**
 * Whether the migration with `rank` in `from` exists in `to` under another ID (same content hash): a
 * renamed backport, which same-id-everywhere reports; other rules leave it to that rule.
 */
export function hasTwin(from: IdSet, rank: number, to: IdSet): boolean {
  const m = from.migs[findRank(from.ids, rank)]
  return m !== undefined && m.contentHash !== '' && hashesOf(to).has(m.contentHash)
}
