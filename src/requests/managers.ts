import { isActiveTeamMember } from '../github/teams.js'
import type { JobDeps } from '../jobs.js'
import { boundList } from '../markdown/bound.js'
import { mention } from '../markdown/escape.js'

export interface ManagerCheck {
  manager: boolean
  /** How the user qualified (`users` or the team), or why not. */
  reason: string
  /** Teams whose membership could not be read (token without organization access). */
  unreadable?: string[]
}

/**
 * Whether `user` is a release manager: listed in `requests.releaseManagers.users` (case-insensitive),
 * or an active member of one of `requests.releaseManagers.teams` (checked through the API, one call
 * per team until one answers yes). Never from the payload's author_association.
 */
export async function checkReleaseManager(deps: JobDeps, user: string): Promise<ManagerCheck> {
  const rm = deps.config.requests.releaseManagers
  if (rm.users.some((u) => u.toLowerCase() === user.toLowerCase()))
    return { manager: true, reason: 'listed in requests.releaseManagers.users' }
  const unreadable: string[] = []
  for (const team of rm.teams) {
    const [org, slug] = team.split('/')
    if (!org || !slug) continue
    try {
      if (await isActiveTeamMember(deps.github, org, slug, user))
        return { manager: true, reason: `member of ${mention(team)}` }
    } catch (error) {
      // A token that cannot read teams (the default GITHUB_TOKEN): not a yes, and said so.
      deps.log.warning(
        `${error instanceof Error ? error.message : String(error)}: the token needs organization Members: read (read:org)`,
      )
      unreadable.push(mention(team))
    }
  }
  const note = unreadable.length
    ? `; fixline could not read the membership of ${unreadable.join(', ')}: its token needs organization Members: read`
    : ''
  return {
    manager: false,
    reason: `not a release manager (${releaseManagerList(deps)})${note}`,
    ...(unreadable.length ? { unreadable } : {}),
  }
}

/** `@alice, @acme/release-managers`, for messages (Markdown: the configured names are mentioned). */
export function releaseManagerList(deps: Pick<JobDeps, 'config'>): string {
  const rm = deps.config.requests.releaseManagers
  const who = boundList([...rm.users, ...rm.teams].map(mention), 20)
  return who.shown.length
    ? `release managers: ${[...who.shown, ...(who.more ? [who.more] : [])].join(', ')}`
    : 'no release managers are configured: set requests.releaseManagers in .github/fixline.yml'
}

/** Appended to a refusal when a team could not be checked. */
export function unreadableNote(check: ManagerCheck): string {
  return check.unreadable?.length
    ? ` (fixline could not read the membership of ${check.unreadable.join(', ')}: its token needs organization Members: read)`
    : ''
}
