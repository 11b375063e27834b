/**
 * append-only: a release keeps every migration (canonical ID) of the previous release on its line
 * (each of its nearest ancestor releases there, `previous`: previous.ts). forward-ported: every migration shipped in a release of an older line is
 * present at the head of every newer line (model.lineHeads; lines without a head are skipped).
 */
import type { Finding, Migration } from '../model.js'
import { listIds } from '../engine.js'
import { forwardPortAdvice } from './advice.js'
import {
  at,
  diffRanks,
  findRank,
  hashesOf,
  where,
  type IdSet,
  type LineInfo,
  type ReleaseInfo,
  type RuleContext,
} from './context.js'

function migrationOf(r: ReleaseInfo, rank: number): Migration {
  return r.migs[findRank(r.ids, rank)] as Migration
}

export function appendOnly(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  for (const line of ctx.lines) {
    for (const [prev, r] of line.releases.flatMap((r) => r.previous.map((p) => [p, r] as const))) {
      const dropped = diffRanks(prev.ids, r.ids)
      if (dropped.length === 0) continue
      const first = migrationOf(prev, dropped[0] as number)
      const ids = listIds(dropped.map((k) => ctx.idLabel[k] as string))
      out.push({
        rule: 'append-only',
        severity: 'error',
        message:
          `${r.release.name} on ${line.line.branch} drops migration ${ids} of the previous release ${prev.release.name} ` +
          `(${where(first.location)}): a release must keep every migration of the previous release on its line`,
        ...at(first.location),
        releases: [prev.release.name, r.release.name],
      })
    }
  }
  return out
}

/** Canonical IDs shipped by the releases of a line (sorted), each with the first release that shipped it. */
interface Shipped {
  ranks: Int32Array
  firstShip: Int32Array
  firstMig: (Migration | undefined)[]
}

function shipped(ctx: RuleContext, line: LineInfo): Shipped {
  const firstShip = new Int32Array(ctx.idText.length).fill(-1)
  const firstMig = new Array<Migration | undefined>(ctx.idText.length)
  const ranks: number[] = []
  for (const r of line.releases) {
    for (let k = 0; k < r.ids.length; k++) {
      const rank = r.ids[k] as number
      if (firstShip[rank] === -1) {
        firstShip[rank] = r.posOnLine
        firstMig[rank] = r.migs[k]
        ranks.push(rank)
      }
    }
  }
  return { ranks: Int32Array.from(ranks).sort(), firstShip, firstMig }
}

/** At most this many findings per (older line, newer line); the rest are summed up in one more. */
const MAX_PER_PAIR = 10

export function forwardPorted(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  for (let o = 0; o < ctx.lines.length; o++) {
    const older = ctx.lines[o] as LineInfo
    if (older.releases.length === 0) continue
    const ship = shipped(ctx, older)
    for (let n = o + 1; n < ctx.lines.length; n++) {
      const newer = ctx.lines[n] as LineInfo
      if (newer.head) out.push(...missingAtHead(ctx, older, newer, ship))
    }
  }
  return out
}

function missingAtHead(
  ctx: RuleContext,
  older: LineInfo,
  newer: LineInfo,
  ship: Shipped,
): Finding[] {
  const out: Finding[] = []
  const headHashes = hashesOf(newer.head as IdSet)
  // a migration the head carries under another ID is a renamed backport: same-id-everywhere reports it
  const missing = diffRanks(ship.ranks, (newer.head as IdSet).ids).filter((k) => {
    const hash = (ship.firstMig[k] as Migration).contentHash
    return hash === '' || !headHashes.has(hash)
  })
  const head = newer.headCommit ? ` (${newer.headCommit.slice(0, 7)})` : ''
  for (const rank of missing.slice(0, MAX_PER_PAIR)) {
    const r = older.releases[ship.firstShip[rank] as number] as ReleaseInfo
    const m = ship.firstMig[rank] as Migration
    out.push({
      rule: 'forward-ported',
      severity: 'error',
      message:
        `migration ${m.id} shipped in ${r.release.name} on ${older.line.branch} (${where(m.location)}) ` +
        `is missing at the head of the newer line ${newer.line.branch}${head}: ${forwardPortAdvice(ctx.options, m.id, newer.line.branch)}`,
      ...at(m.location),
      releases: [r.release.name],
    })
  }
  if (missing.length > MAX_PER_PAIR) {
    const rest = missing.slice(MAX_PER_PAIR).map((k) => ctx.idLabel[k] as string)
    out.push({
      rule: 'forward-ported',
      severity: 'error',
      message: `${rest.length} more migrations shipped on ${older.line.branch} are missing at the head of ${newer.line.branch}${head}: ${listIds(rest, 10)}`,
    })
  }
  return out
}
