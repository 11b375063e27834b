/**
 * Hotfix reminders: every hotfix not merged back after `hotfix.remindAfterDays` is reminded on a PR,
 * on the schedule and after any later hotfix-routed run.
 */
import { commentIdentity, type JobDeps, type JobOutcome, type TargetResult } from '../jobs.js'
import { isShallowRepository } from '../git/commits.js'
import { codeSpan } from '../markdown/escape.js'
import { upsertMarkedComment } from '../github/comments.js'
import { payloadDefaultBranch } from '../payload.js'
import { fitBody, COMMENT_LIMIT } from '../markdown/bound.js'
import {
  REMINDER_MARKER,
  daysBetween,
  reminderBody,
  reminderDue,
  type HotfixBranchState,
} from './decide.js'
import {
  fetchHotfixState,
  hotfixBranchStates,
  listRemoteBranches,
  oldestOwnCommitTime,
  remoteRef,
  resolveCommit,
  type MissingFromMain,
} from './git-ops.js'
import { REMOTE, quiet, repoUrl } from './job-support.js'

/**
 * Any later hotfix-routed run (a PR into a hotfix branch, a release, a deployment status, a merged
 * hotfix PR) also reminds overdue hotfixes, after its own work: see {@link remind} with `later`.
 * A branch whose merge-back PR this run opened is left out. A failing reminder is a warning.
 */
export async function withReminders(deps: JobDeps, outcome: JobOutcome): Promise<JobOutcome> {
  if (deps.config.hotfix.remindAfterDays === 0) return outcome
  const opened = new Set(
    outcome.results
      .filter((r) => r.status === 'created' || r.status === 'conflict')
      .map((r) => r.target),
  )
  let reminders: JobOutcome
  try {
    reminders = await remind(deps, { later: true, skip: opened })
  } catch (error) {
    deps.log.warning(`hotfix reminders: ${error instanceof Error ? error.message : String(error)}`)
    return outcome
  }
  if (reminders.results.length === 0) return outcome
  return {
    ...outcome,
    results: [...outcome.results, ...reminders.results],
    conclusion: outcome.conclusion === 'skipped' ? reminders.conclusion : outcome.conclusion,
    summary:
      outcome.summary === '' ? reminders.summary : `${outcome.summary}\n${reminders.summary}`,
  }
}

/**
 * Reminds every hotfix not merged back after `hotfix.remindAfterDays`: on its open merge-back PR
 * (waiting since that PR was opened), else on the newest PR into the hotfix branch (waiting since
 * the oldest missing commit). One reminder comment per PR, updated in place.
 *
 * `later` (any run but the schedule) keeps the cost down when nothing is due: one `git ls-remote`
 * of the hotfix branches (none: done), a fetch only when they are not fetched yet, then git alone
 * drops every branch whose oldest own commit (author or committer date, whichever is older) is
 * younger than `remindAfterDays` (a merge-back PR is never older than that commit). The API is
 * asked only about the branches left.
 */
export async function remind(
  deps: JobDeps,
  options: { later?: boolean; skip?: ReadonlySet<string> } = {},
): Promise<JobOutcome> {
  const config = deps.config.hotfix
  if (config.remindAfterDays === 0) return quiet(deps, 'hotfix.remindAfterDays is 0')
  const prefix = config.branchPrefix
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const now = Date.now()
  let candidates: Set<string> | undefined
  if (options.later) {
    const found = await overdueCandidates(deps, defaultBranch, now, options.skip)
    if (typeof found === 'string') return quiet(deps, found)
    candidates = found
  } else await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  const states = await hotfixBranchStates(
    deps.git,
    REMOTE,
    prefix,
    mainRef,
    deps.config.upgrade.bookkeeping,
  )
  const results: TargetResult[] = []
  for (const state of states) {
    if (state.missingFromMain === 0) continue
    if (candidates && !candidates.has(state.branch)) continue
    const result = await remindBranch(deps, state, defaultBranch, now)
    if (result) results.push(result)
  }
  if (results.length === 0) return quiet(deps, 'no hotfix is overdue for its merge-back')
  return {
    job: 'hotfix',
    results,
    createdPullRequests: [],
    conclusion: 'neutral',
    summary: `### fixline: hotfix reminders\n\n${results.map((r) => `- ${codeSpan(r.target, 200)}: ${r.message}`).join('\n')}\n`,
  }
}

