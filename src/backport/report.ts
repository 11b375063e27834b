/**
 * What the backport job shows people: the rows of the one comment on the original PR (kept as
 * hidden JSON so a later run merges its rows in), the backport PR's body, the job summary. Pure.
 * Outside text (targets, messages, commit subjects, file names) goes through markdown/escape.ts;
 * every body is bounded (markdown/bound.ts).
 */
import type { TargetResult } from '../jobs.js'
import { boundList, COMMENT_LIMIT, fitBody } from '../markdown/bound.js'
import { codeBlock, codeSpan, inline, oneLine, prose, proseCell } from '../markdown/escape.js'
import { hiddenRows, type BackportRow } from './comment-rows.js'
import { conflictBodyLines } from './conflict-hint.js'
import { hasMarkers } from './conflict-kinds.js'
import type { BranchOutcome, PickPlan, PickedCommit } from './types.js'

export { mergeRows, parseCommentRows, type BackportRow } from './comment-rows.js'

export const COMMENT_MARKER = '<!-- fixline:backport-comment -->'

/** The hidden marker of a backport PR's body; the target on one line, with no `--` to end it early. */
export function backportMarker(source: number, target: string): string {
  const safe = oneLine(target).replace(/\s/g, '_').replace(/--+/g, '-')
  return `<!-- fixline:backport source=${source} target=${safe} -->`
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

/** Rows shown in the comment's table (all of them are in the job summary). */
const COMMENT_ROWS = 100
/** Rows shown in the job summary's table. */
const SUMMARY_ROWS = 2_000
/** Conflicts whose manual steps the comment shows. */
const STEP_SECTIONS = 10

/** The results table; past `max` rows, a line says how many more there are and where they are. */
export function renderTable(
  rows: readonly BackportRow[],
  max = COMMENT_ROWS,
  where = 'the job summary',
): string {
  const { shown, more } = boundList(rows, max, ` targets (${where} lists them all)`)
  const lines = ['| Target | Status | Details |', '| --- | --- | --- |']
  for (const row of shown) {
    const pr = row.pullRequest ? `[#${row.pullRequest.number}](${row.pullRequest.url}) ` : ''
    lines.push(
      `| ${codeSpan(row.target, 200)} | ${STATUS_TEXT[row.status]} | ${pr}${proseCell(row.message)} |`,
    )
  }
  if (more) lines.push('', more)
  return lines.join('\n')
}

/** The comment on the original PR: a table, manual steps where needed, and the rows as hidden JSON. */
export function renderComment(
  source: number,
  rows: readonly BackportRow[],
  kind: { marker: string; noun: string } = { marker: COMMENT_MARKER, noun: 'backport' },
): string {
  const parts = [kind.marker, `### fixline ${kind.noun}s of #${source}`, '', renderTable(rows)]
  const withSteps = boundList(
    rows.filter((r) => r.steps && r.steps.length > 0),
    STEP_SECTIONS,
    ' conflicts to finish by hand (see the job log)',
  )
  for (const row of withSteps.shown) {
    parts.push(
      '',
      `<details><summary>Finish the backport to ${codeSpan(row.target, 200)} by hand</summary>`,
      '',
      codeBlock((row.steps ?? []).join('\n'), 'sh'),
      '',
      '</details>',
    )
  }
  if (withSteps.more) parts.push('', withSteps.more)
  parts.push('', hiddenRows(rows))
  return fitBody(parts.join('\n'), COMMENT_LIMIT)
}

export interface PrBodyInput {
  source: { number: number; title: string }
  target: string
  plan: PickPlan
  outcome: Exclude<BranchOutcome, { status: 'already-applied' }>
  requestIssue?: number
  /** "backport" (default) or "forward-port". */
  noun?: string
  /** The branch the source PR was merged into (named in the prerequisite hint). */
  sourceBranch?: string
}

/** Commits listed in a PR body (a PR of more than 250 commits works; its body must stay bounded). */
const BODY_COMMITS = 250

/** The backport PR's body: link to the original, the picks, conflicts and how to finish, the hidden marker. */
export function renderPrBody(input: PrBodyInput): string {
  const { source, target, plan, outcome } = input
  const noun = input.noun ?? 'backport'
  const lines = [
    `${noun.charAt(0).toUpperCase()}${noun.slice(1)} of #${source.number} to ${codeSpan(target)}.`,
  ]
  if (input.requestIssue !== undefined) lines.push('', `Requested in #${input.requestIssue}.`)
  lines.push('', `**Commit selection:** ${prose(plan.explanation)}`)
  const commits = outcome.status === 'picked' ? outcome.commits : outcome.applied
  const picked = commits.filter((c) => c.result !== undefined)
  const found = new Set((outcome.alreadyApplied ?? []).map((a) => a.sha))
  const empty = commits.filter((c) => c.result === undefined && !found.has(c.source))
  if (picked.length > 0)
    lines.push('', 'Cherry-picked (`git cherry-pick -x`):', ...commitList(picked))
  if (empty.length > 0)
    lines.push(
      '',
      `Already on ${codeSpan(target)} (the pick came out empty):`,
      ...commitList(empty),
    )
  if (outcome.alreadyApplied?.length)
    lines.push('', `Already on ${codeSpan(target)} before picking:`, ...appliedList(outcome))
  if (outcome.status === 'conflict')
    lines.push('', ...conflictSection(target, outcome, input.sourceBranch ?? 'the source branch'))
  lines.push('', backportMarker(source.number, target))
  return fitBody(lines.join('\n'), COMMENT_LIMIT)
}

function appliedList(outcome: PrBodyInput['outcome']): string[] {
  const { shown, more } = boundList(outcome.alreadyApplied ?? [], BODY_COMMITS, ' commits')
  const how = {
    contained: 'the same commit',
    'patch-id': 'same patch',
    'cherry-pick': 'cherry-pick trailer',
    'svn-merge': 'svn merge',
  }
  return [
    ...shown.map((a) => `- ${a.sha.slice(0, 12)} as ${a.proof.slice(0, 12)} (${how[a.evidence]})`),
    ...(more ? [`- ${more}`] : []),
  ]
}

function commitList(commits: readonly PickedCommit[]): string[] {
  const { shown, more } = boundList(commits, BODY_COMMITS, ' commits')
  return [...shown.map(commitLine), ...(more ? [`- ${more}`] : [])]
}

function commitLine(c: PickedCommit): string {
  const result = c.result ? ` -> ${c.result.slice(0, 12)}` : ''
  return `- ${c.source.slice(0, 12)}${result} ${inline(c.subject, 200)}`
}

function conflictSection(
  target: string,
  outcome: Extract<BranchOutcome, { status: 'conflict' }>,
  source: string,
): string[] {
  const lines = [
    '> [!WARNING]',
    `> Cherry-picking ${outcome.failed.sha.slice(0, 12)} (${inline(outcome.failed.subject, 200)}) onto ${codeSpan(target)} conflicted.`,
  ]
  if (outcome.markersCommitted)
    lines.push(
      hasMarkers(outcome.conflicts)
        ? '> The last commit on this branch holds its conflict markers: resolve them before merging.'
        : '> The last commit on this branch holds the failing commit\u2019s files as they are (no conflict markers): finish them as each file says below before merging.',
    )
  lines.push('', ...conflictBodyLines(outcome, target, source))
  if (outcome.remaining.length > 0) {
    const remaining = boundList(outcome.remaining, 50, ' commits')
    const list = remaining.shown.map((sha) => sha.slice(0, 12)).join(', ')
    lines.push('', `Not yet applied: ${list}${remaining.more ? ` ${remaining.more}` : ''}`)
  }
  lines.push('', 'To finish by hand:', '', codeBlock(outcome.resumeCommands.join('\n'), 'sh'))
  return lines
}

/** The job summary: a heading, notes (warnings), the same table as the comment with every row. */
export function renderSummary(
  source: number,
  rows: readonly BackportRow[],
  notes: readonly string[] = [],
  noun = 'backport',
): string {
  const parts = [`## fixline ${noun}s of #${source}`, '']
  for (const note of notes) parts.push(prose(note), '')
  parts.push(
    rows.length > 0 ? renderTable(rows, SUMMARY_ROWS, 'the `results` output') : 'No targets.',
    '',
  )
  return parts.join('\n')
}
