/**
 * fix-loss: release A may upgrade to X (the engine allows it) but A holds fixes X lacks (FixDiff from
 * discovery: commits of A without a patch-equivalent in X, bookkeeping excluded). The seed's remedy: a
 * marker migration in A that X lacks (a no-op is fine), or compatibility logic that blocks A -> X.
 * FixDiffs for blocked or unknown pairs are ignored: the engine already protects those users.
 */
import type { FixDiff, Finding, Upgrade } from '../model.js'
import type { Matrix } from '../matrix.js'
import { at, type RuleContext } from './context.js'

function lossyPairs(ctx: RuleContext, matrix: Matrix): { diff: FixDiff; upgrade: Upgrade }[] {
  const out: { diff: FixDiff; upgrade: Upgrade }[] = []
  const seen = new Set<string>()
  for (const diff of ctx.model.fixDiffs) {
    if (diff.missing.length === 0) continue
    const key = `${diff.from}\u0000${diff.to}`
    if (seen.has(key)) continue
    seen.add(key)
    const a = ctx.byName.get(diff.from)
    const x = ctx.byName.get(diff.to)
    const upgrade = a && x ? matrix.get(a, x) : undefined
    if (upgrade?.allowed) out.push({ diff, upgrade })
  }
  return out
}

export function describeCommits(missing: FixDiff['missing'], max = 3): string {
  const shown = missing
    .slice(0, max)
    .map((c) => `${c.sha.slice(0, 7)} ${JSON.stringify(c.subject)}`)
  const more = missing.length > max ? ` and ${missing.length - max} more` : ''
  return `${shown.join(', ')}${more}`
}

/** Marks the matrix entries that lose fixes (losesFixes, reason). Called by checkModel before the rules. */
export function markFixLoss(ctx: RuleContext, matrix: Matrix): void {
  for (const { diff, upgrade } of lossyPairs(ctx, matrix)) {
    upgrade.losesFixes = true
    upgrade.reason = `allowed, but loses fixes: ${describeCommits(diff.missing)}`
  }
}

export function fixLoss(ctx: RuleContext, matrix: Matrix): Finding[] {
  return lossyPairs(ctx, matrix).map(({ diff }) => {
    const a = ctx.byName.get(diff.from)
    return {
      rule: 'fix-loss',
      severity: 'error',
      message:
        `upgrading ${diff.from} -> ${diff.to} would lose fixes ${describeCommits(diff.missing)}: ` +
        `add a marker migration to ${diff.from} that ${diff.to} lacks (a no-op migration is fine), ` +
        `or block the upgrade with compatibility logic`,
      ...at(a?.release.buildLocation),
      releases: [diff.from, diff.to],
    }
  })
}
