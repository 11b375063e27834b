import { closeIssue, openIssuesWithLabel } from '../github/issues.js'
import { getPullRaw } from '../github/pulls.js'
import type { JobDeps, JobOutcome } from '../jobs.js'
import { skipped } from '../jobs.js'
import type { RequestTrigger } from '../route.js'
import { JOB, loadRequest, outcomeOf, requestOf, writePlan, type LoadedRequest } from './process.js'
import { renderPlan } from './render.js'
import { syncLabels } from './replies.js'
import { planLabels } from './classify.js'
import { isComplete } from './state.js'
import type { RequestState } from './types.js'

const BRANCH = /^backport\/(\d{1,9})-to-(.+)$/
/** fixline's own line in a backport PR's body (a line of its own: a quoted commit subject cannot forge it). */
const REQUESTED_IN = /^Requested in #(\d{1,9})\.?[ \t]*$/gm

/** The request issues a backport PR's body names, each once. */
export function requestIssuesIn(body: string): number[] {
  return [...new Set([...body.matchAll(REQUESTED_IN)].map((m) => Number(m[1])))]
}

/**
 * A backport PR (`backport/<n>-to-<target>`) was merged: update the request(s) that track it and
 * close each one whose backports have all landed. The request is named in the backport PR's body
 * ("Requested in #<issue>", one pulls.get). A body with fixline's marker and no such line belongs to
 * a label or `/backport` backport: no call more. Only a body without fixline's marker (a PR opened by
 * hand, or its body rewritten) makes fixline list the open request issues (one call per 100) and
 * read their plan comments, to find the one whose state names this source PR and line.
 */
export async function handleBackportMerged(
  deps: JobDeps,
  trigger: Extract<RequestTrigger, { type: 'backport-merged' }>,
): Promise<JobOutcome> {
  const branch = BRANCH.exec(trigger.headRef)
  if (!branch?.[1] || !branch[2]) return skipped(JOB, `${trigger.headRef} is not a backport branch`)
  const source = Number(branch[1])
  const target = branch[2]
  const raw = await getPullRaw(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.pr)
  const body = typeof raw.body === 'string' ? raw.body : ''
  let issues = requestIssuesIn(body)
  // fixline's own body without "Requested in": a label or /backport backport, which no request tracks.
  if (issues.length === 0 && body.includes('<!-- fixline:backport '))
    return skipped(JOB, `#${trigger.pr} was not opened for a request`)
  if (issues.length === 0)
    issues = await openIssuesWithLabel(
      deps.github,
      deps.ctx.owner,
      deps.ctx.repo,
      deps.config.requests.labels.request,
      50,
    )
  const outcomes: JobOutcome[] = []
  for (const number of issues) {
    const loaded = await loadRequest(deps, number)
    const tracked =
      loaded?.state?.source === source
        ? loaded.state.targets.find((t) => t.target === target)
        : undefined
    if (!loaded?.state || !tracked) continue
    tracked.pr = {
      number: trigger.pr,
      url: typeof raw.html_url === 'string' ? raw.html_url : (tracked.pr?.url ?? ''),
      state: 'merged',
    }
    tracked.status ??= 'created'
    await refreshOthers(deps, loaded.state, trigger.pr)
    outcomes.push(await settle(deps, loaded, loaded.state))
  }
  if (outcomes.length === 0)
    return skipped(JOB, `no backport request tracks #${trigger.pr} (${trigger.headRef})`)
  return outcomes.length === 1 && outcomes[0]
    ? outcomes[0]
    : {
        ...outcomes[0]!,
        results: outcomes.flatMap((o) => o.results),
        summary: outcomes.map((o) => o.summary).join('\n'),
      }
}

/** The other backport PRs of the request that were still open: one pulls.get each, in case their merge event was missed. */
async function refreshOthers(deps: JobDeps, state: RequestState, merged: number): Promise<void> {
  for (const t of state.targets) {
    if (!t.pr || t.pr.number === merged || t.pr.state === 'merged') continue
    try {
      const raw = await getPullRaw(deps.github, deps.ctx.owner, deps.ctx.repo, t.pr.number)
      const isMerged =
        raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '')
      t.pr.state = isMerged ? 'merged' : raw.state === 'closed' ? 'closed' : 'open'
    } catch (error) {
      deps.log.warning(
        `cannot read backport PR #${t.pr.number}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
}

async function settle(
  deps: JobDeps,
  loaded: LoadedRequest,
  state: RequestState,
): Promise<JobOutcome> {
  const number = loaded.issue.number
  // Closed once, when the last backport lands; a request reopened after that is left open.
  const closeNow = isComplete(state) && !state.completed
  if (isComplete(state)) state.completed = true
  await syncLabels(deps, number, loaded.issue.labels, planLabels(state.targets, deps.config))
  const notes = closeNow ? ['Every backport has landed: fixline closed this request.'] : []
  await writePlan(
    deps,
    loaded,
    renderPlan({ state, ...requestOf(deps, loaded), problems: [], config: deps.config, notes }),
  )
  if (closeNow && loaded.issue.state === 'open' && !deps.dryRun)
    await closeIssue(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'completed')
  return outcomeOf(number, state, [])
}
