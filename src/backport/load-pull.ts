/** The merged source PR a backport or forward-port works from: the event's copy, else one pulls.get. */
import { messageOf } from '../errors.js'
import { getPullRaw } from '../github/pulls.js'
import type { JobDeps } from '../jobs.js'
import { isComplete, parsePull, type PullInfo } from './source.js'

/**
 * PR `number`: from the event payload when `fromPayload` and the payload carries that PR whole
 * (pull_request events), else one pulls.get. A read that fails is a problem the caller reports.
 */
export async function loadPull(
  deps: JobDeps,
  number: number,
  fromPayload: boolean,
): Promise<{ pull: PullInfo } | { problem: string }> {
  const payloadPr = deps.ctx.payload.pull_request
  if (fromPayload && isComplete(payloadPr) && (payloadPr as { number?: unknown }).number === number)
    return parsePull(payloadPr)
  try {
    return parsePull(await getPullRaw(deps.github, deps.ctx.owner, deps.ctx.repo, number))
  } catch (error) {
    return { problem: `cannot read PR #${number}: ${messageOf(error)}` }
  }
}
