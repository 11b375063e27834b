/** A Mermaid graph of lines and releases. */
import type { CheckResult } from '../model.js'

export function renderMermaid(result: CheckResult): string {
  return `graph LR\n${result.releases.map((r, i) => `  r${i}["${r.name}"]`).join('\n')}\n`
}
