/**
 * The fix audit from git alone: for every pair of release lines, older L and newer N, the fixes on
 * L since L forked from N (non-merge commits; bookkeeping and release-tool commits left out) with
 * no patch-equivalent and no `cherry picked from` link on N, by the fix evidence shared with
 * fix-loss and hotfix merge-back (src/evidence). A constant number of git processes whatever the
 * number of lines and commits: one for-each-ref, one ls-tree, one rev-parse, one log (the graph),
 * the evidence's three (cat-file, diff-tree, patch-id) for every pair at once, and one log for the
 * details of the fixes listed.
 */
import type { Config } from '../config/types.js'
import { EvidenceCache, fixEvidence, type FixEvidence } from '../evidence/index.js'
import { ownForm } from '../evidence/version-only.js'
import { isShallowRepository } from '../git/commits.js'
import type { Git } from '../git/git.js'
import { commitGraph, type CommitGraph } from '../git/graph.js'
import { bookkeepingGlobs, releaseLines, type Line, type ReleaseLines } from '../upgrade/lines.js'
import { commitDetails } from './commit-details.js'
import { countingGit } from './counting.js'
import { applyDecisions, byRank, decide, notNeededTrailer, prFromSubject } from './decisions.js'
import type { AuditDecision, AuditReport, MissingFix, ProbablyPorted } from './types.js'

export interface AuditOptions {
  /** Which copy of a branch wins when both exist: origin's (the action, after a fetch) or the local one (the CLI, default). */
  prefer?: 'remote' | 'local'
  /** The default branch when known; guessed otherwise (origin/HEAD, main, master). */
  defaultBranch?: string
  /** "Not needed" decisions kept outside git (the dashboard's state). */
  decisions?: readonly AuditDecision[]
}

/** What the git part leaves for the GitHub part (auditGitHub), kept by report. */
export interface AuditContext {
  /** The audit's git (its processes counted). */
  git: Git
  graph: CommitGraph
  cache: EvidenceCache
  /** Line branch -> tip. */
  tips: Map<string, string>
  /** Release lines, newest first (the supported-lines label expands over them). */
  lineNames: string[]
  /** The repository's default branch when known (a line or not). */
  defaultBranch: string | undefined
  count(): number
}

const contexts = new WeakMap<AuditReport, AuditContext>()

/** The git state an audit was made from (undefined for a report that was copied or parsed). */
export function auditContext(report: AuditReport): AuditContext | undefined {
  return contexts.get(report)
}

export async function auditLines(
  git: Git,
  config: Config,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const started = Date.now()
  const counted = countingGit(git)
  const g = counted.git
  const found = await releaseLines(g, config, {
    prefer: options.prefer ?? 'local',
    ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
  })
  const lines = found.lines // oldest first
  const warnings = lineWarnings(found, config)
  if (await isShallowRepository(g))
    warnings.push(
      'this clone is shallow: commits beyond its depth are missing, so fixes may look missing or be left out; run git fetch --unshallow first',
    )
  const newest = lines[lines.length - 1]
  const cache = new EvidenceCache(
    await bookkeepingGlobs(g, config, newest?.tip),
    new Set(found.releaseBuilds.map(ownForm)),
  )
  const graph = await commitGraph(
    g,
    lines.map((l) => l.tip),
  )
  const pairs = linePairs(lines)
  const evidence = await fixEvidence(
    g,
    graph,
    pairs.map((p) => ({ from: p.older.tip, to: p.newer.tip })),
    { cache },
  )
  for (const p of evidence.problems) warnings.push(p.message)
  const rank = new Map(lines.map((l, i) => [l.branch, lines.length - 1 - i]))
  const { fixes, probable } = collect(evidence, graph, pairs, warnings)
  await describe(g, fixes, rank, options.decisions ?? [])
  const report: AuditReport = {
    lines: [...lines].reverse().map((l) => ({ branch: l.branch, rank: rank.get(l.branch) ?? 0 })),
    fixes,
    unlanded: [],
    waitingDrafts: [],
    warnings,
    stats: {
      commitsCompared: evidence.stats.commits,
      gitProcesses: counted.count(),
      ms: Date.now() - started,
      linePairs: pairs.length,
    },
    ...(probable.length > 0 ? { probable } : {}),
  }
  contexts.set(report, {
    git: g,
    graph,
    cache,
    tips: new Map(lines.map((l) => [l.branch, l.tip])),
    lineNames: lines.map((l) => l.branch).reverse(),
    defaultBranch: options.defaultBranch ?? lines.find((l) => l.isDefault)?.branch,
    count: counted.count,
  })
  return report
}

