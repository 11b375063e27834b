/**
 * fix-loss: release A may upgrade to X (the engine allows it) but A holds fixes X lacks (FixDiff from
 * discovery: commits of A without a patch-equivalent in X, bookkeeping excluded). The seed's remedy: a
 * marker migration in A that X lacks (a no-op is fine), or compatibility logic that blocks A -> X,
 * declared in upgrade.compatibility so that the matrix blocks it too (compat.ts).
 * FixDiffs for blocked or unknown pairs are ignored: the engine already protects those users.
 */
import type { FixDiff, Finding, Upgrade } from '../model.js'
import type { Matrix } from '../matrix.js'
import { fixLossRemedy } from './advice.js'
import { at, type RuleContext } from './context.js'

function lossyPairs(
  ctx: RuleContext,
  matrix: Matrix,
  has: (diff: FixDiff) => boolean = (d) => d.missing.length > 0,
): { diff: FixDiff; upgrade: Upgrade }[] {
  const out: { diff: FixDiff; upgrade: Upgrade }[] = []
  const seen = new Set<string>()
  for (const diff of ctx.model.fixDiffs) {
    if (!has(diff)) continue
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
  const errors = lossyPairs(ctx, matrix).map(({ diff }): Finding => {
    const a = ctx.byName.get(diff.from)
    return {
      rule: 'fix-loss',
      severity: 'error',
      message:
        `upgrading ${diff.from} -> ${diff.to} would lose fixes ${describeCommits(diff.missing)}: ` +
        fixLossRemedy(ctx.options, diff.from, diff.to),
      ...at(a?.release.buildLocation),
      releases: [diff.from, diff.to],
      commits: diff.missing.map((c) => ({ sha: c.sha, subject: c.subject })),
      ...(diff.evidence ? { evidence: diff.evidence } : {}),
    }
  })
  return [...errors, ...probablyPorted(ctx, matrix)]
}

/**
 * Commits whose only evidence is a commit of the other release with the same subject and author
 * (and another patch): probably ported by hand, so a warning naming both commits, never a loss.
 */
function probablyPorted(ctx: RuleContext, matrix: Matrix): Finding[] {
  return lossyPairs(ctx, matrix, (d) => (d.probable?.length ?? 0) > 0).map(({ diff }) => {
    const probable = diff.probable ?? []
    const shown = probable
      .slice(0, 3)
      .map(
        (p) =>
          `${p.sha.slice(0, 7)} ${JSON.stringify(p.subject)} ~ ${p.counterpart.sha.slice(0, 7)}`,
      )
    const more = probable.length > 3 ? ` and ${probable.length - 3} more` : ''
    return {
      rule: 'fix-loss',
      severity: 'warning',
      message:
        `upgrading ${diff.from} -> ${diff.to}: ${shown.join(', ')}${more} probably ported ` +
        `(a commit of ${diff.to} has the same subject and author, another patch): check that the fix is complete in ${diff.to}`,
      ...at(ctx.byName.get(diff.from)?.release.buildLocation),
      releases: [diff.from, diff.to],
      commits: probable.map((p) => ({
        sha: p.sha,
        subject: p.subject,
        evidence: 'same-subject-author',
        counterpart: p.counterpart.sha,
      })),
    }
  })
}
