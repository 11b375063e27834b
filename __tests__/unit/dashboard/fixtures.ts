/** Hand-built audit reports and dashboard views for the dashboard's unit tests. */
import type { AuditReport, MissingFix } from '../../../src/audit/types.js'
import type { DashboardView } from '../../../src/dashboard/view.js'

export const SHA_A = 'a'.repeat(40)
export const SHA_B = 'b'.repeat(40)

export function fix(over: Partial<MissingFix> = {}): MissingFix {
  return {
    sha: SHA_A,
    subject: 'Fix the crash on empty input (#12)',
    author: 'Ada',
    date: '2026-01-02T10:00:00Z',
    line: '1.x',
    pr: { number: 12 },
    missingOn: ['main', '2.x'],
    decided: [],
    ...over,
  }
}

export function report(over: Partial<AuditReport> = {}): AuditReport {
  return {
    lines: [
      { branch: 'main', rank: 0 },
      { branch: '2.x', rank: 1 },
      { branch: '1.x', rank: 2 },
    ],
    fixes: [fix()],
    unlanded: [{ pr: 30, title: 'Speed up the cache', label: 'backport-1.x', target: '1.x' }],
    waitingDrafts: [{ pr: 41, title: '[2.x] Fix parser', target: '2.x', ageDays: 9 }],
    warnings: [],
    stats: { commitsCompared: 10, gitProcesses: 6, ms: 12 },
    ...over,
  }
}

export function view(over: Partial<DashboardView> = {}): DashboardView {
  return {
    audit: report(),
    hotfixes: [{ branch: 'hotfix/v2.0.1', open: true, ownCommits: 2, missingFromMain: 1 }],
    safety: [
      { line: 'main', release: 'v2.1', conclusion: 'success' },
      { line: '2.x', release: 'v2.0', conclusion: 'failure' },
      { line: '1.x', release: undefined, conclusion: 'none' },
    ],
    awaiting: [
      { number: 7, title: 'Backport #12 to 1.x', url: 'https://github.com/acme/widgets/issues/7' },
    ],
    opened: new Map(),
    defaultBranch: 'main',
    warnings: [],
    ...over,
  }
}
