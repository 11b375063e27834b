/**
 * The upgrade matrix: for every ordered pair of releases (A, X) with build(X) > build(A), whether the
 * engine allows A -> X (every migration ID of A is in X) and why not.
 *
 * Upgrades the declared compatibility logic refuses (upgrade.compatibility, compat.ts) are blocked
 * too, with the declaration's reason and key in `compatibility`.
 *
 * Downgrades and equal builds are always blocked by the engine and are not listed (build-unique,
 * build-monotonic and line-range report the build problems). Releases with invalid builds are left out
 * (build-format reports them).
 *
 * Order: by from-build ascending, then to-build ascending (renderers rely on it: the first allowed
 * upgrade from A onto a line is the lowest-build one).
 *
 * Speed: IDs present in every release can never be missing and are left out; the others become bits,
 * so a subset test is a few machine words (30 lines x 40 releases x 2,000 IDs: 720k pairs).
 */
import { refusalReason, resolveCompatibility, type Refusal } from './compat.js'
import type { Upgrade } from './model.js'
import type { ReleaseInfo, RuleContext } from './rules/context.js'

export interface Matrix {
  /** Ordered by from-build, then to-build. */
  upgrades: Upgrade[]
  /** The entry for A -> X, or undefined when build(X) is not above build(A) or a build is invalid. */
  get(from: ReleaseInfo, to: ReleaseInfo): Upgrade | undefined
  /** Ranks of from's IDs that `to` lacks, in ID order (at most `max`). */
  missing(from: ReleaseInfo, to: ReleaseInfo, max?: number): number[]
  /** Number of from's IDs that `to` lacks. */
  missingCount(from: ReleaseInfo, to: ReleaseInfo): number
  /** Calls fn with each rank of from's IDs that `to` lacks, in ID order, until fn returns false. */
  eachMissing(from: ReleaseInfo, to: ReleaseInfo, fn: (rank: number) => boolean): void
  /** Lowest rank of `to` that `from` lacks (the first migration the engine would run), or -1. */
  lowestToRun(from: ReleaseInfo, to: ReleaseInfo): number
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

interface Bits {
  words: number
  bits: Uint32Array
  rankOfBit: Int32Array
  /** Non-zero word indices of release i (byBuild position): nz[nzStart[i] .. nzStart[i + 1]). */
  nz: Int32Array
  nzStart: Int32Array
}

/**
 * One bitset per byBuild release over the IDs that are not in every release, plus the list of each
 * release's non-zero words, so tests only visit words where the release has IDs.
 */
function buildBits(ctx: RuleContext): Bits {
  const rs = ctx.byBuild
  const count = new Int32Array(ctx.idText.length)
  for (const r of rs) for (let k = 0; k < r.ids.length; k++) count[r.ids[k] as number]!++
  const bitOfRank = new Int32Array(ctx.idText.length).fill(-1)
  const ranks: number[] = []
  for (let rank = 0; rank < count.length; rank++) {
    if (count[rank] !== rs.length) {
      bitOfRank[rank] = ranks.length
      ranks.push(rank)
    }
  }
  const words = Math.max(1, Math.ceil(ranks.length / 32))
  const bits = new Uint32Array(rs.length * words)
  const nzList: number[] = []
  const nzStart = new Int32Array(rs.length + 1)
  rs.forEach((r, i) => {
    const base = i * words
    nzStart[i] = nzList.length
    let last = -1
    // ids are sorted and bit order follows rank order, so words come in increasing order
    for (let k = 0; k < r.ids.length; k++) {
      const b = bitOfRank[r.ids[k] as number] as number
      if (b < 0) continue
      const w = b >>> 5
      bits[base + w]! |= 1 << (b & 31)
      if (w !== last) {
        nzList.push(w)
        last = w
      }
    }
  })
  nzStart[rs.length] = nzList.length
  return { words, bits, rankOfBit: Int32Array.from(ranks), nz: Int32Array.from(nzList), nzStart }
}

/** Whether every bit of set i is in set j (only i's non-zero words are visited). */
function subset(b: Bits, i: number, j: number): boolean {
  const { bits, words, nz } = b
  const ba = i * words
  const bx = j * words
  const end = b.nzStart[i + 1] as number
  for (let k = b.nzStart[i] as number; k < end; k++) {
    const w = nz[k] as number
    if (((bits[ba + w] as number) & ~(bits[bx + w] as number)) !== 0) return false
  }
  return true
}

/** Calls fn with each rank of set i missing in set j, in ID order, until fn returns false. */
function eachMissing(b: Bits, i: number, j: number, fn: (rank: number) => boolean): void {
  const { bits, words, rankOfBit, nz } = b
  const ba = i * words
  const bx = j * words
  const end = b.nzStart[i + 1] as number
  for (let k = b.nzStart[i] as number; k < end; k++) {
    const w = nz[k] as number
    let m = (bits[ba + w] as number) & ~(bits[bx + w] as number)
    while (m !== 0) {
      const low = m & -m
      if (!fn(rankOfBit[w * 32 + 31 - Math.clz32(low)] as number)) return
      m ^= low
    }
  }
}

function countMissing(b: Bits, i: number, j: number): number {
  const { bits, words, nz } = b
  const ba = i * words
  const bx = j * words
  const end = b.nzStart[i + 1] as number
  let n = 0
  for (let k = b.nzStart[i] as number; k < end; k++) {
    const w = nz[k] as number
    n += popcount((bits[ba + w] as number) & ~(bits[bx + w] as number))
  }
  return n
}

/** "a, b, c and N more": the first three IDs of set i missing in set j, then how many others. */
function blockedIds(b: Bits, i: number, j: number, idLabel: string[]): string {
  const { bits, words, rankOfBit, nz } = b
  const ba = i * words
  const bx = j * words
  const end = b.nzStart[i + 1] as number
  let shown = ''
  let n = 0
  for (let k = b.nzStart[i] as number; k < end; k++) {
    const w = nz[k] as number
    let m = (bits[ba + w] as number) & ~(bits[bx + w] as number)
    if (m === 0) continue
    if (n >= 3) {
      n += popcount(m)
      continue
    }
    while (m !== 0) {
      const low = m & -m
      if (n < 3)
        shown += `${n === 0 ? '' : ', '}${idLabel[rankOfBit[w * 32 + 31 - Math.clz32(low)] as number]}`
      n++
      m ^= low
    }
  }
  return n > 3 ? `${shown} and ${n - 3} more` : shown
}

/**
 * A cheap "may A upgrade to X" test (both with valid builds) without building the whole matrix: the
 * engine allows it and the declared compatibility logic does not refuse it.
 */
export function engineTester(ctx: RuleContext): (a: ReleaseInfo, x: ReleaseInfo) => boolean {
  const b = buildBits(ctx)
  const first = firstHigher(ctx)
  const compat = resolveCompatibility(ctx)
  return (a, x) =>
    a.buildPos >= 0 &&
    x.buildPos >= (first[a.buildPos] ?? Infinity) &&
    subset(b, a.buildPos, x.buildPos) &&
    !(compat.active && compat.refusal(a.buildPos, x.buildPos))
}

/** A matrix entry refused by compatibility logic; `engine`: the engine's own block, if any. */
function refused(from: string, to: string, r: Refusal, engine: string | undefined): Upgrade {
  const reason = refusalReason(r) + (engine === undefined ? '' : `; also ${engine}`)
  return { from, to, allowed: false, reason, compatibility: { reason: r.reason, key: r.key } }
}

/** For each byBuild position, the first position with a strictly higher build. */
function firstHigher(ctx: RuleContext): Int32Array {
  const rs = ctx.byBuild
  const out = new Int32Array(rs.length)
  let j = 0
  for (let i = 0; i < rs.length; i++) {
    if (j < i + 1) j = i + 1
    while (j < rs.length && ctx.compareBuild(rs[j] as ReleaseInfo, rs[i] as ReleaseInfo) <= 0) j++
    out[i] = j
  }
  return out
}

export function computeMatrix(ctx: RuleContext): Matrix {
  const rs = ctx.byBuild
  const b = buildBits(ctx)
  const first = firstHigher(ctx)
  const offset = new Int32Array(rs.length + 1)
  for (let i = 0; i < rs.length; i++)
    offset[i + 1] = (offset[i] as number) + rs.length - (first[i] as number)

  const missing = (a: ReleaseInfo, x: ReleaseInfo, max = Infinity): number[] => {
    const out: number[] = []
    if (max > 0) eachMissing(b, a.buildPos, x.buildPos, (rank) => out.push(rank) < max)
    return out
  }
  const lowestToRun = (a: ReleaseInfo, x: ReleaseInfo): number => {
    let found = -1
    eachMissing(b, x.buildPos, a.buildPos, (rank) => ((found = rank), false))
    return found
  }

  const compat = resolveCompatibility(ctx)
  const upgrades: Upgrade[] = new Array<Upgrade>(offset[rs.length] as number)
  let k = 0
  for (let i = 0; i < rs.length; i++) {
    const from = (rs[i] as ReleaseInfo).release.name
    for (let j = first[i] as number; j < rs.length; j++) {
      const to = (rs[j] as ReleaseInfo).release.name
      const refusal = compat.active ? compat.refusal(i, j) : undefined
      const engine = subset(b, i, j) ? undefined : `${to} lacks ${blockedIds(b, i, j, ctx.idLabel)}`
      if (refusal) upgrades[k++] = refused(from, to, refusal, engine)
      else if (engine === undefined) upgrades[k++] = { from, to, allowed: true, reason: 'allowed' }
      else upgrades[k++] = { from, to, allowed: false, reason: engine }
    }
  }

  const get = (a: ReleaseInfo, x: ReleaseInfo): Upgrade | undefined => {
    if (a.buildPos < 0 || x.buildPos < 0) return undefined
    const f = first[a.buildPos] as number
    if (x.buildPos < f) return undefined
    return upgrades[(offset[a.buildPos] as number) + x.buildPos - f]
  }
  return {
    upgrades,
    get,
    missing,
    missingCount: (a, x) => countMissing(b, a.buildPos, x.buildPos),
    eachMissing: (a, x, fn) => eachMissing(b, a.buildPos, x.buildPos, fn),
    lowestToRun,
  }
}
