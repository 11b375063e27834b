import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
import type { GitHub } from '../../../src/github/client.js'
import type { JobDeps } from '../../../src/jobs.js'
import { memoryLogger } from '../../../src/log.js'
import { checkReleaseManager } from '../../../src/requests/managers.js'

/** Team memberships answered by a stub of `teams.getMembershipForUserInOrg`; every call recorded. */
function depsWith(answer: (team: string, user: string) => { state: string } | number) {
  const calls: string[] = []
  const github = {
    rest: {
      teams: {
        getMembershipForUserInOrg: async (p: {
          org: string
          team_slug: string
          username: string
        }) => {
          const team = `${p.org}/${p.team_slug}`
          calls.push(`${team}:${p.username}`)
          const a = answer(team, p.username)
          if (typeof a === 'number') throw Object.assign(new Error(`HTTP ${a}`), { status: a })
          return { data: a }
        },
      },
    },
  } as unknown as GitHub
  const deps = {
    config: parseConfig(
      'requests:\n  releaseManagers:\n    users: [Rita]\n    teams: [acme/rm, acme/leads]\n',
    ),
    github,
    log: memoryLogger(),
  } as unknown as JobDeps
  return { deps, calls }
}

describe('checkReleaseManager', () => {
  it('takes a listed user in any case without an API call', async () => {
    const { deps, calls } = depsWith(() => {
      throw new Error('no call expected')
    })
    expect((await checkReleaseManager(deps, 'rita')).manager).toBe(true)
    expect(calls).toEqual([])
  })

  it('asks the API team by team until one answers an active membership', async () => {
    const { deps, calls } = depsWith((team) => (team === 'acme/leads' ? { state: 'active' } : 404))
    expect(await checkReleaseManager(deps, 'tess')).toMatchObject({
      manager: true,
      reason: 'member of @acme/leads',
    })
    expect(calls).toEqual(['acme/rm:tess', 'acme/leads:tess'])
  })

  it('refuses a non-member, a pending invitation, and a team the token cannot read (said so)', async () => {
    expect((await checkReleaseManager(depsWith(() => 404).deps, 'mallory')).manager).toBe(false)
    const pending = depsWith(() => ({ state: 'pending' }))
    expect((await checkReleaseManager(pending.deps, 'mallory')).manager).toBe(false)
    expect(pending.calls).toHaveLength(2)
    const forbidden = await checkReleaseManager(depsWith(() => 403).deps, 'tess')
    expect(forbidden).toMatchObject({ manager: false, unreadable: ['@acme/rm', '@acme/leads'] })
    expect(forbidden.reason).toContain('could not read the membership of @acme/rm, @acme/leads')
  })
})
