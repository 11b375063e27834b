/**
 * A box ticked on the dashboard (an `issues` `edited` event on fixline's dashboard issue). The body
 * is outside input: the ticked ids are compared with the body before the edit, and each is acted on
 * only when a freshly computed audit lists the same item. The sender's permission comes from the
 * API: a writer's tick opens the PR (or records "not needed") and the dashboard is rewritten with
 * the PR's link; anyone else's tick is undone (the body rendered again) with one reply.
 */
import { createHash } from 'node:crypto'
import { messageOf } from '../errors.js'
import { replyOnce } from '../github/comments.js'
import { collaboratorPermission, hasPermission } from '../github/permissions.js'
import type { CreatedPullRequest, JobDeps, JobOutcome, TargetResult } from '../jobs.js'
import { skipped } from '../jobs.js'
import { mention } from '../markdown/escape.js'
import type { DashboardTrigger } from '../route.js'
import { itemKey, newTicks, type ItemId } from './items.js'
import { loadDashboard } from './issue.js'
import { gather } from './gather.js'
import { JOB, publish } from './publish.js'
import type { DashboardSources } from './sources.js'
import { withDecisions, withOpened, type Decision, type OpenedPr } from './state.js'
import { applyDecision, resolveItem, type DashboardView } from './view.js'

/** Most ticks acted on per edit (a bulk edit ticking hundreds of boxes opens at most this many PRs). */
export const MAX_TICKS = 20

type Edited = Extract<DashboardTrigger, { type: 'edited' }>

export async function handleTick(
  deps: JobDeps,
  trigger: Edited,
  sources: DashboardSources,
): Promise<JobOutcome> {
  if (trigger.user === deps.botLogin) return skipped(JOB, 'fixline’s own edit of the dashboard')
  if (!deps.config.dashboard.enabled) return skipped(JOB, 'dashboard.enabled is false')
  const ticks = newTicks(trigger.body, trigger.before)
  if (ticks.length === 0) return skipped(JOB, `no box ticked on #${trigger.issue}`)
  const loaded = await loadDashboard(deps)
  if (loaded.issue?.number !== trigger.issue) {
    deps.log.warning(
      `#${trigger.issue} carries the dashboard's marker but is not the dashboard fixline (${deps.botLogin}) opened: ignored`,
    )
    return skipped(JOB, `#${trigger.issue} is not fixline's dashboard`)
  }
  const permission = await collaboratorPermission(
    deps.github,
    deps.ctx.owner,
    deps.ctx.repo,
    trigger.user,
  )
  const view = await gather(deps, loaded.state, sources)
  if (!hasPermission(permission, 'write')) {
    await refuse(deps, trigger, ticks)
    const refused: TargetResult = {
      target: `dashboard #${trigger.issue}`,
      status: 'skipped',
      message: `${trigger.user} (${permission}) may not act on the dashboard: the tick was undone`,
    }
    return publish(deps, loaded, view, loaded.state, [refused])
  }
  const acted = await act(deps, view, trigger.user, ticks.slice(0, MAX_TICKS), sources)
  let state = withDecisions(loaded.state, acted.decisions)
  state = withOpened(state, acted.opened)
  let audit = view.audit
  for (const d of acted.decisions) audit = applyDecision(audit, d)
  return publish(deps, loaded, { ...view, audit }, state, acted.results, {
    createdPullRequests: acted.created,
  })
}

async function refuse(deps: JobDeps, trigger: Edited, ticks: readonly ItemId[]): Promise<void> {
  const hash = createHash('sha256').update(ticks.map(itemKey).join('\n')).digest('hex').slice(0, 12)
  const body = `${mention(trigger.user)} only people with write permission on the repository can act on the dashboard, so your tick was undone. Ask a maintainer to tick it.`
  deps.log.info(`#${trigger.issue}: refused a tick by ${trigger.user}`)
  if (deps.dryRun) return
  await replyOnce(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue: trigger.issue,
    key: `dashboard-tick-${trigger.user}-${hash}`,
    body,
    author: deps.botLogin,
    warn: (m) => deps.log.warning(m),
  })
}

interface Acted {
  results: TargetResult[]
  decisions: Decision[]
  opened: OpenedPr[]
  created: CreatedPullRequest[]
}

/** Each tick that names an item of the fresh audit: one result each, a failure never stops the rest. */
async function act(
  deps: JobDeps,
  view: DashboardView,
  user: string,
  ticks: readonly ItemId[],
  sources: DashboardSources,
): Promise<Acted> {
  const acted: Acted = { results: [], decisions: [], opened: [], created: [] }
  for (const id of ticks) {
    const target = describe(id)
    const item = resolveItem(view.audit, id)
    if (!item) {
      acted.results.push({
        target,
        status: 'skipped',
        message: 'not in the current audit (landed, decided, or never listed): nothing done',
      })
      continue
    }
    if (id.kind === 'skip') {
      acted.decisions.push({ sha: id.sha, line: id.line, by: user, at: new Date().toISOString() })
      acted.results.push({
        target,
        status: 'success',
        message: `recorded as not needed by ${user}`,
      })
      continue
    }
    const pr = 'fix' in item ? item.fix.pr?.number : item.unlanded.pr
    if (pr === undefined) {
      acted.results.push({ target, status: 'skipped', message: 'the fix has no PR to port' })
      continue
    }
    try {
      const run =
        'fix' in item
          ? await sources.forwardPort(deps, pr, id.line)
          : await sources.backport(deps, pr, id.line)
      acted.created.push(...run.createdPullRequests)
      const withPr = run.results.find((r) => r.pullRequest !== undefined)
      if (withPr?.pullRequest)
        acted.opened.push({
          key: itemKey(id),
          number: withPr.pullRequest.number,
          url: withPr.pullRequest.url,
        })
      acted.results.push(...run.results.map((r) => ({ ...r, target: `${target}: ${r.target}` })))
    } catch (error) {
      const message = messageOf(error)
      acted.results.push({ target, status: 'failed', message, error: message })
    }
  }
  return acted
}

function describe(id: ItemId): string {
  if (id.kind === 'backport') return `backport of #${id.pr} to ${id.line}`
  const what = id.kind === 'port' ? 'forward-port' : 'not needed'
  return `${what} of ${id.sha.slice(0, 12)} on ${id.line}`
}
