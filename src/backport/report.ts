/**
 * What the backport job shows people: the rows of the one comment on the original PR (kept as
 * hidden JSON so a later run merges its rows in), the backport PR's body, the job summary. Pure.
 */
import type { TargetResult } from '../jobs.js'
import type { BranchOutcome, PickPlan, PickedCommit } from './types.js'

/** A result row, plus the manual steps shown in the comment (conflicts in comment mode). */
export interface BackportRow extends TargetResult {
  steps?: string[]
}

export const COMMENT_MARKER = '<!-- fixline:backport-comment -->'
const ROWS_PREFIX = '<!-- fixline:rows '

export function backportMarker(source: number, target: string): string {
  return `<!-- fixline:backport source=${source} target=${target.replace(/--+/g, '-')} -->`
}

const STATUS_TEXT: Record<TargetResult['status'], string> = {
  created: '✅ created',
  updated: '🔁 PR already open',
  'already-applied': '✅ already applied',
  conflict: '⚠️ conflict',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  success: '✅ success',
  failure: '❌ failure',
  pending: '⏳ pending',
}

/** Text safe inside a markdown table cell (no pipes, newlines or HTML). */
export function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Code span that survives backticks in the value. */
function code(text: string): string {
  const clean = text.replace(/[\r\n]/g, ' ')
  const fence = clean.includes('`') ? '``' : '`'
  return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`
}

export function renderTable(rows: readonly BackportRow[]): string {
  const lines = ['| Target | Status | Details |', '| --- | --- | --- |']
  for (const row of rows) {
    const pr = row.pullRequest ? `[#${row.pullRequest.number}](${row.pullRequest.url}) ` : ''
    lines.push(
      `| ${cell(code(row.target))} | ${STATUS_TEXT[row.status]} | ${pr}${cell(row.message)} |`,
    )
  }
  return lines.join('\n')
}

/** The comment on the original PR: a table, manual steps where needed, and the rows as hidden JSON. */
export function renderComment(source: number, rows: readonly BackportRow[]): string {
  const parts = [COMMENT_MARKER, `### fixline backports of #${source}`, '', renderTable(rows)]
  for (const row of rows) {
    if (!row.steps || row.steps.length === 0) continue
    parts.push(
      '',
      `<details><summary>Finish the backport to ${cell(code(row.target))} by hand</summary>`,
      '',
      fence(row.steps.join('\n')),
      '',
      '</details>',
    )
  }
  parts.push('', `${ROWS_PREFIX}${hiddenJson(rows)} -->`)
  return parts.join('\n')
}

/** The rows an earlier run left in its comment (invalid entries are dropped). */
export function parseCommentRows(body: string | undefined): BackportRow[] {
  if (!body) return []
  const start = body.lastIndexOf(ROWS_PREFIX)
  if (start < 0) return []
  const end = body.indexOf(' -->', start)
  if (end < 0) return []
  let data: unknown
  try {
    data = JSON.parse(body.slice(start + ROWS_PREFIX.length, end))
  } catch {
    return []
  }
  return Array.isArray(data) ? data.flatMap((d) => (isRow(d) ? [d] : [])) : []
}

/** Earlier rows updated by newer ones (same target), in first-seen order. */
export function mergeRows(
  earlier: readonly BackportRow[],
  newer: readonly BackportRow[],
): BackportRow[] {
  const byTarget = new Map<string, BackportRow>()
  for (const row of earlier) byTarget.set(row.target, row)
  for (const row of newer) {
    byTarget.delete(row.target)
    byTarget.set(row.target, row)
  }
  const order = [...earlier.map((r) => r.target), ...newer.map((r) => r.target)]
  return [...new Set(order)].map((t) => byTarget.get(t) as BackportRow)
}

