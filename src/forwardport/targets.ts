/**
 * Which lines a fix merged into `base` is forward-ported to: every line newer than `base` (the
 * release lines newest first, as src/lines orders them: `lines.patterns`, `lines.order`,
 * `lines.newest` or the default branch), or only the lines named, each of which must be newer. Pure.
 */
import type { RejectedTarget, TargetRequest } from '../backport/index.js'

export interface ForwardTargets {
  targets: TargetRequest[]
  rejected: RejectedTarget[]
  /** Why there is nothing to forward-port to at all (base not a line, or the newest line). */
  nothing?: string
}

/** `lines`: release line branches, newest first. `requested`: the lines named (none: every newer line). */
export function forwardTargets(
  lines: readonly string[],
  base: string,
  requested: readonly string[],
): ForwardTargets {
  const at = lines.indexOf(base)
  if (at < 0)
    return {
      targets: [],
      rejected: [],
      nothing: `${base} is not a release line (see lines.patterns in the config): there is no newer line to forward-port to`,
    }
  const newer = lines.slice(0, at)
  if (requested.length === 0) {
    if (newer.length === 0)
      return {
        targets: [],
        rejected: [],
        nothing: `${base} is the newest line: there is no newer line to forward-port to`,
      }
    // Oldest newer line first: the order a maintainer reviews them in.
    return { targets: [...newer].reverse().map((target) => ({ target })), rejected: [] }
  }
  const targets: TargetRequest[] = []
  const rejected: RejectedTarget[] = []
  for (const target of new Set(requested)) {
    if (newer.includes(target)) targets.push({ target })
    else if (target === base)
      rejected.push({ target, message: `the fix was merged into ${base} itself` })
    else if (lines.includes(target))
      rejected.push({
        target,
        message: `${target} is older than ${base}: use \`/backport ${target}\` to carry a fix to an older line`,
      })
    else
      rejected.push({
        target,
        message: `${target} is not a release line newer than ${base} (newer lines: ${newer.join(', ') || 'none'})`,
      })
  }
  return { targets, rejected }
}
