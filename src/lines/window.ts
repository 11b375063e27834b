import {
  compareLineNames,
  isOrderedLine,
  lineMatcher,
  lineVersion,
  newestLine,
  type LineConfig,
} from '../config/patterns.js'
import type { Config } from '../config/types.js'

/**
 * Release lines and the maintenance window over them. Pure; shared by the backport-requests job
 * (classification, approval) and the backport job (the supported-lines label), so that both
 * agree on which lines are supported.
 * Lines are branches matching `lines.patterns` or named in `lines.order`, ordered newest first as the
 * upgrade check orders them (config/patterns.ts compareLineNames: `lines.order`, then the numbers in
 * their names, `1.x` -> 1, `release/16.5` -> 16.5); the newest line (`lines.newest`, else the default
 * branch when `lines.defaultBranch` is on) comes first.
 */

export interface ReleaseLine {
  branch: string
  version: number[]
  isDefault: boolean
}

/** Release lines among `branches`, newest first. Invalid patterns in the config match nothing. */
export function orderLines(
  branches: readonly string[],
  config: { lines: LineConfig },
  defaultBranch?: string,
): ReleaseLine[] {
  const isLine = lineMatcher(config.lines.patterns)
  const newest = newestLine(config.lines, defaultBranch)
  // Without lines.newest the default branch is never an older line, even when a pattern matches it.
  const skip = config.lines.newest === undefined ? defaultBranch : newest
  const lines: ReleaseLine[] = []
  for (const branch of new Set(branches)) {
    if (branch === skip || branch === newest) continue
    if (isLine(branch) || isOrderedLine(branch, config.lines))
      lines.push({ branch, version: lineVersion(branch), isDefault: false })
  }
  lines.sort((a, b) => compareLineNames(b, a, config.lines.order))
  if (newest && branches.includes(newest))
    lines.unshift({ branch: newest, version: [], isDefault: true })
  return lines
}

/** The maintained lines: `requests.supportedLines` when set, else the newest `requests.window` lines. */
export function maintainedLines(
  lines: readonly (ReleaseLine | string)[],
  config: Pick<Config, 'requests'>,
): string[] {
  const names = lines.map((l) => (typeof l === 'string' ? l : l.branch))
  if (config.requests.supportedLines.length > 0)
    return names.filter((n) => config.requests.supportedLines.includes(n))
  return names.slice(0, config.requests.window)
}

/** Parses `git ls-remote --symref origin HEAD refs/heads/*` output: the branches and the default branch. */
export function parseLsRemote(output: string): {
  branches: string[]
  defaultBranch: string | undefined
} {
  const branches: string[] = []
  let defaultBranch: string | undefined
  for (const line of output.split('\n')) {
    const symref = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line)
    if (symref?.[1]) {
      defaultBranch = symref[1]
      continue
    }
    const head = /^[0-9a-f]{40,64}\s+refs\/heads\/(\S+)$/.exec(line)
    if (head?.[1]) branches.push(head[1])
  }
  return { branches, defaultBranch }
}
