/**
 * What the GitHub API adds to an audit made from git (auditLines): the PR of each missing fix and
 * its "not needed" label, open forward-port PRs, backports asked for by label and never landed,
 * and conflict drafts waiting. Requests stay bounded: the open PRs, the PRs closed within
 * `audit.lookbackDays` (pages stop at the window), and at most MAX_LOOKUPS single lookups for
 * fixes whose PR is outside that window.
 */
import { expandSupported, mapLabel } from '../backport/index.js'
import type { Config } from '../config/types.js'
import { fixEvidence } from '../evidence/index.js'
import type { GitHub } from '../github/client.js'
import {
  getPullInfo,
  listClosedPullsSince,
  listOpenPulls,
  pullsContaining,
  type PullInfo,
  type RequestCounter,
} from '../github/pull-lists.js'
import { auditContext, type AuditContext } from './audit-lines.js'
import { decide } from './decisions.js'
import type { AuditReport, MissingFix, UnlandedBackport, WaitingDraft } from './types.js'

export interface AuditGitHubOptions {
  /** The time the ages and the lookback window are measured from (default: now). */
  now?: Date
}

/** Most single PR lookups (by number or by commit) for fixes not found among the listed PRs. */
export const MAX_LOOKUPS = 100
const DAY = 86_400_000

/**
 * Adds to `report` (made by auditLines in this process: its git state is reused) what the API
 * knows, and returns it. A failing request is a warning in the report, never a lost audit.
 */
export async function auditGitHub(
  github: GitHub,
  repo: { owner: string; repo: string },
  config: Config,
  report: AuditReport,
  options: AuditGitHubOptions = {},
): Promise<AuditReport> {
  const started = Date.now()
  const now = (options.now ?? new Date()).getTime()
  const counter: RequestCounter = { requests: 0 }
  const { owner, repo: name } = repo
  const since = now - config.audit.lookbackDays * DAY
  let open: PullInfo[]
  let closed: PullInfo[]
  try {
    ;[open, closed] = await Promise.all([
      listOpenPulls(github, owner, name, counter),
      listClosedPullsSince(github, owner, name, since, counter),
    ])
  } catch (error) {
    report.warnings.push(
      `the GitHub API could not be read (${describe(error)}): PRs, labels, backports never landed and conflict drafts are not shown`,
    )
    report.stats.apiRequests = (report.stats.apiRequests ?? 0) + counter.requests
    return report
  }
  await attachPulls(github, repo, config, report, { open, closed, counter })
  const ctx = auditContext(report)
  if (ctx) report.unlanded = await unlandedBackports(ctx, config, report, { open, closed, since })
  else
    report.warnings.push(
      'backports never landed were not checked: the report was not made by this run (no git state)',
    )
  report.waitingDrafts = waitingDrafts(open, config, now)
  report.stats.apiRequests = (report.stats.apiRequests ?? 0) + counter.requests
  if (ctx) report.stats.gitProcesses = ctx.count()
  report.stats.ms += Date.now() - started
  return report
}

interface Lists {
  open: readonly PullInfo[]
  closed: readonly PullInfo[]
}

/** Each missing fix's PR (title, link), its "not needed" label, and open forward-port PRs for it. */
async function attachPulls(
  github: GitHub,
  repo: { owner: string; repo: string },
  config: Config,
  report: AuditReport,
  lists: Lists & { counter: RequestCounter },
): Promise<void> {
  const byMerge = new Map<string, PullInfo>()
  const byNumber = new Map<number, PullInfo>()
  for (const p of [...lists.closed, ...lists.open]) {
    if (p.mergeCommitSha && p.mergedAt) byMerge.set(p.mergeCommitSha, p)
    byNumber.set(p.number, p)
  }
  const openByHead = new Map(lists.open.map((p) => [p.head, p]))
  let lookups = 0
  let skipped = 0
  for (const fix of report.fixes) {
    let pr = byMerge.get(fix.sha) ?? (fix.pr ? byNumber.get(fix.pr.number) : undefined)
    // A fix decided on every line it lacks needs no lookup (its PR is shown only when listed).
    if (!pr && fix.missingOn.length > 0) {
      if (lookups >= MAX_LOOKUPS) {
        skipped++
        continue
      }
      lookups++
      try {
        pr = await lookUp(github, repo, fix, lists.counter)
      } catch (error) {
        report.warnings.push(
          `the PR of ${fix.sha.slice(0, 12)} could not be read: ${describe(error)}`,
        )
      }
    }
    if (!pr) continue
    fix.pr = { number: pr.number, title: pr.title, url: pr.url }
    if (pr.labels.includes(config.audit.notNeededLabel)) decide(fix, 'label', undefined)
    const ports = fix.missingOn.flatMap((line) => {
      const port = openByHead.get(`forwardport/${pr.number}-to-${line}`)
      return port ? [{ line, pr: port.number, url: port.url }] : []
    })
    if (ports.length > 0) fix.openPorts = ports
  }
  if (skipped > 0)
    report.warnings.push(
      `${skipped} fix(es) whose PR is not among those closed in the last ${config.audit.lookbackDays} days were not looked up (at most ${MAX_LOOKUPS} single lookups): their PR and labels are not shown`,
    )
}

