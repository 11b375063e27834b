/**
 * The hotfix job: `/hotfix` (or workflow_dispatch) cuts `hotfix/<release>` from what is deployed.
 * Decisions live in decide.ts; git goes through git-ops.ts (src/git), the API through src/github.
 */
import {
  commentIdentity,
  skipped,
  type JobDeps,
  type JobOutcome,
  type TargetResult,
} from '../jobs.js'
import { publishCheck } from '../github/checks.js'
import { isShallowRepository } from '../git/commits.js'
import { createPull, findPullsByHead } from '../github/pulls.js'
import { addLabels } from '../github/labels.js'
import { codeSpan } from '../markdown/escape.js'
import { collaboratorPermission, hasPermission } from '../github/permissions.js'
import { findMarkedComment, upsertMarkedComment, writeComment } from '../github/comments.js'
import { latestSuccessfulDeployment } from '../github/deployments.js'
import { latestRelease } from '../github/releases.js'
import { payloadDefaultBranch } from '../payload.js'
import { fitBody, COMMENT_LIMIT } from '../markdown/bound.js'
import type { HotfixTrigger } from '../route.js'
import {
  HOTFIX_CHECK_NAME,
  REMINDER_MARKER,
  daysBetween,
  reminderBody,
  reminderDue,
  mergeBackBody,
  mergeBackTitle,
  probablyPortedRows,
  type ShipEvent,
  hotfixBranchName,
  hotfixCheck,
  type HotfixPrFacts,
  isOpenHotfix,
  noBaseReply,
  parseHotfixArgs,
  problemReply,
  refusedOpenReply,
  startedReply,
  type HotfixBase,
} from './decide.js'
import {
  commitsSince,
  createRemoteBranch,
  commitsFromMain,
  commitsMissingFrom,
  deleteRemoteBranch,
  hotfixBranchesContaining,
  mergeConflicts,
  ensureCommit,
  fetchPrHead,
  isAncestor,
  listRemoteBranches,
  mergeBase,
  oldestOwnCommitTime,
  fetchHotfixState,
  hotfixBranchStates,
  newestReleaseTag,
  releaseTagsAt,
  remoteRef,
  resolveCommit,
} from './git-ops.js'

const REMOTE = 'origin'

export async function runHotfixJob(deps: JobDeps, trigger: HotfixTrigger): Promise<JobOutcome> {
  switch (trigger.type) {
    case 'command':
    case 'dispatch':
      return startHotfix(deps, trigger)
    case 'pr':
      return withReminders(deps, await checkHotfixPr(deps, trigger))
    case 'release':
    case 'deployment':
    case 'merged':
      return withReminders(deps, await mergeBack(deps, trigger))
    case 'schedule':
      return remind(deps)
  }
}

/**
 * Any later hotfix-routed run (a PR into a hotfix branch, a release, a deployment status, a merged
 * hotfix PR) also reminds overdue hotfixes, after its own work: see {@link remind} with `later`.
 * A branch whose merge-back PR this run opened is left out. A failing reminder is a warning.
 */
