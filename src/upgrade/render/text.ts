/**
 * Terminal output: the verdict, what was not checked, a per-rule summary, lines and releases, the
 * findings (errors first, by ACTION_ORDER; each rule's list bounded) and the upgrade matrix
 * (capped). `--format json` has every finding and every row.
 */
import { boundList } from '../../markdown/bound.js'
import type { CheckResult } from '../model.js'
import {
  counts,
  findingGroups,
  location,
  plural,
  releasesByLine,
  rowKind,
  ruleSummary,
  selectRows,
  verdict,
  waivedNote,
  waivedText,
  type FindingGroup,
} from './shared.js'

export interface TextOptions {
  /** Matrix rows shown at most (default 200). */
  maxRows?: number
  /** Findings shown per rule and kind at most (default 20). */
  maxPerRule?: number
}

/** Releases listed per line at most. */
const RELEASES_PER_LINE = 40

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
    const name = `${line.branch}${line.isDefault ? ' (newest)' : ''}`
    const { shown, more } = boundList(releases.slice().reverse(), RELEASES_PER_LINE, ' older')
    const list = shown
      .reverse()
      .map(
        (r) =>
          `${r.name}${r.build === r.name ? '' : ` [${r.build || 'no build'}]`}${r.candidate ? ' (candidate)' : ''}`,
      )
    if (more) list.unshift(more)
    out.push(`  ${pad(name, width)}  ${list.length > 0 ? list.join(', ') : '(no releases)'}`)
  }
  return out
}

const HEADING: Record<FindingGroup['kind'], string> = {
  error: 'Errors',
  warning: 'Warnings',
  waived: 'Waived',
}

/** Errors, then warnings, then waived findings; per rule in ACTION_ORDER, each list bounded. */
function findingsSection(result: CheckResult, maxPerRule: number): string[] {
  if (result.findings.length === 0) return ['Findings: none']
  const out: string[] = []
  let kind: FindingGroup['kind'] | undefined
  for (const g of findingGroups(result.findings)) {
    if (g.kind !== kind) {
      if (kind) out.push('')
      out.push(HEADING[g.kind])
      kind = g.kind
    }
    const word = g.kind === 'waived' ? 'waived finding' : g.kind
    out.push(`  ${g.rule} (${plural(g.findings.length, word)})`)
    const { shown, more } = boundList(
      g.findings,
      maxPerRule,
      ` ${g.rule} ${g.kind === 'waived' ? 'waived findings' : `${g.kind}s`} (--format json lists every finding)`,
    )
    for (const f of shown) {
      out.push(`    - ${f.message}`)
      if (f.waived) out.push(`      ${waivedText(f)}`)
      const where = location(f.file, f.line)
      if (where) out.push(`      at ${where}`)
    }
    if (more) out.push(`    ${more}`)
  }
  return out
}

/** Rules with findings, in ACTION_ORDER, with their counts. */
function summarySection(result: CheckResult): string[] {
  const rows = ruleSummary(result.findings)
  if (rows.length === 0) return []
  const width = Math.max(...rows.map((r) => r.rule.length))
  const out = ['By rule (in the order to act on them)']
  for (const r of rows) {
    const parts = [
      r.errors > 0 ? plural(r.errors, 'error') : '',
      r.warnings > 0 ? plural(r.warnings, 'warning') : '',
      r.waived > 0 ? `${r.waived} waived` : '',
    ].filter(Boolean)
    out.push(`  ${pad(r.rule, width)}  ${parts.join(', ')}`)
  }
  return out
}

/** What was not checked (result.coverage): right under the verdict. */
function coverageSection(result: CheckResult): string[] {
  const coverage = result.coverage ?? []
  if (coverage.length === 0) return []
  return ['Not checked', ...coverage.map((c) => `  ! ${c.message}`)]
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
    `fixline upgrade-safety: ${verdict(result)} ` +
    `(${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${waivedNote(c)}; ${plural(c.releases, 'release')} on ${plural(c.lines, 'line')}; ` +
    `${plural(c.upgrades, 'upgrade')}: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes)`
  const sections = [
    [head],
    coverageSection(result),
    summarySection(result),
    linesSection(result),
    findingsSection(result, options.maxPerRule ?? 20),
    matrixSection(result, options.maxRows ?? 200),
  ].filter((section) => section.length > 0)
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`
}
