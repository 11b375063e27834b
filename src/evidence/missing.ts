/**
 * Objects a partial (or size-limited) clone lacks: which files of which commits the patches would
 * need, which of them are missing, and the groups of commits to read again without them. Pure.
 */
import type { EvidenceProblem } from './types.js'

export interface RawChange {
  path: string
  /** Blob ids before and after (all zeros for none). */
  before: string
  after: string
}

export interface RawChanges {
  byCommit: Map<string, RawChange[]>
  /** Every blob id the changes name. */
  blobs: Set<string>
}

const NONE = /^0+$/
/** Bytes of excluded paths per group, well below the system's limit on one command line. */
const PATHSPEC_BUDGET = 256 * 1024

/** Parses `git diff-tree --stdin -r --raw -z --root --always` output (submodules and dropped paths left out). */
export function parseRawChanges(drop: (path: string) => boolean, output: string): RawChanges {
  const byCommit = new Map<string, RawChange[]>()
  const blobs = new Set<string>()
  const tokens = output.split('\0')
  let current: RawChange[] | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] as string).replace(/^\n+/, '')
    if (token.startsWith(':')) {
      const path = tokens[++i] ?? ''
      const [modeA = '', modeB = '', before = '', after = ''] = token.slice(1).split(' ')
      if (modeA === '160000' || modeB === '160000' || drop(path)) continue
      current?.push({ path, before, after })
      for (const id of [before, after]) if (id && !NONE.test(id)) blobs.add(id)
    } else if (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(token.trim())) {
      current = []
      byCommit.set(token.trim(), current)
    }
  }
  return { byCommit, blobs }
}

/** Files (commit, path) whose blob is missing. */
export function missingFiles(raw: RawChanges, missing: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [commit, changes] of raw.byCommit) {
    const paths = changes
      .filter((c) => missing.has(c.before) || missing.has(c.after))
      .map((c) => c.path)
    if (paths.length > 0) out.set(commit, [...new Set(paths)])
  }
  return out
}

/**
 * The commits to read again, in groups: those with nothing missing (no extra exclusion), then
 * those with missing files, each group excluding the missing paths of its commits (a path missing
 * in one commit of a group is left out of the group's other commits too). Groups keep the order
 * of `commits`.
 */
export function splitByMissing(
  commits: readonly string[],
  raw: RawChanges,
  missing: ReadonlySet<string>,
): { commits: string[]; paths: string[] }[] {
  const files = missingFiles(raw, missing)
  const clean = commits.filter((c) => !files.has(c))
  const groups: { commits: string[]; paths: string[] }[] = [{ commits: clean, paths: [] }]
  let group: { commits: string[]; paths: Set<string>; bytes: number } | undefined
  const close = () => {
    if (group) groups.push({ commits: group.commits, paths: [...group.paths] })
    group = undefined
  }
  for (const c of commits) {
    const paths = files.get(c)
    if (!paths) continue
    const extra = paths.reduce((n, p) => n + p.length + 30, 0)
    if (group && group.bytes + extra > PATHSPEC_BUDGET) close()
    group ??= { commits: [], paths: new Set(), bytes: 0 }
    group.commits.push(c)
    for (const p of paths) if (!group.paths.has(p)) group.paths.add(p)
    group.bytes += extra
  }
  close()
  return groups.filter((g) => g.commits.length > 0)
}

/** One warning per missing path, naming the commits it was left out of. */
export function missingProblems(raw: RawChanges, missing: ReadonlySet<string>): EvidenceProblem[] {
  const byPath = new Map<string, string[]>()
  for (const [commit, paths] of missingFiles(raw, missing))
    for (const p of paths) byPath.set(p, [...(byPath.get(p) ?? []), commit])
  return [...byPath].map(([path, commits]) => {
    const shown = commits.slice(0, 3).map((c) => c.slice(0, 7))
    const more = commits.length > 3 ? ` and ${commits.length - 3} more` : ''
    return {
      kind: 'missing-object',
      path,
      commits,
      message:
        `${path} is missing from this clone (partial or size-limited) in commit ` +
        `${shown.join(', ')}${more}: the file is left out when comparing fixes`,
    }
  })
}
