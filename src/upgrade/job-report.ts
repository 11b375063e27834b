/** Turning a check result into the job's outputs: result rows, check-run title and annotations. Pure. */
import type { CheckAnnotation } from '../github/checks.js'
import type { TargetResult } from '../jobs.js'
import { boundList } from '../markdown/bound.js'
import { prose } from '../markdown/escape.js'
import type { CheckResult, Finding } from './model.js'
import { isFailing } from './waivers.js'

export const CHECK_NAME = 'fixline / upgrade-safety'

export function checkTitle(result: CheckResult): string {
  const errors = result.findings.filter(isFailing).length
  const waived = result.findings.filter((f) => f.waived).length
  const warnings = result.findings.length - errors - waived
  const scope = `${result.releases.length} release(s) on ${result.lines.length} line(s)`
  const also = waived ? `, ${waived} waived` : ''
  const unseen = (result.coverage ?? []).length
  const incomplete = unseen ? `; incomplete: ${unseen} thing(s) not checked` : ''
  if (errors > 0)
    return `${errors} rule failure(s)${warnings ? `, ${warnings} warning(s)` : ''}${also} in ${scope}${incomplete}`
  if (unseen) return `${scope}: no failure, but incomplete: ${unseen} thing(s) not checked`
  return `${scope} pass${warnings ? ` with ${warnings} warning(s)` : ''}${also}`
}

function waivedMessage(f: Finding): string {
  const w = f.waived as NonNullable<Finding['waived']>
  return `waived (${w.key}: ${w.reason}${w.until ? `, until ${w.until}` : ''}): ${f.message}`
}

/** One row per finding; one success row when there are none. */
export function resultRows(result: CheckResult): TargetResult[] {
  if (result.findings.length === 0)
    return [{ target: CHECK_NAME, status: 'success', message: checkTitle(result) }]
  return result.findings.map((f) => ({
    target: `${f.rule}${f.releases?.length ? ` (${f.releases.join(', ')})` : ''}`,
    status: isFailing(f) ? 'failure' : 'success',
    message: f.waived
      ? waivedMessage(f)
      : f.severity === 'error'
        ? f.message
        : `warning: ${f.message}`,
    ...(isFailing(f) ? { error: f.message } : {}),
  }))
}

/** Annotations for findings that point at a file in the repository (not at a tag name). */
export function annotations(
  findings: readonly Finding[],
  notFiles: ReadonlySet<string>,
): CheckAnnotation[] {
  return findings
    .filter((f) => f.file !== undefined && f.file !== '' && !notFiles.has(f.file))
    .map((f) => ({
      path: f.file as string,
      startLine: f.line ?? 1,
      level: f.waived ? 'notice' : f.severity === 'error' ? 'failure' : 'warning',
      message: f.waived ? waivedMessage(f) : f.message,
      title: f.rule,
    }))
}

/** Discovery notes shown in the check run and the job summary. */
const MAX_NOTES = 50

/**
 * The discovery notes (tags skipped, duplicates, layout) as a collapsed list: they name tags and
 * files of the repository, so each is escaped; the log has every note.
 */
export function notesMarkdown(notes: readonly string[]): string {
  if (notes.length === 0) return ''
  const { shown, more } = boundList(notes, MAX_NOTES, ' notes (the log has them all)')
  const items = [...shown.map((n) => `- ${prose(n, 1_000)}`), ...(more ? [`- ${more}`] : [])]
  return `\n<details><summary>Discovery notes</summary>\n\n${items.join('\n')}\n\n</details>\n`
}
