import { messageOf } from '../errors.js'
/**
 * Backports one merged PR to validated targets, each in its own try/catch, then reports once:
 * the comment on the original PR (rows merged with an earlier run's), the job summary, the outcome.
 */
import { commentIdentity, type CreatedPullRequest, type JobDeps, type JobOutcome } from '../jobs.js'
import { upsertMarkedComment } from '../github/comments.js'
import { describeApplied } from './applied.js'
import { listOpenMilestones, type MilestoneSummary } from '../github/milestones.js'
import type { BackportEngine } from './engine.js'
import { onceMilestones } from './milestone.js'
import { backportKind, portBranchName, prConfig, type PortKind } from './kind.js'
import { conflictRowText } from './conflict-hint.js'
import { withPrerequisitePrs } from './prerequisite-prs.js'
import { REMOTE } from './engine.js'
import type { PullSummary } from '../github/pulls.js'
import { findBackportPr, openBackportPr } from './pr.js'
import {
  mergeRows,
  parseCommentRows,
  renderComment,
  renderPrBody,
  renderSummary,
  type BackportRow,
} from './report.js'
import type { PullInfo } from './source.js'
import type { RejectedTarget, TargetRequest } from './triggers.js'
import { failed, validateTargets, type ValidTarget } from './validate.js'
import type { BranchOutcome, PickPlan } from './types.js'

export interface RunOptions {
  requestIssue?: number
  /** Backport (the default) or forward-port: branch, title, labels, comment (kind.ts). */
  kind?: PortKind
  defaultBranch: () => Promise<string | undefined>
}

interface TargetContext {
  deps: JobDeps
  engine: BackportEngine
  pull: PullInfo
  plan: () => Promise<PickPlan>
  options: RunOptions
  created: CreatedPullRequest[]
  kind: PortKind
  /** The open milestones, listed at most once per run (copyMilestone: target-line). */
  milestones: () => Promise<MilestoneSummary[]>
}

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
    plan: once(() => planAndLog(deps, engine, pull)),
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
): Promise<PickPlan> {
  const plan = await engine.planPicks(deps.git, pull.source, {
    mergeCommits: deps.config.backport.mergeCommits,
    remote: REMOTE,
  })
  deps.log.info(
    `commit selection for #${pull.source.number}: ${plan.explanation} (${plan.commits.map((c) => c.slice(0, 12)).join(', ')})`,
  )
  return plan
}

/** What an earlier run left: its PR (open, merged or closed) decides; no PR means rebuild and force-push. */
async function existingBranchRow(
  ctx: TargetContext,
  target: ValidTarget,
): Promise<BackportRow | undefined> {
  const { deps, kind } = ctx
  const existing = await findBackportPr(deps.github, deps.ctx.owner, deps.ctx.repo, target.branch)
  if (!existing) return undefined
  const pullRequest = { number: existing.number, url: existing.url }
  const row = (status: BackportRow['status'], message: string): BackportRow => ({
    target: target.target,
    status,
    message,
    pullRequest,
  })
  if (existing.state === 'open')
    return row('updated', `${kind.noun} PR already open from ${target.branch}; nothing pushed`)
  if (existing.merged)
    return row('already-applied', `the ${kind.noun} PR was merged into ${target.target}`)
  return row(
    'skipped',
    `${kind.noun} PR #${existing.number} was closed without merging; to retry, delete the branch ${target.branch} and run again (for example comment \`/${kind.name} ${target.target}\`)`,
  )
}

