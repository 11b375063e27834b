/** Parsing `git for-each-ref` output into branches and tags, and choosing the release lines. Pure. */
import type { Line } from '../model.js'
import { compareLineNames, isOrderedLine, lineVersion } from '../../config/patterns.js'
import { isLineBranch } from './names.js'

/** The format discovery passes to `git for-each-ref` (NUL-separated fields, one ref a line). */
export const REF_FORMAT =
  '%(refname)%00%(objectname)%00%(*objectname)%00%(symref)%00%(HEAD)%00%(objecttype)%00%(*objecttype)'
export const REF_PREFIXES = ['refs/heads', 'refs/remotes/origin', 'refs/tags'] as const

export interface RefListing {
  /** Local branches: name -> commit. */
  local: Map<string, string>
  /** origin's branches: name -> commit. */
  remote: Map<string, string>
  /** Tags: name -> commit (annotated tags peeled; tags of trees or blobs left out). */
  tags: Map<string, string>
  /** Target of refs/remotes/origin/HEAD, if any (branch name). */
  originHead: string | undefined
  /** The checked-out local branch, if any. */
  current: string | undefined
}

export function parseRefs(output: string): RefListing {
  const out: RefListing = {
    local: new Map(),
    remote: new Map(),
    tags: new Map(),
    originHead: undefined,
    current: undefined,
  }
  for (const row of output.split('\n')) {
    if (!row) continue
    const [ref = '', object = '', peeled = '', symref = '', head = '', type = '', peeledType = ''] =
      row.split('\0')
    if ((peeledType || type || 'commit') !== 'commit') continue
    if (ref.startsWith('refs/heads/')) {
      const name = ref.slice('refs/heads/'.length)
      out.local.set(name, object)
      if (head.trim() === '*') out.current = name
    } else if (ref.startsWith('refs/remotes/origin/')) {
      const name = ref.slice('refs/remotes/origin/'.length)
      if (name === 'HEAD') {
        if (symref.startsWith('refs/remotes/origin/'))
          out.originHead = symref.slice('refs/remotes/origin/'.length)
      } else out.remote.set(name, object)
    } else if (ref.startsWith('refs/tags/')) {
      out.tags.set(ref.slice('refs/tags/'.length), peeled || object)
    }
  }
  return out
}

export interface LineOptions {
  patterns: readonly string[]
  /** Whether the default branch is the newest line (when `newest` names no other). */
  includeDefault: boolean
  /** `lines.newest`: the branch that is the newest line, instead of the default branch. */
  newest?: string | undefined
  /** `lines.order`: names that are lines whatever the patterns, and where lines sort. */
  order?: readonly string[] | undefined
  /** The default branch name when known (payload, CLI flag); otherwise guessed from origin/HEAD, main, master. */
  defaultBranch?: string
  /** Which copy of a branch wins when both exist: origin's (the action, after a fetch) or the local one (the CLI). */
  prefer: 'remote' | 'local'
}

/** The default branch: given, origin/HEAD, `main`, `master`, or the checked-out branch. */
export function guessDefaultBranch(refs: RefListing, given?: string): string | undefined {
  if (given) return given
  if (refs.originHead) return refs.originHead
  for (const name of ['main', 'master'])
    if (refs.local.has(name) || refs.remote.has(name)) return name
  return refs.current
}

/**
 * Release lines, oldest first, the newest line last: `newest` when given, else the default branch
 * (when `includeDefault`). It is marked isDefault (the newest-line role), whatever its name.
 */
export function selectLines(refs: RefListing, options: LineOptions): Line[] {
  const names = new Set([...refs.local.keys(), ...refs.remote.keys()])
  const order = options.order ?? []
  const def =
    options.newest ??
    (options.includeDefault ? guessDefaultBranch(refs, options.defaultBranch) : undefined)
  const tipOf = (name: string): string | undefined =>
    options.prefer === 'remote'
      ? (refs.remote.get(name) ?? refs.local.get(name))
      : (refs.local.get(name) ?? refs.remote.get(name))
  const lines: Line[] = []
  for (const name of names) {
    const tip = tipOf(name)
    if (!tip) continue
    if (name === def) lines.push({ branch: name, version: undefined, isDefault: true, tip })
    else if (isLineBranch(name, options.patterns) || isOrderedLine(name, { order }))
      lines.push({ branch: name, version: lineVersion(name), isDefault: false, tip })
  }
  return sortLines(lines, order)
}

/** Oldest first by `lines.order` and the numbers in their names (compareLineNames); the newest line last. */
export function sortLines(lines: readonly Line[], order: readonly string[] = []): Line[] {
  return [...lines].sort((a, b) => {
    if (a.isDefault !== b.isDefault) return a.isDefault ? 1 : -1
    return compareLineNames(
      { branch: a.branch, version: a.version ?? [] },
      { branch: b.branch, version: b.version ?? [] },
      order,
    )
  })
}