async function withReminders(deps: JobDeps, outcome: JobOutcome): Promise<JobOutcome> {
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
async function remind(
  deps: JobDeps,
  options: { later?: boolean; skip?: ReadonlySet<string> } = {},
): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const config = deps.config.hotfix
  if (config.remindAfterDays === 0) return quiet(deps, 'hotfix.remindAfterDays is 0')
  const prefix = config.branchPrefix
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const now = Date.now()
  let candidates: Set<string> | undefined
  if (options.later) {
    const listed = await listRemoteBranches(deps.git, REMOTE, prefix)
    if (listed.size === 0) return quiet(deps, 'no hotfix branch to remind')
    // Fetched by this run's own work (whole history, every listed branch at its remote commit)?
    let fetched =
      (await resolveCommit(deps.git, mainRef)) !== undefined &&
      !(await isShallowRepository(deps.git))
    for (const [branch, sha] of listed)
      if ((await resolveCommit(deps.git, remoteRef(REMOTE, branch))) !== sha) fetched = false
    if (!fetched) await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
    candidates = new Set()
    for (const branch of listed.keys()) {
      if (options.skip?.has(branch)) continue
      const oldest = await oldestOwnCommitTime(deps.git, remoteRef(REMOTE, branch), mainRef)
      if (oldest !== undefined && reminderDue(daysBetween(oldest, now), config.remindAfterDays))
        candidates.add(branch)
    }
    if (candidates.size === 0) return quiet(deps, 'no hotfix is overdue for its merge-back')
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
    const missing = state.missing
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
    let target: { number: number; url: string } | undefined
    let since: string
    if (mergeBackPull) {
      target = { number: mergeBackPull.number, url: mergeBackPull.html_url }
      since = mergeBackPull.created_at
    } else {
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
      target = newest && { number: newest.number, url: newest.html_url }
      const oldest = missing[0]?.sha
      since = oldest ? await deps.git.text(['log', '-1', '--format=%cI', oldest, '--']) : ''
    }
    const days = daysBetween(since, now)
    if (!target || !reminderDue(days, config.remindAfterDays)) continue
    const body = reminderBody({
      branch: state.branch,
      defaultBranch,
      days,
      missing,
      mergeBack: mergeBackPull ? target : undefined,
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
    results.push({
      target: state.branch,
      status: 'pending',
      message: `not merged back after ${days} days: reminded on #${target.number}`,
      pullRequest: target,
    })
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

type ShipTrigger = Extract<HotfixTrigger, { type: 'release' | 'deployment' | 'merged' }>

const SHIP_EVENT: Record<ShipTrigger['type'], ShipEvent> = {
  release: 'release',
  deployment: 'deployment',
  merged: 'merged-pr',
}

/** Nothing for the hotfix job (most releases and deployments are not of a hotfix): no summary. */
function quiet(deps: JobDeps, reason: string): JobOutcome {
  deps.log.info(`hotfix: nothing to do: ${reason}`)
  return { job: 'hotfix', results: [], createdPullRequests: [], conclusion: 'skipped', summary: '' }
}

/**
 * A hotfix shipped (a release or successful deployment of a commit on a hotfix branch, or a merged
 * hotfix PR when `hotfix.mergeBackOn` lists it): every hotfix commit missing from the default
 * branch gets one merge-back PR, hotfix branch -> default branch, labelled.
 */
async function mergeBack(deps: JobDeps, trigger: ShipTrigger): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  if (!config.mergeBackOn.includes(SHIP_EVENT[trigger.type]))
    return quiet(deps, `hotfix.mergeBackOn does not list ${SHIP_EVENT[trigger.type]}`)
  if (trigger.type === 'deployment' && trigger.environment !== config.environment)
    return quiet(deps, `a deployment to ${trigger.environment}, not ${config.environment}`)
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  let shipped: string | undefined
  let shippedBy: string
  if (trigger.type === 'release') {
    shipped = await resolveCommit(deps.git, `refs/tags/${trigger.tag}`)
    shippedBy = `release ${codeSpan(trigger.tag, 100)}`
  } else if (trigger.type === 'deployment') {
    shipped = await ensureCommit(deps.git, REMOTE, trigger.sha)
    shippedBy = `deployed to ${codeSpan(trigger.environment, 100)}`
  } else {
    shipped = await resolveCommit(deps.git, remoteRef(REMOTE, trigger.base))
    shippedBy = `#${trigger.pr} merged`
  }
  if (!shipped) return quiet(deps, 'the shipped commit is not in the repository')
  const branches =
    trigger.type === 'merged'
      ? [trigger.base]
      : await hotfixBranchesContaining(deps.git, REMOTE, prefix, shipped)
  const results: TargetResult[] = []
  const created: JobOutcome['createdPullRequests'] = []
  const sections: string[] = []
  for (const branch of branches) {
    const hotfixRef = remoteRef(REMOTE, branch)
    const tip = await resolveCommit(deps.git, hotfixRef)
    const own = tip ? await deps.git.lines(['rev-list', hotfixRef, `^${mainRef}`, '--']) : []
    if (!tip || own.filter((l) => l.length > 0).length === 0) continue // just cut: nothing to merge back
    const release = branch.slice(prefix.length)
    const { missing, probable } = await commitsMissingFrom(
      deps.git,
      mainRef,
      hotfixRef,
      deps.config.upgrade.bookkeeping,
    )
    if (missing.length === 0) {
      let note =
        probable.length === 0
          ? `Every commit of ${codeSpan(branch, 200)} is already on ${codeSpan(defaultBranch, 100)}: no merge-back needed.`
          : `No commit of ${codeSpan(branch, 200)} is missing from ${codeSpan(defaultBranch, 100)}: no merge-back opened.\n\n${probablyPortedRows(probable, defaultBranch, repoUrl(deps)).join('\n')}`
      // A probably ported commit is checked by hand: the branch is kept.
      if (config.deleteMergedBranch && probable.length === 0 && !deps.dryRun) {
        await deleteRemoteBranch(deps.git, REMOTE, prefix, branch, tip)
        note += ` The branch was deleted (hotfix.deleteMergedBranch).`
      }
      results.push({ target: branch, status: 'already-applied', message: note })
      sections.push(note)
      continue
    }
    const open = (await findPullsByHead(deps.github, owner, repo, branch)).find(
      (p) => p.state === 'open' && p.base === defaultBranch,
    )
    if (open) {
      const note = `The merge-back of ${codeSpan(branch, 200)} is already open: [#${open.number}](${open.url}).`
      results.push({
        target: branch,
        status: 'skipped',
        message: note,
        pullRequest: { number: open.number, url: open.url },
      })
      sections.push(note)
      continue
    }
    const conflicts = await mergeConflicts(deps.git, mainRef, hotfixRef)
    const body = mergeBackBody({
      branch,
      release,
      defaultBranch,
      shippedBy,
      missing,
      probable,
      conflicts,
      serverRepoUrl: repoUrl(deps),
    })
    if (deps.dryRun) {
      sections.push(`Dry run: would open the merge-back of ${codeSpan(branch, 200)}.\n\n${body}`)
      results.push({ target: branch, status: 'skipped', message: 'dry run' })
      continue
    }
    const pull = await createPull(deps.github, {
      owner,
      repo,
      head: branch,
      base: defaultBranch,
      title: mergeBackTitle(release, defaultBranch),
      body: fitBody(body, COMMENT_LIMIT - 1),
      draft: false,
    })
    await addLabels(deps.github, owner, repo, pull.number, [config.mergeBackLabel])
    created.push({ number: pull.number, url: pull.url, target: defaultBranch, draft: false })
    results.push({
      target: branch,
      status: conflicts.length > 0 ? 'conflict' : 'created',
      message:
        conflicts.length > 0
          ? `merge-back #${pull.number} conflicts in ${conflicts.length} file(s)`
          : `merge-back #${pull.number}`,
      pullRequest: { number: pull.number, url: pull.url },
    })
    sections.push(`Opened the merge-back [#${pull.number}](${pull.url}).\n\n${body}`)
  }
  if (results.length === 0)
    return quiet(deps, 'the shipped commit is on no hotfix branch with commits of its own')
  return {
    job: 'hotfix',
    results,
    createdPullRequests: created,
    conclusion: 'success',
    summary: `### fixline: hotfix merge-back\n\n${sections.join('\n\n')}\n`,
  }
}

/** The check run `fixline / hotfix` on a PR into a hotfix branch: its base release and the warnings. */
async function checkHotfixPr(
  deps: JobDeps,
  trigger: Extract<HotfixTrigger, { type: 'pr' }>,
): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const prefix = deps.config.hotfix.branchPrefix
  if (!trigger.base.startsWith(prefix) || trigger.base.length === prefix.length)
    return skipped('hotfix', `${trigger.base} is not a hotfix branch`)
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const hotfixRef = remoteRef(REMOTE, trigger.base)
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  if (!(await resolveCommit(deps.git, hotfixRef)))
    return skipped('hotfix', `the branch ${trigger.base} no longer exists`)
  const head = await fetchPrHead(deps.git, REMOTE, trigger.pr, trigger.headSha)
  const cutSha = (await mergeBase(deps.git, hotfixRef, mainRef)) ?? ''
  const newer = async (sha: string | undefined): Promise<boolean> =>
    sha !== undefined &&
    sha !== cutSha &&
    (await isAncestor(deps.git, cutSha, sha)) &&
    !(await isAncestor(deps.git, sha, hotfixRef)) &&
    !(await isAncestor(deps.git, sha, head))
  const environment = deps.config.hotfix.environment
  const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment)
  const deployedSha = deployment && (await ensureCommit(deps.git, REMOTE, deployment.sha))
  const release = await latestRelease(deps.github, owner, repo)
  const releasedSha = release && (await resolveCommit(deps.git, `refs/tags/${release.tag}`))
  const facts: HotfixPrFacts = {
    branch: trigger.base,
    release: trigger.base.slice(prefix.length),
    cutSha,
    defaultBranch,
    fromMain: await commitsFromMain(deps.git, head, hotfixRef, mainRef),
    ...(deployment && deployedSha && (await newer(deployedSha))
      ? {
          newerDeployment: {
            sha: deployedSha,
            environment,
            id: deployment.id,
            at: deployment.deployedAt,
            url:
              deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
          },
        }
      : {}),
    ...(release && releasedSha && (await newer(releasedSha))
      ? { newerRelease: { tag: release.tag, sha: releasedSha, url: release.url } }
      : {}),
  }
  const check = hotfixCheck(facts, repoUrl(deps))
  let posted = ''
  if (!deps.dryRun) {
    const published = await publishCheck(deps.github, {
      owner,
      repo,
      sha: trigger.headSha,
      name: HOTFIX_CHECK_NAME,
      conclusion: check.conclusion,
      title: check.title,
      summary: check.summary,
      annotations: [],
      detailsUrl: `${repoUrl(deps)}/actions/runs/${deps.ctx.runId}`,
      botLogin: deps.botLogin,
    })
    posted =
      published.kind === 'check-run'
        ? `\n[check run](${published.url})\n`
        : '\nposted as a commit status\n'
  }
  return {
    job: 'hotfix',
    results: [
      {
        target: trigger.base,
        status: check.warnings.length === 0 ? 'success' : 'pending',
        message: check.title,
      },
    ],
    createdPullRequests: [],
    conclusion: check.conclusion,
    summary: `### fixline: ${HOTFIX_CHECK_NAME}\n\n${check.summary}${posted}`,
  }
}

type StartTrigger = Extract<HotfixTrigger, { type: 'command' | 'dispatch' }>

function replyMarker(trigger: StartTrigger): string | undefined {
  return trigger.type === 'command'
    ? `<!-- fixline:reply hotfix-${trigger.commentId} -->`
    : undefined
}

async function startHotfix(deps: JobDeps, trigger: StartTrigger): Promise<JobOutcome> {
  const { owner, repo } = deps.ctx
  const marker = replyMarker(trigger)
  const identity =
    trigger.type === 'command' && marker
      ? {
          owner,
          repo,
          issue: trigger.issue,
          marker,
          author: deps.botLogin,
          warn: (m: string) => deps.log.warning(m),
        }
      : undefined
  const answer = async (
    status: TargetResult['status'],
    target: string,
    body: string,
    extra: Partial<TargetResult> = {},
  ): Promise<JobOutcome> => {
    if (identity && !deps.dryRun)
      await writeComment(deps.github, identity, undefined, fitBody(body, COMMENT_LIMIT - 200))
    const failed = status === 'failed'
    return {
      job: 'hotfix',
      results: [
        {
          target,
          status,
          message: body.split('\n')[0] ?? '',
          ...extra,
          ...(failed ? { error: body } : {}),
        },
      ],
      createdPullRequests: [],
      conclusion: failed ? 'failure' : status === 'skipped' ? 'neutral' : 'success',
      summary: `### fixline: hotfix\n\n${body}`,
    }
  }

  // A re-delivered comment was already answered: do nothing twice.
  if (identity && (await findMarkedComment(deps.github, identity))) {
    deps.log.info(
      `/hotfix in comment ${trigger.type === 'command' ? trigger.commentId : ''} was already answered`,
    )
    return {
      job: 'hotfix',
      results: [],
      createdPullRequests: [],
      conclusion: 'skipped',
      summary: 'fixline (hotfix): already answered\n',
    }
  }

  if (trigger.type === 'command') {
    const permission = await collaboratorPermission(deps.github, owner, repo, trigger.user)
    if (!hasPermission(permission, 'write'))
      return answer(
        'skipped',
        '/hotfix',
        `\`/hotfix\`: @${trigger.user} needs write permission on this repository (has: ${permission}); nothing was done.\n`,
      )
  }
  const args = parseHotfixArgs(trigger.args)
  if ('problem' in args) return answer('skipped', '/hotfix', problemReply(args.problem))

  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const mainRef = remoteRef(REMOTE, defaultBranch)
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)

  // One at a time.
  const states = await hotfixBranchStates(
    deps.git,
    REMOTE,
    prefix,
    mainRef,
    deps.config.upgrade.bookkeeping,
  )
  const open = states.filter(isOpenHotfix)
  if (open.length > 0 && !args.force) {
    const withPulls = []
    for (const o of open) {
      const pulls = await deps.github.paginate(deps.github.rest.pulls.list, {
        owner,
        repo,
        base: o.branch,
        state: 'open',
        per_page: 100,
      })
      withPulls.push({
        branch: o.branch,
        url: branchUrl(deps, o.branch),
        pulls: pulls.map((p) => ({ number: p.number, url: p.html_url })),
      })
    }
    return answer(
      'skipped',
      open.map((o) => o.branch).join(', '),
      refusedOpenReply({ open: withPulls }),
    )
  }

  const base = await findBase(deps, args.from, mainRef)
  if ('problem' in base) return answer('skipped', '/hotfix', base.problem)
  const branch = hotfixBranchName(prefix, base.name, base.sha)
  const created = await createRemoteBranchOrExplain(deps, prefix, branch, base.sha)
  if (created) return answer('failed', branch, problemReply(created))
  const notIncluded = await commitsSince(deps.git, base.sha, mainRef)
  const body = startedReply({
    branch,
    branchUrl: branchUrl(deps, branch),
    base,
    defaultBranch,
    notIncluded,
    serverRepoUrl: repoUrl(deps),
    forced: args.force && open.length > 0,
  })
  deps.log.info(`created ${branch} at ${base.sha} (${base.source})`)
  return answer('created', branch, body)
}

