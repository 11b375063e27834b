import type { GitHub } from './client.js'

/**
 * Whether `username` is an active member of the team `org/team_slug`
 * (GET /orgs/{org}/teams/{team_slug}/memberships/{username}). A 404 means not a member (or a team
 * the token cannot see); a pending invitation is not membership. Needs a token with `read:org`
 * (a GitHub App with organization "Members: read"): the default GITHUB_TOKEN cannot read teams.
 */
export async function isActiveTeamMember(
  github: GitHub,
  org: string,
  teamSlug: string,
  username: string,
): Promise<boolean> {
  try {
    const { data } = await github.rest.teams.getMembershipForUserInOrg({
      org,
      team_slug: teamSlug,
      username,
    })
    return data.state === 'active'
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false
    throw new Error(`cannot read the membership of @${username} in the team ${org}/${teamSlug}`, {
      cause: error,
    })
  }
}
