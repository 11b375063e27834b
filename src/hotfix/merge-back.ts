/**
 * Hotfix merge-back: when a hotfix ships, every hotfix commit missing from the default branch gets
 * one merge-back PR, hotfix branch -> default branch, labelled.
 */
import type { JobDeps, JobOutcome, TargetResult } from '../jobs.js'
import { createPull, findPullsByHead } from '../github/pulls.js'
import { addLabels } from '../github/labels.js'
import { codeSpan } from '../markdown/escape.js'
import { payloadDefaultBranch } from '../payload.js'
import { fitBody, COMMENT_LIMIT } from '../markdown/bound.js'
import type { HotfixTrigger } from '../route.js'
import { mergeBackBody, mergeBackTitle, probablyPortedRows, type ShipEvent } from './decide.js'
import {
  commitsMissingFrom,
  ensureCommit,
  fetchHotfixState,
  hotfixBranchesContaining,
  mergeConflicts,
  remoteRef,
  resolveCommit,
  type MissingFromMain,
} from './git-ops.js'
import { deleteRemoteBranch } from './remote-branches.js'
import { REMOTE, quiet, repoUrl } from './job-support.js'

type ShipTrigger = Extract<HotfixTrigger, { type: 'release' | 'deployment' | 'merged' }>

const SHIP_EVENT: Record<ShipTrigger['type'], ShipEvent> = {
  release: 'release',
  deployment: 'deployment',
  merged: 'merged-pr',
}

/** What one hotfix branch's merge-back came to: its result, summary section and any PR opened. */
interface BranchMergeBack {
  result: TargetResult
  section: string
  created?: JobOutcome['createdPullRequests'][number]
}

/**
 * A hotfix shipped (a release or successful deployment of a commit on a hotfix branch, or a merged
 * hotfix PR when `hotfix.mergeBackOn` lists it): every hotfix commit missing from the default
 * branch gets one merge-back PR, hotfix branch -> default branch, labelled.
 */
