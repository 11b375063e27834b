import type { Config } from '../config/types.js'
import { maintainedLines, type ReleaseLine } from './policy.js'
import type { Approval, Classification, TargetPlan } from './types.js'

/**
 * The seed's decision flow, per target (pure):
 *   is the target covered by the maintenance policy (inside the window)?
 *     no  -> backport exception request (release managers decide)
 *     yes -> security fix? security release : patch release
 * The approval requirement follows `requests.approval`: `outside-window` (exceptions only),
 * `always`, or `never`.
 */
export function classifyTargets(
  targets: readonly string[],
  lines: readonly (ReleaseLine | string)[],
  request: { security: boolean },
  config: Pick<Config, 'requests'>,
): TargetPlan[] {
  const maintained = new Set(maintainedLines(lines, config))
  return targets.map((target) => {
    const classification: Classification = !maintained.has(target)
      ? 'exception'
      : request.security
        ? 'security'
        : 'patch'
    return { target, classification, approval: approvalFor(classification, config) }
  })
}

export function approvalFor(
  classification: Classification,
  config: Pick<Config, 'requests'>,
): Approval {
  switch (config.requests.approval) {
    case 'never':
      return 'not-needed'
    case 'always':
      return 'pending'
    case 'outside-window':
      return classification === 'exception' ? 'pending' : 'not-needed'
  }
}

/** The labels a request issue carries for its plan (besides the request label). */
export function planLabels(
  plans: readonly TargetPlan[],
  config: Pick<Config, 'requests'>,
): { add: string[]; remove: string[] } {
  const l = config.requests.labels
  const byClass: Record<Classification, string> = {
    patch: l.patch,
    security: l.security,
    exception: l.exception,
  }
  const wanted = new Set<string>([l.request])
  for (const p of plans) if (p.approval !== 'rejected') wanted.add(byClass[p.classification])
  if (plans.some((p) => p.approval === 'pending')) wanted.add(l.awaitingApproval)
  const managed = [l.patch, l.security, l.exception, l.awaitingApproval]
  return { add: [...wanted], remove: managed.filter((m) => !wanted.has(m)) }
}
