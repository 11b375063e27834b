/**
 * Release selectors: how `upgrade.compatibility` and `upgrade.waivers` name releases. Pure.
 *
 *   selector    := '*' | alternative ( '||' alternative )*
 *   alternative := comparator ( whitespace comparator )*    every comparator must hold
 *                | name                                     anything not starting with an operator
 *   comparator  := ( '>=' | '>' | '<=' | '<' | '=' ) build
 *
 * - `*` is every release.
 * - A name matches the release of that name or tag (`v1.2`, or `PR #12` for a candidate) and
 *   every release whose build equals it in canonical form (`1.2` matches the tag `v1.2` with build
 *   1.2, and `1.2.0` in the dotted scheme).
 * - A comparator compares builds in the configured scheme (dotted or semver, with its prerelease
 *   order): `>=1.2 <2.0` is every 1.x build from 1.2 on. A release with an invalid build matches no
 *   comparator.
 *
 * Hand-written rather than the `semver` package's ranges: the operands are dotted builds as often as
 * semver ones, and the comparison must be the scheme's own (compareCanonicalBuilds), the one the
 * upgrade matrix uses.
 */
import { compareCanonicalBuilds, parseBuild, type BuildScheme } from './version.js'

type Op = '>=' | '>' | '<=' | '<' | '='

interface Comparator {
  op: Op
  /** Canonical build. */
  build: string
}

type Alternative =
  { kind: 'range'; comparators: Comparator[] } | { kind: 'name'; name: string; build?: string }

export interface Selector {
  /** The selector as written. */
  text: string
  any: boolean
  alternatives: Alternative[]
}

/** A release as selectors see it: its name and canonical build (undefined when invalid). */
export interface Selectable {
  name: string
  /** Its tag, when it has one and it differs from the name. */
  tag?: string | undefined
  build: string | undefined
}

export type ParsedSelector = { ok: true; selector: Selector } | { ok: false; reason: string }

const COMPARATOR = /^(>=|<=|>|<|=)([^<>=\s]\S*)$/

function parseComparators(text: string, scheme: BuildScheme): Comparator[] | string {
  const out: Comparator[] = []
  // "> 1.2" is one comparator: join an operator standing alone with the operand after it.
  const tokens = text.split(/\s+/).filter((t) => t !== '')
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i] as string
    if (/^(>=|<=|>|<|=)$/.test(token) && i + 1 < tokens.length) token += tokens[++i] as string
    const m = COMPARATOR.exec(token)
    if (!m) return `"${token}" is not a comparison (>=, >, <=, < or = followed by a build)`
    const parsed = parseBuild(m[2] as string, scheme)
    if (!parsed.ok) return `in "${token}": ${parsed.reason} (scheme: ${scheme})`
    out.push({ op: m[1] as Op, build: parsed.canonical })
  }
  return out
}

/** Parses a selector for a build scheme; the reason names the part that is wrong. */
export function parseSelector(text: string, scheme: BuildScheme): ParsedSelector {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, reason: 'is empty' }
  if (trimmed === '*') return { ok: true, selector: { text, any: true, alternatives: [] } }
  const alternatives: Alternative[] = []
  for (const raw of trimmed.split('||')) {
    const part = raw.trim()
    if (part === '') return { ok: false, reason: `"${text}" has an empty alternative around ||` }
    if (/^[<>=]/.test(part)) {
      const comparators = parseComparators(part, scheme)
      if (typeof comparators === 'string') return { ok: false, reason: comparators }
      alternatives.push({ kind: 'range', comparators })
      continue
    }
    const parsed = parseBuild(part, scheme)
    alternatives.push(
      parsed.ok
        ? { kind: 'name', name: part, build: parsed.canonical }
        : { kind: 'name', name: part },
    )
  }
  return { ok: true, selector: { text, any: false, alternatives } }
}

function holds(c: Comparator, build: string, scheme: BuildScheme): boolean {
  const d = compareCanonicalBuilds(build, c.build, scheme)
  switch (c.op) {
    case '>=':
      return d >= 0
    case '>':
      return d > 0
    case '<=':
      return d <= 0
    case '<':
      return d < 0
    default:
      return d === 0
  }
}

export function selects(selector: Selector, release: Selectable, scheme: BuildScheme): boolean {
  if (selector.any) return true
  const { name, tag, build } = release
  return selector.alternatives.some((alt) => {
    if (alt.kind === 'name')
      return (
        alt.name === name ||
        alt.name === tag ||
        (alt.build !== undefined &&
          build !== undefined &&
          compareCanonicalBuilds(build, alt.build, scheme) === 0)
      )
    return build !== undefined && alt.comparators.every((c) => holds(c, build, scheme))
  })
}

/** The selectors of a config value that is one selector or a list of them. */
export function selectorList(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? [value] : [...value]
}
