/**
 * Fetching exactly what a backport needs into a `fetch-depth: 1` checkout: bounded depth, explicit
 * refspecs, never a full clone or `--unshallow`. In a full clone nothing is shallowed: fetches
 * there carry no depth.
 */
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { countCommits, isShallowRepository } from '../git/commits.js'
import { resolveRef } from '../git/ref-files.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import type { SourcePr } from './types.js'

/** Private refs that keep fetched commits reachable for the rest of the run. */
export function sourceRefs(prNumber: number): { merge: string; head: string; base: string } {
  const root = `refs/fixline/pr-${prNumber}`
  return { merge: `${root}/merge`, head: `${root}/head`, base: `${root}/base` }
}

/** Largest depth fixline fetches while isolating a PR's own commits. */
export const MAX_DEPTH = 100_000

export function assertRemote(remote: string): void {
  if (remote.length === 0 || remote.startsWith('-') || /[\s\0]/.test(remote))
    throw new Error(`"${printable(remote)}" is not a usable git remote`)
}

async function fetch(
  git: Git,
  remote: string,
  refspecs: string[],
  depth: number | undefined,
): Promise<void> {
  await fetchWith(git, remote, refspecs, depth === undefined ? [] : [`--depth=${depth}`])
}

async function fetchWith(
  git: Git,
  remote: string,
  refspecs: string[],
  options: string[],
): Promise<void> {
  assertRemote(remote)
  await git.run([
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    ...options,
    remote,
    ...refspecs,
  ])
}

async function depthFor(git: Git, depth: number): Promise<number | undefined> {
  return (await isShallowRepository(git)) ? depth : undefined
}

/**
 * Fetches the merge commit with `commits + 2` of history (every PR commit and its parent) and,
 * for PRs of more than one commit, `refs/pull/<n>/head` (falling back to the head sha when the
 * remote has no pull refs). One fetch process in the usual case.
 */
export async function fetchSource(
  git: Git,
  pr: SourcePr,
  remote: string,
  targets: readonly string[] = [],
): Promise<void> {
  const extra = targetRefspecs(remote, targets, pr.commits)
  if (extra.length === 0) return fetchSourceWith(git, pr, remote, [])
  try {
    await fetchSourceWith(git, pr, remote, extra)
  } catch (error) {
    // A target deleted since it was listed must not fail the source: fetch it alone (each target's
    // own fetch then fails for that target only).
    if (!(error instanceof GitError) || error.kind !== 'not-found') throw error
    await fetchSourceWith(git, pr, remote, [])
  }
}

async function fetchSourceWith(
  git: Git,
  pr: SourcePr,
  remote: string,
  extra: readonly string[],
): Promise<void> {
  const refs = sourceRefs(pr.number)
  const depth = await depthFor(git, pr.commits + 2)
  const merge = `+${pr.mergeCommitSha}:${refs.merge}`
  if (pr.commits <= 1) return fetch(git, remote, [merge, ...extra], depth)
  try {
    await fetch(git, remote, [merge, `+refs/pull/${pr.number}/head:${refs.head}`, ...extra], depth)
  } catch (error) {
    if (!(error instanceof GitError) || error.kind !== 'not-found') throw error
    await fetch(git, remote, [merge, `+${pr.headSha}:${refs.head}`, ...extra], depth)
  }
}

/**
 * A PR of at most this many commits fetches its targets' tips with the source, in the same
 * fetch: every fetch is a round trip to GitHub, and the source's depth (commits + 2) costs a
 * target only a few more commits. A larger PR fetches each target at depth 1 on its own.
 */
const TARGETS_WITH_SOURCE_MAX_COMMITS = 20

function targetRefspecs(remote: string, targets: readonly string[], commits: number): string[] {
  if (commits > TARGETS_WITH_SOURCE_MAX_COMMITS) return []
  return targets
    .filter((t) => isPlausibleRefName(t))
    .map((t) => `+refs/heads/${t}:${targetRef(remote, t)}`)
}

/**
 * Makes `P1..P2` exactly the PR's commits in a shallow repository. The PR side is complete after
 * {@link fetchSource}; the base side may be too shallow to know that the PR's fork point (or base
 * commits merged in by "update branch") are on the base, which shows as more than `pr.commits`
 * commits. Deepens the base side only: first back to the date of the oldest commit in the range
 * (`--shallow-since`, usually enough in one fetch), then four times deeper each round.
 */
export async function isolateOwnCommits(
  git: Git,
  pr: SourcePr,
  remote: string,
  p1: string,
  p2: string,
): Promise<void> {
  const range = [p2, `^${p1}`]
  let count = await countCommits(git, range)
  if (count <= pr.commits || !(await isShallowRepository(git))) return
  const baseRef = `+${p1}:${sourceRefs(pr.number).base}`
  const oldest = await oldestCommitTime(git, range)
  await fetchWith(
    git,
    remote,
    [baseRef],
    [`--shallow-since=${new Date((oldest - 1) * 1000).toISOString()}`],
  )
  count = await countCommits(git, range)
  let depth = pr.commits + 2
  while (count > pr.commits) {
    if (depth >= MAX_DEPTH)
      throw new Error(
        `could not isolate the ${pr.commits} commits of PR #${pr.number} within ${MAX_DEPTH} commits of history`,
      )
    depth = Math.min(depth * 4, MAX_DEPTH)
    await fetch(git, remote, [baseRef], depth)
    count = await countCommits(git, range)
  }
}

async function oldestCommitTime(git: Git, range: readonly string[]): Promise<number> {
  const times = (await git.lines(['log', '--format=%ct', ...range, '--'])).map(Number)
  return Math.min(...times)
}

/**
 * Fetches the tip of a target branch into refs/remotes/<remote>/<target> (depth 1 when shallow),
 * unless the tracking ref already holds `knownTip` (the head the remote listed moments ago).
 */
export async function fetchTarget(
  git: Git,
  remote: string,
  target: string,
  knownTip?: string,
): Promise<string> {
  if (!isPlausibleRefName(target))
    throw new Error(`"${printable(target)}" is not a valid branch name`)
  const ref = targetRef(remote, target)
  if (knownTip !== undefined && (await resolveRef(git, ref).catch(() => undefined)) === knownTip)
    return ref
  await fetch(git, remote, [`+refs/heads/${target}:${ref}`], await depthFor(git, 1))
  return ref
}

/**
 * Where a target's tip is fetched to: its tracking ref, or for a URL remote fixline's own
 * namespace (refs/fixline/target/<target>).
 */
function targetRef(remote: string, target: string): string {
  return isPlausibleRefName(remote)
    ? `refs/remotes/${remote}/${target}`
    : `refs/fixline/target/${target}`
}
