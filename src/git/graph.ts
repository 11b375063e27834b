/**
 * The commit graph, read once with `git log --topo-order --format=%H %T %P`, and the in-memory
 * questions discovery asks of it: does a line contain a tag, which commits does release A have that
 * release X lacks. Reachability is a bitset per asked commit, so per-pair questions cost no git. Pure.
 */

import type { Git } from './git.js'

/** The format discovery passes to `git log` (commit, tree, parents). */
export const GRAPH_FORMAT = '%H %T %P'

/**
 * The graph of every commit reachable from `tips` (shas or ref names), read with one
 * `git log --topo-order` (the input fix evidence asks reachability of: src/evidence, Ancestry).
 */
export async function commitGraph(git: Git, tips: readonly string[]): Promise<CommitGraph> {
  const wanted = [...new Set(tips)].filter((t) => t.length > 0)
  return new CommitGraph(
    wanted.length === 0
      ? ''
      : await git.text(['log', '--topo-order', `--format=${GRAPH_FORMAT}`, '--stdin', '--'], {
          input: wanted.join('\n') + '\n',
        }),
  )
}

export class CommitGraph {
  readonly shas: string[] = []
  readonly trees: string[] = []
  readonly parents: number[][] = []
  private readonly index = new Map<string, number>()
  private readonly memo = new Map<number, Uint32Array>()
  private readonly words: number

  /** `output` is `git log --topo-order --format=%H %T %P`: children before parents. */
  constructor(output: string) {
    const rows = output
      .split('\n')
      .filter((r) => r.length > 0)
      .reverse()
    for (const row of rows) {
      const [sha = '', tree = ''] = row.split(' ', 2)
      this.index.set(sha, this.shas.length)
      this.shas.push(sha)
      this.trees.push(tree)
    }
    for (const row of rows) {
      const parts = row.split(' ').slice(2)
      this.parents.push(
        parts.map((p) => this.index.get(p)).filter((p): p is number => p !== undefined),
      )
    }
    this.words = Math.ceil(this.shas.length / 32) || 1
  }

  get size(): number {
    return this.shas.length
  }

  has(sha: string): boolean {
    return this.index.has(sha)
  }

  /** Position in topological order: ancestors have smaller numbers. -1 when unknown. */
  order(sha: string): number {
    return this.index.get(sha) ?? -1
  }

  treeOf(sha: string): string | undefined {
    const i = this.index.get(sha)
    return i === undefined ? undefined : this.trees[i]
  }

  isMerge(i: number): boolean {
    return (this.parents[i]?.length ?? 0) > 1
  }

  /** Every commit reachable from `sha` (itself included), as a bitset over positions. */
  reachable(sha: string): Uint32Array {
    const start = this.index.get(sha)
    if (start === undefined) return new Uint32Array(this.words)
    const known = this.memo.get(start)
    if (known) return known
    const bits = new Uint32Array(this.words)
    const stack = [start]
    while (stack.length > 0) {
      const i = stack.pop() as number
      if (bits[i >>> 5]! & (1 << (i & 31))) continue
      const memo = i === start ? undefined : this.memo.get(i)
      if (memo) {
        for (let w = 0; w < bits.length; w++) bits[w]! |= memo[w]!
        continue
      }
      bits[i >>> 5]! |= 1 << (i & 31)
      for (const p of this.parents[i] ?? []) stack.push(p)
    }
    this.memo.set(start, bits)
    return bits
  }

  /** Precomputes reachability for many commits, ancestors first, so each walk stops early. */
  prepare(shas: Iterable<string>): void {
    const order = [...new Set(shas)]
      .map((s) => this.order(s))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)
    for (const i of order) this.reachable(this.shas[i] as string)
  }

  /** Whether `tip` contains `commit`. */
  contains(tip: string, commit: string): boolean {
    const i = this.index.get(commit)
    if (i === undefined || !this.index.has(tip)) return false
    return (this.reachable(tip)[i >>> 5]! & (1 << (i & 31))) !== 0
  }

  /** Positions of commits reachable from `a` and not from `x` (a's side of `git log x..a`). */
  exclusive(a: string, x: string): number[] {
    const ra = this.reachable(a)
    const rx = this.reachable(x)
    const out: number[] = []
    for (let w = 0; w < ra.length; w++) {
      let word = ra[w]! & ~rx[w]!
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word)
        out.push(w * 32 + bit)
        word &= ~(1 << bit)
      }
    }
    return out
  }

  /** The nearest ancestor along first parents that satisfies `stop` (itself excluded), or undefined at a root. */
  firstParentAncestor(sha: string, stop: (sha: string) => boolean): string | undefined {
    let i = this.index.get(sha)
    if (i === undefined) return undefined
    for (;;) {
      const p: number | undefined = this.parents[i]?.[0]
      if (p === undefined) return undefined
      const s = this.shas[p] as string
      if (stop(s)) return s
      i = p
    }
  }

  /** Every commit reachable from any of `shas`, as one bitset (see has/inSet). */
  union(shas: Iterable<string>): Uint32Array {
    const bits = new Uint32Array(this.words)
    for (const sha of shas) {
      const r = this.reachable(sha)
      for (let w = 0; w < bits.length; w++) bits[w]! |= r[w]!
    }
    return bits
  }

  /** Whether `sha` is in a bitset made by reachable or union. */
  inSet(bits: Uint32Array, sha: string): boolean {
    const i = this.index.get(sha)
    return i !== undefined && (bits[i >>> 5]! & (1 << (i & 31))) !== 0
  }

  /**
   * The nearest commit in `bits` along first parents from `sha` (itself included), at most `maxSteps`
   * first-parent steps away, and how many steps it is; undefined when there is none that near.
   */
  firstParentIn(
    sha: string,
    bits: Uint32Array,
    maxSteps: number,
  ): { sha: string; steps: number } | undefined {
    let i = this.index.get(sha)
    for (let steps = 0; i !== undefined && steps <= maxSteps; steps++) {
      if (bits[i >>> 5]! & (1 << (i & 31))) return { sha: this.shas[i] as string, steps }
      i = this.parents[i]?.[0]
    }
    return undefined
  }

  /** The root reached by following first parents from `sha`. */
  firstParentRoot(sha: string): string | undefined {
    let i = this.index.get(sha)
    if (i === undefined) return undefined
    for (;;) {
      const p: number | undefined = this.parents[i]?.[0]
      if (p === undefined) return this.shas[i]
      i = p
    }
  }
}
