/**
 * What the dashboard job asks of other jobs, each through its named entry point, loaded only when
 * used: the fix audit (src/audit), hotfix branch states (what `fixline hotfix status` shows), the
 * upgrade-safety check, and the forward-port and backport engines a tick starts. Injectable, so
 * that a test can stand in for one of them.
 */
import type { AuditReport } from '../audit/types.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { payloadDefaultBranch } from '../payload.js'
import { fetchWholeHistory } from '../git/history.js'
import type { Decision } from './state.js'
import { lineSafety } from './safety.js'
import type { HotfixView, LineSafety } from './view.js'

export interface DashboardSources {
  /** The fix audit with the dashboard's decisions applied (git and API parts). */
  audit(deps: JobDeps, decisions: readonly Decision[]): Promise<AuditReport>
  /** Every hotfix branch of origin and whether it is merged back into `defaultBranch`. */
  hotfixes(deps: JobDeps, defaultBranch: string): Promise<HotfixView[]>
  /** The upgrade-safety conclusion of each line's newest release. */
  safety(deps: JobDeps, lines: readonly string[]): Promise<LineSafety[]>
  /** Opens the forward-port PR of merged PR `pr` to `line`. */
  forwardPort(deps: JobDeps, pr: number, line: string): Promise<JobOutcome>
  /** Opens the backport PR of merged PR `pr` to `line`. */
  backport(deps: JobDeps, pr: number, line: string): Promise<JobOutcome>
}

export const defaultSources: DashboardSources = {
  async audit(deps, decisions) {
    const { auditLines, auditGitHub } = await import('../audit/index.js')
    await fetchWholeHistory(deps.git)
    const defaultBranch = payloadDefaultBranch(deps.ctx.payload)
    const report = await auditLines(deps.git, deps.config, {
      prefer: 'remote',
      ...(defaultBranch ? { defaultBranch } : {}),
      decisions: decisions.map((d) => ({ sha: d.sha, line: d.line, by: d.by })),
    })
    return auditGitHub(
      deps.github,
      { owner: deps.ctx.owner, repo: deps.ctx.repo },
      deps.config,
      report,
    )
  },
  async hotfixes(deps, defaultBranch) {
    const { fetchHotfixState, hotfixBranchStates, remoteRef } = await import('../hotfix/git-ops.js')
    const { isOpenHotfix } = await import('../hotfix/decide.js')
    const prefix = deps.config.hotfix.branchPrefix
    await fetchHotfixState(deps.git, 'origin', defaultBranch, prefix)
    const states = await hotfixBranchStates(
      deps.git,
      'origin',
      prefix,
      remoteRef('origin', defaultBranch),
      deps.config.upgrade.bookkeeping,
    )
    return states.map((s) => ({
      branch: s.branch,
      open: isOpenHotfix(s),
      ownCommits: s.ownCommits,
      missingFromMain: s.missingFromMain,
    }))
  },
  async safety(deps, lines) {
    const { checkRepository } = await import('../upgrade/discovery/check-repo.js')
    // The audit (gather.ts runs it first) fetched every line and tag with their history.
    const defaultBranch = payloadDefaultBranch(deps.ctx.payload)
    const check = await checkRepository(deps.git, deps.config, {
      prefer: 'remote',
      ...(defaultBranch ? { defaultBranch } : {}),
    })
    return lineSafety(check.result, lines)
  },
  async forwardPort(deps, pr, line) {
    const { runForwardPortTargets } = await import('../forwardport/index.js')
    return runForwardPortTargets(deps, pr, [line])
  },
  async backport(deps, pr, line) {
    const { runBackportTargets } = await import('../backport/index.js')
    return runBackportTargets(deps, pr, [line])
  },
}
