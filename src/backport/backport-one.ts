/**
 * One target of a backport run: what an earlier run left decides first, then the branch is
 * prepared, pushed and its PR opened (open-port-pr.ts), or a row says why not (conflict in
 * comment mode, dry run, already applied).
 */
import { describeApplied } from './applied.js'
import { conflictRowText } from './conflict-hint.js'
import { REMOTE } from './engine.js'
import { portBranchName } from './kind.js'
import { openPr, type PushedOutcome } from './open-port-pr.js'
import { findBackportPr } from './pr.js'
import { withPrerequisitePrs } from './prerequisite-prs.js'
import type { BackportRow } from './report.js'
import type { TargetContext } from './target-context.js'
import type { BranchOutcome } from './types.js'
import type { ValidTarget } from './validate.js'

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

export async function backportOne(ctx: TargetContext, target: ValidTarget): Promise<BackportRow> {
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
    targetTip: target.tip,
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
