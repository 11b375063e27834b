/** Terminal output. */
import type { CheckResult } from '../model.js'

export function renderText(result: CheckResult): string {
  const lines = [`fixline upgrade-safety: ${result.conclusion.toUpperCase()}`]
  for (const f of result.findings) lines.push(`  ${f.severity} ${f.rule} ${f.message}`)
  return `${lines.join('\n')}\n`
}
