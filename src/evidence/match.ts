/**
 * Evidence between commits, built once over every commit read, by graph position: links of equal
 * patch id, cherry-pick trailers and svn merge revisions; revert targets; and the weak
 * subject+author key. A pair then asks, per commit of its side, "is one of my linked commits
 * reachable from the other tip": a bit test per linked commit. Pure.
 */
import { subjectKey } from './messages.js'
import type { ScannedCommit } from './scanner.js'
import type { Ancestry, CommitPair, CommitRef, EvidenceKind, PairEvidence } from './types.js'

export interface CommitFacts extends ScannedCommit {
  patchId?: string
}

type LinkKind = 'patch-id' | 'cherry-pick' | 'svn-merge'
interface Link {
  to: number
  kind: LinkKind
}

/** Evidence kinds by number (counted in an Int32Array per pair). */
const KINDS: readonly EvidenceKind[] = [
  'patch-id',
  'cherry-pick',
  'svn-merge',
  'revert',
  'release-tool',
  'bookkeeping',
  'same-subject-author',
]
const REVERT = KINDS.indexOf('revert')
const RELEASE_TOOL = KINDS.indexOf('release-tool')
const BOOKKEEPING = KINDS.indexOf('bookkeeping')
const WEAK = KINDS.indexOf('same-subject-author')

/** What a commit is before any pair is asked about. */
const UNREAD = 0
const MERGE = 1
const NO_PATCH = 2
const RELEASE = 3
const FIX = 4

