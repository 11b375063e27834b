/**
 * migration-order (engine 'linear' only: engines that record the highest applied ID and run only IDs
 * above it): an allowed upgrade A -> X whose migrations to run include an ID below A's highest ID would
 * silently skip it. One finding per installed release, naming its lowest-build such upgrade and how many
 * more there are. The remedy depends on the engine (advice.ts).
 */
import type { Finding } from '../model.js'
import type { Matrix } from '../matrix.js'
import { migrationOrderAdvice } from './advice.js'
import { at, findRank, type ReleaseInfo, type RuleContext } from './context.js'

export function migrationOrder(ctx: RuleContext, matrix: Matrix): Finding[] {
  if (ctx.options.engine !== 'linear') return []
  const out: Finding[] = []
  const rs = ctx.byBuild
  for (const a of rs) {
    if (a.ids.length === 0) continue
    const highest = a.ids[a.ids.length - 1] as number
    let first: { x: ReleaseInfo; rank: number } | undefined
    let count = 0
    for (let j = a.buildPos + 1; j < rs.length; j++) {
      const x = rs[j] as ReleaseInfo
      if (!matrix.get(a, x)?.allowed) continue
      const rank = matrix.lowestToRun(a, x)
      if (rank < 0 || rank > highest) continue
      count++
      first ??= { x, rank }
    }
    if (!first) continue
    const m = first.x.migs[findRank(first.x.ids, first.rank)]
    const more =
      count > 1
        ? ` (and ${count - 1} more upgrade${count === 2 ? '' : 's'} from ${a.release.name})`
        : ''
    out.push({
      rule: 'migration-order',
      severity: 'error',
      message:
        `upgrading ${a.release.name} -> ${first.x.release.name} would skip ${ctx.idLabel[first.rank]} on a linear migration engine: ` +
        `it sorts below ${ctx.idLabel[highest]}, the highest ID ${a.release.name} has applied${more}; ` +
        migrationOrderAdvice(
          ctx.options,
          ctx.idLabel[first.rank] as string,
          ctx.idLabel[highest] as string,
          first.x.release.name,
        ),
      ...at(m?.location),
      releases: [a.release.name, first.x.release.name],
    })
  }
  return out
}
