/**
 * Fixes a release has that another lacks: commits reachable from A and not from X with no
 * patch-equivalent on X's side (same `git patch-id --stable`, or linked by a `(cherry picked from
 * commit <sha>)` trailer). Patches come from ONE `git log -p` (bookkeeping paths excluded by
 * pathspec, so bookkeeping-only commits have no patch) piped into ONE `git patch-id`; every pair is
 * then answered in memory. Pure.
 */
import type { FixDiff } from '../model.js'
import type { CommitGraph } from './graph.js'

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

/** Pathspec that keeps everything but bookkeeping paths (globs, from the repository root). */
export function bookkeepingPathspec(globs: readonly string[]): string[] {
  return [':/', ...globs.map((g) => `:(top,exclude,glob)${g}`)]
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

/** Commits whose patches the pairs need: both sides of every pair, merges left out. */
export function commitsForPairs(graph: CommitGraph, pairs: readonly { from: string; to: string }[]): string[] {
  const seen = new Set<number>()
  for (const { from, to } of pairs) {
    for (const i of graph.exclusive(from, to)) seen.add(i)
    for (const i of graph.exclusive(to, from)) seen.add(i)
  }
  return [...seen].filter((i) => !graph.isMerge(i)).sort((a, b) => b - a).map((i) => graph.shas[i] as string)
}

/** What `from` has and `to` lacks, for one pair of commits (release names given for the FixDiff). */
export function fixDiff(graph: CommitGraph, index: PatchIndex, from: { name: string; commit: string }, to: { name: string; commit: string }): FixDiff {
  const toSide = graph.exclusive(to.commit, from.commit)
  const toPatchIds = new Set<string>()
  const toPicked = new Set<string>()
  for (const i of toSide) {
    const sha = graph.shas[i] as string
    const id = index.patchIds.get(sha)
    if (id) toPatchIds.add(id)
    for (const src of index.patches.get(sha)?.pickedFrom ?? []) toPicked.add(src)
  }
  const pickedMatches = (sha: string) => {
    for (const p of toPicked) if (sha.startsWith(p) || p.startsWith(sha)) return true
    return false
  }
  const missing: FixDiff['missing'] = []
  for (const i of graph.exclusive(from.commit, to.commit)) {
    if (graph.isMerge(i)) continue
    const sha = graph.shas[i] as string
    const patch = index.patches.get(sha)
    if (!patch?.hasPatch) continue
    const id = index.patchIds.get(sha)
    if (id && toPatchIds.has(id)) continue
    if (pickedMatches(sha)) continue
    if (patch.pickedFrom.some((src) => pickedMatches(src) || containsPrefix(graph, to.commit, src))) continue
    missing.push({ sha, subject: patch.subject })
  }
  return { from: from.name, to: to.name, missing }
}

function containsPrefix(graph: CommitGraph, tip: string, sha: string): boolean {
  if (sha.length >= 40) return graph.contains(tip, sha)
  const full = graph.shas.find((s) => s.startsWith(sha))
  return full !== undefined && graph.contains(tip, full)
}
