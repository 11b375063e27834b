/**
 * A Mermaid flowchart of lines (subgraphs, oldest first) and releases (nodes, solid arrows in release
 * order), with the cross-line upgrades that matter: for each release and each other line, the
 * lowest-build allowed upgrade (dotted arrow; red and labelled when it loses fixes) and, when lower
 * releases of that line are blocked, the first blocked one (dotted cross, labelled with the reason).
 *
 * Relies on the matrix order (from-build, then to-build). Large models are cut to the newest lines
 * and releases so the graph stays readable and under GitHub's Mermaid limits.
 */
import type { CheckResult, Release, Upgrade } from '../model.js'
import { mermaidEdgeLabel, mermaidLabel } from '../../markdown/escape.js'
import { releasesByLine } from './shared.js'

export interface MermaidOptions {
  /** Newest releases shown per line (default 6 when the model has more than 40 releases, else all). */
  maxReleasesPerLine?: number
  /** Newest lines shown (default 8 when the model has more than 40 releases, else all). */
  maxLines?: number
}

interface Shown {
  groups: { branch: string; isDefault: boolean; releases: Release[] }[]
  omitted: number
}

function shown(result: CheckResult, options: MermaidOptions): Shown {
  const big = result.releases.length > 40
  const perLine = options.maxReleasesPerLine ?? (big ? 6 : Infinity)
  const maxLines = options.maxLines ?? (big ? 8 : Infinity)
  const all = releasesByLine(result)
  const lines = all.slice(Math.max(0, all.length - maxLines))
  const groups = lines.map((g) => ({
    branch: g.line.branch,
    isDefault: g.line.isDefault,
    releases: g.releases.slice(Math.max(0, g.releases.length - perLine)),
  }))
  const count = groups.reduce((n, g) => n + g.releases.length, 0)
  return { groups, omitted: result.releases.length - count }
}

/** For each shown release and other shown line: the first upgrade onto that line and the first allowed one. */
function crossEdges(
  result: CheckResult,
  lineOf: Map<string, string>,
  ids: Map<string, string>,
): Upgrade[] {
  const firstAny = new Map<string, Upgrade>()
  const firstAllowed = new Map<string, Upgrade>()
  for (const u of result.upgrades) {
    if (!ids.has(u.from) || !ids.has(u.to)) continue
    const lf = lineOf.get(u.from)
    const lt = lineOf.get(u.to)
    if (lf === lt) continue
    const key = `${u.from}\u0000${lt}`
    if (!firstAny.has(key)) firstAny.set(key, u)
    if (u.allowed && !firstAllowed.has(key)) firstAllowed.set(key, u)
  }
  const edges: Upgrade[] = []
  for (const [key, u] of firstAny) {
    const allowed = firstAllowed.get(key)
    if (!u.allowed) edges.push(u)
    if (allowed) edges.push(allowed)
  }
  return edges
}

export function renderMermaid(result: CheckResult, options: MermaidOptions = {}): string {
  const { groups, omitted } = shown(result, options)
  const out = ['flowchart LR']
  if (omitted > 0) out.push(`  %% ${omitted} older releases not shown`)
  const ids = new Map<string, string>()
  const lineOf = new Map<string, string>()
  const lossy: number[] = []
  let edgeCount = 0
  groups.forEach((g, li) => {
    out.push(`  subgraph line${li}["${mermaidLabel(g.branch)}${g.isDefault ? ' (newest)' : ''}"]`)
    g.releases.forEach((r, ri) => {
      const id = `l${li}r${ri}`
      ids.set(r.name, id)
      lineOf.set(r.name, g.branch)
      const build =
        r.build === r.name || r.build === '' ? '' : `<br/>build ${mermaidLabel(r.build)}`
      out.push(`    ${id}["${mermaidLabel(r.name)}${build}"]${r.candidate ? ':::candidate' : ''}`)
    })
    for (let ri = 1; ri < g.releases.length; ri++) {
      out.push(`    l${li}r${ri - 1} --> l${li}r${ri}`)
      edgeCount++
    }
    out.push('  end')
  })
  for (const u of crossEdges(result, lineOf, ids)) {
    const from = ids.get(u.from) as string
    const to = ids.get(u.to) as string
    if (!u.allowed) out.push(`  ${from} -.-x|${mermaidEdgeLabel(u.reason)}| ${to}`)
    else if (u.losesFixes) {
      out.push(`  ${from} -.->|loses fixes| ${to}`)
      lossy.push(edgeCount)
    } else out.push(`  ${from} -.-> ${to}`)
    edgeCount++
  }
  if (lossy.length > 0) out.push(`  linkStyle ${lossy.join(',')} stroke:#d1242f,stroke-width:2px`)
  out.push('  classDef candidate stroke-dasharray: 5 5')
  return `${out.join('\n')}\n`
}
