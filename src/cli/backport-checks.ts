/** The checks `fixline backport` makes on each target before any pick. */
import { defaultEngine } from '../backport/default-engine.js'
import { isReleaseLine } from '../config/patterns.js'
import { messageOf } from '../errors.js'
import { assertValidBranchName } from '../git/refs.js'
import { failedRow, type CliRow } from './backport-output.js'
import { hasLocalBranch } from './backport-repo.js'
import { branchFor } from './backport-sources.js'
import type { TargetRun } from './backport-target.js'

export type Checked = { row: CliRow } | { target: string; branch: string }

/**
 * The action's checks before any pick (validate.ts): valid names, not the PR's own base, a
 * release line, present on the remote (one ls-remote), plus the CLI's own: no local branch of
 * that name already (a user's work is never overwritten).
 */
export async function checkTargets(
  run: TargetRun,
  targets: readonly string[],
  defaultBranch: string | undefined,
): Promise<Checked[]> {
  const { git, source } = run
  const named: Array<{ target: string; branch: string }> = []
  const out: Checked[] = []
  for (const target of targets) {
    const branch = branchFor(source, target)
    try {
      await assertValidBranchName(git, target)
      await assertValidBranchName(git, branch)
    } catch (error) {
      out.push({ row: failedRow(target, messageOf(error)) })
      continue
    }
    if (source.pull && target === source.pr.baseRef)
      out.push({
        row: {
          target,
          status: 'already-applied',
          message: `#${source.pr.number} was merged into ${target} itself`,
        },
      })
    else if (!isReleaseLine(target, run.config.lines, defaultBranch))
      out.push({
        row: failedRow(
          target,
          `branch ${target} is not a release line (see lines.patterns in the config)`,
        ),
      })
    else named.push({ target, branch })
  }
  if (named.length === 0) return out
  const heads = await defaultEngine.remoteBranchHeads(
    git,
    run.remote,
    named.map((n) => n.target),
  )
  for (const item of named) {
    if (!heads.has(item.target))
      out.push({
        row: failedRow(item.target, `branch ${item.target} does not exist on ${run.remote}`),
      })
    else if (await hasLocalBranch(git, item.branch))
      out.push({
        row: failedRow(
          item.target,
          `the local branch ${item.branch} already exists (from an earlier backport?): delete it with git branch -D ${item.branch} to redo it`,
        ),
      })
    else out.push(item)
  }
  return targets.flatMap((t) => out.filter((o) => ('row' in o ? o.row.target : o.target) === t))
}
