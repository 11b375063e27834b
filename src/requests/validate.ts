import { messageOf } from '../errors.js'
import { getPullRaw } from '../github/pulls.js'
import { mergedPullsForCommit } from '../github/issues.js'
import type { JobDeps } from '../jobs.js'
import { discoverLines, payloadDefaultBranch } from './lines.js'
import type { ReleaseLine } from './policy.js'
import type { BackportRequest, RequestState } from './types.js'

export interface CheckedRequest {
  /** The merged source pull request (resolved from the commits when only they were given). */
  pr: number | undefined
  baseRef: string | undefined
  lines: ReleaseLine[]
  problems: string[]
}

/**
 * Checks a parsed request against the repository: the source PR exists and is merged (one pulls.get),
 * every target is an existing release line (one ls-remote), and the source did not change after
 * backports were opened for it. Every problem is collected; nothing is changed.
 */
export async function checkRequest(
  deps: JobDeps,
  request: BackportRequest,
  previous: RequestState | undefined,
): Promise<CheckedRequest> {
  const problems: string[] = []
  const pr = request.pr ?? (await prFromCommits(deps, request.commits, problems))
  let baseRef: string | undefined
  if (pr !== undefined) baseRef = await checkMerged(deps, pr, problems)
  let lines: ReleaseLine[] = []
  try {
    lines = await discoverLines(deps.git, deps.config, payloadDefaultBranch(deps.ctx.payload))
  } catch (error) {
    problems.push(`cannot list the release lines of the repository: ${messageOf(error)}`)
  }
  const names = lines.map((l) => l.branch)
  for (const target of request.targets) {
    if (target === baseRef)
      problems.push(
        `#${pr} was merged into \`${target}\`: the fix is already on that line; untick it`,
      )
    else if (lines.length > 0 && !names.includes(target))
      problems.push(
        `\`${target}\` is not a release line of this repository (release lines: ${names.map((n) => `\`${n}\``).join(', ') || 'none'})`,
      )
  }
  const opened = previous?.targets.some((t) => t.pr !== undefined) ?? false
  if (opened && previous?.source !== undefined && pr !== undefined && pr !== previous.source)
    problems.push(
      `the source pull request cannot change once backports were opened for #${previous.source}; file a new request for #${pr}`,
    )
  return { pr, baseRef, lines, problems }
}

async function checkMerged(
  deps: JobDeps,
  pr: number,
  problems: string[],
): Promise<string | undefined> {
  let raw: Record<string, unknown>
  try {
    raw = await getPullRaw(deps.github, deps.ctx.owner, deps.ctx.repo, pr)
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      problems.push(`#${pr} is not a pull request of ${deps.ctx.owner}/${deps.ctx.repo}`)
    else problems.push(`cannot read pull request #${pr}: ${messageOf(error)}`)
    return undefined
  }
  const base = (raw.base as { ref?: unknown } | undefined)?.ref
  const merged = raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '')
  if (!merged) {
    const why = raw.state === 'closed' ? 'was closed without merging' : 'is not merged yet'
    problems.push(
      `#${pr} ${why}: only merged fixes are backported (file the request again, or edit it, once it is merged)`,
    )
  }
  return typeof base === 'string' ? base : undefined
}

/** One API call per commit: the merged PR containing each; all must name the same PR. */
async function prFromCommits(
  deps: JobDeps,
  commits: readonly string[],
  problems: string[],
): Promise<number | undefined> {
  const found = new Set<number>()
  for (const sha of commits.slice(0, 20)) {
    try {
      const pulls = await mergedPullsForCommit(deps.github, deps.ctx.owner, deps.ctx.repo, sha)
      if (pulls.length === 0)
        problems.push(
          `commit ${sha.slice(0, 12)} is in no merged pull request: give the pull request instead`,
        )
      for (const p of pulls) found.add(p)
    } catch (error) {
      problems.push(
        `cannot find the pull request of commit ${sha.slice(0, 12)}: ${messageOf(error)}; give the pull request instead`,
      )
    }
  }
  if (found.size > 1)
    problems.push(
      `the commits come from several pull requests (${[...found].map((n) => `#${n}`).join(', ')}): file one request per pull request`,
    )
  return found.size === 1 ? [...found][0] : undefined
}
