import type { Config } from '../config/types.js'
import { maintainedLines, type ReleaseLine } from '../lines/window.js'

/**
 * The maintenance policy over release lines. Pure. The lines and the window themselves live in
 * src/lines/window.ts (shared with the backport job's supported-lines label).
 */
export { maintainedLines, orderLines, parseLsRemote, type ReleaseLine } from '../lines/window.js'

/**
 * The targets outside the maintenance window. `lines` are the release lines newest first (branch
 * names or {@link ReleaseLine}s). A target that is not a line at all is outside too.
 */
export function outsideWindow(
  targets: readonly string[],
  lines: readonly (ReleaseLine | string)[],
  config: Pick<Config, 'requests'>,
): string[] {
  const maintained = new Set(maintainedLines(lines, config))
  return targets.filter((t) => !maintained.has(t))
}

/**
 * The targets of a `/backport` comment that must go through approval instead: those outside the
 * window, unless `requests.approval` is `never`.
 */
export function targetsNeedingApproval(
  targets: readonly string[],
  lines: readonly (ReleaseLine | string)[],
  config: Pick<Config, 'requests'>,
): string[] {
  return config.requests.approval === 'never' ? [] : outsideWindow(targets, lines, config)
}
