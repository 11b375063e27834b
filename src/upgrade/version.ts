/**
 * Build numbers (DESIGN.md section 2, seeds/README.md).
 *
 * dotted (Delphix): a string of non-negative integers separated by periods, not all zero.
 * Compared numerically part by part; trailing zero parts are ignored ("1.0.0" equals "1"),
 * leading zeros are numeric ("01.2" equals "1.2"), "1.10" is after "1.2". No whitespace, no sign,
 * no empty part. Parts may be arbitrarily long: comparison works on digit strings, not floats.
 *
 * semver: SemVer 2.0.0 (no leading "v"); precedence per the spec, prerelease below release,
 * build metadata (`+...`) ignored for precedence and dropped from the canonical form.
 */

export type BuildScheme = 'dotted' | 'semver'

export type ParsedBuild =
  { ok: true; parts: number[]; canonical: string } | { ok: false; reason: string }

const DOTTED = /^[0-9]+(?:\.[0-9]+)*$/
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

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
  if (!DOTTED.test(raw)) {
    return {
      ok: false,
      reason: `build number ${describe(raw)} is not a string of non-negative integers separated by periods (e.g. "1.2")`,
    }
  }
  const canonical = canonicalDotted(raw)
  if (canonical === '0') return { ok: false, reason: `build number ${describe(raw)} is all zeros` }
  return { ok: true, parts: canonical.split('.').map(Number), canonical }
}

function parseSemver(raw: string): ParsedBuild {
  if (raw.length === 0) return { ok: false, reason: 'build number is empty' }
  const m = SEMVER.exec(raw)
  if (!m) {
    const hint = /^v\d/.test(raw) ? ' (drop the leading "v")' : ''
    return {
      ok: false,
      reason: `build number ${describe(raw)} is not a semantic version (e.g. "1.2.3")${hint}`,
    }
  }
  const [, major = '0', minor = '0', patch = '0', pre] = m
  const canonical = `${major}.${minor}.${patch}${pre === undefined ? '' : `-${pre}`}`
  return { ok: true, parts: [Number(major), Number(minor), Number(patch)], canonical }
}

/** Parse a raw build number for a scheme. Never throws. */
export function parseBuild(raw: string, scheme: BuildScheme): ParsedBuild {
  if (typeof raw !== 'string') return { ok: false, reason: 'build number is not a string' }
  return scheme === 'semver' ? parseSemver(raw) : parseDotted(raw)
}

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  const pa = a.split('.')
  const pb = b.split('.')
  const n = Math.min(pa.length, pb.length)
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string
    const y = pb[i] as string
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    let c: number
    if (xn && yn) c = compareDigits(x, y)
    else if (xn) c = -1
    else if (yn) c = 1
    else c = x < y ? -1 : x > y ? 1 : 0
    if (c !== 0) return c
  }
  return pa.length === pb.length ? 0 : pa.length < pb.length ? -1 : 1
}

/** Compare two canonical forms produced by parseBuild for the same scheme. */
export function compareCanonicalBuilds(a: string, b: string, scheme: BuildScheme): number {
  if (scheme === 'dotted') return compareCanonicalDotted(a, b)
  if (a === b) return 0
  const dashA = a.indexOf('-')
  const dashB = b.indexOf('-')
  const coreA = dashA < 0 ? a : a.slice(0, dashA)
  const coreB = dashB < 0 ? b : b.slice(0, dashB)
  const c = compareCanonicalDotted(coreA, coreB)
  if (c !== 0) return c
  return comparePrerelease(
    dashA < 0 ? undefined : a.slice(dashA + 1),
    dashB < 0 ? undefined : b.slice(dashB + 1),
  )
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
