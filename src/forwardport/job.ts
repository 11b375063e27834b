/**
 * The forward-port job: `/forwardport [line...]` on a PR merged into an older line opens a PR to
 * every newer line (or to the lines named) that lacks the fix, with the backport engine and
 * reporting (src/backport/run-targets.ts with the forward-port kind). Whether a line lacks the fix
 * is decided by evidence before any pick (src/backport/applied.ts): a line that has it is reported
 * "already applied" with the commit that proves it, and gets no PR.
 */
import {
  backportTargets,
  defaultEngine,
  failed,
  forwardportKind,
  outcome,
  loadPull,
  refuseNonWriter,
  reportOnPr,
  type BackportEngine,
  type BackportRow,
} from '../backport/index.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { discoverLines } from '../lines/discover.js'
import { payloadDefaultBranch } from '../payload.js'
import type { ForwardPortTrigger } from '../route.js'
import { forwardPortsOnRelease } from './release.js'
import { forwardTargets } from './targets.js'

export async function runForwardPortJob(
  deps: JobDeps,
  trigger: ForwardPortTrigger,
  engine: BackportEngine = defaultEngine,
): Promise<JobOutcome> {
  if (trigger.type === 'release')
    return forwardPortsOnRelease(deps, trigger.tag, (pr, lines) =>
      runForwardPortTargets(deps, pr, lines, engine),
    )
  const refusal = await checkCommandPermission(deps, trigger)
  if (refusal) return refusal
  return runForwardPortTargets(deps, trigger.pr, trigger.lines, engine)
}

/**
 * Forward-ports merged PR `prNumber` to `lines` (none: every line newer than its base that lacks
 * it). The entry point for other jobs (the dashboard's ticks), like runBackportTargets.
 */
export async function runForwardPortTargets(
  deps: JobDeps,
  prNumber: number,
  lines: readonly string[] = [],
  engine: BackportEngine = defaultEngine,
): Promise<JobOutcome> {
  const kind = forwardportKind(deps.config)
  const done = async (rows: BackportRow[]) =>
    outcome(prNumber, rows, [], await reportOnPr(deps, prNumber, rows, kind), kind)
  const loaded = await loadPull(deps, prNumber, false)
  if ('problem' in loaded)
    return outcome(prNumber, [failed(`#${prNumber}`, loaded.problem)], [], undefined, kind)
  const pull = loaded.pull
  if (!pull.merged)
    return done([
      {
        target: `#${prNumber}`,
        status: 'skipped',
        message: `#${prNumber} is not merged: forward-port it once it is merged`,
      },
    ])
  const payloadDefault = payloadDefaultBranch(deps.ctx.payload)
  const releaseLines = await discoverLines(deps.git, deps.config, payloadDefault)
  const names = releaseLines.map((l) => l.branch)
  const selection = forwardTargets(names, pull.source.baseRef, lines)
  deps.log.info(
    `forward-port of #${prNumber} from ${pull.source.baseRef}: lines newest first ${names.join(', ')}; targets ${selection.targets.map((t) => t.target).join(', ') || 'none'}`,
  )
  if (selection.nothing !== undefined)
    return done([{ target: pull.source.baseRef, status: 'skipped', message: selection.nothing }])
  const newest = releaseLines.find((l) => l.isDefault)?.branch ?? payloadDefault
  return backportTargets(deps, engine, pull, selection, {
    defaultBranch: () => Promise.resolve(newest),
    kind,
  })
}

/** Write permission or one reply; the refusal is the job's one skipped row. */
async function checkCommandPermission(
  deps: JobDeps,
  trigger: Extract<ForwardPortTrigger, { type: 'comment' }>,
): Promise<JobOutcome | undefined> {
  const message = await refuseNonWriter(deps, 'forwardport', trigger)
  if (message === undefined) return undefined
  const row: BackportRow = { target: '/forwardport', status: 'skipped', message }
  const kind = forwardportKind(deps.config)
  return { ...outcome(trigger.pr, [row], [], undefined, kind), conclusion: 'skipped' }
}
