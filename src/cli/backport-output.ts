/**
 * What `fixline backport` prints: one row per target like the action's results rows, then for each
 * target stopped at a conflict where it is, what conflicted and why, and the next command. Pure
 * (text in, text out); outside text (subjects, file names, branch names) goes through clean().
 */
import { renderConflictHint } from '../backport/conflict-hint.js'
import type { ConflictOutcome } from '../backport/types.js'
import type { TargetResult } from '../jobs.js'
import { EXIT } from './io.js'

/** One target's result, as the action's row plus where the CLI left things. */
export interface CliRow {
  target: string
  status: TargetResult['status']
  message: string
  pullRequest?: { number: number; url: string }
  /** Set when the target stopped at a conflict. */
  stopped?: StoppedDetail
}

export interface StoppedDetail {
  worktree: string
  branch: string
  failed: { sha: string; subject: string }
  /** The conflict as the engine explained it (kinds, prerequisite hint), when it did. */
  explained?: Pick<ConflictOutcome, 'conflicts' | 'prerequisites' | 'markersCommitted'>
  /** The conflicting files (when not explained). */
  files: string[]
  remaining: string[]
  /** The source line, for the hint ("main"). */
  sourceLine?: string
}

/** Outside text for a terminal: control characters (escape sequences, line breaks) become `?`. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
}

const STATUS: Record<TargetResult['status'], string> = {
  created: 'created',
  updated: 'PR already open',
  'already-applied': 'already applied',
  conflict: 'conflict',
  failed: 'failed',
  skipped: 'skipped',
  success: 'success',
  failure: 'failure',
  pending: 'pending',
}

/** The results: a heading, one aligned row per target, then the details of each stopped target. */
export function renderResults(heading: string, rows: readonly CliRow[]): string {
  const width = Math.max(6, ...rows.map((r) => clean(r.target).length))
  const statusWidth = Math.max(...rows.map((r) => STATUS[r.status].length), 8)
  const lines = [heading, '']
  for (const row of rows) {
    const pr = row.pullRequest ? ` ${row.pullRequest.url}` : ''
    lines.push(
      `  ${clean(row.target).padEnd(width)}  ${STATUS[row.status].padEnd(statusWidth)}  ${clean(row.message)}${pr}`,
    )
  }
  for (const row of rows) if (row.stopped) lines.push('', ...stoppedLines(row.target, row.stopped))
  return `${lines.join('\n')}\n`
}

function stoppedLines(target: string, s: StoppedDetail): string[] {
  const t = clean(target)
  const lines = [
    `Conflict on ${t}: cherry-picking ${s.failed.sha.slice(0, 12)} (${clean(s.failed.subject)}) stopped.`,
    `  Worktree: ${s.worktree}`,
    `  Branch:   ${clean(s.branch)}`,
  ]
  if (s.explained)
    lines.push(
      ...renderConflictHint(s.explained, target, s.sourceLine)
        .split('\n')
        .map((l) => `  ${clean(l)}`),
    )
  else lines.push('  Conflicting files:', ...s.files.map((f) => `    ${clean(f)}`))
  if (s.remaining.length > 0)
    lines.push(
      `  Picked after it on --continue: ${s.remaining.map((c) => c.slice(0, 12)).join(', ')}`,
    )
  lines.push(
    '  Next: resolve the files in the worktree and stage them (git add), then run',
    '    fixline backport --continue',
    '  or give up on this target (removes the worktree and the branch):',
    `    fixline backport --abort --to ${t}`,
  )
  return lines
}

/** A failed row. */
export function failedRow(target: string, message: string): CliRow {
  return { target, status: 'failed', message }
}

/** Exit 1 when a target conflicted or failed, else 0. */
export function exitCode(rows: readonly CliRow[]): number {
  return rows.some((r) => r.status === 'conflict' || r.status === 'failed')
    ? EXIT.failures
    : EXIT.ok
}
