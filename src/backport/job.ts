import { payloadDefaultBranch } from '../payload.js'
/**
 * The backport job: from a trigger (merge, label, `/backport` comment, dispatch) to backport PRs,
 * one comment on the original PR, a job summary and outputs.
 */
import type { JobDeps, JobOutcome } from '../jobs.js'
import { replyOnce } from '../github/comments.js'
import { addLabels } from '../github/labels.js'
import type { BackportTrigger } from '../route.js'
import { refuseNonWriter } from './command-permission.js'
import { defaultEngine } from './default-engine.js'
import type { BackportEngine } from './engine.js'
import type { BackportRow } from './report.js'
import { messageOf } from '../errors.js'
import { prose } from '../markdown/escape.js'
import { outcome } from './job-outcome.js'
import { reportOnPr } from './pr-report.js'
import { backportTargets } from './run-targets.js'
import { loadPull } from './load-pull.js'
import type { PullInfo } from './source.js'
import { expandSupportedLabel } from './supported-plan.js'
import { planTrigger, targetsFromArgs, type TriggerPlan } from './triggers.js'
import { failed, validateTargets } from './validate.js'

/**
 * Decisions the backport job leaves to its caller (main.ts wires them), so that it never reaches
 * into another job's code.
 */
export interface BackportHooks {
  /**
   * `/backport` to lines outside the maintenance window waits for a release manager: returns the
   * plan without the held targets (the backport-requests job's `holdForApproval`).
   */
  holdForApproval?: (
    deps: JobDeps,
    pr: number,
    user: string,
    plan: TriggerPlan,
  ) => Promise<TriggerPlan>
}

export async function runBackportJob(
  deps: JobDeps,
  trigger: BackportTrigger,
  hooks: BackportHooks = {},
  engine: BackportEngine = defaultEngine,
): Promise<JobOutcome> {
  if (trigger.type === 'comment') {
    const refusal = await checkCommandPermission(deps, trigger)
    if (refusal) return refusal
  }
  const loaded = await loadPull(
    deps,
    trigger.pr,
    trigger.type === 'merged' || trigger.type === 'labeled',
  )
  if ('problem' in loaded)
    return outcome(trigger.pr, [failed(`#${trigger.pr}`, loaded.problem)], [])
  const pull = loaded.pull
  // The supported-lines label becomes its targets (inside the window) before any hold for approval.
  const { plan: planned, rows: expansion } = await expandSupportedLabel(
    deps,
    planTrigger(
      trigger,
      { merged: pull.merged, state: pull.state, labels: pull.labels },
      deps.config.backport.labels,
      trigger.pr,
      deps.config.backport.supportedLabel,
    ),
    pull.source.baseRef,
  )
  const plan =
    trigger.type === 'comment' && hooks.holdForApproval
      ? await hooks.holdForApproval(deps, trigger.pr, trigger.user, planned)
      : planned
  const defaultBranch = defaultBranchLookup(deps)
  switch (plan.action) {
    case 'skip':
      return skip(deps, trigger, plan)
    case 'add-labels':
      return labelOpenPr(deps, engine, pull, plan, defaultBranch)
    case 'backport':
      return backportTargets(deps, engine, pull, { ...plan, notes: expansion }, { defaultBranch })
  }
}

/**
 * Backports `prNumber` to the given target branches with the same engine (used by the
 * backport-requests job for approved requests). The PR must be merged.
 */
export async function runBackportTargets(
  deps: JobDeps,
  prNumber: number,
  targets: string[],
  options: { requestIssue?: number } = {},
  engine: BackportEngine = defaultEngine,
): Promise<JobOutcome> {
  const loaded = await loadPull(deps, prNumber, false)
  if ('problem' in loaded) return outcome(prNumber, [failed(`#${prNumber}`, loaded.problem)], [])
  if (!loaded.pull.merged)
    return outcome(
      prNumber,
      targets.map((t) =>
        failed(t, `PR #${prNumber} is not merged: there is nothing to backport yet`),
      ),
      [],
    )
  return backportTargets(deps, engine, loaded.pull, targetsFromArgs(targets), {
    defaultBranch: defaultBranchLookup(deps),
    ...(options.requestIssue !== undefined ? { requestIssue: options.requestIssue } : {}),
  })
}