/** A fix's PR: the number its subject names, else a merged PR containing the commit (into its line first). */
async function lookUp(
  github: GitHub,
  repo: { owner: string; repo: string },
  fix: MissingFix,
  counter: RequestCounter,
): Promise<PullInfo | undefined> {
  if (fix.pr) return getPullInfo(github, repo.owner, repo.repo, fix.pr.number, counter)
  const pulls = (await pullsContaining(github, repo.owner, repo.repo, fix.sha, counter)).filter(
    (p) => p.mergedAt !== null,
  )
  return pulls.find((p) => p.base === fix.line) ?? pulls[0]
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Merged PRs (within the window) labelled for a backport to a line, where the line has neither an
 * equivalent commit (fix evidence, one read for all of them) nor a `backport/<n>-to-<line>` PR
 * into it that is open or merged.
 */
async function unlandedBackports(
  ctx: AuditContext,
  config: Config,
  report: AuditReport,
  lists: Lists & { since: number },
): Promise<UnlandedBackport[]> {
  // A backport PR open, or merged into its target (whatever its commits became), is not unlanded.
  const handled = new Set(
    [...lists.open, ...lists.closed.filter((p) => p.mergedAt !== null)].map(
      (p) => `${p.head}\0${p.base}`,
    ),
  )
  const asked: Array<{ pr: PullInfo; label: string; target: string; tip: string; merge: string }> =
    []
  let notFetched = 0
  for (const pr of lists.closed) {
    if (!pr.mergedAt || Date.parse(pr.mergedAt) < lists.since || !pr.mergeCommitSha) continue
    for (const { label, target } of labelTargets(ctx, config, pr)) {
      const tip = ctx.tips.get(target)
      if (!tip || handled.has(`backport/${pr.number}-to-${target}\0${target}`)) continue
      if (!ctx.graph.has(pr.mergeCommitSha)) {
        notFetched++
        continue
      }
      asked.push({ pr, label, target, tip, merge: pr.mergeCommitSha })
    }
  }
  if (notFetched > 0)
    report.warnings.push(
      `${notFetched} backport label(s) of merged PRs were not checked: the PR's merge commit is on no release line of this clone`,
    )
  if (asked.length === 0) return []
  const pairs = asked.map((a) => ({ from: a.merge, to: a.tip }))
  const evidence = await fixEvidence(ctx.git, ctx.graph, pairs, { cache: ctx.cache })
  const out: UnlandedBackport[] = []
  for (const a of asked) {
    const lost = new Set(evidence.compare({ from: a.merge, to: a.tip }).lost.map((c) => c.sha))
    if (!prCommits(ctx, a.merge).some((sha) => lost.has(sha))) continue
    out.push({
      pr: a.pr.number,
      title: a.pr.title,
      url: a.pr.url,
      label: a.label,
      target: a.target,
      ...(a.pr.mergedAt ? { mergedAt: a.pr.mergedAt } : {}),
    })
  }
  return out
}

/**
 * The lines a merged PR's labels ask a backport to: a label rule's branch, or every supported line
 * older than its base for the supported-lines label (backport.supportedLabel), as the backport job
 * expands them.
 */
function labelTargets(
  ctx: AuditContext,
  config: Config,
  pr: PullInfo,
): Array<{ label: string; target: string }> {
  const out: Array<{ label: string; target: string }> = []
  for (const label of pr.labels) {
    if (config.backport.supportedLabel !== '' && label === config.backport.supportedLabel) {
      const lines = ctx.lineNames.map((branch) => ({ branch }))
      for (const target of expandSupported(lines, config, pr.base, ctx.defaultBranch).targets)
        out.push({ label, target })
      continue
    }
    const m = mapLabel(label, config.backport.labels)
    if (m.kind === 'target' && m.branch !== pr.base) out.push({ label, target: m.branch })
  }
  return out
}

/**
 * The commits a merged PR brought to its base: a merge commit's second-parent side, else the merge
 * commit itself (a squash; for a rebase merge, its last commit stands for the PR).
 */
function prCommits(ctx: AuditContext, merge: string): string[] {
  const i = ctx.graph.order(merge)
  const parents = ctx.graph.parents[i] ?? []
  if (parents.length < 2) return [merge]
  const [first, second] = parents.map((p) => ctx.graph.shas[p] as string)
  return ctx.graph
    .exclusive(second as string, first as string)
    .filter((k) => !ctx.graph.isMerge(k))
    .map((k) => ctx.graph.shas[k] as string)
}

/** Open draft backport or forward-port PRs with the conflict label, older than `audit.conflictDraftDays`; oldest first. */
export function waitingDrafts(
  open: readonly PullInfo[],
  config: Config,
  now: number,
): WaitingDraft[] {
  return open
    .filter(
      (p) =>
        p.draft &&
        (p.head.startsWith('backport/') || p.head.startsWith('forwardport/')) &&
        p.labels.includes(config.backport.conflictLabel),
    )
    .map((p) => ({
      pr: p.number,
      title: p.title,
      url: p.url,
      target: p.base,
      ageDays: Math.floor((now - Date.parse(p.createdAt)) / DAY),
    }))
    .filter((d) => d.ageDays > config.audit.conflictDraftDays)
    .sort((a, b) => b.ageDays - a.ageDays || a.pr - b.pr)
}
