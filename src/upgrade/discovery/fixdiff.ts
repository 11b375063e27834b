/**
 * Fixes a release has that another lacks: commits reachable from A and not from X with no
 * patch-equivalent on X's side (same `git patch-id --stable`, or linked by a `(cherry picked from
 * commit <sha>)` trailer). Patches come from ONE `git log -p` (bookkeeping paths excluded by
 * pathspec, so bookkeeping-only commits have no patch) piped into ONE `git patch-id`; every pair is
 * then answered in memory. Pure.
 */
import type { FixDiff } from '../model.js'
import type { CommitGraph } from './graph.js'
import { globToRegex } from './names.js'

export interface CommitPatch {
  sha: string
  subject: string
  /** Sources named by `(cherry picked from commit <sha>)` trailers. */
  pickedFrom: string[]
  /** Whether the commit has a diff outside bookkeeping paths. */
  hasPatch: boolean
}

/** The format for `git log -p`: the message indented, so that no message line looks like a commit header. */
export const PATCH_LOG_FORMAT = 'commit %H%n%w(0,4,4)%B%w(0,0,0)'

/** A matcher for bookkeeping paths (globs from the repository root). */
export function bookkeepingMatcher(globs: readonly string[]): (path: string) => boolean {
  const res = globs.map(globToRegex)
  return (path) => res.some((re) => re.test(path))
}

/** The path of a `diff --git a/<p> b/<p>` header (quoted paths unquoted loosely). */
export function diffHeaderPath(line: string): string {
  const rest = line.slice('diff --git '.length)
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1)
    return rest.slice(3, end < 0 ? undefined : end).replace(/\\(.)/g, '$1')
  }
  const half = (rest.length - 1) / 2
  return Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)
    ? rest.slice(2, half)
    : rest.slice(2, rest.indexOf(' b/') > 0 ? rest.indexOf(' b/') : undefined)
}

/**
 * Drops the file sections of bookkeeping paths from `git log -p` output (cheaper than pathspec
 * magic in git), so that a release commit has no patch and a mixed commit's patch id ignores them.
 */
export function dropBookkeeping(output: string, isBookkeeping: (path: string) => boolean): string {
  const out: string[] = []
  let skipping = false
  for (const line of output.split('\n')) {
    if (line.startsWith('commit ')) skipping = false
    else if (line.startsWith('diff --git ')) skipping = isBookkeeping(diffHeaderPath(line))
    if (!skipping) out.push(line)
  }
  return out.join('\n')
}

/** Parses `git log -p --format=PATCH_LOG_FORMAT` output. */
export function parsePatchLog(output: string): Map<string, CommitPatch> {
  const out = new Map<string, CommitPatch>()
  let current: CommitPatch | undefined
  for (const line of output.split('\n')) {
    const header = /^commit ([0-9a-f]{40,64})$/.exec(line)
    if (header) {
      current = { sha: header[1] as string, subject: '', pickedFrom: [], hasPatch: false }
      out.set(current.sha, current)
      continue
    }
    if (!current) continue
    if (line.startsWith('    ')) {
      const text = line.slice(4)
      if (current.subject === '' && !current.hasPatch && text.trim() !== '')
        current.subject = text.trim()
      const pick = /^\(cherry picked from commit ([0-9a-f]{7,64})\)\s*$/.exec(text.trim())
      if (pick && !current.hasPatch) current.pickedFrom.push(pick[1] as string)
    } else if (line.startsWith('diff --git ')) current.hasPatch = true
  }
  return out
}

/** Parses `git patch-id --stable` output: commit -> patch id. */
export function parsePatchIds(output: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of output.split('\n')) {
    const [id, sha] = line.trim().split(/\s+/)
    if (id && sha) out.set(sha, id)
  }
  return out
}

export interface PatchIndex {
  patches: ReadonlyMap<string, CommitPatch>
  patchIds: ReadonlyMap<string, string>
}

/** Commits whose patches the pairs need: both sides of every pair (bitset union), merges left out. */
export function commitsForPairs(
  graph: CommitGraph,
  pairs: readonly { from: string; to: string }[],
): string[] {
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

/**
 * Equivalence classes of commits, built once, by graph position: same patch id, or linked by a
 * cherry-pick trailer (either direction, abbreviated shas resolved). A pair then asks only "is one
 * of my equivalents reachable from X": a bit test per equivalent.
 */
export class Equivalents {
  private readonly links = new Map<number, number[]>()
  /** Positions of commits with a patch outside bookkeeping. */
  readonly hasPatch: Uint8Array

  constructor(
    private readonly graph: CommitGraph,
    readonly index: PatchIndex,
  ) {
    this.hasPatch = new Uint8Array(graph.size)
    const byPatch = new Map<string, number[]>()
    for (const [sha, patch] of index.patches) {
      const i = graph.order(sha)
      if (i < 0) continue
      if (patch.hasPatch) this.hasPatch[i] = 1
      const id = index.patchIds.get(sha)
      if (id === undefined) continue
      const list = byPatch.get(id)
      if (list) list.push(i)
      else byPatch.set(id, [i])
    }
    // A star per patch id (transitivity comes from the search in reaches()).
    for (const list of byPatch.values())
      for (let k = 1; k < list.length; k++) this.link(list[0] as number, list[k] as number)
    for (const patch of index.patches.values()) {
      for (const src of patch.pickedFrom) {
        const full = src.length >= 40 ? src : graph.shas.find((s) => s.startsWith(src))
        const j = full ? graph.order(full) : -1
        const i = graph.order(patch.sha)
        if (j >= 0 && i >= 0) this.link(i, j)
      }
    }
  }

  private link(a: number, b: number): void {
    if (a === b) return
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.links.get(x)
      if (list) list.push(y)
      else this.links.set(x, [y])
    }
  }

  /** Whether a commit equivalent to position `i` is set in `reach` (a reachability bitset). */
  reaches(i: number, reach: Uint32Array): boolean {
    for (const e of this.equivalentsOf(i)) if (reach[e >>> 5]! & (1 << (e & 31))) return true
    return false
  }

  private readonly found = new Map<number, number[]>()

  /** Commits linked to `i`, directly or not, in search order (at most ~256), computed once per commit. */
  private equivalentsOf(i: number): readonly number[] {
    if (!this.links.has(i)) return []
    const known = this.found.get(i)
    if (known) return known
    const out: number[] = []
    const seen = new Set([i])
    const queue = [i]
    while (queue.length > 0 && seen.size < 256) {
      for (const e of this.links.get(queue.pop() as number) ?? []) {
        if (seen.has(e)) continue
        out.push(e)
        seen.add(e)
        queue.push(e)
      }
    }
    this.found.set(i, out)
    return out
  }

  subject(i: number): string {
    return this.index.patches.get(this.graph.shas[i] as string)?.subject ?? ''
  }
}

/** What `from` has and `to` lacks, for one pair of commits (release names given for the FixDiff). */
export function fixDiff(
  graph: CommitGraph,
  eq: Equivalents,
  from: { name: string; commit: string },
  to: { name: string; commit: string },
): FixDiff {
  const missing: FixDiff['missing'] = []
  const reach = graph.reachable(to.commit)
  for (const i of graph.exclusive(from.commit, to.commit)) {
    if (!eq.hasPatch[i] || graph.isMerge(i)) continue
    if (eq.reaches(i, reach)) continue
    missing.push({ sha: graph.shas[i] as string, subject: eq.subject(i) })
  }
  return { from: from.name, to: to.name, missing }
}