/** How far a search for linked commits goes (chains of picks of picks are short). */
const MAX_LINKED = 256

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const has = (bits: Uint32Array, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0

export class EvidenceIndex {
  private readonly links = new Map<number, Link[]>()
  private readonly revertOf = new Map<number, number>()
  private readonly linked = new Map<number, readonly Link[]>()
  private readonly read: [number, CommitFacts][] = []
  /** Built on first use: most pairs lose nothing, so most runs never need them. */
  private weakIndex: Map<string, number[]> | undefined
  private sortedShas: string[] | undefined
  /** Per graph position: UNREAD, MERGE, NO_PATCH, RELEASE or FIX. */
  private readonly status: Uint8Array
  /** Per-kind counts of the pair being compared (one array, reset per pair). */
  private readonly counts = new Int32Array(KINDS.length)

  constructor(
    private readonly graph: Ancestry,
    private readonly facts: (sha: string) => CommitFacts | undefined,
    shas: Iterable<string>,
  ) {
    this.status = new Uint8Array(graph.size)
    for (let i = 0; i < graph.size; i++) if (graph.isMerge(i)) this.status[i] = MERGE
    const read = this.read
    for (const sha of shas) {
      const i = graph.order(sha)
      const f = facts(sha)
      if (i < 0 || !f || this.status[i] === MERGE) continue
      read.push([i, f])
      this.status[i] = !f.hasPatch ? NO_PATCH : f.releaseTool || f.versionOnly ? RELEASE : FIX
    }
    this.linkPatchIds(read)
    this.linkSvn(read)
    for (const [i, f] of read) {
      for (const src of f.pickedFrom) this.link(i, this.resolve(src), 'cherry-pick')
      const target = f.reverts ? this.resolve(f.reverts) : -1
      if (target >= 0) this.revertOf.set(i, target)
    }
  }

  /** Commits with a patch by subject+author key. */
  private get weak(): Map<string, number[]> {
    if (this.weakIndex) return this.weakIndex
    this.weakIndex = new Map()
    for (const [i, f] of this.read) {
      const key = f.hasPatch ? subjectKey(f.subject, f.email) : ''
      if (key) push(this.weakIndex, key, i)
    }
    return this.weakIndex
  }

  private get sorted(): string[] {
    return (this.sortedShas ??= [...this.graph.shas].sort())
  }

  /** What `pair.from` has that `pair.to` lacks, commit by commit (graph order). */
  compare(pair: CommitPair, detail = false): PairEvidence {
    const ra = this.graph.reachable(pair.from)
    const rx = this.graph.reachable(pair.to)
    const cancelled =
      this.revertOf.size > 0
        ? this.cancelled(this.graph.exclusive(pair.from, pair.to), ra, rx)
        : undefined
    const out: PairEvidence = {
      from: pair.from,
      to: pair.to,
      lost: [],
      probable: [],
      counts: {},
      unread: 0,
    }
    if (detail) out.found = []
    const counts = this.counts.fill(0)
    // The side's commits straight from the bitsets (reachable from `from`, not from `to`).
    for (let w = 0; w < ra.length; w++) {
      let word = ra[w]! & ~rx[w]!
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word)
        word &= word - 1
        const i = w * 32 + bit
        const status = this.status[i]
        if (status === MERGE) continue
        if (status === UNREAD) out.unread++
        else if (status !== FIX)
          this.note(out, counts, i, status === NO_PATCH ? BOOKKEEPING : RELEASE_TOOL)
        else if (cancelled?.has(i)) this.note(out, counts, i, REVERT)
        else this.judge(out, counts, i, ra, rx)
      }
    }
    for (let n = 0; n < KINDS.length; n++) if (counts[n]) out.counts[KINDS[n]!] = counts[n]
    return out
  }

  /** A fix candidate: found by strong evidence, probably ported (weak), or lost. */
  private judge(
    out: PairEvidence,
    counts: Int32Array,
    i: number,
    ra: Uint32Array,
    rx: Uint32Array,
  ): void {
    const hit = this.strongMatch(i, rx)
    if (hit) return this.note(out, counts, i, KINDS.indexOf(hit.kind), hit.to)
    const weak = this.weakMatch(i, ra, rx)
    if (weak === undefined) {
      out.lost.push(this.ref(i))
      return
    }
    out.probable.push({ commit: this.ref(i), counterpart: this.ref(weak) })
    this.note(out, counts, i, WEAK, weak)
  }

  private note(
    out: PairEvidence,
    counts: Int32Array,
    i: number,
    kind: number,
    counterpart?: number,
  ): void {
    counts[kind]!++
    out.found?.push({
      commit: this.ref(i),
      evidence: KINDS[kind] as EvidenceKind,
      ...(counterpart === undefined ? {} : { counterpart: this.graph.shas[counterpart] as string }),
    })
  }

  /** A commit linked to `i` that `to` reaches (searched once per commit, then a bit test each). */
  private strongMatch(i: number, rx: Uint32Array): Link | undefined {
    const linked = this.linked.get(i) ?? this.search(i)
    for (const l of linked) if (has(rx, l.to)) return l
    return undefined
  }

  private ref(i: number): CommitRef {
    const sha = this.graph.shas[i] as string
    return { sha, subject: this.facts(sha)?.subject ?? '' }
  }

  /**
   * Commits of the side cancelled by a revert on the same side, newest first, so that in a chain
   * (c, revert of c, revert of the revert) the last two cancel and c stands.
   */
  private cancelled(side: readonly number[], ra: Uint32Array, rx: Uint32Array): Set<number> {
    const out = new Set<number>()
    for (let k = side.length - 1; k >= 0; k--) {
      const r = side[k] as number
      const c = this.revertOf.get(r)
      if (c === undefined || out.has(r) || out.has(c) || !has(ra, c) || has(rx, c)) continue
      out.add(r)
      out.add(c)
    }
    return out
  }

  /** A commit on `to`'s side only with the same subject and author. */
  private weakMatch(i: number, ra: Uint32Array, rx: Uint32Array): number | undefined {
    const f = this.facts(this.graph.shas[i] as string)
    const key = f ? subjectKey(f.subject, f.email) : ''
    return key ? this.weak.get(key)?.find((j) => has(rx, j) && !has(ra, j)) : undefined
  }

  /** Commits linked to `i`, directly or not (breadth first, at most MAX_LINKED), with the kind of the last link. */
  private search(i: number): readonly Link[] {
    const out: Link[] = []
    const seen = new Set([i])
    const queue = [i]
    while (queue.length > 0 && seen.size < MAX_LINKED) {
      for (const l of this.links.get(queue.shift() as number) ?? []) {
        if (seen.has(l.to)) continue
        seen.add(l.to)
        out.push(l)
        queue.push(l.to)
      }
    }
    this.linked.set(i, out)
    return out
  }

  private linkPatchIds(read: readonly [number, CommitFacts][]): void {
    const first = new Map<string, number>()
    for (const [i, f] of read) {
      if (!f.patchId || !f.hasPatch) continue
      const j = first.get(f.patchId)
      if (j === undefined) first.set(f.patchId, i)
      else this.link(i, j, 'patch-id')
    }
  }

  /** A merge message's revisions to the commits of those revisions, and to other merges of them. */
  private linkSvn(read: readonly [number, CommitFacts][]): void {
    const own = new Map<number, number[]>()
    const mergedBy = new Map<number, number>()
    for (const [i, f] of read) if (f.svnRevision !== undefined) push(own, f.svnRevision, i)
    for (const [i, f] of read) {
      for (const rev of f.svnMerged) {
        for (const j of own.get(rev) ?? []) this.link(i, j, 'svn-merge')
        const other = mergedBy.get(rev)
        if (other === undefined) mergedBy.set(rev, i)
        else this.link(i, other, 'svn-merge')
      }
    }
  }

  private link(a: number, b: number, kind: LinkKind): void {
    if (a === b || a < 0 || b < 0) return
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.links.get(x)
      if (list) list.push({ to: y, kind })
      else this.links.set(x, [{ to: y, kind }])
    }
  }

  /** The position of a full or abbreviated sha (unique prefix), or -1. */
  private resolve(prefix: string): number {
    if (prefix.length >= 40) return this.graph.order(prefix)
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1
      else hi = mid
    }
    const hit = this.sorted[lo]
    if (!hit?.startsWith(prefix) || this.sorted[lo + 1]?.startsWith(prefix)) return -1
    return this.graph.order(hit)
  }
}