/** JSON that is safe inside an HTML comment (no `--`, `<`, `>`), still valid JSON. */
function hiddenJson(rows: readonly BackportRow[]): string {
  const plain = rows.map((r) => ({
    target: r.target,
    status: r.status,
    message: r.message,
    ...(r.pullRequest ? { pullRequest: r.pullRequest } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.steps ? { steps: r.steps } : {}),
  }))
  return JSON.stringify(plain)
    .replace(/-/g, '\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
}

const STATUSES = new Set(Object.keys(STATUS_TEXT))
/** A link target that cannot break out of markdown `[..](..)`. */
const SAFE_URL = /^https?:\/\/[^\s()<>]+$/

function isRow(d: unknown): d is BackportRow {
  if (d === null || typeof d !== 'object') return false
  const r = d as Record<string, unknown>
  if (
    typeof r.target !== 'string' ||
    typeof r.message !== 'string' ||
    typeof r.status !== 'string' ||
    !STATUSES.has(r.status)
  )
    return false
  if (r.pullRequest !== undefined) {
    const p = r.pullRequest as Record<string, unknown> | null
    if (
      !p ||
      typeof p !== 'object' ||
      !Number.isSafeInteger(p.number) ||
      typeof p.url !== 'string' ||
      !SAFE_URL.test(p.url)
    )
      return false
  }
  if (r.error !== undefined && typeof r.error !== 'string') return false
  if (
    r.steps !== undefined &&
    !(Array.isArray(r.steps) && r.steps.every((s) => typeof s === 'string'))
  )
    return false
  return true
}

function fence(text: string): string {
  return ['```sh', text.replace(/```/g, '` ` `'), '```'].join('\n')
}

export interface PrBodyInput {
  source: { number: number; title: string }
  target: string
  plan: PickPlan
  outcome: Exclude<BranchOutcome, { status: 'already-applied' }>
  requestIssue?: number
}

/** The backport PR's body: link to the original, the picks, conflicts and how to finish, the hidden marker. */
export function renderPrBody(input: PrBodyInput): string {
  const { source, target, plan, outcome } = input
  const lines = [`Backport of #${source.number} to ${code(target)}.`]
  if (input.requestIssue !== undefined) lines.push('', `Requested in #${input.requestIssue}.`)
  lines.push('', `**Commit selection:** ${cell(plan.explanation)}`)
  const commits = outcome.status === 'picked' ? outcome.commits : outcome.applied
  const picked = commits.filter((c) => c.result !== undefined)
  const empty = commits.filter((c) => c.result === undefined)
  if (picked.length > 0)
    lines.push('', 'Cherry-picked (`git cherry-pick -x`):', ...picked.map(commitLine))
  if (empty.length > 0)
    lines.push(
      '',
      `Already on ${code(target)} (the pick came out empty):`,
      ...empty.map(commitLine),
    )
  if (outcome.status === 'conflict') lines.push('', ...conflictSection(target, outcome))
  lines.push('', backportMarker(source.number, target))
  return lines.join('\n')
}

function commitLine(c: PickedCommit): string {
  const result = c.result ? ` -> ${c.result.slice(0, 12)}` : ''
  return `- ${c.source.slice(0, 12)}${result} ${cell(c.subject)}`
}

function conflictSection(
  target: string,
  outcome: Extract<BranchOutcome, { status: 'conflict' }>,
): string[] {
  const lines = [
    '> [!WARNING]',
    `> Cherry-picking ${outcome.failed.sha.slice(0, 12)} (${cell(outcome.failed.subject)}) onto ${code(target)} conflicted.`,
  ]
  if (outcome.markersCommitted)
    lines.push(
      '> The last commit on this branch holds its conflict markers: resolve them before merging.',
    )
  lines.push('', 'Conflicting files:', ...outcome.conflictingFiles.map((f) => `- ${code(f)}`))
  if (outcome.remaining.length > 0)
    lines.push('', `Not yet applied: ${outcome.remaining.map((s) => s.slice(0, 12)).join(', ')}`)
  lines.push('', 'To finish by hand:', '', fence(outcome.resumeCommands.join('\n')))
  return lines
}

/** The job summary: a heading, the plan's explanation, the same table as the comment. */
export function renderSummary(
  source: number,
  rows: readonly BackportRow[],
  notes: readonly string[] = [],
): string {
  const parts = [`## fixline backports of #${source}`, '']
  for (const note of notes) parts.push(`${cell(note)}`, '')
  parts.push(rows.length > 0 ? renderTable(rows) : 'No targets.', '')
  return parts.join('\n')
}