/**
 * The cheap pass of a `later` run: the hotfix branches whose oldest own commit is old enough to be
 * due, fetching only when needed; a string is why nothing is.
 */
async function overdueCandidates(
  deps: JobDeps,
  defaultBranch: string,
  now: number,
  skip: ReadonlySet<string> | undefined,
): Promise<Set<string> | string> {
  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const listed = await listRemoteBranches(deps.git, REMOTE, prefix)
  if (listed.size === 0) return 'no hotfix branch to remind'
  // Fetched by this run's own work (whole history, every listed branch at its remote commit)?
  let fetched =
    (await resolveCommit(deps.git, mainRef)) !== undefined && !(await isShallowRepository(deps.git))
  for (const [branch, sha] of listed)
    if ((await resolveCommit(deps.git, remoteRef(REMOTE, branch))) !== sha) fetched = false
  if (!fetched) await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  const candidates = new Set<string>()
  for (const branch of listed.keys()) {
    if (skip?.has(branch)) continue
    const oldest = await oldestOwnCommitTime(deps.git, remoteRef(REMOTE, branch), mainRef)
    if (oldest !== undefined && reminderDue(daysBetween(oldest, now), config.remindAfterDays))
      candidates.add(branch)
  }
  if (candidates.size === 0) return 'no hotfix is overdue for its merge-back'
  return candidates
}

/** Reminds one hotfix branch with commits missing from the default branch, when it is due. */
async function remindBranch(
  deps: JobDeps,
  state: HotfixBranchState & MissingFromMain,
  defaultBranch: string,
  now: number,
): Promise<TargetResult | undefined> {
  const { owner, repo } = deps.ctx
  const missing = state.missing
  const { target, since, mergeBack } = await reminderTarget(deps, state, defaultBranch)
  const days = daysBetween(since, now)
  if (!target || !reminderDue(days, deps.config.hotfix.remindAfterDays)) return undefined
  const body = reminderBody({
    branch: state.branch,
    defaultBranch,
    days,
    missing,
    mergeBack: mergeBack ? target : undefined,
    serverRepoUrl: repoUrl(deps),
  })
  if (!deps.dryRun)
    await upsertMarkedComment(deps.github, {
      owner,
      repo,
      issue: target.number,
      ...commentIdentity(deps, REMINDER_MARKER),
      body: fitBody(body, COMMENT_LIMIT - 200),
    })
  return {
    target: state.branch,
    status: 'pending',
    message: `not merged back after ${days} days: reminded on #${target.number}`,
    pullRequest: target,
  }
}

/**
 * Where a hotfix is reminded and since when: its open merge-back PR (since opened), else the newest
 * PR into the hotfix branch (since the oldest missing commit).
 */
async function reminderTarget(
  deps: JobDeps,
  state: HotfixBranchState & MissingFromMain,
  defaultBranch: string,
): Promise<{
  target: { number: number; url: string } | undefined
  since: string
  mergeBack: boolean
}> {
  const { owner, repo } = deps.ctx
  const mergeBackPull = (
    await deps.github.paginate(deps.github.rest.pulls.list, {
      owner,
      repo,
      head: `${owner}:${state.branch}`,
      base: defaultBranch,
      state: 'open',
      per_page: 100,
    })
  ).find((p) => p.head.ref === state.branch)
  if (mergeBackPull)
    return {
      target: { number: mergeBackPull.number, url: mergeBackPull.html_url },
      since: mergeBackPull.created_at,
      mergeBack: true,
    }
  const into = await deps.github.paginate(deps.github.rest.pulls.list, {
    owner,
    repo,
    base: state.branch,
    state: 'all',
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  })
  const newest = into[0]
  const target = newest && { number: newest.number, url: newest.html_url }
  const oldest = state.missing[0]?.sha
  const since = oldest ? await deps.git.text(['log', '-1', '--format=%cI', oldest, '--']) : ''
  return { target, since, mergeBack: false }
}
