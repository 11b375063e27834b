/**
 * Opens the PR of a pushed backport (or forward-port) branch, finds the one a concurrent run
 * opened first, and makes the target's row.
 */
import { messageOf } from '../errors.js'
import type { PullSummary } from '../github/pulls.js'
import { conflictRowText } from './conflict-hint.js'
import { prConfig } from './kind.js'
import { findBackportPr, openBackportPr } from './pr.js'
import { renderPrBody, type BackportRow } from './report.js'
import type { TargetContext } from './target-context.js'
import type { BranchOutcome, PickPlan } from './types.js'
import type { ValidTarget } from './validate.js'

export async function openPr(
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

export type PushedOutcome = Exclude<BranchOutcome, { status: 'already-applied' }>

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
