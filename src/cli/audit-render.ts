/**
 * The fix audit as text (the terminal), JSON (the AuditReport as is) and Markdown (a job summary:
 * outside text escaped, every list cut with "… and N more"). Pure.
 */
import type { AuditReport, MissingFix } from '../audit/types.js'
import { boundList, fitBytes } from '../markdown/bound.js'
import { cell, codeSpan, inline, isSafeLink } from '../markdown/escape.js'

/** Rows per Markdown table; the JSON output has every one. */
export const MARKDOWN_ROWS = 50

/** Fixes missing on `line`, in report order. */
function missingOn(report: AuditReport, line: string): MissingFix[] {
  return report.fixes.filter((f) => f.missingOn.includes(line))
}

const decidedFixes = (report: AuditReport) => report.fixes.filter((f) => f.decided.length > 0)

function missingCount(report: AuditReport): number {
  return report.fixes.filter((f) => f.missingOn.length > 0).length
}

function conclusion(report: AuditReport): string {
  const fixes = missingCount(report)
  const unlanded = report.unlanded.length
  if (fixes === 0 && unlanded === 0)
    return 'Nothing missing: every fix of an older line is on every newer line.'
  const parts: string[] = []
  if (fixes > 0) parts.push(`${fixes} fix${fixes === 1 ? '' : 'es'} missing on a newer line`)
  if (unlanded > 0) parts.push(`${unlanded} backport${unlanded === 1 ? '' : 's'} never landed`)
  return `${parts.join(', ')}.`
}

function summaryLine(report: AuditReport): string {
  const names = report.lines.map((l) => l.branch).join(', ')
  const pairs = report.stats.linePairs ?? 0
  return `${report.lines.length} line${report.lines.length === 1 ? '' : 's'} (${names}), ${pairs} line pair${pairs === 1 ? '' : 's'}, ${report.stats.commitsCompared} commits compared`
}

const short = (sha: string) => sha.slice(0, 10)
const day = (iso: string) => iso.slice(0, 10)

function decidedText(f: MissingFix): string {
  return f.decided.map((d) => `${d.line} (${d.how}${d.by ? ` by ${d.by}` : ''})`).join(', ')
}

export function renderAuditText(report: AuditReport): string {
  const out: string[] = [`fixline audit: ${summaryLine(report)}`, '']
  for (const { branch } of report.lines) {
    const fixes = missingOn(report, branch)
    if (fixes.length === 0) continue
    out.push(`Missing on ${branch} (${fixes.length}):`)
    for (const f of fixes) {
      const pr = f.pr ? `#${f.pr.number}, ` : ''
      out.push(
        `  ${short(f.sha)}  ${f.subject}  (from ${f.line}, ${pr}${f.author}, ${day(f.date)})`,
      )
    }
    out.push('')
  }
  const decided = decidedFixes(report)
  if (decided.length > 0) {
    out.push(`Decided not needed (${decided.length}):`)
    for (const f of decided)
      out.push(`  ${short(f.sha)}  ${f.subject}  (from ${f.line}): ${decidedText(f)}`)
    out.push('')
  }
  if (report.probable && report.probable.length > 0) {
    out.push(`Probably ported (same subject and author only) (${report.probable.length}):`)
    for (const p of report.probable)
      out.push(`  ${short(p.sha)}  ${p.subject}  (${p.line} -> ${p.on} as ${short(p.counterpart)})`)
    out.push('')
  }
  if (report.unlanded.length > 0) {
    out.push(`Backports asked for and never landed (${report.unlanded.length}):`)
    for (const u of report.unlanded)
      out.push(`  #${u.pr}  ${u.title}  -> ${u.target} (label ${u.label})`)
    out.push('')
  }
  if (report.waitingDrafts.length > 0) {
    out.push(`Conflict drafts waiting (${report.waitingDrafts.length}):`)
    for (const d of report.waitingDrafts)
      out.push(`  #${d.pr}  ${d.title}  -> ${d.target}, open ${d.ageDays} days`)
    out.push('')
  }
  if (report.warnings.length > 0) {
    out.push('Warnings:')
    for (const w of report.warnings) out.push(`  ${w}`)
    out.push('')
  }
  out.push(conclusion(report))
  return `${out.join('\n')}\n`
}

export function renderAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

function prCell(pr: MissingFix['pr']): string {
  if (!pr) return ''
  const label = `#${pr.number}`
  return pr.url && isSafeLink(pr.url) ? `[${label}](${pr.url})` : label
}

function linkOr(label: string, url: string | undefined): string {
  return url && isSafeLink(url) ? `[${label}](${url})` : label
}

/** A table with at most MARKDOWN_ROWS rows, then "… and N more" as a paragraph of its own. */
function table<T>(head: string[], items: readonly T[], row: (item: T) => string[]): string[] {
  const { shown, more } = boundList(items, MARKDOWN_ROWS, ' (the JSON output lists every one)')
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`]
  for (const item of shown) out.push(`| ${row(item).join(' | ')} |`)
  if (more) out.push('', inline(more))
  out.push('')
  return out
}

export function renderAuditMarkdown(report: AuditReport): string {
  const out: string[] = [
    '## fixline audit',
    '',
    inline(summaryLine(report)),
    '',
    `**${inline(conclusion(report))}**`,
    '',
  ]
  for (const { branch } of report.lines) {
    const fixes = missingOn(report, branch)
    if (fixes.length === 0) continue
    out.push(`### Missing on ${codeSpan(branch, 100)} (${fixes.length})`, '')
    out.push(
      ...table(['commit', 'fix', 'PR', 'from', 'author', 'date'], fixes, (f) => [
        codeSpan(short(f.sha)),
        cell(f.subject),
        prCell(f.pr),
        codeSpan(f.line, 100),
        cell(f.author, 80),
        day(f.date),
      ]),
    )
  }
  const decided = decidedFixes(report)
  if (decided.length > 0) {
    out.push(`### Decided not needed (${decided.length})`, '')
    out.push(
      ...table(['commit', 'fix', 'from', 'not needed on'], decided, (f) => [
        codeSpan(short(f.sha)),
        cell(f.subject),
        codeSpan(f.line, 100),
        cell(decidedText(f)),
      ]),
    )
  }
  if (report.unlanded.length > 0) {
    out.push(`### Backports asked for and never landed (${report.unlanded.length})`, '')
    out.push(
      ...table(['PR', 'title', 'target', 'label'], report.unlanded, (u) => [
        linkOr(`#${u.pr}`, u.url),
        cell(u.title),
        codeSpan(u.target, 100),
        codeSpan(u.label, 100),
      ]),
    )
  }
  if (report.waitingDrafts.length > 0) {
    out.push(`### Conflict drafts waiting (${report.waitingDrafts.length})`, '')
    out.push(
      ...table(['PR', 'title', 'target', 'open for'], report.waitingDrafts, (d) => [
        linkOr(`#${d.pr}`, d.url),
        cell(d.title),
        codeSpan(d.target, 100),
        `${d.ageDays} days`,
      ]),
    )
  }
  if (report.warnings.length > 0) {
    out.push('### Warnings', '')
    const { shown, more } = boundList(report.warnings, MARKDOWN_ROWS)
    for (const w of shown) out.push(`- ${inline(w, 500)}`)
    if (more) out.push(`- ${inline(more)}`)
    out.push('')
  }
  return fitBytes(`${out.join('\n').replace(/\n+$/, '')}\n`)
}
