/**
 * same-id-everywhere and content-stable: a backported migration keeps one ID and one content on every
 * line. "On a line" means in any release of the line or at its head. Per line and canonical ID the
 * content hash of the latest occurrence counts (releases in order, then the head).
 *
 * same-id-everywhere: one content hash under IDs a != b where a is on line L1 but not on L2 and b on L2
 * but not on L1 (a renamed backport). Identical bodies that both lines carry under both IDs (two no-op
 * markers) are not a finding.
 * content-stable: one canonical ID with different content on two lines (severity from options; 'off'
 * turns it off). Content compares by formatHash where discovery set one (whitespace and formatting
 * ignored, discovery/format-hash.ts), else by contentHash.
 * An empty content hash (a layout without content, e.g. a manifest of IDs) takes part in neither rule.
 */
import type { Finding, Migration } from '../model.js'
import { at, where, type IdSet, type LineInfo, type RuleContext } from './context.js'

interface Occurrence {
  line: LineInfo
  rank: number
  m: Migration
  where: string
}

type Latest = (Occurrence | undefined)[]

const cache = new WeakMap<RuleContext, Latest[]>()

/** Per line (by line order): rank -> latest migration and the release (or head) it was seen in. */
function latestPerLine(ctx: RuleContext): Latest[] {
  const hit = cache.get(ctx)
  if (hit) return hit
  const result = ctx.lines.map((line) => {
    const latest: Latest = new Array<Occurrence | undefined>(ctx.idText.length)
    const visit = (set: IdSet, label: string): void => {
      for (let k = 0; k < set.ids.length; k++) {
        const rank = set.ids[k] as number
        const m = set.migs[k] as Migration
        const prev = latest[rank]
        if (prev && (prev.m === m || sameContent(prev.m, m))) continue
        latest[rank] = { line, rank, m, where: label }
      }
    }
    for (const r of line.releases) visit(r, r.release.name)
    if (line.head) visit(line.head, `the head of ${line.line.branch}`)
    return latest
  })
  cache.set(ctx, result)
  return result
}

function push<K>(map: Map<K, Occurrence[]>, key: K, o: Occurrence): void {
  const list = map.get(key)
  if (list) list.push(o)
  else map.set(key, [o])
}

function* occurrences(latest: Latest): Generator<Occurrence> {
  for (const o of latest) if (o) yield o
}

function describe(o: Occurrence): string {
  return `${o.m.id} on ${o.line.line.branch} (${o.where}, ${where(o.m.location)})`
}

/** Same content, formatting aside when both sides carry a formatHash. */
function sameContent(a: Migration, b: Migration): boolean {
  if (a.contentHash === b.contentHash) return true
  return a.formatHash !== undefined && a.formatHash === b.formatHash
}

export function contentStable(ctx: RuleContext): Finding[] {
  const severity = ctx.options.contentChange
  if (severity === 'off') return []
  const perLine = latestPerLine(ctx)
  const byRank = new Map<number, Occurrence[]>()
  for (const latest of perLine) for (const o of occurrences(latest)) push(byRank, o.rank, o)
  const out: Finding[] = []
  for (const [rank, occ] of [...byRank].sort((a, b) => a[0] - b[0])) {
    const first = occ[0] as Occurrence
    const other = occ.find(
      (o) => !sameContent(o.m, first.m) && o.m.contentHash !== '' && first.m.contentHash !== '',
    )
    if (!other) continue
    out.push({
      rule: 'content-stable',
      severity,
      message:
        `migration ${ctx.idLabel[rank]} differs between lines: ${describe(first)} and ${describe(other)} have different content: ` +
        `users who ran one version will never run the other; keep one content on every line ` +
        `(whitespace and formatting are ignored; upgrade.contentChange: off turns this rule off)`,
      ...at(other.m.location),
    })
  }
  return out
}

export function sameIdEverywhere(ctx: RuleContext): Finding[] {
  const perLine = latestPerLine(ctx)
  const byHash = new Map<string, Occurrence[]>()
  for (const latest of perLine) {
    for (const o of occurrences(latest))
      if (o.m.contentHash !== '') push(byHash, o.m.contentHash, o)
  }
  const out: Finding[] = []
  for (const occ of byHash.values()) {
    if (occ.length < 2) continue
    const pair = renamedPair(perLine, occ)
    if (!pair) continue
    const [a, b] = pair
    out.push({
      rule: 'same-id-everywhere',
      severity: 'error',
      message:
        `the same migration (content ${a.m.contentHash.slice(0, 12)}) has ID ${describe(a)} and ID ${describe(b)}: ` +
        `a backported migration must keep one ID on every line, or users who ran one ID cannot upgrade to a release that has only the other`,
      ...at(b.m.location),
    })
  }
  return out
}

/** Two occurrences with different IDs on different lines where neither line carries the other's ID. */
function renamedPair(perLine: Latest[], occ: Occurrence[]): [Occurrence, Occurrence] | undefined {
  for (let i = 0; i < occ.length; i++) {
    for (let j = i + 1; j < occ.length; j++) {
      const a = occ[i] as Occurrence
      const b = occ[j] as Occurrence
      if (a.rank === b.rank || a.line === b.line) continue
      const lineA = perLine[a.line.order] as Latest
      const lineB = perLine[b.line.order] as Latest
      if (lineB[a.rank] === undefined && lineA[b.rank] === undefined)
        return a.line.order <= b.line.order ? [a, b] : [b, a]
    }
  }
  return undefined
}
