/**
 * Expands the supported-lines label of a plan into targets: one `git ls-remote` for the release
 * lines (src/lines/discover.ts, the lines the backport-requests job sees), then the pure
 * {@link expandSupported}. The row it returns says what the label expanded to.
 */
import { messageOf } from '../errors.js'
import type { JobDeps } from '../jobs.js'
import { discoverLinesAndDefault } from '../lines/discover.js'
import { payloadDefaultBranch } from '../payload.js'
import type { BackportRow } from './report.js'
import { expandSupported } from './supported.js'
import type { TriggerPlan } from './triggers.js'
import { failed } from './validate.js'

export async function expandSupportedLabel(
  deps: JobDeps,
  plan: TriggerPlan,
  base: string,
): Promise<{ plan: TriggerPlan; rows: BackportRow[] }> {
  if (plan.action !== 'backport' || plan.supported === undefined) return { plan, rows: [] }
  const { supported: label, ...rest } = plan
  let expansion: ReturnType<typeof expandSupported>
  try {
    const found = await discoverLinesAndDefault(
      deps.git,
      deps.config,
      payloadDefaultBranch(deps.ctx.payload),
    )
    expansion = expandSupported(found.lines, deps.config, base, found.defaultBranch)
  } catch (error) {
    const message = `cannot list the release lines on origin: ${messageOf(error)}`
    deps.log.warning(`label ${label}: ${message}`)
    return { plan: rest, rows: [failed(label, message)] }
  }
  deps.log.info(`label ${label}: ${expansion.message}`)
  const added = expansion.targets
    .filter((target) => !rest.targets.some((t) => t.target === target))
    .map((target) => ({ target, label }))
  const row: BackportRow = {
    target: label,
    status: expansion.targets.length > 0 ? 'success' : 'skipped',
    message: expansion.message,
  }
  return { plan: { ...rest, targets: [...rest.targets, ...added] }, rows: [row] }
}
