/**
 * The job summary of the audit/dashboard job: the whole lists the dashboard issue cuts with
 * "and N more", as tables, plus what the run did. Pure. (main.ts fits the summary to the runner's
 * 1 MiB.)
 */
import { cell, codeSpan, inline, prose } from '../markdown/escape.js'
import type { TargetResult } from '../jobs.js'
import type { DashboardView } from './view.js'
import { itemsByLine } from './view.js'

export function renderSummary(
  view: DashboardView,
  done: { issue?: { number: number; url: string; action: string }; results: TargetResult[] },
): string {
  const out = ['### fixline: release lines audit', '']
  if (done.issue)
    out.push(`Dashboard: [#${done.issue.number}](${done.issue.url}) (${done.issue.action}).`, '')
  for (const w of [...view.audit.warnings, ...view.warnings]) out.push(`- ⚠️ ${inline(w, 1_000)}`)
  for (const r of done.results)
    out.push(`- ${codeSpan(r.status)} ${inline(r.target, 200)}: ${prose(r.message, 1_000)}`)
  out.push('')
  for (const items of itemsByLine(view.audit)) {
    out.push(`#### ${codeSpan(items.line)}`, '')
    if (items.missing.length > 0) {
      out.push(
        `Fixes missing (${items.missing.length}):`,
        '',
        '| commit | subject | PR | from | author | date |',
        '| --- | --- | --- | --- | --- | --- |',
        ...items.missing.map(
          (f) =>
            `| ${codeSpan(f.sha.slice(0, 12))} | ${cell(f.subject)} | ${f.pr ? `#${f.pr.number}` : ''} | ${codeSpan(f.line)} | ${cell(f.author, 60)} | ${cell(f.date.slice(0, 10))} |`,
        ),
        '',
      )
    }
    if (items.decided.length > 0)
      out.push(
        `Not needed (${items.decided.length}): ${items.decided.map((f) => codeSpan(f.sha.slice(0, 12))).join(', ')}`,
        '',
      )
    if (items.unlanded.length > 0)
      out.push(
        `Backports never landed (${items.unlanded.length}): ${items.unlanded.map((u) => `#${u.pr} (${codeSpan(u.label)})`).join(', ')}`,
        '',
      )
    if (items.drafts.length > 0)
      out.push(
        `Conflict drafts waiting (${items.drafts.length}): ${items.drafts.map((d) => `#${d.pr} (${d.ageDays} d)`).join(', ')}`,
        '',
      )
    if (
      items.missing.length + items.decided.length + items.unlanded.length + items.drafts.length ===
      0
    )
      out.push('Nothing missing, nothing waiting.', '')
  }
  const s = view.audit.stats
  out.push(
    `_${s.commitsCompared} commit(s) compared with ${s.gitProcesses} git process(es) in ${s.ms} ms._`,
  )
  return `${out.join('\n')}\n`
}
