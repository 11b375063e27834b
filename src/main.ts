import { messageOf } from './errors.js'
import * as core from '@actions/core'
import { ConfigError } from './config/types.js'
import { tokenSecrets } from './git/auth.js'
import { contextFromEnv, type Env } from './github/context.js'
import { parseInputs } from './inputs.js'
import type { JobDeps, JobOutcome } from './jobs.js'
import { prose } from './markdown/escape.js'
import { coreLogger } from './report/core-logger.js'
import { writeOutcome } from './report/outputs.js'
import { routeEvent, WIDEST_ROUTE_OPTIONS, type BackportTrigger, type Route } from './route.js'
import type { ForwardPortTrigger, HotfixTrigger, RequestTrigger, UpgradeTrigger } from './route.js'
import type { DashboardTrigger } from './route.js'

/**
 * The action: parse inputs once, route the event, run each job, report. One top-level catch.
 * An event that routes to nothing whatever the config says finishes without reading the config or
 * loading Octokit and git (./deps.ts): most events a repository emits have nothing to do.
 */
export async function run(env: Env = process.env, cwd: string = process.cwd()): Promise<void> {
  try {
    const inputs = parseInputs(env)
    for (const secret of tokenSecrets(inputs.token)) core.setSecret(secret)
    const ctx = contextFromEnv(env, cwd)
    const log = coreLogger()
    const widest = routeEvent(ctx.eventName, ctx.payload, WIDEST_ROUTE_OPTIONS)
    if (widest.every((route) => route.job === 'none')) {
      for (const route of widest) if (route.job === 'none') log.info(nothingToDo(route.reason))
      await writeOutcome([])
      return
    }
    const { loadConfig, jobDeps } = await import('./deps.js')
    const config = await loadConfig(ctx, inputs.configPath, log)
    const routes = routeEvent(ctx.eventName, ctx.payload, {
      hotfixPrefix: config.hotfix.branchPrefix,
      forwardPortOnRelease: config.forwardport.onRelease,
    })
    await writeOutcome(await runRoutes(jobDeps(inputs, ctx, config, log), routes))
  } catch (error) {
    core.setFailed(messageFor(error))
  }
}

/** The jobs an event can route to (injectable in tests). */
export interface Jobs {
  backport: (deps: JobDeps, trigger: BackportTrigger) => Promise<JobOutcome>
  upgrade: (deps: JobDeps, trigger: UpgradeTrigger) => Promise<JobOutcome>
  requests: (deps: JobDeps, trigger: RequestTrigger) => Promise<JobOutcome>
  hotfix: (deps: JobDeps, trigger: HotfixTrigger) => Promise<JobOutcome>
  forwardport: (deps: JobDeps, trigger: ForwardPortTrigger) => Promise<JobOutcome>
  dashboard: (deps: JobDeps, trigger: DashboardTrigger) => Promise<JobOutcome>
}

/**
 * How the jobs are wired. Each job's code is loaded only when an event routes to it (a run with
 * nothing to do loads none of them). `/backport` to a line outside the maintenance window is held
 * for a release manager by the backport-requests job (the backport job never imports it).
 */
export const JOBS: Jobs = {
  backport: async (deps, trigger) => {
    const [{ runBackportJob }, { holdForApproval }] = await Promise.all([
      import('./backport/job.js'),
      import('./requests/pr-approval.js'),
    ])
    return runBackportJob(deps, trigger, { holdForApproval })
  },
  upgrade: async (deps, trigger) => (await import('./upgrade/job.js')).runUpgradeJob(deps, trigger),
  requests: async (deps, trigger) =>
    (await import('./requests/job.js')).runRequestsJob(deps, trigger),
  hotfix: async (deps, trigger) => (await import('./hotfix/job.js')).runHotfixJob(deps, trigger),
  forwardport: async (deps, trigger) =>
    (await import('./forwardport/index.js')).runForwardPortJob(deps, trigger),
  dashboard: async (deps, trigger) =>
    (await import('./dashboard/job.js')).runDashboardJob(deps, trigger),
}

/**
 * Runs every route of the event. A job that throws becomes a failed outcome (the step fails) and
 * never stops the next job: a merged backport PR still updates its request when the backport job broke.
 */
export async function runRoutes(
  deps: JobDeps,
  routes: readonly Route[],
  jobs: Jobs = JOBS,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = []
  for (const route of routes) {
    if (route.job === 'none') {
      deps.log.info(nothingToDo(route.reason))
      continue
    }
    try {
      outcomes.push(await runRoute(deps, route, jobs))
    } catch (error) {
      const message = messageFor(error)
      deps.log.error(message)
      outcomes.push({
        job: route.job,
        results: [{ target: route.job, status: 'failed', message, error: message }],
        createdPullRequests: [],
        conclusion: 'failure',
        summary: `### fixline: ${route.job}\n\n${prose(message, 2_000)}\n`,
      })
    }
  }
  return outcomes
}

function runRoute(
  deps: JobDeps,
  route: Exclude<Route, { job: 'none' }>,
  jobs: Jobs,
): Promise<JobOutcome> {
  const title = `fixline: ${route.job} (${route.trigger.type})`
  switch (route.job) {
    case 'backport':
      return deps.log.group(title, () => jobs.backport(deps, route.trigger))
    case 'upgrade':
      return deps.log.group(title, () => jobs.upgrade(deps, route.trigger))
    case 'requests':
      return deps.log.group(title, () => jobs.requests(deps, route.trigger))
    case 'hotfix':
      return deps.log.group(title, () => jobs.hotfix(deps, route.trigger))
    case 'forwardport':
      return deps.log.group(title, () => jobs.forwardport(deps, route.trigger))
    case 'dashboard':
      return deps.log.group(title, () => jobs.dashboard(deps, route.trigger))
  }
}

function nothingToDo(reason: string): string {
  return `fixline: nothing to do: ${reason}`
}

function messageFor(error: unknown): string {
  if (error instanceof ConfigError)
    return `${error.message}\nSee fixline.schema.json for every key and its default.`
  return `fixline failed: ${messageOf(error)}`
}
