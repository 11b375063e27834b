/**
 * "Not needed on N" decisions and what a commit message says about its PR. Pure.
 *
 * A decision lasts because it lives where the fix lives: a `Forward-port: not-needed` trailer in
 * the fix's message (every newer line) or `Forward-port: not-needed 2.x main` (the lines named), a
 * label on the fix's PR (applied when the API part runs), or the dashboard's own state passed in.
 * A decided line is listed under `decided`, never under `missingOn`.
 */
import type { AuditDecision, MissingFix } from './types.js'

/** `Forward-port: not-needed [lines]` (case-insensitive key and value; lines separated by spaces or commas). */
const TRAILER = /^forward-?ports?:[ \t]*not[- ]needed\b(.*)$/i

/** What a trailer decides: every newer line (`all`), or the lines it names. */
export type TrailerDecision = { all: true } | { all: false; lines: string[] }

/** The `Forward-port: not-needed` trailer of a message (the last one wins), if any. */
export function notNeededTrailer(message: string): TrailerDecision | undefined {
  let found: TrailerDecision | undefined
  for (const raw of message.split('\n')) {
    const m = TRAILER.exec(raw.trim())
    if (!m) continue
    const rest = (m[1] ?? '').replace(/^[ \t]*(?:on|for)?[:\s]/i, ' ')
    const lines = rest
      .split(/[\s,]+/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
    found = lines.length === 0 ? { all: true } : { all: false, lines }
  }
  return found
}

/** The PR number a squash or merge subject names: `Fix the thing (#123)`. */
export function prFromSubject(subject: string): number | undefined {
  const m = /\(#(\d{1,9})\)\s*$/.exec(subject)
  return m ? Number(m[1]) : undefined
}

/**
 * Moves the lines a decision names from `missingOn` to `decided` (a line already decided keeps its
 * first decision). `lines` undefined: every line the fix is missing on.
 */
export function decide(
  fix: MissingFix,
  how: MissingFix['decided'][number]['how'],
  lines: readonly string[] | undefined,
  by?: string,
): void {
  const chosen = fix.missingOn.filter((l) => lines === undefined || lines.includes(l))
  if (chosen.length === 0) return
  fix.missingOn = fix.missingOn.filter((l) => !chosen.includes(l))
  for (const line of chosen) fix.decided.push({ line, how, ...(by ? { by } : {}) })
}

/** Whether `sha` is the decision's commit (full sha, or a prefix of at least 7). */
function sameCommit(sha: string, wanted: string): boolean {
  const w = wanted.trim().toLowerCase()
  return w.length >= 7 && /^[0-9a-f]+$/.test(w) && sha.startsWith(w)
}

/** Applies decisions kept outside git (the dashboard's): each names one fix and one line. */
export function applyDecisions(
  fixes: readonly MissingFix[],
  decisions: readonly AuditDecision[],
): void {
  for (const d of decisions) {
    const fix = fixes.find((f) => sameCommit(f.sha, d.sha))
    if (fix) decide(fix, 'dashboard', [d.line], d.by)
  }
}

/** Newer lines first (rank 0 is the newest line). */
export function byRank(rank: ReadonlyMap<string, number>): (a: string, b: string) => number {
  return (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)
}

/** Whether anything is still missing: a fix missing on a line, or a backport that never landed. */
export function hasMissing(report: {
  fixes: readonly MissingFix[]
  unlanded: readonly unknown[]
}): boolean {
  return report.unlanded.length > 0 || report.fixes.some((f) => f.missingOn.length > 0)
}
