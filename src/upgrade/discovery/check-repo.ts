/** Discovery + fix diffs + rules: the whole upgrade-safety check of one repository. */
import type { Config } from '../../config/types.js'
import type { Git } from '../../git/git.js'
import { checkModel, fixLossPairs, RULE_IDS } from '../check.js'
import type { CheckResult, Finding } from '../model.js'
import { buildContext } from '../rules/context.js'
import { applyWaivers, conclusionOf } from '../waivers.js'
import { discover, type Discovery, type DiscoverOptions } from './discover.js'
import { applyCoverage } from './coverage.js'
import { computeFixDiffs } from './fix-diffs.js'
import type { DiscoveryProblem } from './problems.js'
import type { Layout } from './reader.js'

export interface RepoCheck {
  result: CheckResult
  discovery: Discovery
  /** Release pairs whose fixes were compared. */
  pairs: number
  timings: { discoverMs: number; fixDiffsMs: number; rulesMs: number }
}

export async function checkRepository(
  git: Git,
  config: Config,
  options: DiscoverOptions = {},
): Promise<RepoCheck> {
  const t0 = Date.now()
  const discovery = await discover(git, config, options)
  const t1 = Date.now()
  const checkOptions = {
    scheme: config.upgrade.scheme,
    engine: config.upgrade.engine,
    contentChange: config.upgrade.contentChange,
    layout: discovery.layout,
    prereleases: config.upgrade.prereleases,
    compatibility: config.upgrade.compatibility,
  }
  // One rule context for both the pair selection and the rules (its engine is swapped in checkModel).
  const ctx = buildContext(discovery.model, { ...checkOptions, engine: 'set' })
  const pairs = fixLossPairs(discovery.model, config.upgrade.scheme, ctx, (tip, commit) =>
    discovery.graph.contains(tip, commit),
  )
  discovery.model.fixDiffs = await computeFixDiffs(
    git,
    discovery.graph,
    discovery.model.releases,
    pairs,
    discovery.bookkeeping,
    discovery.problems,
  )
  const t2 = Date.now()
  const checked = checkModel(discovery.model, checkOptions, ctx)
  const merged = applyCoverage(mergeProblems(checked, discovery.problems), {
    config,
    layout: discovery.layout as Layout,
    buildSource: discovery.buildSource,
    buildFile: discovery.buildFile,
    tags: discovery.tags,
    unmatchedDirs: discovery.unmatchedDirs,
    headMigrations: discovery.model.lineHeads.reduce((n, h) => n + h.migrations.length, 0),
    lines: discovery.model.lines.map((l) => l.branch),
  })
  // Waivers last, so that discovery problems can be waived too.
  const result = applyWaivers(merged, config.upgrade.waivers, config.upgrade.scheme)
  const t3 = Date.now()
  return {
    result,
    discovery,
    pairs: pairs.length,
    timings: { discoverMs: t1 - t0, fixDiffsMs: t2 - t1, rulesMs: t3 - t2 },
  }
}

/** Adds discovery problems to the rule findings, in rule order, and recomputes the conclusion. */
export function mergeProblems(
  result: CheckResult,
  problems: readonly DiscoveryProblem[],
): CheckResult {
  if (problems.length === 0) return result
  const extra: Finding[] = problems.map((p) => ({
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    ...(p.file ? { file: p.file } : {}),
    ...(p.line ? { line: p.line } : {}),
  }))
  const rank = (f: Finding) => RULE_IDS.indexOf(f.rule)
  const findings = [...extra, ...result.findings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f)
  return {
    ...result,
    findings,
    conclusion: conclusionOf(findings),
  }
}