async function backportOne(ctx: TargetContext, target: ValidTarget): Promise<BackportRow> {
  const { deps, pull } = ctx
  const force = target.existingHead !== undefined
  if (force) {
    const earlier = await existingBranchRow(ctx, target)
    if (earlier) return earlier
  }
  const plan = await ctx.plan()
  const request = {
    pr: pull.source,
    target: target.target,
    branch: target.branch,
    plan,
    remote: REMOTE,
  }
  const prepared = await ctx.engine.prepareBranch(deps.git, request, {
    conflicts: deps.config.backport.conflicts,
  })
  const outcome =
    prepared.status === 'conflict'
      ? await withPrerequisitePrs(
          {
            github: deps.github,
            owner: deps.ctx.owner,
            repo: deps.ctx.repo,
            serverUrl: deps.ctx.serverUrl,
            sourceBranch: pull.source.baseRef,
            branchOf: (n) => portBranchName(ctx.kind, n, target.target),
          },
          prepared,
        )
      : prepared
  if (outcome.status === 'already-applied')
    return {
      target: target.target,
      status: 'already-applied',
      message: outcome.alreadyApplied?.length
        ? `every commit is already on ${target.target}: ${describeApplied(outcome.alreadyApplied, target.target)}`
        : `every commit is already on ${target.target} (the picks came out empty)`,
    }
  if (deps.dryRun) return dryRunRow(target, outcome)
  if (outcome.status === 'conflict' && !outcome.markersCommitted)
    return conflictCommentRow(target, outcome)
  await ctx.engine.pushBranch(
    deps.git,
    REMOTE,
    target.branch,
    force ? { force, expectedSha: target.existingHead as string } : { force },
  )
  return openPr(ctx, target, plan, outcome)
}

async function openPr(
  ctx: TargetContext,
  target: ValidTarget,
  plan: PickPlan,
  outcome: PushedOutcome,
): Promise<BackportRow> {
  const opened = await openOrFindPr(ctx, target, prBody(ctx, target, plan, outcome), outcome)
  if (!('warnings' in opened))
    return {
      target: target.target,
      status: 'updated',
      message: `${ctx.kind.noun} PR already open from ${target.branch} (opened concurrently)`,
      pullRequest: { number: opened.number, url: opened.url },
    }
  const { pull: created, warnings } = opened
  if (created.recovered)
    ctx.deps.log.info(
      `${target.target}: GitHub's answer to opening the PR was lost; found #${created.number}, which this run opened`,
    )
  for (const warning of warnings) ctx.deps.log.warning(warning)
  ctx.created.push({
    number: created.number,
    url: created.url,
    target: target.target,
    draft: created.draft,
  })
  return createdRow(target, outcome, { number: created.number, url: created.url }, warnings)
}

type PushedOutcome = Exclude<BranchOutcome, { status: 'already-applied' }>

function prBody(
  ctx: TargetContext,
  target: ValidTarget,
  plan: PickPlan,
  outcome: PushedOutcome,
): string {
  const { requestIssue } = ctx.options
  return renderPrBody({
    noun: ctx.kind.noun,
    source: { number: ctx.pull.source.number, title: ctx.pull.source.title },
    sourceBranch: ctx.pull.source.baseRef,
    target: target.target,
    plan,
    outcome,
    ...(requestIssue !== undefined ? { requestIssue } : {}),
  })
}

/** Opens the backport PR; when a concurrent run opened it first, returns that open PR instead. */
async function openOrFindPr(
  ctx: TargetContext,
  target: ValidTarget,
  body: string,
  outcome: PushedOutcome,
): Promise<Awaited<ReturnType<typeof openBackportPr>> | PullSummary> {
  const { deps, pull } = ctx
  return openBackportPr({
    github: deps.github,
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    config: prConfig(deps.config.backport, ctx.kind),
    source: pull,
    target: target.target,
    branch: target.branch,
    body,
    conflict: outcome.status === 'conflict',
    botLogin: deps.botLogin,
    milestones: ctx.milestones,
  }).catch(async (error: unknown) => {
    // A concurrent run (the same delivery twice, or merge and label at once) opened it first.
    if (!/already exists/i.test(messageOf(error))) throw error
    const existing = await findBackportPr(deps.github, deps.ctx.owner, deps.ctx.repo, target.branch)
    if (existing?.state !== 'open') throw error
    return existing
  })
}