/** What the lines found say could not be checked. */
function lineWarnings(found: ReleaseLines, config: Config): string[] {
  const { lines } = found
  const warnings: string[] = []
  if (found.newestMissing)
    warnings.push(
      `lines.newest names ${config.lines.newest ?? ''}, which is no branch of this repository: the newest line is missing from the audit`,
    )
  if (lines.length < 2)
    warnings.push(
      `${lines.length === 0 ? 'no release line' : `one release line (${lines[0]?.branch ?? ''})`} found: the audit compares at least two (lines.patterns, lines.defaultBranch)`,
    )
  if (lines.length >= 2 && found.releaseBuilds.length === 0)
    warnings.push(
      'no release tag (upgrade.tags) in this clone: a version bump outside the bookkeeping files counts as a fix; fetch the tags (git fetch --tags)',
    )
  return warnings
}

interface LinePair {
  older: Line
  newer: Line
}

/** Every (older, newer) pair of lines given oldest first: oldest older line first, its newer lines oldest first. */
export function linePairs(lines: readonly Line[]): LinePair[] {
  const out: LinePair[] = []
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++)
      out.push({ older: lines[i] as Line, newer: lines[j] as Line })
  return out
}

/**
 * One MissingFix per commit (on the oldest line it was found on), with every newer line lacking
 * it; oldest line first, then graph order (ancestors first).
 */
function collect(
  evidence: FixEvidence,
  graph: CommitGraph,
  pairs: readonly LinePair[],
  warnings: string[],
): { fixes: MissingFix[]; probable: ProbablyPorted[] } {
  const bySha = new Map<string, MissingFix>()
  const probable: ProbablyPorted[] = []
  for (const { older, newer } of pairs) {
    const e = evidence.compare({ from: older.tip, to: newer.tip })
    for (const c of e.lost) {
      let fix = bySha.get(c.sha)
      if (!fix) {
        fix = {
          sha: c.sha,
          subject: c.subject,
          author: '',
          date: '',
          line: older.branch,
          missingOn: [],
          decided: [],
        }
        bySha.set(c.sha, fix)
      }
      if (!fix.missingOn.includes(newer.branch)) fix.missingOn.push(newer.branch)
    }
    for (const p of e.probable)
      probable.push({
        sha: p.commit.sha,
        subject: p.commit.subject,
        line: older.branch,
        on: newer.branch,
        counterpart: p.counterpart.sha,
      })
    if (e.unread > 0)
      warnings.push(
        `${e.unread} commit(s) of ${older.branch} could not be read and were not compared with ${newer.branch}`,
      )
  }
  const age = new Map(pairs.map((p, i) => [p.older.branch, i]))
  const fixes = [...bySha.values()].sort(
    (a, b) =>
      (age.get(a.line) ?? 0) - (age.get(b.line) ?? 0) || graph.order(a.sha) - graph.order(b.sha),
  )
  return { fixes, probable }
}

/**
 * Author, date and PR number (from the subject) of each fix, with one git process; then the
 * decisions: the fix's `Forward-port: not-needed` trailer, and those passed in.
 */
async function describe(
  git: Git,
  fixes: MissingFix[],
  rank: ReadonlyMap<string, number>,
  decisions: readonly AuditDecision[],
): Promise<void> {
  const details = await commitDetails(
    git,
    fixes.map((f) => f.sha),
  )
  const messages = new Map<string, string>()
  for (const fix of fixes) {
    const d = details.get(fix.sha)
    if (!d) continue
    fix.author = d.author
    fix.date = d.date
    fix.subject = d.subject || fix.subject
    const pr = prFromSubject(fix.subject)
    if (pr !== undefined) fix.pr = { number: pr }
    messages.set(fix.sha, d.message)
  }
  for (const fix of fixes) fix.missingOn.sort(byRank(rank))
  applyTrailers(fixes, messages)
  applyDecisions(fixes, decisions)
}

/** `Forward-port: not-needed [lines]` in a fix's message decides those lines (every newer line without names). */
function applyTrailers(fixes: readonly MissingFix[], messages: ReadonlyMap<string, string>): void {
  for (const fix of fixes) {
    const trailer = notNeededTrailer(messages.get(fix.sha) ?? '')
    if (trailer) decide(fix, 'trailer', trailer.all ? undefined : trailer.lines)
  }
}
