/** `fixline plan` output: lines newest first, the maintenance window, releases per line, the upgrade matrix. Pure. */
import type { Config } from '../config/types.js'
import { maintainedLines } from '../lines/window.js'
import type { CheckResult, Line, Upgrade } from '../upgrade/model.js'

/** Lines newest first: the default branch, then by version descending. */
export function newestFirst(lines: readonly Line[]): Line[] {
  return [...lines].reverse()
}

/** Branches inside the maintenance window, as the backport jobs decide it (src/lines/window.ts). */
function supportedLines(lines: readonly Line[], config: Config): Set<string> {
  return new Set(
    maintainedLines(
      newestFirst(lines).map((l) => l.branch),
      config,
    ),
  )
}

const MATRIX_MAX = 30

export function renderPlan(result: CheckResult, config: Config): string {
  const out: string[] = []
  const window = supportedLines(result.lines, config)
  const policy =
    config.requests.supportedLines.length > 0
      ? `supportedLines: ${config.requests.supportedLines.join(', ')}`
      : `the newest ${config.requests.window} line(s)`
  out.push(`Release lines (newest first); maintenance window: ${policy}`)
  for (const line of newestFirst(result.lines)) {
    const releases = result.releases.filter((r) => r.line === line.branch)
    const mark = window.has(line.branch) ? 'supported' : 'outside window'
    out.push(
      `  ${line.branch}${line.isDefault ? ' (default branch)' : ''}: ${mark}, tip ${line.tip.slice(0, 7)}, ${releases.length} release(s)`,
    )
    for (const r of releases)
      out.push(
        `    ${r.name}  build ${r.build || '?'}  ${r.migrations.length} migration(s)${r.candidate ? '  (candidate)' : ''}`,
      )
  }
  out.push('')
  out.push(...renderMatrix(result))
  return out.join('\n') + '\n'
}

function cell(u: Upgrade | undefined): string {
  if (!u) return '-'
  if (u.losesFixes) return '!'
  return u.allowed ? 'Y' : 'x'
}

/** A from x to grid (Y allowed, x blocked, ! allowed but loses fixes, - not an upgrade), or a list when large. */
export function renderMatrix(result: CheckResult): string[] {
  const names = result.releases.map((r) => r.name)
  const byPair = new Map(result.upgrades.map((u) => [`${u.from}\0${u.to}`, u]))
  if (names.length > MATRIX_MAX) {
    const notable = result.upgrades.filter((u) => !u.allowed || u.losesFixes)
    return [
      `Upgrade matrix: ${result.upgrades.length} upgrade(s) between ${names.length} releases; ${notable.length} blocked or losing fixes:`,
      ...notable.slice(0, 200).map((u) => `  ${u.from} -> ${u.to}: ${u.reason}`),
    ]
  }
  const width = Math.max(4, ...names.map((n) => n.length))
  const pad = (s: string) => s.padEnd(width)
  const rows = [
    `Upgrade matrix (row: installed, column: upgrade to; Y allowed, x blocked, ! loses fixes)`,
    `${pad('')} ${names.map(pad).join(' ')}`,
  ]
  for (const from of names)
    rows.push(
      `${pad(from)} ${names.map((to) => pad(from === to ? '.' : cell(byPair.get(`${from}\0${to}`)))).join(' ')}`,
    )
  const notes = result.upgrades.filter((u) => !u.allowed || u.losesFixes)
  if (notes.length > 0) rows.push('', ...notes.map((u) => `  ${u.from} -> ${u.to}: ${u.reason}`))
  return rows
}