export async function mergeBack(deps: JobDeps, trigger: ShipTrigger): Promise<JobOutcome> {
  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  if (!config.mergeBackOn.includes(SHIP_EVENT[trigger.type]))
    return quiet(deps, `hotfix.mergeBackOn does not list ${SHIP_EVENT[trigger.type]}`)
  if (trigger.type === 'deployment' && trigger.environment !== config.environment)
    return quiet(deps, `a deployment to ${trigger.environment}, not ${config.environment}`)
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  const { shipped, shippedBy } = await shippedCommit(deps, trigger)
  if (!shipped) return quiet(deps, 'the shipped commit is not in the repository')
  const branches =
    trigger.type === 'merged'
      ? [trigger.base]
      : await hotfixBranchesContaining(deps.git, REMOTE, prefix, shipped)
  const results: TargetResult[] = []
  const created: JobOutcome['createdPullRequests'] = []
  const sections: string[] = []
  for (const branch of branches) {
    const done = await mergeBackBranch(deps, branch, defaultBranch, shippedBy)
    if (!done) continue
    if (done.created) created.push(done.created)
    results.push(done.result)
    sections.push(done.section)
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

/** The commit that shipped and how, as the summary says it. */
async function shippedCommit(
  deps: JobDeps,
  trigger: ShipTrigger,
): Promise<{ shipped: string | undefined; shippedBy: string }> {
  if (trigger.type === 'release')
    return {
      shipped: await resolveCommit(deps.git, `refs/tags/${trigger.tag}`),
      shippedBy: `release ${codeSpan(trigger.tag, 100)}`,
    }
  if (trigger.type === 'deployment')
    return {
      shipped: await ensureCommit(deps.git, REMOTE, trigger.sha),
      shippedBy: `deployed to ${codeSpan(trigger.environment, 100)}`,
    }
  return {
    shipped: await resolveCommit(deps.git, remoteRef(REMOTE, trigger.base)),
    shippedBy: `#${trigger.pr} merged`,
  }
}

/** The merge-back of one hotfix branch; undefined when it has no commit of its own (just cut). */
async function mergeBackBranch(
  deps: JobDeps,
  branch: string,
  defaultBranch: string,
  shippedBy: string,
): Promise<BranchMergeBack | undefined> {
  const { owner, repo } = deps.ctx
  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const hotfixRef = remoteRef(REMOTE, branch)
  const tip = await resolveCommit(deps.git, hotfixRef)
  const own = tip ? await deps.git.lines(['rev-list', hotfixRef, `^${mainRef}`, '--']) : []
  if (!tip || own.filter((l) => l.length > 0).length === 0) return undefined // just cut: nothing to merge back
  const release = branch.slice(prefix.length)
  const { missing, probable } = await commitsMissingFrom(
    deps.git,
    mainRef,
    hotfixRef,
    deps.config.upgrade.bookkeeping,
  )
  if (missing.length === 0) return alreadyMerged(deps, branch, defaultBranch, tip, probable)
  const open = (await findPullsByHead(deps.github, owner, repo, branch)).find(
    (p) => p.state === 'open' && p.base === defaultBranch,
  )
  if (open) {
    const note = `The merge-back of ${codeSpan(branch, 200)} is already open: [#${open.number}](${open.url}).`
    return {
      result: {
        target: branch,
        status: 'skipped',
        message: note,
        pullRequest: { number: open.number, url: open.url },
      },
      section: note,
    }
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
  if (deps.dryRun)
    return {
      result: { target: branch, status: 'skipped', message: 'dry run' },
      section: `Dry run: would open the merge-back of ${codeSpan(branch, 200)}.\n\n${body}`,
    }
  return openMergeBack(deps, { branch, release, defaultBranch, body, conflicts })
}

/** Nothing of the branch is missing from the default branch: no merge-back, maybe delete the branch. */
async function alreadyMerged(
  deps: JobDeps,
  branch: string,
  defaultBranch: string,
  tip: string,
  probable: MissingFromMain['probable'],
): Promise<BranchMergeBack> {
  const config = deps.config.hotfix
  const prefix = config.branchPrefix
  let note =
    probable.length === 0
      ? `Every commit of ${codeSpan(branch, 200)} is already on ${codeSpan(defaultBranch, 100)}: no merge-back needed.`
      : `No commit of ${codeSpan(branch, 200)} is missing from ${codeSpan(defaultBranch, 100)}: no merge-back opened.\n\n${probablyPortedRows(probable, defaultBranch, repoUrl(deps)).join('\n')}`
  // A probably ported commit is checked by hand: the branch is kept.
  if (config.deleteMergedBranch && probable.length === 0 && !deps.dryRun) {
    await deleteRemoteBranch(deps.git, REMOTE, prefix, branch, tip)
    note += ` The branch was deleted (hotfix.deleteMergedBranch).`
  }
  return { result: { target: branch, status: 'already-applied', message: note }, section: note }
}

/** Opens the labelled merge-back PR of one hotfix branch. */
async function openMergeBack(
  deps: JobDeps,
  m: { branch: string; release: string; defaultBranch: string; body: string; conflicts: string[] },
): Promise<BranchMergeBack> {
  const { owner, repo } = deps.ctx
  let pull
  try {
    pull = await createPull(deps.github, {
      owner,
      repo,
      head: m.branch,
      base: m.defaultBranch,
      title: mergeBackTitle(m.release, m.defaultBranch),
      body: fitBody(m.body, COMMENT_LIMIT - 1),
      draft: false,
    })
  } catch (error) {
    // A concurrent run for the same shipped hotfix (its release and its deployment) opened it first.
    if (!/already exists/i.test((error as Error).message)) throw error
    const open = (await findPullsByHead(deps.github, owner, repo, m.branch)).find(
      (p) => p.state === 'open' && p.base === m.defaultBranch,
    )
    if (!open) throw error
    return {
      result: {
        target: m.branch,
        status: 'updated',
        message: `merge-back #${open.number} already open (opened concurrently)`,
        pullRequest: { number: open.number, url: open.url },
      },
      section: `The merge-back [#${open.number}](${open.url}) is already open.`,
    }
  }
  await addLabels(deps.github, owner, repo, pull.number, [deps.config.hotfix.mergeBackLabel])
  return {
    created: { number: pull.number, url: pull.url, target: m.defaultBranch, draft: false },
    result: {
      target: m.branch,
      status: m.conflicts.length > 0 ? 'conflict' : 'created',
      message:
        m.conflicts.length > 0
          ? `merge-back #${pull.number} conflicts in ${m.conflicts.length} file(s)`
          : `merge-back #${pull.number}`,
      pullRequest: { number: pull.number, url: pull.url },
    },
    section: `Opened the merge-back [#${pull.number}](${pull.url}).\n\n${m.body}`,
  }
}
