/**
 * One fix audit of the repository named on the command line (optionally with `lines.patterns`
 * given as a JSON array), in a process of its own so that its peak memory can be measured
 * (`/usr/bin/time -v`, or maxRSS here). Prints one JSON line.
 */
import { auditLines } from '../src/audit/index.js'
import { renderAuditMarkdown } from '../src/cli/audit-render.js'
import { parseConfig } from '../src/config/load.js'
import { Git, subcommand } from '../src/git/git.js'

const dir = process.argv[2] ?? '.'
const patterns = process.argv[3] ? (JSON.parse(process.argv[3]) as string[]) : undefined
const config = parseConfig(patterns ? JSON.stringify({ lines: { patterns } }) : undefined)
const processes = new Map<string, number>()
const git = new Git({
  cwd: dir,
  observer: (args) =>
    void processes.set(subcommand(args), (processes.get(subcommand(args)) ?? 0) + 1),
})
const started = Date.now()
const report = await auditLines(git, config, { prefer: 'local' })
const auditMs = Date.now() - started
const renderStart = Date.now()
const markdown = renderAuditMarkdown(report)
const renderMs = Date.now() - renderStart
process.stdout.write(
  `${JSON.stringify({
    auditMs,
    renderMs,
    markdownChars: markdown.length,
    lines: report.lines.map((l) => l.branch),
    pairs: report.stats.linePairs ?? 0,
    commitsCompared: report.stats.commitsCompared,
    gitProcesses: report.stats.gitProcesses,
    processes: Object.fromEntries(processes),
    missing: report.fixes.filter((f) => f.missingOn.length > 0).length,
    missingRows: report.fixes.reduce((n, f) => n + f.missingOn.length, 0),
    decided: report.fixes.filter((f) => f.decided.length > 0).length,
    probable: report.probable?.length ?? 0,
    warnings: report.warnings.length,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
