/**
 * One upgrade-safety check of the repository named on the command line, in a process of its own
 * so that its peak memory can be measured (`/usr/bin/time -v`, or maxRSS here). Prints one JSON line.
 */
import { defaultConfig } from '../src/config/load.js'
import { Git, subcommand } from '../src/git/git.js'
import { checkRepository } from '../src/upgrade/discovery/check-repo.js'

const dir = process.argv[2] ?? '.'
const processes = new Map<string, number>()
const git = new Git({
  cwd: dir,
  observer: (args) =>
    void processes.set(subcommand(args), (processes.get(subcommand(args)) ?? 0) + 1),
})
const started = Date.now()
const check = await checkRepository(git, defaultConfig(), { prefer: 'local' })
const checkMs = Date.now() - started
const bySeverity = (s: string) => check.result.findings.filter((f) => f.severity === s).length
const fixLoss = check.result.findings.filter((f) => f.rule === 'fix-loss')
process.stdout.write(
  `${JSON.stringify({
    checkMs,
    timings: check.timings,
    pairs: check.pairs,
    releases: check.result.releases.length,
    lines: check.result.lines.length,
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    lostCommits: fixLoss.reduce(
      (n, f) => n + (f.severity === 'error' ? (f.commits?.length ?? 0) : 0),
      0,
    ),
    probablyPorted: fixLoss.filter((f) => f.severity === 'warning').length,
    processes: Object.fromEntries(processes),
    batchReads: check.discovery.batchReads,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
)