/** The row for a PR this run opened: a conflict (draft with markers) or the picked commits. */
function createdRow(
  target: ValidTarget,
  outcome: PushedOutcome,
  pullRequest: { number: number; url: string },
  warnings: readonly string[],
): BackportRow {
  const extra = warnings.length > 0 ? ` (${warnings.join('; ')})` : ''
  if (outcome.status === 'conflict') {
    const files = conflictRowText(outcome, target.target)
    return {
      target: target.target,
      status: 'conflict',
      message: `draft PR: conflict in ${files}; finish it on ${target.branch} as its description says${extra}`,
      pullRequest,
    }
  }
  const picked = outcome.commits.filter((c) => c.result !== undefined).length
  return {
    target: target.target,
    status: 'created',
    message: `${picked} commit(s) cherry-picked${extra}`,
    pullRequest,
  }
}

function conflictCommentRow(
  target: ValidTarget,
  outcome: Extract<BranchOutcome, { status: 'conflict' }>,
): BackportRow {
  return {
    target: target.target,
    status: 'conflict',
    message: `cherry-picking ${outcome.failed.sha.slice(0, 12)} conflicted in ${conflictRowText(outcome, target.target)}; no PR opened: finish by hand with the steps below`,
    steps: outcome.resumeCommands,
  }
}

function dryRunRow(target: ValidTarget, outcome: PushedOutcome): BackportRow {
  if (outcome.status === 'conflict')
    return {
      target: target.target,
      status: 'conflict',
      message: `dry run: would conflict in ${conflictRowText(outcome, target.target)}; nothing pushed`,
      steps: outcome.resumeCommands,
    }
  return {
    target: target.target,
    status: 'pending',
    message: `dry run: would push ${target.branch} (${outcome.commits.length} commit(s)) and open a PR`,
  }
}

/** How the report on the original PR went: notes for the job summary, and whether it failed. */
export interface PrReport {
  notes: string[]
  /** The comment could not be written: the people who asked see nothing, so the job fails. */
  failure?: string
}

/** Updates the one comment on the original PR. */
export async function reportOnPr(
  deps: JobDeps,
  source: number,
  rows: readonly BackportRow[],
  kind: PortKind = backportKind(deps.config),
): Promise<PrReport> {
  if (rows.length === 0) return { notes: [] }
  if (deps.dryRun)
    return { notes: ['Dry run: no branch pushed, no pull request opened, no comment posted.'] }
  try {
    await upsertMarkedComment(deps.github, {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      issue: source,
      ...commentIdentity(deps, kind.commentMarker),
      body: (existing) =>
        renderComment(source, mergeRows(parseCommentRows(existing), rows), {
          marker: kind.commentMarker,
          noun: kind.noun,
        }),
    })
    return { notes: [] }
  } catch (error) {
    const failure = `could not write the ${kind.noun} comment on #${source}, so nobody on the PR sees these results: ${messageOf(error)}`
    deps.log.error(failure)
    return { notes: [`${failure}. The results are below.`], failure }
  }
}

export function outcome(
  source: number,
  rows: readonly BackportRow[],
  created: CreatedPullRequest[],
  report: PrReport = { notes: [] },
  kind: Pick<PortKind, 'name' | 'noun'> = { name: 'backport', noun: 'backport' },
  /** backport.failOnConflict: a conflict fails the step instead of a neutral conclusion. */
  failOnConflict = false,
): JobOutcome {
  const failing = (r: BackportRow) =>
    r.status === 'failed' || (failOnConflict && r.status === 'conflict')
  const conclusion =
    rows.some(failing) || report.failure !== undefined
      ? 'failure'
      : rows.some((r) => r.status === 'conflict')
        ? 'neutral'
        : rows.length === 0
          ? 'skipped'
          : 'success'
  const results = rows.map(({ steps: _steps, ...row }) => row)
  if (report.failure !== undefined)
    results.push({
      target: `comment on #${source}`,
      status: 'failed',
      message: report.failure,
      error: report.failure,
    })
  return {
    job: kind.name,
    results,
    createdPullRequests: created,
    conclusion,
    summary: renderSummary(source, rows, report.notes, kind.noun),
  }
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= fn())
}
