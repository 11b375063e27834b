/** Markdown for the job summary and the check run. */
import type { CheckResult } from '../model.js'
import { renderMermaid } from './mermaid.js'

export function renderMarkdown(result: CheckResult): string {
  return `## fixline / upgrade-safety: ${result.conclusion}\n\n\`\`\`mermaid\n${renderMermaid(result)}\`\`\`\n`
}
