import { describe, expect, it } from 'vitest'
import { runRoutes, type Jobs } from '../../../src/main.js'
import { defaultConfig } from '../../../src/config/load.js'
import type { JobDeps, JobOutcome } from '../../../src/jobs.js'
import { memoryLogger } from '../../../src/log.js'
import { routeEvent } from '../../../src/route.js'

const ok = (job: string): JobOutcome => ({
  job,
  results: [{ target: job, status: 'success', message: 'done' }],
  createdPullRequests: [],
  conclusion: 'success',
  summary: '',
})

describe('runRoutes', () => {
  // A merged backport PR routes to the backport job and to the requests job.
  const routes = routeEvent('pull_request_target', {
    action: 'closed',
    pull_request: { number: 8, merged: true, head: { ref: 'backport/3-to-1.x' } },
  })

  it('turns a job that throws into a failed outcome and still runs the next job', async () => {
    const log = memoryLogger()
    const deps = { config: defaultConfig(), log } as unknown as JobDeps
    const ran: string[] = []
    const jobs: Jobs = {
      backport: async () => {
        ran.push('backport')
        throw new Error('git exploded', { cause: new Error('disk full') })
      },
      upgrade: async () => ok('upgrade'),
      hotfix: async () => ok('hotfix'),
      dashboard: async () => ok('dashboard'),
      forwardport: async () => ok('forwardport'),
      requests: async () => {
        ran.push('requests')
        return ok('requests')
      },
    }
    const outcomes = await runRoutes(deps, routes, jobs)
    expect(ran).toEqual(['backport', 'requests'])
    expect(outcomes.map((o) => [o.job, o.conclusion])).toEqual([
      ['backport', 'failure'],
      ['requests', 'success'],
    ])
    expect(outcomes[0]?.results[0]).toMatchObject({
      status: 'failed',
      error: 'fixline failed: git exploded: disk full',
    })
    expect(log.lines).toContain('error: fixline failed: git exploded: disk full')
  })

  it('logs routes with nothing to do and returns no outcome for them', async () => {
    const log = memoryLogger()
    const deps = { config: defaultConfig(), log } as unknown as JobDeps
    expect(await runRoutes(deps, routeEvent('push', {}))).toEqual([])
    expect(log.lines).toEqual(['fixline: nothing to do: event "push" is not one fixline handles'])
  })
})
