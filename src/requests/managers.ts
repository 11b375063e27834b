import { isActiveTeamMember } from '../github/teams.js'
import type { JobDeps } from '../jobs.js'

export interface ManagerCheck {
  manager: boolean
  /** How the user qualified (`users` or the team), or why not. */
  reason: string
}

/**
 * Whether `user` is a release manager: listed in `requests.releaseManagers.users` (case-insensitive),
 * or an active member of one of `requests.releaseManagers.teams` (checked through the API, one call
 * per team until one answers yes). Never from the payload's author_association.
 */
export async function checkReleaseManager(deps: JobDeps, user: string): Promise<ManagerCheck> {
  const rm = deps.config.requests.releaseManagers
  if (rm.users.some((u) => u.toLowerCase() === user.toLowerCase())) return { manager: true, reason: 'listed in requests.releaseManagers.users' }
  for (const team of rm.teams) {
    const [org, slug] = team.split('/')
    if (!org || !slug) continue
    if (await isActiveTeamMember(deps.github, org, slug, user)) return { manager: true, reason: `member of @${team}` }
  }
  return { manager: false, reason: `not a release manager (${releaseManagerList(deps)})` }
}

/** `@alice, @acme/release-managers`, for messages. */
export function releaseManagerList(deps: Pick<JobDeps, 'config'>): string {
  const rm = deps.config.requests.releaseManagers
  const who = [...rm.users, ...rm.teams].map((w) => `@${w}`)
  return who.length ? `release managers: ${who.join(', ')}` : 'no release managers are configured: set requests.releaseManagers in .github/fixline.yml'
}
