/**
 * `upgrade.prereleases: warn`: a finding that names a prerelease (ReleaseInfo.prerelease: its tag
 * or build is `-rc1`, `.beta`...) is a warning, not an error, and says why. 'check' (and absent)
 * keeps every finding as it is; 'ignore' left prerelease tags out in discovery already. Pure.
 */
import type { Finding } from '../model.js'
import type { RuleContext } from './context.js'

export function softenPrereleases(ctx: RuleContext, findings: readonly Finding[]): Finding[] {
  if (ctx.options.prereleases !== 'warn') return [...findings]
  return findings.map((f) => {
    if (f.severity !== 'error') return f
    const pre = (f.releases ?? []).filter((n) => ctx.byName.get(n)?.prerelease === true)
    if (pre.length === 0) return f
    return {
      ...f,
      severity: 'warning',
      message: `${f.message} (a warning: ${pre.join(', ')} ${pre.length === 1 ? 'is a prerelease' : 'are prereleases'}, and upgrade.prereleases is warn)`,
    }
  })
}
