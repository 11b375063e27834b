/**
 * The upgrade-safety conclusion of each line's newest release, from one upgrade-safety check of
 * the repository (src/upgrade). Pure.
 */
import type { CheckResult } from '../upgrade/model.js'
import { isFailing } from '../upgrade/waivers.js'
import type { LineSafety } from './view.js'

/**
 * For each line: its newest published release (the last of the line in model order; candidate
 * release PRs are not releases) fails when an unwaived error finding names it, else passes.
 */
export function lineSafety(result: CheckResult, lines: readonly string[]): LineSafety[] {
  return lines.map((line) => {
    const releases = result.releases.filter((r) => r.line === line && !r.candidate)
    const newest = releases[releases.length - 1]
    if (!newest) return { line, release: undefined, conclusion: 'none' }
    const fails = result.findings.some(
      (f) => isFailing(f) && (f.releases ?? []).includes(newest.name),
    )
    return { line, release: newest.name, conclusion: fails ? 'failure' : 'success' }
  })
}
