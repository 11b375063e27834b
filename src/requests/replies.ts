import { addLabels } from '../github/labels.js'
import { removeLabel } from '../github/issues.js'
import { replyOnce } from '../github/comments.js'
import type { JobDeps } from '../jobs.js'
import { COMMENT_LIMIT, fitBody } from '../markdown/bound.js'

/**
 * A reply fixline posts once per `key` (a command's comment id, a refused label and user): a second
 * delivery of the same event finds it and writes nothing (a repeat has less news: "Opened #12" would
 * become a bare "Approved"). `body` is Markdown with its outside text escaped (markdown/escape.ts);
 * it is cut to GitHub's size limit, leaving room for the reply's marker.
 */
export async function reply(
  deps: JobDeps,
  issue: number,
  key: string,
  body: string,
): Promise<void> {
  deps.log.info(`#${issue}: ${body.split('\n')[0] ?? ''}`)
  if (deps.dryRun) return
  await replyOnce(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue,
    key,
    body: fitBody(body, COMMENT_LIMIT - 512),
    author: deps.botLogin,
    warn: (m) => deps.log.warning(m),
  })
}

/** Adds the labels that are missing and removes the unwanted ones that are present (no call when in sync). */
export async function syncLabels(
  deps: JobDeps,
  issue: number,
  current: readonly string[],
  wanted: { add: readonly string[]; remove: readonly string[] },
): Promise<void> {
  const add = wanted.add.filter((l) => !current.includes(l))
  const remove = wanted.remove.filter((l) => current.includes(l))
  if (add.length === 0 && remove.length === 0) return
  deps.log.info(`#${issue}: labels +[${add.join(', ')}] -[${remove.join(', ')}]`)
  if (deps.dryRun) return
  await addLabels(deps.github, deps.ctx.owner, deps.ctx.repo, issue, add)
  for (const label of remove)
    await removeLabel(deps.github, deps.ctx.owner, deps.ctx.repo, issue, label)
}
