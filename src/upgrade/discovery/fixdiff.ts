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
  return Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2) ? rest.slice(2, half) : rest.slice(2, rest.indexOf(' b/') > 0 ? rest.indexOf(' b/') : undefined)
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
      if (current.subject === '' && !current.hasPatch && text.trim() !== '') current.subject = text.trim()
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
export function commitsForPairs(graph: CommitGraph, pairs: readonly { from: string; to: string }[]): string[] {
  const union = new Uint32Array(Math.ceil(graph.size / 32) || 1)
  for (const { from, to } of pairs) {
    const a = graph.reachable(from)
    const x = graph.reachable(to)
    for (let w = 0; w < union.length; w++) union[w]! |= a[w]! ^ x[w]!
  }
  const out: string[] = []
  for (let i = graph.size - 1; i >= 0; i--) if (union[i >>> 5]! & (1 << (i & 31)) && !graph.isMerge(i)) out.push(graph.shas[i] as string)
  return out
}

/**
 * Equivalence classes of commits, built once: same patch id, or linked by cherry-pick trailers
 * (either direction, abbreviated shas resolved). A pair then asks only "is one of my equivalents
 * reachable from X", a bit test per equivalent.
 */
export class Equivalents {
  private readonly bySha = new Map<string, string[]>()

  constructor(graph: CommitGraph, index: PatchIndex) {
    const byPatch = new Map<string, string[]>()
    for (const [sha, id] of index.patchIds) {
      const list = byPatch.get(id)
      if (list) list.push(sha)
      else byPatch.set(id, [sha])
    }
    const link = (a: string, b: string) => {
      if (a === b) return
      this.add(a, b)
      this.add(b, a)
    }
    for (const list of byPatch.values()) for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) link(list[i] as string, list[j] as string)
    for (const patch of index.patches.values()) {
      for (const src of patch.pickedFrom) {
        const full = src.length >= 40 ? src : graph.shas.find((s) => s.startsWith(src))
        if (full) link(patch.sha, full)
      }
    }
  }

  private add(a: string, b: string): void {
    const list = this.bySha.get(a)
    if (list) list.push(b)
    else this.bySha.set(a, [b])
  }

  of(sha: string): readonly string[] {
    return this.bySha.get(sha) ?? []
  }
}

/** What `from` has and `to` lacks, for one pair of commits (release names given for the FixDiff). */
export function fixDiff(graph: CommitGraph, index: PatchIndex, from: { name: string; commit: string }, to: { name: string; commit: string }, equivalents = new Equivalents(graph, index)): FixDiff {
  const missing: FixDiff['missing'] = []
  for (const i of graph.exclusive(from.commit, to.commit)) {
    if (graph.isMerge(i)) continue
    const sha = graph.shas[i] as string
    const patch = index.patches.get(sha)
    if (!patch?.hasPatch) continue
    if (reachesEquivalent(graph, equivalents, sha, to.commit)) continue
    missing.push({ sha, subject: patch.subject })
  }
  return { from: from.name, to: to.name, missing }
}

/** Whether `tip` contains a commit equivalent to `sha` (one step, or through a picked source's other picks). */
function reachesEquivalent(graph: CommitGraph, eq: Equivalents, sha: string, tip: string): boolean {
  const seen = new Set([sha])
  const queue = [sha]
  while (queue.length > 0) {
    for (const e of eq.of(queue.pop() as string)) {
      if (seen.has(e)) continue
      if (graph.contains(tip, e)) return true
      seen.add(e)
      if (seen.size < 64) queue.push(e)
    }
  }
  return false
}
