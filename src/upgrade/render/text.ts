/** Terminal output: verdict, lines and releases, findings, the upgrade matrix (capped; JSON has all rows). */
import type { CheckResult } from '../model.js'
import {
  counts,
  location,
  plural,
  releasesByLine,
  rowKind,
  selectRows,
  waivedNote,
  waivedText,
} from './shared.js'

export interface TextOptions {
  /** Matrix rows shown at most (default 200). */
  maxRows?: number
}

const LABEL = { allowed: 'allowed', blocked: 'BLOCKED', 'loses-fixes': 'LOSES FIXES' } as const

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

function linesSection(result: CheckResult): string[] {
  const out = ['Lines (oldest first)']
  const groups = releasesByLine(result)
  const width = Math.max(
    ...groups.map((g) => g.line.branch.length + (g.line.isDefault ? 10 : 0)),
    4,
  )
  for (const { line, releases } of groups) {
    const name = `${line.branch}${line.isDefault ? ' (default)' : ''}`
    const list = releases.map(
      (r) =>
        `${r.name}${r.build === r.name ? '' : ` [${r.build}]`}${r.candidate ? ' (candidate)' : ''}`,
    )
    out.push(`  ${pad(name, width)}  ${list.length > 0 ? list.join(', ') : '(no releases)'}`)
  }
  return out
}

function findingsSection(result: CheckResult): string[] {
  if (result.findings.length === 0) return ['Findings: none']
  const out = ['Findings']
  const width = Math.max(...result.findings.map((f) => f.rule.length))
  for (const f of result.findings) {
    out.push(`  ${pad(f.waived ? 'waived' : f.severity, 7)} ${pad(f.rule, width)}  ${f.message}`)
    if (f.waived) out.push(`  ${' '.repeat(8 + width)}  ${waivedText(f)}`)
    const where = location(f.file, f.line)
    if (where) out.push(`  ${' '.repeat(8 + width)}  at ${where}`)
  }
  return out
}

function matrixSection(result: CheckResult, maxRows: number): string[] {
  const out = ['Upgrade matrix (to a higher build; downgrades and equal builds are always blocked)']
  if (result.upgrades.length === 0) return [...out, '  (no upgrades)']
  const { rows, hidden } = selectRows(result.upgrades, maxRows)
  const width = Math.max(...rows.map((u) => u.from.length + u.to.length + 4))
  for (const u of rows) {
    const kind = rowKind(u)
    const why = kind === 'allowed' ? '' : `  ${u.reason}`
    out.push(`  ${pad(`${u.from} -> ${u.to}`, width)}  ${LABEL[kind]}${why}`)
  }
  if (hidden > 0)
    out.push(`  ... ${hidden} more upgrades not shown (--format json lists every upgrade)`)
  return out
}

export function renderText(result: CheckResult, options: TextOptions = {}): string {
  const c = counts(result)
  const head =
    `fixline upgrade-safety: ${result.conclusion === 'success' ? 'PASS' : 'FAIL'} ` +
    `(${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${waivedNote(c)}; ${plural(c.releases, 'release')} on ${plural(c.lines, 'line')}; ` +
    `${plural(c.upgrades, 'upgrade')}: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes)`
  const sections = [
    [head],
    linesSection(result),
    findingsSection(result),
    matrixSection(result, options.maxRows ?? 200),
  ]
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`
}
