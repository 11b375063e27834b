/**
 * Everything the dashboard shows, as plain data: the audit, plus what other jobs know about each
 * line (hotfixes, upgrade safety, requests awaiting approval) and the PRs opened from ticks. The
 * job gathers it; render.ts and summary.ts turn it into Markdown. Pure.
 */
import type { AuditReport, MissingFix, UnlandedBackport, WaitingDraft } from '../audit/types.js'
import type { ItemId } from './items.js'
import { itemKey } from './items.js'
import type { OpenedPr } from './state.js'

/** A hotfix branch and whether its work is merged back into the default branch. */
export interface HotfixView {
  branch: string
  /** Still open: just cut, or some commit not on the default branch. */
  open: boolean
  ownCommits: number
  missingFromMain: number
}

/** The upgrade-safety conclusion of a line's newest release. */
export interface LineSafety {
  line: string
  /** The newest release's name (tag); undefined when the line has none. */
  release: string | undefined
  conclusion: 'success' | 'failure' | 'none'
}

export interface AwaitingRequest {
  number: number
  title: string
  url: string
}

export interface DashboardView {
  audit: AuditReport
  /** Undefined: not looked at (or could not be); []: no hotfix branch. */
  hotfixes: HotfixView[] | undefined
  /** Undefined: the upgrade check did not run (or failed: see warnings). */
  safety: LineSafety[] | undefined
  awaiting: AwaitingRequest[] | undefined
  /** PRs opened from ticks, by item key. */
  opened: ReadonlyMap<string, OpenedPr>
  /** The newest line (where hotfixes are merged back). */
  defaultBranch: string | undefined
  /** Things that could not be looked at, besides the audit's own warnings. */
  warnings: string[]
}

/** What the dashboard lists for one line. */
export interface LineItems {
  line: string
  rank: number
  missing: MissingFix[]
  decided: MissingFix[]
  unlanded: UnlandedBackport[]
  drafts: WaitingDraft[]
}

/** The audit's items grouped by line, newest line first. */
export function itemsByLine(audit: AuditReport): LineItems[] {
  const lines = [...audit.lines].sort((a, b) => a.rank - b.rank)
  return lines.map((l) => ({
    line: l.branch,
    rank: l.rank,
    missing: audit.fixes.filter((f) => f.missingOn.includes(l.branch)),
    decided: audit.fixes.filter((f) => f.decided.some((d) => d.line === l.branch)),
    unlanded: audit.unlanded.filter((u) => u.target === l.branch),
    drafts: audit.waitingDrafts.filter((d) => d.target === l.branch),
  }))
}

/**
 * The keys of every item a tick could act on in this audit: a fix missing on a line (port, skip)
 * and a backport asked for and never landed. An id parsed from the body counts only when its key
 * is here.
 */
export function liveItemKeys(audit: AuditReport): Set<string> {
  const keys = new Set<string>()
  for (const f of audit.fixes)
    for (const line of f.missingOn) {
      keys.add(itemKey({ kind: 'port', sha: f.sha, line }))
      keys.add(itemKey({ kind: 'skip', sha: f.sha, line }))
    }
  for (const u of audit.unlanded) keys.add(itemKey({ kind: 'backport', pr: u.pr, line: u.target }))
  return keys
}

/** The audit's fix or backport an item names, when the audit lists it. */
export function resolveItem(
  audit: AuditReport,
  id: ItemId,
): { fix: MissingFix } | { unlanded: UnlandedBackport } | undefined {
  if (id.kind === 'backport') {
    const u = audit.unlanded.find((x) => x.pr === id.pr && x.target === id.line)
    return u ? { unlanded: u } : undefined
  }
  const fix = audit.fixes.find((f) => f.sha === id.sha && f.missingOn.includes(id.line))
  return fix ? { fix } : undefined
}

/** The audit with one more "not needed" decision applied (a tick just recorded it). */
export function applyDecision(
  audit: AuditReport,
  d: { sha: string; line: string; by: string },
): AuditReport {
  return {
    ...audit,
    fixes: audit.fixes.map((f) =>
      f.sha === d.sha && f.missingOn.includes(d.line)
        ? {
            ...f,
            missingOn: f.missingOn.filter((l) => l !== d.line),
            decided: [...f.decided, { line: d.line, how: 'dashboard' as const, by: d.by }],
          }
        : f,
    ),
  }
}
