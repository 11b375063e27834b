/**
 * `/backport` and `/forwardport` need write permission (collaborator-permission API). A refused
 * user gets one reply (replyOnce: a re-delivered comment posts no second); the caller makes its row.
 */
import { replyOnce } from '../github/comments.js'
import { collaboratorPermission, hasPermission } from '../github/permissions.js'
import type { JobDeps } from '../jobs.js'

/** Undefined when `user` may run `/<command>`; else the refusal message, already replied. */
export async function refuseNonWriter(
  deps: JobDeps,
  command: 'backport' | 'forwardport',
  comment: { pr: number; commentId: number; user: string },
): Promise<string | undefined> {
  const { owner, repo } = deps.ctx
  const permission = await collaboratorPermission(deps.github, owner, repo, comment.user)
  if (hasPermission(permission, 'write')) return undefined
  const message = `@${comment.user} needs write permission on this repository to run \`/${command}\` (has: ${permission}); nothing was done`
  deps.log.warning(message)
  if (!deps.dryRun)
    await replyOnce(deps.github, {
      owner,
      repo,
      issue: comment.pr,
      key: `${command}-${comment.commentId}`,
      body: message,
      author: deps.botLogin,
      warn: (m) => deps.log.warning(m),
    })
  return message
}