/** The default branch from the payload's repository, else one repos.get; asked only when needed. */
function defaultBranchLookup(deps: JobDeps): () => Promise<string | undefined> {
  let cached: Promise<string | undefined> | undefined
  return () =>
    (cached ??= (async () => {
      const fromPayload = payloadDefaultBranch(deps.ctx.payload)
      if (fromPayload !== undefined) return fromPayload
      const { data } = await deps.github.rest.repos.get({
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
      })
      return data.default_branch
    })())
}

/** Write permission or one reply; the refusal is the job's one skipped row. */
async function checkCommandPermission(
  deps: JobDeps,
  trigger: Extract<BackportTrigger, { type: 'comment' }>,
): Promise<JobOutcome | undefined> {
  const message = await refuseNonWriter(deps, 'backport', trigger)
  if (message === undefined) return undefined
  const row: BackportRow = { target: '/backport', status: 'skipped', message }
  return { ...outcome(trigger.pr, [row], []), conclusion: 'skipped' }
}

async function skip(
  deps: JobDeps,
  trigger: BackportTrigger,
  plan: { reason: string; tell: boolean; failed: boolean },
): Promise<JobOutcome> {
  deps.log.info(`nothing to backport: ${plan.reason}`)
  if (plan.failed) return outcome(trigger.pr, [failed(`#${trigger.pr}`, plan.reason)], [])
  if (plan.tell && trigger.type === 'comment' && !deps.dryRun)
    await replyTo(deps, trigger, `\`/backport\`: ${prose(plan.reason, 2_000)}.`)
  return {
    ...outcome(trigger.pr, [], []),
    summary: `fixline (backport): ${prose(plan.reason, 2_000)}\n`,
  }
}

/** `/backport 1.x` on an open PR: label it so that the merge triggers the backports. */
async function labelOpenPr(
  deps: JobDeps,
  engine: BackportEngine,
  pull: PullInfo,
  plan: {
    labels: Array<{ target: string; label: string }>
    rejected: Array<{ target: string; message: string }>
  },
  defaultBranch: () => Promise<string | undefined>,
): Promise<JobOutcome> {
  const number = pull.source.number
  const rows: BackportRow[] = plan.rejected.map((r) => failed(r.target, r.message))
  const validation = await validateTargets(deps, engine, {
    source: number,
    baseRef: pull.source.baseRef,
    requests: plan.labels.map((l) => ({ target: l.target })),
    defaultBranch,
  })
  rows.push(...validation.rows)
  const labels = plan.labels.filter((l) => validation.valid.some((v) => v.target === l.target))
  for (const { target, label } of labels)
    rows.push({
      target,
      status: 'pending',
      message: `label ${label} added: the backport to ${target} runs when #${number} is merged`,
    })
  for (const row of rows) deps.log.info(`${row.target}: ${row.status}: ${row.message}`)
  if (!deps.dryRun && labels.length > 0) {
    try {
      await addLabels(
        deps.github,
        deps.ctx.owner,
        deps.ctx.repo,
        number,
        labels.map((l) => l.label),
      )
    } catch (error) {
      const message = `could not add the labels ${labels.map((l) => l.label).join(', ')}: ${messageOf(error)}`
      for (const row of rows)
        if (row.status === 'pending') Object.assign(row, failed(row.target, message))
    }
  }
  return outcome(number, rows, [], await reportOnPr(deps, number, rows))
}

/** fixline's one reply to a `/backport` comment (a re-delivery or a lost answer posts no second). */
async function replyTo(
  deps: JobDeps,
  trigger: Extract<BackportTrigger, { type: 'comment' }>,
  body: string,
): Promise<void> {
  await replyOnce(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue: trigger.pr,
    key: `backport-${trigger.commentId}`,
    body,
    author: deps.botLogin,
    warn: (m) => deps.log.warning(m),
  })
}
