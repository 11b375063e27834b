import type { GitHub } from './client.js'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

const ORDER: readonly Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin']

/**
 * A user's permission on the repository through the collaborator-permission API (never the
 * payload's author_association). `role_name` is preferred: it distinguishes maintain and triage,
 * which `permission` folds into write and read. A user who is not a collaborator (404) has none.
 */
export async function collaboratorPermission(
  github: GitHub,
  owner: string,
  repo: string,
  username: string,
): Promise<Permission> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
      owner,
      repo,
      username,
    })
    const role = (data as { role_name?: string }).role_name
    if (isPermission(role)) return role
    return isPermission(data.permission) ? data.permission : 'none'
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'none'
    throw new Error(`cannot read the repository permission of @${username}`, { cause: error })
  }
}

/** Whether `actual` is at least `needed`. */
export function hasPermission(actual: Permission, needed: Permission): boolean {
  return ORDER.indexOf(actual) >= ORDER.indexOf(needed)
}

function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (ORDER as readonly string[]).includes(value)
}
