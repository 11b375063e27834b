/**
 * The kind of each conflicting file of a stopped cherry-pick, from its index stages
 * (`git ls-files -u`: 1 the merge base, 2 the target, 3 the fix), and what a person does about
 * each kind. Only `both-modified` leaves conflict markers; a file the target deleted or moved
 * holds none (the draft's last commit adds the fix's whole version). Pure.
 */
import type { ConflictFile, ConflictKind } from './types.js'

/** Parses `git ls-files -u -z` (`<mode> <sha> <stage>\t<path>\0` per entry), in index order. */
export function parseUnmerged(output: string): ConflictFile[] {
  const stages = new Map<string, Set<number>>()
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t')
    if (tab < 0) continue
    const stage = Number(entry.slice(0, tab).split(' ')[2])
    const path = entry.slice(tab + 1)
    const set = stages.get(path) ?? new Set<number>()
    set.add(stage)
    stages.set(path, set)
  }
  return [...stages].map(([path, set]) => ({ path, kind: conflictKind(set) }))
}

/** The kind of conflict a set of index stages means in a cherry-pick (2 = target, 3 = fix). */
export function conflictKind(stages: ReadonlySet<number>): ConflictKind {
  const [base, target, fix] = [stages.has(1), stages.has(2), stages.has(3)]
  if (base && target && fix) return 'both-modified'
  if (base && fix) return 'deleted-on-target'
  if (base && target) return 'deleted-in-fix'
  if (target && fix) return 'added-on-both'
  return 'renamed'
}

/** A short name of each kind, for rows and lists. */
export const KIND_LABEL: Record<ConflictKind, string> = {
  'both-modified': 'both modified',
  'deleted-on-target': 'deleted or moved on the target',
  'deleted-in-fix': 'deleted by the fix',
  'added-on-both': 'added on both',
  renamed: 'renamed',
}

/** What to do about each kind, as prose (no markup); `draft` when the branch holds the markers commit. */
export function kindAdvice(kind: ConflictKind, draft: boolean): string {
  switch (kind) {
    case 'both-modified':
      return 'both sides changed it: resolve the conflict markers'
    case 'deleted-on-target':
      return draft
        ? 'the target deleted or moved this file and the fix modifies it; it has no conflict markers (the last commit adds the fix\u2019s whole version): apply the change where the code lives on the target, then delete the file'
        : 'the target deleted or moved this file and the fix modifies it; there are no conflict markers: apply the change where the code lives on the target (git rm the file)'
    case 'deleted-in-fix':
      return 'the fix deletes this file and the target changed it: keep the deletion (git rm) unless the target\u2019s changes must stay'
    case 'added-on-both':
      return 'both sides added this file with different contents: merge the two versions (the file holds conflict markers)'
    case 'renamed':
      return 'a rename git could not carry over: keep the file under the name the target uses and remove the other copy'
  }
}

/** `path (kind)` for each file, e.g. for a row: `app.txt (both modified), old.txt (deleted or moved on the target)`. */
export function describeFiles(files: readonly ConflictFile[]): string {
  return files.map((f) => `${f.path} (${KIND_LABEL[f.kind]})`).join(', ')
}

/** Whether any file holds conflict markers (both-modified or added-on-both). */
export function hasMarkers(files: readonly ConflictFile[]): boolean {
  return files.some((f) => f.kind === 'both-modified' || f.kind === 'added-on-both')
}
