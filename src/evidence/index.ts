/**
 * Fix evidence: which commits are "the same fix". One module for fix-loss (src/upgrade), and
 * later forward-ports, the audit, hotfix merge-back and "already applied" (DESIGN.md section 4).
 *
 * Entry point: {@link fixEvidence}(git, graph, pairs) reads, with a constant number of git
 * processes (patches.ts), only the commits the pairs differ by (each pair's two sides: what `from`
 * reaches and `to` does not, and the reverse; merges left out) and not read before (the cache);
 * then `compare(pair)` says, in memory, which commits of `from`'s side `to` lacks and how every
 * other one was accounted for (types.ts: EvidenceKind).
 */
import type { Git } from '../git/git.js'
import { EvidenceIndex, type CommitFacts } from './match.js'
import { readPatches, type PatchSink, type ReadStats } from './patches.js'
import type { Ancestry, CommitPair, EvidenceProblem, PairEvidence } from './types.js'
import { ownForm } from './version-only.js'

export type * from './types.js'
export { VENDORED_DIRS } from './pathspec.js'

export interface EvidenceOptions {
  /**
   * Path globs whose changes are bookkeeping (config `upgrade.bookkeeping`, the build-number
   * file), left out by git. Ignored when `cache` is given (the cache's own apply).
   */
  bookkeeping?: readonly string[]
  /** What earlier calls of this run read, reused commit by commit. */
  cache?: EvidenceCache
  /**
   * The project's release builds: a diff that changes nothing but version strings is a release
   * tool's bump only when the versions it changes are these. Without them, no diff is one (a
   * release tool's commit message still is). Ignored when `cache` is given (the cache's own apply).
   */
  ownVersions?: readonly string[]
}

/** Commits read, by sha, for one set of bookkeeping globs (patch ids depend on them). In memory, per run. */
export class EvidenceCache {
  private readonly facts = new Map<string, CommitFacts>()
  private readonly ids = new Map<string, string>()

  constructor(
    readonly bookkeeping: readonly string[] = [],
    /** The project's release builds, in version-only.ts's ownForm. */
    readonly ownVersions?: ReadonlySet<string>,
  ) {}

  has(sha: string): boolean {
    return this.facts.has(sha)
  }

  get(sha: string): CommitFacts | undefined {
    const f = this.facts.get(sha)
    if (f && f.patchId === undefined) {
      const id = this.ids.get(sha)
      if (id !== undefined) f.patchId = id
    }
    return f
  }

  get size(): number {
    return this.facts.size
  }

  keys(): IterableIterator<string> {
    return this.facts.keys()
  }

  /** Where patches.ts writes what it reads. */
  sink(): PatchSink {
    return {
      commit: (c) => void this.facts.set(c.sha, { ...c }),
      patchId: (sha, id) => void this.ids.set(sha, id),
      forget: (shas) => {
        for (const s of shas) {
          this.facts.delete(s)
          this.ids.delete(s)
        }
      },
    }
  }
}

export class FixEvidence {
  private readonly index: EvidenceIndex

  constructor(
    graph: Ancestry,
    cache: EvidenceCache,
    /** Files and commits that could not be read (warnings). */
    readonly problems: readonly EvidenceProblem[],
    /** What this call read (commits and bytes; nothing for commits found in the cache). */
    readonly stats: ReadStats,
  ) {
    this.index = new EvidenceIndex(graph, (sha) => cache.get(sha), cache.keys())
  }

  /** What `pair.from` has and `pair.to` lacks; with `detail`, how every other commit was found. */
  compare(pair: CommitPair, detail = false): PairEvidence {
    return this.index.compare(pair, detail)
  }
}

/** Reads the commits `pairs` differ by (see the module comment) and returns their evidence. */
export async function fixEvidence(
  git: Git,
  graph: Ancestry,
  pairs: readonly CommitPair[],
  options: EvidenceOptions = {},
): Promise<FixEvidence> {
  const cache =
    options.cache ??
    new EvidenceCache(
      options.bookkeeping ?? [],
      options.ownVersions ? new Set(options.ownVersions.map(ownForm)) : undefined,
    )
  const known = pairs.filter((p) => graph.order(p.from) >= 0 && graph.order(p.to) >= 0)
  graph.prepare(known.flatMap((p) => [p.from, p.to]))
  const wanted = commitsForPairs(graph, known).filter((sha) => !cache.has(sha))
  const tips = sampleTips(graph, known)
  const { problems, stats } = await readPatches(
    git,
    wanted,
    {
      bookkeeping: cache.bookkeeping,
      tips,
      ...(cache.ownVersions ? { ownVersions: cache.ownVersions } : {}),
    },
    cache.sink(),
  )
  return new FixEvidence(graph, cache, problems, stats)
}

/** Commits on either side of any pair (bitset union of symmetric differences), merges left out; newest first. */
export function commitsForPairs(graph: Ancestry, pairs: readonly CommitPair[]): string[] {
  const union = new Uint32Array(Math.ceil(graph.size / 32) || 1)
  for (const { from, to } of pairs) {
    const a = graph.reachable(from)
    const x = graph.reachable(to)
    for (let w = 0; w < union.length; w++) union[w]! |= a[w]! ^ x[w]!
  }
  const out: string[] = []
  for (let i = graph.size - 1; i >= 0; i--)
    if (union[i >>> 5]! & (1 << (i & 31)) && !graph.isMerge(i)) out.push(graph.shas[i] as string)
  return out
}

/** How many tips are asked which vendored folders they have at their root. */
const TIP_SAMPLE = 32

/**
 * Up to TIP_SAMPLE tips of the pairs, spread evenly over the graph from oldest to newest (the
 * newest always in). Only speed depends on it: a vendored folder the sample misses is still left
 * out, by the scanner instead of git.
 */
export function sampleTips(graph: Ancestry, pairs: readonly CommitPair[]): string[] {
  const seen = new Uint8Array(graph.size)
  for (const p of pairs) for (const sha of [p.from, p.to]) seen[graph.order(sha)] = 1
  const positions: number[] = []
  seen.forEach((v, i) => void (v && positions.push(i)))
  if (positions.length <= TIP_SAMPLE) return positions.map((i) => graph.shas[i] as string)
  const step = (positions.length - 1) / (TIP_SAMPLE - 1)
  const picked = new Set<number>()
  for (let k = 0; k < TIP_SAMPLE; k++) picked.add(positions[Math.round(k * step)] as number)
  return [...picked].map((i) => graph.shas[i] as string)
}
