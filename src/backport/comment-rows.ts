/**
 * The rows of the backport comment kept as hidden JSON (`<!-- fixline:rows [...] -->`), so that a
 * later run merges its rows into the earlier ones. Pure.
 */
import type { TargetResult } from '../jobs.js'
import { hiddenJson, isSafeLink, shorten, CELL_MAX } from '../markdown/escape.js'

/** A result row, plus the manual steps shown in the comment (conflicts in comment mode). */
export interface BackportRow extends TargetResult {
  steps?: string[]
}

export const ROWS_PREFIX = '<!-- fixline:rows '

/**
 * Most characters of the hidden rows: with the visible table (cut by `fitBody`) the comment stays
 * under GitHub's 65,536.
 */
export const ROWS_MAX = 40_000

export const ROW_STATUSES: ReadonlySet<string> = new Set([
  'created',
  'updated',
  'already-applied',
  'conflict',
  'failed',
  'skipped',
  'success',
  'failure',
  'pending',
])

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

function plain(r: BackportRow): BackportRow {
  return {
    target: r.target,
    status: r.status,
    message: shorten(r.message, CELL_MAX),
    ...(r.pullRequest ? { pullRequest: r.pullRequest } : {}),
    ...(r.error !== undefined ? { error: shorten(r.error, CELL_MAX) } : {}),
    ...(r.steps ? { steps: r.steps } : {}),
  }
}

/**
 * The hidden rows comment, at most `max` characters. Messages are kept as far as the table shows
 * them (300 characters). When the rows are still too large, parts are dropped deliberately, least
 * useful first: the manual steps of conflicts, then the error texts (the message stays), then the
 * messages, then rows without a pull request from the last, then rows with one from the last. A
 * dropped row only means that a later run's comment no longer lists it; nothing is redone for it.
 */
export function hiddenRows(rows: readonly BackportRow[], max = ROWS_MAX): string {
  const encode = (list: readonly BackportRow[]) => `${ROWS_PREFIX}${hiddenJson(list)} -->`
  let list = rows.map(plain)
  const steps: ((r: BackportRow) => BackportRow)[] = [
    ({ steps: _s, ...r }) => r,
    ({ error: _e, ...r }) => r,
    (r) => ({ ...r, message: '' }),
  ]
  for (const step of steps) {
    if (encode(list).length <= max) return encode(list)
    list = list.map(step)
  }
  // The array's length is the sum of its rows' (each escaped alike) plus commas and brackets.
  const sizes = list.map((r) => hiddenJson(r).length + 1)
  let total = encode([]).length + sizes.reduce((a, b) => a + b, 0)
  const keep = list.map(() => true)
  for (const withPr of [false, true]) {
    for (let i = list.length - 1; i >= 0 && total > max; i--) {
      if (keep[i] && !!list[i]?.pullRequest === withPr) {
        keep[i] = false
        total -= sizes[i] ?? 0
      }
    }
  }
  return encode(list.filter((_r, i) => keep[i]))
}

function isRow(d: unknown): d is BackportRow {
  if (d === null || typeof d !== 'object') return false
  const r = d as Record<string, unknown>
  if (
    typeof r.target !== 'string' ||
    typeof r.message !== 'string' ||
    typeof r.status !== 'string' ||
    !ROW_STATUSES.has(r.status)
  )
    return false
  if (r.pullRequest !== undefined) {
    const p = r.pullRequest as Record<string, unknown> | null
    if (
      !p ||
      typeof p !== 'object' ||
      !Number.isSafeInteger(p.number) ||
      typeof p.url !== 'string' ||
      !isSafeLink(p.url)
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
