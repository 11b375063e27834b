/**
 * Waivers (`upgrade.waivers`): findings a team has judged harmless. Applied after every rule (and
 * after discovery problems are merged), pure, with "now" passed in.
 *
 * - A waiver matches a finding of its `rule` that names a release matching each of its `releases`
 *   selectors (selector.ts; the finding's `releases`, or, when it has none, release names written in
 *   its message) and each of its `ids` (written in the message as a whole word).
 * - A matched finding keeps its severity and gains `waived: { reason, until?, key }`: every format
 *   still shows it, marked waived; it no longer makes the conclusion a failure.
 * - A waiver past its `until` day (UTC, inclusive) does not apply: the finding counts again, and a
 *   `waiver` warning says it expired. A waiver that matches nothing is a `waiver` warning.
 */
import type { WaiverDeclaration } from '../config/types.js'
import type { CheckResult, Finding } from './model.js'
import { parseSelector, selects, type Selectable, type Selector } from './selector.js'
import { parseBuild, type BuildScheme } from './version.js'

/** Whether a finding fails the check: an error that is not waived. */
export function isFailing(f: Finding): boolean {
  return f.severity === 'error' && f.waived === undefined
}

export function conclusionOf(findings: readonly Finding[]): 'success' | 'failure' {
  return findings.some(isFailing) ? 'failure' : 'success'
}

/** Whether a waiver with this `until` (YYYY-MM-DD) has expired at `now`: after the end of that UTC day. */
export function isExpired(until: string | undefined, now: Date): boolean {
  if (until === undefined) return false
  const [y, m, d] = until.split('-').map(Number)
  return now.getTime() >= Date.UTC(y as number, (m as number) - 1, (d as number) + 1)
}

interface Active {
  waiver: WaiverDeclaration
  key: string
  selectors: Selector[]
  expired: boolean
  used: boolean
}

const WORD = /[A-Za-z0-9_]/

/** Whether `text` contains `token` not inside a longer name or ID ("1.2" is not in "1.20" or "v1.2.3"). */
export function namesToken(text: string, token: string): boolean {
  if (token === '') return false
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1] ?? ' '
    const after = text[at + token.length] ?? ' '
    const next = text[at + token.length + 1] ?? ' '
    const joinsBefore = WORD.test(before) || /[.\-/]/.test(before)
    const joinsAfter = WORD.test(after) || (/[.\-/]/.test(after) && WORD.test(next))
    if (!joinsBefore && !joinsAfter) return true
  }
  return false
}

function releasesNamed(f: Finding, all: readonly Selectable[]): Selectable[] {
  if (f.releases) return all.filter((r) => f.releases?.includes(r.name))
  return all.filter((r) => namesToken(f.message, r.name))
}

function matches(a: Active, f: Finding, all: readonly Selectable[], scheme: BuildScheme): boolean {
  if (f.rule !== a.waiver.rule) return false
  if (!(a.waiver.ids ?? []).every((id) => namesToken(f.message, id))) return false
  if (a.selectors.length === 0) return true
  const named = releasesNamed(f, all)
  return a.selectors.every((s) => named.some((r) => selects(s, r, scheme)))
}

function describe(w: WaiverDeclaration): string {
  const what = [...(w.releases ?? []), ...(w.ids ?? [])]
  return `${w.rule}${what.length > 0 ? ` ${what.join(', ')}` : ''}`
}

function waiverFinding(a: Active): Finding {
  const { waiver: w, key } = a
  const message = a.expired
    ? `waiver ${key} (${describe(w)}) expired on ${w.until}: it no longer applies and the findings ` +
      `it waived count again (its reason was ${JSON.stringify(w.reason)}); fix them or renew the waiver`
    : `waiver ${key} (${describe(w)}) matches no finding: remove it, or correct its rule, releases or ids`
  return { rule: 'waiver', severity: 'warning', message }
}

function activate(w: WaiverDeclaration, i: number, scheme: BuildScheme, now: Date): Active {
  const selectors: Selector[] = []
  for (const text of w.releases ?? []) {
    const parsed = parseSelector(text, scheme)
    // config load rejects bad selectors; one that slips through (a model built in code) selects nothing
    selectors.push(parsed.ok ? parsed.selector : { text, any: false, alternatives: [] })
  }
  return {
    waiver: w,
    key: `upgrade.waivers[${i}]`,
    selectors,
    expired: isExpired(w.until, now),
    used: false,
  }
}

/**
 * The result with matching findings waived, a `waiver` warning per expired or unused waiver
 * (appended), and the conclusion recomputed. Unchanged when there are no waivers.
 */
export function applyWaivers(
  result: CheckResult,
  waivers: readonly WaiverDeclaration[] | undefined,
  scheme: BuildScheme,
  now: Date = new Date(),
): CheckResult {
  if (!waivers || waivers.length === 0) return result
  const all: Selectable[] = result.releases.map((r) => {
    const parsed = parseBuild(r.build, scheme)
    return { name: r.name, tag: r.tag, build: parsed.ok ? parsed.canonical : undefined }
  })
  const active = waivers.map((w, i) => activate(w, i, scheme, now))
  const findings = result.findings.map((f) => {
    if (f.rule === 'waiver' || f.waived) return f
    const a = active.find((x) => !x.expired && matches(x, f, all, scheme))
    if (!a) return f
    a.used = true
    const { reason, until } = a.waiver
    return { ...f, waived: { reason, ...(until === undefined ? {} : { until }), key: a.key } }
  })
  for (const a of active) if (a.expired || !a.used) findings.push(waiverFinding(a))
  return { ...result, findings, conclusion: conclusionOf(findings) }
}
