/**
 * The supported-lines label (backport.supportedLabel, default `backport-supported`): its targets
 * are the lines of the maintenance window (`requests.window` / `requests.supportedLines`, the same
 * window the backport-requests job uses, src/lines/window.ts) that are older than the PR's base.
 * Pure: the job lists the lines (one ls-remote) and passes them in.
 */
import type { Config } from '../config/types.js'
import { maintainedLines } from '../lines/window.js'

export interface SupportedExpansion {
  /** The lines to backport to, newest first. */
  targets: string[]
  /** What the label expanded to and why, for the summary row (names are outside text: escape them). */
  message: string
}

/**
 * The supported lines older than `base`. `lines` are the release lines newest first. A base that
 * is not a release line counts as newer than every line when it is the default branch (a repository
 * with `lines.defaultBranch: false`); any other base yields nothing.
 */
export function expandSupported(
  lines: readonly { branch: string }[],
  config: Pick<Config, 'requests'>,
  base: string,
  defaultBranch: string | undefined,
): SupportedExpansion {
  const names = lines.map((l) => l.branch)
  const window = maintainedLines(names, config)
  const where = `maintenance window: ${window.length > 0 ? window.join(', ') : 'no lines'}`
  const baseIndex = names.indexOf(base)
  if (baseIndex < 0 && base !== defaultBranch)
    return {
      targets: [],
      message: `nothing to do: the base ${base} is not a release line, so no line is older than it (${where})`,
    }
  const targets = window.filter((line) => names.indexOf(line) > baseIndex)
  if (targets.length > 0)
    return {
      targets,
      message: `expanded to ${targets.join(', ')}: the supported lines older than ${base} (${where})`,
    }
  const oldest = window[window.length - 1]
  return {
    targets: [],
    message:
      oldest === base
        ? `nothing to do: ${base} is already the oldest supported line (${where})`
        : `nothing to do: no supported line is older than ${base} (${where})`,
  }
}
