/**
 * Load-time checks of `upgrade.compatibility` and `upgrade.waivers` beyond the JSON schema: selector
 * syntax for the configured build scheme, rule ids, dates. Each problem has its key path. Names that
 * match no release are not known here (no repository yet): the check reports them as warnings.
 */
import { RULE_IDS } from '../upgrade/check.js'
import { parseSelector } from '../upgrade/selector.js'
import type { BuildScheme } from '../upgrade/version.js'
import type { CompatibilityDeclaration, Config, ConfigProblem, WaiverDeclaration } from './types.js'

/** Rules a waiver may name: every rule but `waiver` itself (a waiver cannot waive waivers). */
export const WAIVABLE_RULES: readonly string[] = RULE_IDS.filter((r) => r !== 'waiver')

/** Whether `text` (YYYY-MM-DD) is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === text
}

function selectorProblems(
  path: string,
  value: string | readonly string[],
  scheme: BuildScheme,
): ConfigProblem[] {
  const list =
    typeof value === 'string'
      ? [[path, value] as const]
      : value.map((v, i) => [`${path}[${i}]`, v] as const)
  const out: ConfigProblem[] = []
  for (const [p, text] of list) {
    const parsed = parseSelector(text, scheme)
    if (!parsed.ok) out.push({ path: p, message: `is not a release selector: ${parsed.reason}` })
  }
  return out
}

function compatibilityProblems(
  list: readonly CompatibilityDeclaration[],
  scheme: BuildScheme,
): ConfigProblem[] {
  return list.flatMap((d, i) => [
    ...selectorProblems(`upgrade.compatibility[${i}].from`, d.from, scheme),
    ...selectorProblems(`upgrade.compatibility[${i}].to`, d.to, scheme),
  ])
}

function waiverProblems(list: readonly WaiverDeclaration[], scheme: BuildScheme): ConfigProblem[] {
  const out: ConfigProblem[] = []
  list.forEach((w, i) => {
    const path = `upgrade.waivers[${i}]`
    if (!WAIVABLE_RULES.includes(w.rule))
      out.push({ path: `${path}.rule`, message: `must be one of ${WAIVABLE_RULES.join(', ')}` })
    if (!w.releases && !w.ids)
      out.push({
        path,
        message: 'needs "releases" or "ids": a waiver names the findings it waives',
      })
    if (w.releases) out.push(...selectorProblems(`${path}.releases`, w.releases, scheme))
    if (w.until !== undefined && !isCalendarDate(w.until))
      out.push({ path: `${path}.until`, message: `"${w.until}" is not a date (YYYY-MM-DD)` })
  })
  return out
}

export function declarationProblems(config: Config): ConfigProblem[] {
  const { scheme, compatibility, waivers } = config.upgrade
  return [...compatibilityProblems(compatibility, scheme), ...waiverProblems(waivers, scheme)]
}
