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

/**
 * The order a maintainer acts in: what silently breaks users' data first (migration-order,
 * append-only, forward-ported, stranded users, lost fixes), then renamed or unconverted
 * migrations, then IDs, then build numbers and formats. Rules not listed (compatibility, waiver)
 * come last.
 */
export const ACTION_ORDER: readonly string[] = [
  'migration-order',
  'append-only',
  'forward-ported',
  'no-stranded-users',
  'fix-loss',
  'same-id-everywhere',
  'schema-needs-migration',
  'migration-id',
  'line-range',
  'build-monotonic',
  'build-unique',
  'build-format',
  'content-stable',
]

function actionRank(rule: string): number {
  const i = ACTION_ORDER.indexOf(rule)
  return i < 0 ? ACTION_ORDER.length : i
}

export type GroupKind = 'error' | 'warning' | 'waived'

/** The findings of one rule and one kind, in result order. */
export interface FindingGroup {
  rule: Finding['rule']
  kind: GroupKind
  findings: Finding[]
}

const KIND_RANK: Record<GroupKind, number> = { error: 0, warning: 1, waived: 2 }

function kindOf(f: Finding): GroupKind {
  return f.waived !== undefined ? 'waived' : f.severity
}

/** Findings grouped by kind (errors, then warnings, then waived) and rule (ACTION_ORDER). */
export function findingGroups(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>()
  for (const f of findings) {
    const kind = kindOf(f)
    const key = `${kind}\u0000${f.rule}`
    const g = groups.get(key)
    if (g) g.findings.push(f)
    else groups.set(key, { rule: f.rule, kind, findings: [f] })
  }
  return [...groups.values()].sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      actionRank(a.rule) - actionRank(b.rule) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  )
}

/** Every finding in the order the reports show them (findingGroups, flattened). */
export function inActionOrder(findings: readonly Finding[]): Finding[] {
  return findingGroups(findings).flatMap((g) => g.findings)
}

export interface RuleCount {
  rule: Finding['rule']
  errors: number
  warnings: number
  waived: number
}

/** Per rule with findings, in ACTION_ORDER: how many errors, warnings and waived findings. */
export function ruleSummary(findings: readonly Finding[]): RuleCount[] {
  const byRule = new Map<string, RuleCount>()
  for (const f of findings) {
    let c = byRule.get(f.rule)
    if (!c) byRule.set(f.rule, (c = { rule: f.rule, errors: 0, warnings: 0, waived: 0 }))
    const kind = kindOf(f)
    if (kind === 'error') c.errors++
    else if (kind === 'warning') c.warnings++
    else c.waived++
  }
  return [...byRule.values()].sort((a, b) => actionRank(a.rule) - actionRank(b.rule))
}

/**
 * The verdict: FAIL on an error; INCOMPLETE when nothing failed but something was not checked
 * (result.coverage), so a run that saw nothing never reads as a bare PASS; else PASS.
 */
export function verdict(result: CheckResult): 'PASS' | 'FAIL' | 'INCOMPLETE' {
  if (result.conclusion === 'failure') return 'FAIL'
  return (result.coverage ?? []).length > 0 ? 'INCOMPLETE' : 'PASS'
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
