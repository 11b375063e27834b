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
 */
import type { Finding } from '../model.js'
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
  for (let i = 1; i < line.releases.length; i++) {
    const prev = line.releases[i - 1] as ReleaseInfo
    for (const k of diffRanks(prev.ids, (line.releases[i] as ReleaseInfo).ids)) dropped.add(k)
  }
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
        [newest, 'the newest release', false],
        [own, `the newest release of ${line.line.branch}`, true],
      ]
      if (newest === own) targets.pop()
      for (const [t, what, sameLine] of targets) {
        if (!t || t === a || ctx.compareBuild(t, a) <= 0) continue
        if (matrix.get(a, t)?.allowed !== false) continue
        const unexplained: number[] = []
        matrix.eachMissing(a, t, (k) => {
          if (!(sameLine && dropped.has(k)) && !hasTwin(a, k, t)) unexplained.push(k)
          return unexplained.length < 4
        })
        if (unexplained.length === 0) continue
        out.push(stranded(ctx, a, t, what, unexplained))
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
  const shown = missing.slice(0, 3).map((k) => ctx.idLabel[k] as string)
  const ids = missing.length > 3 ? `${shown.join(', ')} and others` : listIds(shown)
  const m = a.migs[findRank(a.ids, missing[0] as number)]
  return {
    rule: 'no-stranded-users',
    severity: 'error',
    message:
      `${a.release.name} users are stranded: they cannot upgrade to ${t.release.name}, ${what}, because ${t.release.name} ` +
      `lacks ${ids}: forward-port ${missing.length === 1 ? 'that migration' : 'those migrations'} to ${t.line.line.branch} and release it`,
    ...at(m?.location ?? a.release.buildLocation),
    releases: [a.release.name, t.release.name],
  }
}
