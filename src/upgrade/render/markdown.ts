/**
 * Markdown for the job summary and the check run: verdict, what was not checked (a warning block),
 * a per-rule summary, the findings (errors first, by ACTION_ORDER, each rule's list bounded), the
 * upgrade matrix (from -> to: allowed / blocked and why / loses fixes) and a Mermaid graph of lines
 * and releases. Kept under `maxChars` (default 60,000: a check run's summary holds 65,535) by
 * showing fewer rows.
 * Tags, branch names, migration IDs and file paths come from repositories: they go through
 * markdown/escape.ts.
 */
import { boundList, fitBody } from '../../markdown/bound.js'
import { codeSpan, fenced, inline, prose, proseCell } from '../../markdown/escape.js'
import type { CheckResult, Finding } from '../model.js'
import { renderMermaid } from './mermaid.js'
import {
  counts,
  findingGroups,
  location,
  plural,
  rowKind,
  ruleSummary,
  selectRows,
  verdict,
  waivedNote,
  waivedText,
} from './shared.js'

export interface MarkdownOptions {
  maxChars?: number
  /** Heading level of the title (default 2). */
  level?: number
}

const RESULT = {
  allowed: '✅ allowed',
  blocked: '⛔ blocked',
  'loses-fixes': '⚠️ loses fixes',
} as const

/** The longest finding message or reason shown in a cell (the JSON output has them whole). */
const MESSAGE_MAX = 1_000

function findingRow(f: Finding): string {
  const sev = f.severity === 'error' ? '❌ error' : '⚠️ warning'
  // A waived finding still shows, with the waiver's reason (config text: escaped like the message).
  const cell = f.waived ? `🔕 waived ${f.severity}` : sev
  const waived = f.waived ? ` — ${proseCell(waivedText(f), 500)}` : ''
  return `| ${cell} | ${codeSpan(f.rule)} | ${proseCell(f.message, MESSAGE_MAX)}${waived} | ${codeSpan(location(f.file, f.line))} |`
}

/** One table: errors, then warnings, then waived; per rule in ACTION_ORDER, at most `max` rows each. */
function findingsTable(findings: Finding[], max: number): string[] {
  if (findings.length === 0) return ['No findings: every rule passed.']
  const out = ['| Severity | Rule | Message | Where |', '| --- | --- | --- | --- |']
  let hidden = 0
  for (const g of findingGroups(findings)) {
    const word = g.kind === 'waived' ? 'waived findings' : `${g.kind}s`
    const { shown, more } = boundList(g.findings, max, ` ${g.rule} ${word}`)
    for (const f of shown) out.push(findingRow(f))
    if (more) out.push(`| | ${codeSpan(g.rule)} | ${more} | |`)
    hidden += g.findings.length - shown.length
  }
  if (hidden > 0)
    out.push('', `${plural(hidden, 'finding')} not shown: the JSON output lists every one.`)
  return out
}

/** Rules with findings, in the order to act on them. */
function summaryTable(findings: Finding[]): string[] {
  const rows = ruleSummary(findings)
  if (rows.length === 0) return []
  const waived = rows.some((r) => r.waived > 0)
  const out = waived
    ? ['| Rule | Errors | Warnings | Waived |', '| --- | --- | --- | --- |']
    : ['| Rule | Errors | Warnings |', '| --- | --- | --- |']
  for (const r of rows)
    out.push(
      `| ${codeSpan(r.rule)} | ${r.errors} | ${r.warnings} |${waived ? ` ${r.waived} |` : ''}`,
    )
  return out
}

/** What was not checked, as a GitHub warning block right under the verdict. */
function coverageBlock(result: CheckResult): string[] {
  const coverage = result.coverage ?? []
  if (coverage.length === 0) return []
  return [
    '> [!WARNING]',
    `> **Not checked.** ${coverage.length === 1 ? 'One thing' : `${coverage.length} things`} the check could not see:`,
    ...coverage.map((c) => `> - ${prose(c.message, MESSAGE_MAX)}`),
    '',
  ]
}

const TITLE = {
  PASS: ['✅', 'passed'],
  FAIL: ['❌', 'failed'],
  INCOMPLETE: ['⚠️', 'passed, but incomplete'],
} as const

function matrixTable(result: CheckResult, max: number): string[] {
  if (result.upgrades.length === 0)
    return ['No upgrades between releases with valid build numbers.']
  const { rows, hidden } = selectRows(result.upgrades, max)
  const out = ['| From | To | Result | Why |', '| --- | --- | --- | --- |']
  for (const u of rows) {
    const kind = rowKind(u)
    out.push(
      `| ${inline(u.from, 200)} | ${inline(u.to, 200)} | ${RESULT[kind]} | ${kind === 'allowed' ? '' : proseCell(u.reason, MESSAGE_MAX)} |`,
    )
  }
  out.push('')
  if (hidden > 0)
    out.push(
      `… ${hidden} more upgrades not shown; losing and blocked ones first (see the JSON output for all).`,
    )
  out.push(
    'Only upgrades to a higher build are listed: the engine always blocks downgrades and equal builds.',
  )
  return out
}

function render(
  result: CheckResult,
  level: number,
  findings: number,
  rows: number,
  graph: boolean,
): string {
  const c = counts(result)
  const h = '#'.repeat(level)
  const [icon, word] = TITLE[verdict(result)]
  const summary = summaryTable(result.findings)
  const parts = [
    `${h} ${icon} fixline / upgrade-safety: ${word}`,
    '',
    `**${plural(c.errors, 'error')}**, ${plural(c.warnings, 'warning')}${waivedNote(c)} · ${plural(c.releases, 'release')} on ${plural(c.lines, 'line')} · ` +
      `${plural(c.upgrades, 'upgrade')} checked: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes`,
    '',
    ...coverageBlock(result),
    ...(summary.length > 0 ? [`${h}# Findings by rule`, '', ...summary, ''] : []),
    `${h}# Findings`,
    '',
    ...findingsTable(result.findings, findings),
    '',
    `${h}# Upgrade matrix`,
    '',
    ...matrixTable(result, rows),
  ]
  if (graph)
    parts.push('', `${h}# Lines and releases`, '', fenced(renderMermaid(result), 'mermaid'))
  return `${parts.join('\n')}\n`
}

export function renderMarkdown(result: CheckResult, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? 60_000
  const level = options.level ?? 2
  const attempts: [number, number, boolean][] = [
    [25, 150, true],
    [10, 50, true],
    [5, 20, false],
    [2, 5, false],
  ]
  let text = ''
  for (const [findings, rows, graph] of attempts) {
    text = render(result, level, findings, rows, graph)
    if (text.length <= max) return text
  }
  return fitBody(text, max, '… (cut to fit; see the JSON output)')
}
