/**
 * Build numbers (DESIGN.md section 2, seeds/README.md).
 *
 * dotted (Delphix): a string of non-negative integers separated by periods, not all zero.
 * Compared numerically part by part; trailing zero parts are ignored ("1.0.0" equals "1"),
 * leading zeros are numeric ("01.2" equals "1.2"), "1.10" is after "1.2". No whitespace, no sign,
 * no empty part. Parts may be arbitrarily long: comparison works on digit strings, not floats.
 * A prerelease suffix after "-" or ".": a prerelease word (case ignored), then optionally a number
 * ("2.0.0-rc1", "2.0.0.RC1", "1.0-beta", "3.1-rc.2", "1.0-SNAPSHOT"), makes a prerelease of that
 * build: it sorts below the build itself. The words, in their order: dev, alpha, beta, milestone,
 * pre (or preview), rc (or cr), snapshot (Maven's order); then the number (rc2 before rc10). Only
 * these words: "1.1-hotfix" or "5.0.0.RELEASE" is no prerelease, so it stays invalid. Canonical
 * form: "2.0.0-RC01" is "2-rc.1", "2.0-cr1" is "2-rc.1".
 *
 * semver: SemVer 2.0.0 (no leading "v"), parsed and ordered by the `semver` package: precedence per
 * the spec, prerelease below release, build metadata (`+...`) ignored for precedence and dropped from
 * the canonical form. "1.2.3.rc1" is read as "1.2.3-rc1". The spec compares a prerelease label such as
 * "rc10" as text (before "rc2"), as every semver tool does; fixline keeps that order here.
 *
 * Why the dotted scheme stays hand-written: `semver` knows only three-part versions without leading
 * zeros (it refuses "1.2" and "01.2.3"; its coerce drops the fourth part of "1.2.3.4" and reads a
 * 17-digit part as 1.0.0), while the Delphix rule needs any number of parts of any length, trailing
 * zeros ignored and leading zeros allowed; the dotted prerelease order (numbers inside labels,
 * case ignored) is not the spec's either. Migration IDs use the same dotted comparison
 * (migration-id.ts).
 */
import semver from 'semver'

export type BuildScheme = 'dotted' | 'semver'

export type ParsedBuild =
  | {
      ok: true
      /** The numbers of the release part ("2.0.0-rc1" -> [2, 0, 0]). */
      parts: number[]
      canonical: string
      /** The canonical prerelease part ("rc.1"), when the build is a prerelease. */
      prerelease?: string
    }
  | { ok: false; reason: string }

const DOTTED = /^[0-9]+(?:\.[0-9]+)*$/
/** Prerelease words, lowest first; synonyms share a rank and a canonical word. */
const PRERELEASE_WORDS: Readonly<Record<string, readonly [rank: number, word: string]>> = {
  dev: [0, 'dev'],
  alpha: [1, 'alpha'],
  beta: [2, 'beta'],
  milestone: [3, 'milestone'],
  pre: [4, 'pre'],
  preview: [4, 'pre'],
  rc: [5, 'rc'],
  cr: [5, 'rc'],
  snapshot: [6, 'snapshot'],
}
const WORD = '(dev|alpha|beta|milestone|preview|pre|rc|cr|snapshot)'
/** A dotted build with a prerelease suffix: "-" or ".", a prerelease word, an optional number. */
const DOTTED_PRE = new RegExp(
  `^([0-9]+(?:\\.[0-9]+)*)[-.]${WORD}(?:[-._]?([0-9]+(?:\\.[0-9]+)*))?$`,
  'i',
)
/** A semver core followed by ".rc1" instead of "-rc1". */
const SEMVER_DOT_PRE = new RegExp(`^([0-9]+\\.[0-9]+\\.[0-9]+)\\.(${WORD}[0-9A-Za-z.-]*)$`, 'i')

/** Strip leading zeros from a digit string ("007" -> "7", "000" -> "0"). */
export function stripZeros(digits: string): string {
  let i = 0
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++
  return i === 0 ? digits : digits.slice(i)
}

/** Compare two canonical digit strings (no leading zeros) numerically. */
export function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Canonical dotted form: leading zeros stripped per part, trailing zero parts dropped (at least one part). */
export function canonicalDotted(raw: string): string {
  const parts = raw.split('.').map(stripZeros)
  let end = parts.length
  while (end > 1 && parts[end - 1] === '0') end--
  return parts.slice(0, end).join('.')
}

/** Compare two canonical dotted strings part by part; missing parts count as 0. */
export function compareCanonicalDotted(a: string, b: string): number {
  if (a === b) return 0
  const pa = a.split('.')
  const pb = b.split('.')
  const n = Math.max(pa.length, pb.length)
  for (let i = 0; i < n; i++) {
    const c = compareDigits(pa[i] ?? '0', pb[i] ?? '0')
    if (c !== 0) return c
  }
  return 0
}

function describe(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw)
}

