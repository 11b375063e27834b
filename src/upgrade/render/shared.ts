/** What the renderers share: counts, releases grouped by line, and which matrix rows to show. */
import type { CheckResult, Finding, Line, Release, Upgrade } from '../model.js'

export interface Counts {
  /** Errors that are not waived (they fail the check). */
  errors: number
  /** Warnings that are not waived. */
  warnings: number
  /** Findings waived in config (upgrade.waivers): shown, not counted above. */
  waived: number
  releases: number
  lines: number
  upgrades: number
  allowed: number
  blocked: number
  losesFixes: number
}

export function counts(result: CheckResult): Counts {
  let allowed = 0
  let losesFixes = 0
  for (const u of result.upgrades) {
    if (u.allowed) allowed++
    if (u.losesFixes) losesFixes++
  }
  const open = result.findings.filter((f) => f.waived === undefined)
  return {
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    waived: result.findings.length - open.length,
    releases: result.releases.length,
    lines: result.lines.length,
    upgrades: result.upgrades.length,
    allowed,
    blocked: result.upgrades.length - allowed,
    losesFixes,
  }
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** ", 2 waived" when findings are waived, else "". */
export const waivedNote = (c: Counts): string => (c.waived > 0 ? `, ${c.waived} waived` : '')

/** "waived (error): <reason>, until 2027-01-31 (upgrade.waivers[0])" for a waived finding. */
export function waivedText(f: Finding): string {
  const w = f.waived
  if (!w) return ''
  return `waived (${f.severity}): ${w.reason}${w.until ? `, until ${w.until}` : ''} (${w.key})`
}

/** Lines in result order (oldest first) with their releases in result order; lines without releases kept. */
export function releasesByLine(result: CheckResult): { line: Line; releases: Release[] }[] {
  const groups = result.lines.map((line) => ({ line, releases: [] as Release[] }))
  const byBranch = new Map(groups.map((g) => [g.line.branch, g] as const))
  for (const r of result.releases) {
    let g = byBranch.get(r.line)
    if (!g) {
      g = { line: { branch: r.line, version: undefined, isDefault: false, tip: '' }, releases: [] }
      byBranch.set(r.line, g)
      groups.push(g)
    }
    g.releases.push(r)
  }
  return groups
}

export type RowKind = 'allowed' | 'blocked' | 'loses-fixes'

export function rowKind(u: Upgrade): RowKind {
  if (!u.allowed) return 'blocked'
  return u.losesFixes ? 'loses-fixes' : 'allowed'
}

/**
 * The matrix rows to show, at most `max`: all of them in matrix order when they fit; otherwise the
 * upgrades that lose fixes, then the blocked ones, then allowed ones, each in matrix order.
 */
export function selectRows(upgrades: Upgrade[], max: number): { rows: Upgrade[]; hidden: number } {
  if (upgrades.length <= max) return { rows: upgrades, hidden: 0 }
  const picked = new Set<Upgrade>()
  for (const kind of ['loses-fixes', 'blocked', 'allowed'] as const) {
    for (const u of upgrades) {
      if (picked.size >= max) break
      if (rowKind(u) === kind) picked.add(u)
    }
  }
  return { rows: upgrades.filter((u) => picked.has(u)), hidden: upgrades.length - picked.size }
}

export function location(file: string | undefined, line: number | undefined): string {
  if (!file) return ''
  return line === undefined ? file : `${file}:${line}`
}
