/**
 * File listings at many commits from ONE `git diff-tree --stdin`: each commit of interest is diffed
 * against its nearest commit of interest below it (or listed whole when it has none), and the
 * listings are rebuilt in memory by replaying the diffs, ancestors first. Pure.
 */
import { ReplayedMap, type ReplayOp } from './replayed-map.js'

/** path -> blob id. */
export type FileMap = Map<string, string>

export interface TreeChange {
  status: string
  path: string
  /** Blob id after the change (all zeros when deleted). */
  blob: string
  mode: string
}

/** Lines for `git diff-tree --stdin`: `<commit> <base>` (diff against base) or `<commit>` (whole tree, with --root). */
export function diffTreeInput(
  plan: readonly { commit: string; base: string | undefined }[],
): string {
  return plan.map((p) => (p.base ? `${p.commit} ${p.base}` : p.commit)).join('\n') + '\n'
}

/** Parses `git diff-tree --stdin -r -z --always --root --no-renames` output into changes per commit. */
export function parseDiffTree(output: string): Map<string, TreeChange[]> {
  const out = new Map<string, TreeChange[]>()
  const tokens = output.split('\0')
  let current: TreeChange[] | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] as string).replace(/^\n+/, '')
    if (token.length === 0) continue
    if (token.startsWith(':')) {
      const path = tokens[++i] ?? ''
      const [, mode = '', , blob = '', status = ''] = token.slice(1).split(' ')
      current?.push({ status: status.charAt(0), path, blob, mode })
    } else if (/^[0-9a-f]{40,64}$/.test(token.trim())) {
      current = []
      out.set(token.trim(), current)
    }
  }
  return out
}

/**
 * Rebuilds the file map of every planned commit, in plan order (which must put each base before the
 * commits diffed against it). Only regular files are kept. The maps are read-only and share their
 * bases' entries until iterated (replayed-map.ts).
 */
export function replayTrees(
  plan: readonly { commit: string; base: string | undefined }[],
  changes: ReadonlyMap<string, readonly TreeChange[]>,
): Map<string, FileMap> {
  const states = new Map<string, FileMap>()
  for (const { commit, base } of plan) {
    if (states.has(commit)) continue
    const ops: ReplayOp[] = (changes.get(commit) ?? []).map((c) => [
      c.path,
      c.status === 'D' || (c.mode !== '100644' && c.mode !== '100755') ? null : c.blob,
    ])
    states.set(commit, ReplayedMap.replay(base ? states.get(base) : undefined, ops))
  }
  return states
}