async function createRemoteBranchOrExplain(
  deps: JobDeps,
  prefix: string,
  branch: string,
  sha: string,
): Promise<string | undefined> {
  if (deps.dryRun) {
    deps.log.info(`dry run: would create ${branch} at ${sha}`)
    return undefined
  }
  try {
    const result = await createRemoteBranch(deps.git, REMOTE, prefix, branch, sha)
    if (result === 'taken')
      return `the branch ${branch} already exists at another commit: delete it or name another base`
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function repoUrl(deps: JobDeps): string {
  return `${deps.ctx.serverUrl}/${deps.ctx.owner}/${deps.ctx.repo}`
}

function branchUrl(deps: JobDeps, branch: string): string {
  return `${repoUrl(deps)}/tree/${branch.split('/').map(encodeURIComponent).join('/')}`
}

/** What the hotfix starts from: the argument, else the deployment, the latest release, the newest release tag. */
async function findBase(
  deps: JobDeps,
  from: string | undefined,
  mainRef: string,
): Promise<HotfixBase | { problem: string }> {
  const { owner, repo } = deps.ctx
  const tags = deps.config.upgrade.tags
  if (from !== undefined) {
    const sha = await resolveCommit(deps.git, from)
    if (!sha)
      return { problem: problemReply(`"${from}" names no tag or commit of this repository`) }
    const name = (await isTag(deps, from)) ? from : (await releaseTagsAt(deps.git, sha, tags))[0]
    return { source: 'argument', sha, name: name ?? sha.slice(0, 12), given: from }
  }
  const environment = deps.config.hotfix.environment
  const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment)
  if (deployment) {
    const sha = await ensureCommit(deps.git, REMOTE, deployment.sha)
    if (!sha)
      return {
        problem: problemReply(
          `the last successful deployment to ${environment} (${deployment.id}) is of commit ${deployment.sha}, which the repository does not have; name the base: /hotfix <tag or commit>`,
        ),
      }
    const name =
      (await releaseTagsAt(deps.git, sha, tags))[0] ??
      ((await isTag(deps, deployment.ref)) ? deployment.ref : sha.slice(0, 12))
    return {
      source: 'deployment',
      sha,
      name,
      environment,
      deploymentId: deployment.id,
      deployedAt: deployment.deployedAt,
      url: deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
    }
  }
  const release = await latestRelease(deps.github, owner, repo)
  if (release) {
    const sha = await resolveCommit(deps.git, `refs/tags/${release.tag}`)
    if (sha) return { source: 'release', sha, name: release.tag, url: release.url }
    deps.log.warning(`the latest release ${release.tag} has no tag in the repository`)
  }
  const tag = await newestReleaseTag(deps.git, mainRef, tags)
  if (tag) return { source: 'tag', sha: tag.sha, name: tag.tag }
  return { problem: noBaseReply(environment) }
}

async function isTag(deps: JobDeps, name: string): Promise<boolean> {
  return (await resolveCommit(deps.git, `refs/tags/${name}`)) !== undefined
}
