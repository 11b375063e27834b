import { describe, expect, it } from 'vitest'
import { routeEvent, WIDEST_ROUTE_OPTIONS, type RouteOptions } from '../../../src/route.js'

/** Every combination of plausible values of each option WIDEST_ROUTE_OPTIONS names. */
function optionSets(): RouteOptions[] {
  let sets: Record<string, unknown>[] = [{}]
  for (const [key, widest] of Object.entries(WIDEST_ROUTE_OPTIONS)) {
    const values: unknown[] =
      typeof widest === 'boolean'
        ? [true, false, undefined]
        : ['hotfix/', 'hotfix-', 'release/', 'main', '', undefined]
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [key]: value })))
  }
  return sets as RouteOptions[]
}

function events(): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = []
  const bases = [undefined, 'main', 'hotfix/2.0', 'hotfix-2.0', 'release/1.x', 'hotfix/']
  for (const name of ['pull_request', 'pull_request_target'])
    for (const action of ['closed', 'labeled', 'opened', 'synchronize', 'reopened', 'edited'])
      for (const merged of [true, false])
        for (const base of bases)
          for (const shas of [true, false])
            out.push([
              name,
              {
                action,
                number: 3,
                label: { name: 'backport-1.x' },
                pull_request: {
                  number: 3,
                  merged,
                  head: { ref: 'backport/2-to-1.x', ...(shas ? { sha: 'a'.repeat(40) } : {}) },
                  base: {
                    ...(base ? { ref: base } : {}),
                    ...(shas ? { sha: 'b'.repeat(40) } : {}),
                  },
                },
              },
            ])
  for (const action of ['published', 'created'])
    out.push(['release', { action, release: { tag_name: 'v1.2.0' } }])
  out.push(['schedule', {}], ['push', {}], ['workflow_dispatch', { inputs: {} }])
  out.push([
    'issue_comment',
    {
      action: 'created',
      issue: { number: 1 },
      comment: { id: 2, body: 'hi', user: { login: 'a' } },
    },
  ])
  return out
}

describe('WIDEST_ROUTE_OPTIONS', () => {
  it('routes every event to at least the routes any config gives it (the action skips the config when it gives none)', () => {
    const sets = optionSets()
    for (const [name, payload] of events()) {
      const widest = routeEvent(name, payload, WIDEST_ROUTE_OPTIONS)
        .filter((r) => r.job !== 'none')
        .map((r) => JSON.stringify(r))
      for (const options of sets) {
        const routes = routeEvent(name, payload, options).filter((r) => r.job !== 'none')
        for (const route of routes)
          expect(widest, `${name} ${JSON.stringify(payload)} ${JSON.stringify(options)}`).toContain(
            JSON.stringify(route),
          )
      }
    }
  })

  it('a comment that is not a command routes to nothing under it', () => {
    const payload = {
      action: 'created',
      issue: { number: 1, pull_request: {} },
      comment: { id: 2, body: 'Thanks!', user: { login: 'a' } },
    }
    expect(routeEvent('issue_comment', payload, WIDEST_ROUTE_OPTIONS)).toEqual([
      { job: 'none', reason: 'the comment is not a fixline command' },
    ])
  })
})
