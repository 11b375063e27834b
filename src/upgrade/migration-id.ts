/**
 * Migration IDs (seeds/README.md): one or more non-negative integers separated by periods,
 * compared numerically; "1.2", "01.02" and "1.2.0" are the same ID.
 *
 * Canonical form: leading zeros stripped per part and trailing zero parts dropped, keeping at
 * least one part: "01.02" -> "1.2", "1.2.0" -> "1.2", "0.0" -> "0". An all-zero ID is accepted
 * (the SDK only requires non-negative integers).
 *
 * Invalid IDs: canonicalId returns the raw string unchanged. A raw invalid string can never equal a
 * valid canonical form (that would make it valid), so canonicalId stays a usable, collision-free key,
 * and compareIds(a, b) === 0 exactly when canonicalId(a) === canonicalId(b).
 */
import { canonicalDotted, compareCanonicalDotted } from './version.js'

export type ParsedMigrationId =
  { ok: true; parts: number[]; canonical: string } | { ok: false; reason: string }

const ID = /^[0-9]+(?:\.[0-9]+)*$/

function describe(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw)
}

/** Parse a raw migration ID. Never throws. */
export function parseMigrationId(raw: string): ParsedMigrationId {
  if (typeof raw !== 'string') return { ok: false, reason: 'migration ID is not a string' }
  if (raw.length === 0) return { ok: false, reason: 'migration ID is empty' }
  if (!ID.test(raw)) {
    return {
      ok: false,
      reason: `migration ID ${describe(raw)} is not one or more integers separated by periods (e.g. "2019.10.15")`,
    }
  }
  const canonical = canonicalDotted(raw)
  return { ok: true, parts: canonical.split('.').map(Number), canonical }
}

/** The canonical form of a migration ID; the raw string when it is not a valid ID. */
export function canonicalId(raw: string): string {
  return ID.test(raw) ? canonicalDotted(raw) : raw
}

/** Whether a raw string is a valid migration ID. */
export function isValidMigrationId(raw: string): boolean {
  return ID.test(raw)
}

/**
 * Total order over raw IDs: valid IDs numerically part by part (trailing zeros ignored); invalid IDs
 * after every valid one, among themselves by raw string.
 */
export function compareIds(a: string, b: string): number {
  const va = ID.test(a)
  const vb = ID.test(b)
  if (va && vb) return compareCanonicalDotted(canonicalDotted(a), canonicalDotted(b))
  if (va) return -1
  if (vb) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** compareIds for strings already in canonical form (faster in sorts). */
export function compareCanonicalIds(a: string, b: string): number {
  const va = ID.test(a)
  const vb = ID.test(b)
  if (va && vb) return compareCanonicalDotted(a, b)
  if (va) return -1
  if (vb) return 1
  return a < b ? -1 : a > b ? 1 : 0
}
