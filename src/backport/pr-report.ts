/** The one comment on the original PR that reports a backport (or forward-port) run. */
import { messageOf } from '../errors.js'
import { commentIdentity, type JobDeps } from '../jobs.js'
import { upsertMarkedComment } from '../github/comments.js'
import { backportKind, type PortKind } from './kind.js'
import { mergeRows, parseCommentRows, renderComment, type BackportRow } from './report.js'

/** How the report on the original PR went: notes for the job summary, and whether it failed. */
export interface PrReport {
  notes: string[]
  /** The comment could not be written: the people who asked see nothing, so the job fails. */
  failure?: string
}

/** Updates the one comment on the original PR. */
export async function reportOnPr(
  deps: JobDeps,
  source: number,
  rows: readonly BackportRow[],
  kind: PortKind = backportKind(deps.config),
): Promise<PrReport> {
  if (rows.length === 0) return { notes: [] }
  if (deps.dryRun)
    return { notes: ['Dry run: no branch pushed, no pull request opened, no comment posted.'] }
  try {
    await upsertMarkedComment(deps.github, {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      issue: source,
      ...commentIdentity(deps, kind.commentMarker),
      body: (existing) =>
        renderComment(source, mergeRows(parseCommentRows(existing), rows), {
          marker: kind.commentMarker,
          noun: kind.noun,
        }),
    })
    return { notes: [] }
  } catch (error) {
    const failure = `could not write the ${kind.noun} comment on #${source}, so nobody on the PR sees these results: ${messageOf(error)}`
    deps.log.error(failure)
    return { notes: [`${failure}. The results are below.`], failure }
  }
}
