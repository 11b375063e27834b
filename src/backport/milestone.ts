/**
 * Which milestone a backport PR gets (backport.copyMilestone). Pure, apart from the lazy lookup of
 * the open milestones, which one run shares between its targets (one paginated list per run).
 *
 * `target-line` matches the open milestones against the target line, in this order:
 * 1. a milestone whose title is the line's branch name (`release/1.4`, `1.x`, `main`);
 * 2. else one whose title is the line's version, the numbers in its name joined by dots, with an
 *    optional leading `v` (`1.4` or `v1.4` for `release/1.4`, `1` for `1.x`);
 * 3. else those whose title is that version, a dot and more version parts (`1.4.3`, `1.4.x`,
 *    `v1.4.3`): the lowest version wins, the next release of the line.
 * A line without numbers in its name matches by title only. No match: no milestone.
 */
import { lineVersion } from '../config/patterns.js'
import type { Config } from '../config/types.js'
import type { MilestoneSummary } from '../github/milestones.js'

export type MilestoneMode = 'original' | 'target-line' | 'off'

/** `true`/`false` are the older spelling of `original`/`off`. */
export function milestoneMode(value: Config['backport']['copyMilestone']): MilestoneMode {
  if (value === true) return 'original'
  if (value === false) return 'off'
  return value
}

/** The open milestone named after `line`, or undefined (see the module comment for the order). */
export function targetLineMilestone(
  milestones: readonly MilestoneSummary[],
  line: string,
): MilestoneSummary | undefined {
  const byTitle = milestones.find((m) => m.title === line)
  if (byTitle) return byTitle
  const numbers = lineVersion(line)
  if (numbers.length === 0) return undefined
  const version = numbers.join('.')
  const exact = milestones.find((m) => stripV(m.title) === version)
  if (exact) return exact
  const next = milestones
    .map((m) => ({ m, rest: versionRest(stripV(m.title), version) }))
    .filter((c): c is { m: MilestoneSummary; rest: string[] } => c.rest !== undefined)
    .sort((a, b) => compareParts(a.rest, b.rest) || a.m.number - b.m.number)
  return next[0]?.m
}

/**
 * The milestone number for the backport PR, or undefined for none. `milestones` is called only in
 * `target-line` mode.
 */
export async function chooseMilestone(
  mode: MilestoneMode,
  original: number | undefined,
  target: string,
  milestones: () => Promise<readonly MilestoneSummary[]>,
): Promise<number | undefined> {
  if (mode === 'original') return original
  if (mode === 'off') return undefined
  return targetLineMilestone(await milestones(), target)?.number
}

function stripV(title: string): string {
  return /^v\d/.test(title) ? title.slice(1) : title
}

/** The parts after `version.` when `title` is the version followed by dot-separated numbers or `x`. */
function versionRest(title: string, version: string): string[] | undefined {
  if (!title.startsWith(`${version}.`)) return undefined
  const rest = title.slice(version.length + 1).split('.')
  return rest.every((p) => /^(?:\d+|x)$/.test(p)) ? rest : undefined
}

/** Numbers by value, `x` after every number. */
function compareParts(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    const nx = x === 'x' ? Infinity : Number(x)
    const ny = y === 'x' ? Infinity : Number(y)
    if (nx !== ny) return nx - ny
  }
  return 0
}

/** A lookup of the open milestones that asks GitHub at most once. */
export function onceMilestones(
  list: () => Promise<MilestoneSummary[]>,
): () => Promise<MilestoneSummary[]> {
  let cached: Promise<MilestoneSummary[]> | undefined
  return () => (cached ??= list())
}
