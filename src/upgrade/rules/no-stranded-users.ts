/**
 * no-stranded-users: every release can upgrade to the newest release (the highest build on the newest
 * line that has releases) and to the newest release (highest build) of its own line.
 *
 * Each problem is reported once, by the rule that names its cause:
 * - targets whose build is not above the release's are skipped: that is a build-order error already
 *   reported by build-monotonic, line-range or build-unique;
 * - on the release's own line, IDs that some release of the line dropped are append-only's to report;
 * - IDs the target carries under another ID (same content) are same-id-everywhere's to report;
 *   a block explained only by those is skipped.
 *
 * A block by the declared compatibility logic (upgrade.compatibility) is always this rule's to
 * report: the declaration strands the release, and narrowing it is the fix.
 */
import type { Finding, Upgrade } from '../model.js'
import type { Matrix } from '../matrix.js'
import { listIds } from '../engine.js'
import {
  at,
  diffRanks,
  findRank,
  hasTwin,
  type LineInfo,
  type ReleaseInfo,
  type RuleContext,
} from './context.js'

function newestOf(line: LineInfo): ReleaseInfo | undefined {
  let best: ReleaseInfo | undefined
  for (const r of line.releases)
    if (r.buildPos >= 0 && (!best || r.buildPos > best.buildPos)) best = r
  return best
}

function droppedOn(line: LineInfo): Set<number> {
  const dropped = new Set<number>()
  for (const r of line.releases)
    for (const prev of r.previous) for (const k of diffRanks(prev.ids, r.ids)) dropped.add(k)
  return dropped
}

export function noStrandedUsers(ctx: RuleContext, matrix: Matrix): Finding[] {
  let newest: ReleaseInfo | undefined
  for (const line of ctx.lines) newest = newestOf(line) ?? newest
  const out: Finding[] = []
  for (const line of ctx.lines) {
    const own = newestOf(line)
    const dropped = droppedOn(line)
    for (const a of line.releases) {
      if (a.buildPos < 0) continue
      const targets: [ReleaseInfo | undefined, string, boolean][] = [
        // on its own line too, a dropped ID is append-only's to report
        [newest, 'the newest release', newest?.line === line],
        [own, `the newest release of ${line.line.branch}`, true],
      ]
      if (newest === own) targets.pop()
      for (const [t, what, sameLine] of targets) {
        if (!t || t === a || ctx.compareBuild(t, a) <= 0) continue
        const upgrade = matrix.get(a, t)
        if (upgrade?.allowed !== false) continue
        const unexplained: number[] = []
        matrix.eachMissing(a, t, (k) => {
          if (!(sameLine && dropped.has(k)) && !hasTwin(a, k, t)) unexplained.push(k)
          return unexplained.length < 4
        })
        if (upgrade.compatibility) out.push(refused(ctx, a, t, what, upgrade, unexplained))
        else if (unexplained.length > 0) out.push(stranded(ctx, a, t, what, unexplained))
      }
    }
  }
  return out
}

function stranded(
  ctx: RuleContext,
  a: ReleaseInfo,
  t: ReleaseInfo,
  what: string,
  missing: number[],
): Finding {
  const m = a.migs[findRank(a.ids, missing[0] as number)]
  return {
    rule: 'no-stranded-users',
    severity: 'error',
    message:
      `${a.release.name} users are stranded: they cannot upgrade to ${t.release.name}, ${what}, because ${t.release.name} ` +
      lacks(ctx, t, missing),
    ...at(m?.location ?? a.release.buildLocation),
    releases: [a.release.name, t.release.name],
  }
}

/** Stranded by the declared compatibility logic (and maybe by missing IDs too). */
function refused(
  ctx: RuleContext,
  a: ReleaseInfo,
  t: ReleaseInfo,
  what: string,
  upgrade: Upgrade,
  missing: number[],
): Finding {
  const { key, reason } = upgrade.compatibility as { key: string; reason: string }
  const from = a.release.name
  const to = t.release.name
  const also = missing.length === 0 ? '' : `; ${to} also ${lacks(ctx, t, missing)}`
  return {
    rule: 'no-stranded-users',
    severity: 'error',
    message:
      `${from} users are stranded: they cannot upgrade to ${to}, ${what}, because the compatibility logic ` +
      `declared in ${key} refuses it (${JSON.stringify(reason)}): narrow that declaration so that ${from} may upgrade to ${to}${also}`,
    releases: [from, to],
  }
}

/** "lacks X, Y: forward-port those migrations to <line> and release it". */
function lacks(ctx: RuleContext, t: ReleaseInfo, missing: number[]): string {
  const shown = missing.slice(0, 3).map((k) => ctx.idLabel[k] as string)
  const ids = missing.length > 3 ? `${shown.join(', ')} and others` : listIds(shown)
  const those = missing.length === 1 ? 'that migration' : 'those migrations'
  return `lacks ${ids}: forward-port ${those} to ${t.line.line.branch} and release it`
}
