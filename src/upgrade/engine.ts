/**
 * The Delphix engine's upgrade rule (seeds/README.md): an upgrade from installed release A to
 * release X is allowed only if build(X) > build(A) and every migration ID of A (canonical form) is
 * also in X. It then runs the IDs of X that A lacks, in ID order.
 *
 * These are the single-pair versions, for callers and tests. checkModel computes the whole matrix
 * with an indexed form of the same rule (matrix.ts) and never calls these in a loop.
 */
import type { Migration, Release } from './model.js'
import { canonicalId, compareCanonicalIds } from './migration-id.js'
import { compareCanonicalBuilds, parseBuild, type BuildScheme } from './version.js'

export interface EngineVerdict {
  allowed: boolean
  /** "allowed", "build 1.2 is not above 2.0", "2.0 lacks 2019.10.15", or why a build is invalid. */
  reason: string
  /** Canonical IDs of `from` that `to` lacks, in ID order. */
  missingIds: string[]
}

/** Up to `max` IDs joined, then "and N more". */
export function listIds(ids: readonly string[], max = 3): string {
  const shown = ids.slice(0, max).join(', ')
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown
}

/** Canonical IDs of `from` missing in `to`, in ID order. */
export function missingMigrationIds(from: Release, to: Release): string[] {
  const have = new Set(to.migrations.map((m) => canonicalId(m.id)))
  const missing = new Set<string>()
  for (const m of from.migrations) {
    const c = canonicalId(m.id)
    if (!have.has(c)) missing.add(c)
  }
  return [...missing].sort(compareCanonicalIds)
}

export function engineAllows(from: Release, to: Release, scheme: BuildScheme): EngineVerdict {
  const missingIds = missingMigrationIds(from, to)
  const bf = parseBuild(from.build, scheme)
  const bt = parseBuild(to.build, scheme)
  if (!bf.ok) return { allowed: false, reason: `${from.name}: ${bf.reason}`, missingIds }
  if (!bt.ok) return { allowed: false, reason: `${to.name}: ${bt.reason}`, missingIds }
  if (compareCanonicalBuilds(bt.canonical, bf.canonical, scheme) <= 0) {
    return { allowed: false, reason: `build ${to.build} is not above ${from.build}`, missingIds }
  }
  if (missingIds.length > 0) {
    const label = new Map(from.migrations.map((m) => [canonicalId(m.id), m.id] as const))
    return {
      allowed: false,
      reason: `${to.name} lacks ${listIds(missingIds.map((c) => label.get(c) ?? c))}`,
      missingIds,
    }
  }
  return { allowed: true, reason: 'allowed', missingIds }
}

/** Migrations of `to` whose IDs `from` lacks, in ID order (one per canonical ID): what the engine runs. */
export function migrationsToRun(from: Release, to: Release): Migration[] {
  const have = new Set(from.migrations.map((m) => canonicalId(m.id)))
  const run = new Map<string, Migration>()
  for (const m of to.migrations) {
    const c = canonicalId(m.id)
    if (!have.has(c) && !run.has(c)) run.set(c, m)
  }
  return [...run.entries()].sort((a, b) => compareCanonicalIds(a[0], b[0])).map(([, m]) => m)
}
