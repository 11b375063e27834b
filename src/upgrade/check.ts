/**
 * The upgrade-safety check: every rule over an UpgradeModel, plus the upgrade matrix.
 * Pure: no I/O. Discovery (src/upgrade/discovery) fills the model; job.ts and the CLI render the result.
 *
 * Result shape:
 * - findings: in rule order (RULE_IDS), each rule's findings in a stable order.
 * - releases: model order. lines: oldest first, the default branch last.
 * - upgrades: every pair with build(to) > build(from) (see matrix.ts), by from-build then to-build.
 * - conclusion: 'failure' iff any finding has severity 'error' and is not waived (waivers.ts).
 *
 * Assumptions (each rule file says more):
 * - Releases of a line are in model order, oldest first (discovery lists them in commit order, tags
 *   on one commit by build); "previous release on its line" is Release.previous, a release's nearest
 *   ancestor releases there (rules/previous.ts). With prereleases 'warn', a finding that names a
 *   prerelease is a warning (rules/prereleases.ts).
 * - Lines: versioned ones by version, then other non-default ones by name, the default branch newest.
 * - Migration IDs compare in canonical form everywhere (migration-id.ts); messages show them as written.
 * - Each problem is reported by the rule that names its cause: no-stranded-users leaves build-order
 *   blocks to the build rules, dropped IDs to append-only and renamed IDs to same-id-everywhere;
 *   forward-ported leaves renamed IDs to same-id-everywhere.
 */
import type { CheckResult, Finding, RuleId, UpgradeModel } from './model.js'
import { computeMatrix, engineTester } from './matrix.js'
import {
  buildContext,
  type CheckOptions,
  type ReleaseInfo,
  type RuleContext,
} from './rules/context.js'
import { RULES } from './rules/index.js'
import { markFixLoss } from './rules/fix-loss.js'
import { softenPrereleases } from './rules/prereleases.js'
import type { BuildScheme } from './version.js'
import { applyWaivers, conclusionOf } from './waivers.js'

export type { CheckOptions } from './rules/context.js'

/** Every rule id, in the order findings are reported. */
export const RULE_IDS: readonly RuleId[] = [
  'build-format',
  'build-unique',
  'build-monotonic',
  'line-range',
  'migration-id',
  'append-only',
  'forward-ported',
  'no-stranded-users',
  'fix-loss',
  'same-id-everywhere',
  'content-stable',
  'schema-needs-migration',
  'migration-order',
  'compatibility',
  'waiver',
]

/**
 * Waivers (options.waivers) are applied last; checkRepository passes none here and applies them
 * after merging discovery problems, so that those can be waived too.
 *
 * `prepared`: a context already built for this model with the same scheme (by fixLossPairs), reused
 * instead of indexing every release's migrations again; the model's fixDiffs may have been set since.
 */
export function checkModel(
  model: UpgradeModel,
  options: CheckOptions,
  prepared?: RuleContext,
): CheckResult {
  const ctx =
    prepared && prepared.model === model && prepared.options.scheme === options.scheme
      ? { ...prepared, options }
      : buildContext(model, options)
  const matrix = computeMatrix(ctx)
  markFixLoss(ctx, matrix)
  const findings: Finding[] = []
  for (const id of RULE_IDS) {
    findings.push(...softenPrereleases(ctx, RULES[id](ctx, matrix)))
  }
  const result: CheckResult = {
    conclusion: conclusionOf(findings),
    findings,
    releases: model.releases,
    upgrades: matrix.upgrades,
    lines: ctx.lines.map((l) => l.line),
  }
  return applyWaivers(result, options.waivers, options.scheme, options.now)
}

/**
 * The release pairs discovery must compute FixDiffs for: upgrades the engine allows between releases
 * on DIFFERENT lines, reduced to, for each release A and each other line L, the lowest-build release on
 * L that A may upgrade to. Later releases of L descend from that one, so they carry the same fixes or
 * more; same-line upgrades follow ancestry and lose nothing. Order: by A's build, then by line (oldest first).
 */
export function fixLossPairs(
  model: UpgradeModel,
  scheme: BuildScheme,
  ctx: RuleContext = buildContext(model, { scheme, engine: 'set', contentChange: 'warning' }),
  /** Commit ancestry (`tip` contains `commit`); without it, `previous` links stand in for it. */
  contains?: (tip: string, commit: string) => boolean,
): { from: string; to: string }[] {
  const holds = (x: ReleaseInfo, a: ReleaseInfo) =>
    contains ? contains(x.release.commit, a.release.commit) : descendsFrom(x, a)
  const allows = engineTester(ctx)
  const lineBuilds = ctx.lines.map((l) =>
    l.releases.filter((r) => r.buildPos >= 0).sort((a, b) => a.buildPos - b.buildPos),
  )
  const pairs: { from: string; to: string }[] = []
  for (const a of ctx.byBuild) {
    for (const onLine of lineBuilds) {
      if (onLine.length === 0) continue
      const target = firstAllowed(onLine, a, allows)
      if (!target) continue
      // A later release on a's own line holds a's fixes when it descends from a; one cut aside (a
      // hotfix 2.0.1 on a branch from 2.0, while 2.1 is released from the line) may not.
      if (onLine[0]?.line === a.line && holds(target, a)) continue
      pairs.push({ from: a.release.name, to: target.release.name })
    }
  }
  return pairs
}

/** Whether `a` is among `x`'s earlier releases on its line (through `previous`, transitively). */
function descendsFrom(x: ReleaseInfo, a: ReleaseInfo): boolean {
  const seen = new Set<ReleaseInfo>()
  const stack = [...x.previous]
  while (stack.length > 0) {
    const r = stack.pop() as ReleaseInfo
    if (r === a) return true
    if (seen.has(r)) continue
    seen.add(r)
    stack.push(...r.previous)
  }
  return false
}

function firstAllowed(
  onLine: ReleaseInfo[],
  a: ReleaseInfo,
  allows: (a: ReleaseInfo, x: ReleaseInfo) => boolean,
): ReleaseInfo | undefined {
  let lo = 0
  let hi = onLine.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((onLine[mid] as ReleaseInfo).buildPos <= a.buildPos) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < onLine.length; i++) if (allows(a, onLine[i] as ReleaseInfo)) return onLine[i]
  return undefined
}
