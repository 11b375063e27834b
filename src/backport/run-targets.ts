/**
 * Backports one merged PR to validated targets, each in its own try/catch, then reports once:
 * the comment on the original PR (rows merged with an earlier run's), the job summary, the outcome.
 * One target: backport-one.ts; the comment: pr-report.ts; the outcome: job-outcome.ts.
 */
import { messageOf } from '../errors.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { listOpenMilestones } from '../github/milestones.js'
import { backportOne } from './backport-one.js'
import type { BackportEngine } from './engine.js'
import { REMOTE } from './engine.js'
import { outcome } from './job-outcome.js'
import { backportKind } from './kind.js'
import { onceMilestones } from './milestone.js'
import { reportOnPr } from './pr-report.js'
import type { BackportRow } from './report.js'
import type { PullInfo } from './source.js'
import type { RunOptions, TargetContext } from './target-context.js'
import type { RejectedTarget, TargetRequest } from './triggers.js'
import { failed, validateTargets } from './validate.js'
import type { PickPlan } from './types.js'

export type { RunOptions } from './target-context.js'

export async function backportTargets(
  deps: JobDeps,
  engine: BackportEngine,
  pull: PullInfo,
  selection: {
    targets: readonly TargetRequest[]
    rejected: readonly RejectedTarget[]
    /** Rows about the request itself (what the supported-lines label expanded to), shown first. */
    notes?: readonly BackportRow[]
  },
  options: RunOptions,
): Promise<JobOutcome> {
  const source = pull.source
  const rows: BackportRow[] = [
    ...(selection.notes ?? []),
    ...selection.rejected.map((r) => failed(r.target, r.message)),
  ]
  const kind = options.kind ?? backportKind(deps.config)
  const validation = await validateTargets(deps, engine, {
    kind,
    source: source.number,
    baseRef: source.baseRef,
    requests: selection.targets,
    defaultBranch: options.defaultBranch,
  })
  rows.push(...validation.rows)
  for (const row of validation.rows) deps.log.info(`${row.target}: ${row.status}: ${row.message}`)
  const ctx: TargetContext = {
    deps,
    engine,
    pull,
    plan: once(() =>
      planAndLog(
        deps,
        engine,
        pull,
        validation.valid.map((t) => t.target),
      ),
    ),
    options,
    created: [],
    kind,
    milestones: onceMilestones(() =>
      listOpenMilestones(deps.github, deps.ctx.owner, deps.ctx.repo),
    ),
  }
  for (const target of validation.valid) {
    let row: BackportRow
    try {
      row = await backportOne(ctx, target)
    } catch (error) {
      if (error instanceof Error && error.cause instanceof Error)
        deps.log.debug(`${target.target}: ${error.message}; caused by: ${error.cause.message}`)
      row = failed(
        target.target,
        `${target.label !== undefined ? `label ${target.label}: ` : ''}${messageOf(error)}`,
      )
    }
    deps.log.info(`${row.target}: ${row.status}: ${row.message}`)
    rows.push(row)
  }
  const ordered = inRequestOrder(rows, selection.targets)
  return outcome(
    source.number,
    ordered,
    ctx.created,
    await reportOnPr(deps, source.number, ordered, kind),
    kind,
    deps.config.backport.failOnConflict,
  )
}

/** Rejected labels/arguments first, then the targets in the order they were asked for. */
function inRequestOrder(
  rows: readonly BackportRow[],
  targets: readonly TargetRequest[],
): BackportRow[] {
  const index = (row: BackportRow) => targets.findIndex((t) => t.target === row.target)
  return [...rows].sort((a, b) => index(a) - index(b))
}

async function planAndLog(
  deps: JobDeps,
  engine: BackportEngine,
  pull: PullInfo,
  targets: readonly string[],
): Promise<PickPlan> {
  const plan = await engine.planPicks(deps.git, pull.source, {
    mergeCommits: deps.config.backport.mergeCommits,
    remote: REMOTE,
    targets,
  })
  deps.log.info(
    `commit selection for #${pull.source.number}: ${plan.explanation} (${plan.commits.map((c) => c.slice(0, 12)).join(', ')})`,
  )
  return plan
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= fn())
}