function parseDotted(raw: string): ParsedBuild {
  if (raw.length === 0) return { ok: false, reason: 'build number is empty' }
  if (raw.trim() !== raw)
    return { ok: false, reason: `build number ${describe(raw)} has leading or trailing spaces` }
  const pre = DOTTED.test(raw) ? undefined : DOTTED_PRE.exec(raw)
  if (pre === null) {
    return {
      ok: false,
      reason: `build number ${describe(raw)} is not a string of non-negative integers separated by periods (e.g. "1.2", or "1.2-rc1" for a prerelease)`,
    }
  }
  const core = canonicalDotted(pre ? (pre[1] as string) : raw)
  if (core === '0') return { ok: false, reason: `build number ${describe(raw)} is all zeros` }
  const parts = core.split('.').map(Number)
  if (!pre) return { ok: true, parts, canonical: core }
  const word = PRERELEASE_WORDS[(pre[2] as string).toLowerCase()]?.[1] as string
  const numbers = pre[3] === undefined ? [] : pre[3].split('.').map(stripZeros)
  const prerelease = [word, ...numbers].join('.')
  return { ok: true, parts, canonical: `${core}-${prerelease}`, prerelease }
}

function parseSemver(raw: string): ParsedBuild {
  if (raw.length === 0) return { ok: false, reason: 'build number is empty' }
  // `semver` itself accepts a leading "v" or "=" and surrounding spaces: the scheme does not.
  const plain = /^[0-9]/.test(raw) && raw.trim() === raw
  const v = plain ? semver.parse(raw.replace(SEMVER_DOT_PRE, '$1-$2')) : null
  if (!v) {
    const hint = /^v\d/.test(raw) ? ' (drop the leading "v")' : ''
    return {
      ok: false,
      reason: `build number ${describe(raw)} is not a semantic version (e.g. "1.2.3")${hint}`,
    }
  }
  // v.version: major.minor.patch[-prerelease], without build metadata
  const prerelease = v.prerelease.length > 0 ? v.prerelease.join('.') : undefined
  const parts = [v.major, v.minor, v.patch]
  return prerelease === undefined
    ? { ok: true, parts, canonical: v.version }
    : { ok: true, parts, canonical: v.version, prerelease }
}

/** Parse a raw build number for a scheme. Never throws. */
export function parseBuild(raw: string, scheme: BuildScheme): ParsedBuild {
  if (typeof raw !== 'string') return { ok: false, reason: 'build number is not a string' }
  return scheme === 'semver' ? parseSemver(raw) : parseDotted(raw)
}

/** Whether a raw build is a valid prerelease in the scheme ("2.0.0-rc1", "1.0-beta"). */
export function isPrereleaseBuild(raw: string, scheme: BuildScheme): boolean {
  const p = parseBuild(raw, scheme)
  return p.ok && p.prerelease !== undefined
}

/**
 * Two canonical dotted prerelease parts ("rc.1"; undefined: the release, above them all): by the
 * word's rank, then the numbers part by part, fewer parts first ("rc" < "rc.1" < "rc.1.1" < "rc.2").
 */
function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  const [wa = '', ...na] = a.split('.')
  const [wb = '', ...nb] = b.split('.')
  const ra = PRERELEASE_WORDS[wa]?.[0] ?? -1
  const rb = PRERELEASE_WORDS[wb]?.[0] ?? -1
  if (ra !== rb) return ra < rb ? -1 : 1
  for (let i = 0; i < Math.min(na.length, nb.length); i++) {
    const c = compareDigits(na[i] as string, nb[i] as string)
    if (c !== 0) return c
  }
  return na.length === nb.length ? 0 : na.length < nb.length ? -1 : 1
}

function splitPrerelease(canonical: string): [string, string | undefined] {
  const dash = canonical.indexOf('-')
  return dash < 0 ? [canonical, undefined] : [canonical.slice(0, dash), canonical.slice(dash + 1)]
}

const semverCache = new Map<string, semver.SemVer>()

/** A canonical semver build, parsed once (the matrix compares the same builds many times). */
function semverOf(canonical: string): semver.SemVer {
  let v = semverCache.get(canonical)
  if (!v) {
    v = new semver.SemVer(canonical)
    if (semverCache.size >= 10_000) semverCache.clear()
    semverCache.set(canonical, v)
  }
  return v
}

/** Compare two canonical forms produced by parseBuild for the same scheme. */
export function compareCanonicalBuilds(a: string, b: string, scheme: BuildScheme): number {
  if (a === b) return 0
  if (scheme === 'semver') return semverOf(a).compare(semverOf(b))
  const [coreA, preA] = splitPrerelease(a)
  const [coreB, preB] = splitPrerelease(b)
  return compareCanonicalDotted(coreA, coreB) || comparePrerelease(preA, preB)
}

/**
 * Total order over raw build strings: valid builds by precedence (equal canonical forms compare 0);
 * invalid builds sort before every valid one and among themselves by raw string.
 */
export function compareBuilds(a: string, b: string, scheme: BuildScheme): number {
  const pa = parseBuild(a, scheme)
  const pb = parseBuild(b, scheme)
  if (pa.ok && pb.ok) return compareCanonicalBuilds(pa.canonical, pb.canonical, scheme)
  if (pa.ok) return 1
  if (pb.ok) return -1
  return a < b ? -1 : a > b ? 1 : 0
}
