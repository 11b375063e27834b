/**
 * Markdown for the job summary and the check run: verdict, findings table, upgrade matrix
 * (from -> to: allowed / blocked and why / loses fixes) and a Mermaid graph of lines and releases.
 * Kept under `maxChars` (default 60,000: a check run's summary holds 65,535) by showing fewer rows.
 * Tags, branch names, migration IDs and file paths come from repositories: they go through
 * markdown/escape.ts.
 */
import { fitBody } from '../../markdown/bound.js'
import { codeSpan, fenced, inline, proseCell } from '../../markdown/escape.js'
import type { CheckResult, Finding } from '../model.js'
import { renderMermaid } from './mermaid.js'
import { counts, location, plural, rowKind, selectRows, waivedNote, waivedText } from './shared.js'

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

function findingsTable(findings: Finding[], max: number): string[] {
  if (findings.length === 0) return ['No findings: every rule passed.']
  const out = ['| Severity | Rule | Message | Where |', '| --- | --- | --- | --- |']
  for (const f of findings.slice(0, max)) {
    const sev = f.severity === 'error' ? '❌ error' : '⚠️ warning'
    // A waived finding still shows, with the waiver's reason (config text: escaped like the message).
    const cell = f.waived ? `🔕 waived ${f.severity}` : sev
    const waived = f.waived ? ` — ${proseCell(waivedText(f), 500)}` : ''
    out.push(
      `| ${cell} | ${codeSpan(f.rule)} | ${proseCell(f.message, MESSAGE_MAX)}${waived} | ${codeSpan(location(f.file, f.line))} |`,
    )
  }
  if (findings.length > max)
    out.push('', `… and ${findings.length - max} more findings (see the JSON output).`)
  return out
}

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
  const ok = result.conclusion === 'success'
  const parts = [
    `${h} ${ok ? '✅' : '❌'} fixline / upgrade-safety: ${ok ? 'passed' : 'failed'}`,
    '',
    `**${plural(c.errors, 'error')}**, ${plural(c.warnings, 'warning')}${waivedNote(c)} · ${plural(c.releases, 'release')} on ${plural(c.lines, 'line')} · ` +
      `${plural(c.upgrades, 'upgrade')} checked: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes`,
    '',
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
    [100, 150, true],
    [50, 50, true],
    [20, 20, false],
    [5, 5, false],
  ]
  let text = ''
  for (const [findings, rows, graph] of attempts) {
    text = render(result, level, findings, rows, graph)
    if (text.length <= max) return text
  }
  return fitBody(text, max, '… (cut to fit; see the JSON output)')
}
