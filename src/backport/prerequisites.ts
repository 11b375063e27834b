/**
 * The prerequisite hint of a conflict: the earlier commits of the source line that touched the
 * conflicting files and have no equivalent on the target (by the shared fix evidence,
 * src/evidence: patch-id, `cherry picked from` trailers either way, ...), newest first. They are
 * the usual reason a pick conflicts: the fix builds on a change the target never got.
 *
 * A constant number of git processes per target, whatever the history: in a shallow checkout
 * three fetches (the source side back to the target, `--shallow-exclude`; the target side back to
 * the source line; then `--deepen=1`, see {@link deepenBothSides}), then one rev-parse, one graph
 * read, the evidence read (3 processes; 8 when a partial clone lacks objects) and one `git log` of
 * the conflicting files: 10 processes (15 with missing objects), 3 fewer in a full clone.
 */
import type { Git } from '../git/git.js'
import { isShallowRepository } from '../git/commits.js'
import { commitGraph } from '../git/graph.js'
import { isPlausibleRefName } from '../git/refs.js'
import { fixEvidence } from '../evidence/index.js'
import { messageOf } from '../errors.js'
import { assertRemote } from './fetch.js'
import type { Prerequisite, PrerequisiteHint } from './types.js'

/** Prerequisites listed; the rest are counted ("and N more"). */
export const PREREQUISITES_SHOWN = 10

export interface PrerequisiteQuery {
  remote: string
  /** The target branch's name on the remote, and its tip (a ref or sha fetched already). */
  target: string
  targetTip: string
  /** The branch the source PR was merged into (the source line). */
  sourceBranch: string
  /** The commit that conflicted: commits before it on its first-parent history are candidates. */
  failed: string
  /** Conflicting files. */
  files: readonly string[]
  /** The plan's own commits: never prerequisites of themselves. */
  planned: readonly string[]
}

export const NO_PREREQUISITES: PrerequisiteHint = { commits: [], more: 0, unavailable: undefined }

/** The hint; never throws (a hint that cannot be worked out says why in `unavailable`). */
export async function findPrerequisites(
  git: Git,
  query: PrerequisiteQuery,
): Promise<PrerequisiteHint> {
  if (query.files.length === 0) return NO_PREREQUISITES
  try {
    return await prerequisites(git, query)
  } catch (error) {
    return { commits: [], more: 0, unavailable: messageOf(error) }
  }
}

async function prerequisites(git: Git, query: PrerequisiteQuery): Promise<PrerequisiteHint> {
  if (await isShallowRepository(git)) await deepenBothSides(git, query)
  const [parent, tip] = await git.lines(['rev-parse', `${query.failed}^`, query.targetTip])
  if (!parent || !tip) throw new Error(`could not resolve ${query.failed}^ and ${query.targetTip}`)
  const graph = await commitGraph(git, [parent, tip])
  const evidence = await fixEvidence(git, graph, [{ from: parent, to: tip }])
  const lost = new Set(evidence.compare({ from: parent, to: tip }).lost.map((c) => c.sha))
  for (const sha of query.planned) lost.delete(sha)
  const touched = await commitsTouching(git, parent, tip, query.files)
  // A commit with no parent in the graph (a root, or a shallow boundary) shows every file as added.
  const rooted = (sha: string) => (graph.parents[graph.order(sha)]?.length ?? 0) > 0
  const missing = touched.filter((c) => lost.has(c.sha) && rooted(c.sha))
  const order = (sha: string) => graph.order(sha)
  missing.sort((a, b) => order(b.sha) - order(a.sha))
  return {
    commits: missing.slice(0, PREREQUISITES_SHOWN),
    more: Math.max(0, missing.length - PREREQUISITES_SHOWN),
    unavailable: undefined,
  }
}

/**
 * In a shallow checkout: the source side (the failing commit's history not on the target) and the
 * target side (not on the source line), each bounded by the other branch on the remote. A
 * `--shallow-exclude` fetch also cuts history the checkout already had: a commit whose parents
 * are on the other side becomes a shallow boundary (a root), which a later target's pick of it
 * would read as adding every file. `--deepen=1` gives every boundary its parents back, so each
 * side's oldest commit has its real diff and every commit keeps the parents a pick needs.
 */
async function deepenBothSides(git: Git, query: PrerequisiteQuery): Promise<void> {
  assertRemote(query.remote)
  for (const name of [query.target, query.sourceBranch])
    if (!isPlausibleRefName(name)) throw new Error(`"${name}" is not a valid branch name`)
  const fetch = (exclude: string, want: string) =>
    git.run([
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-recurse-submodules',
      `--shallow-exclude=refs/heads/${exclude}`,
      query.remote,
      want,
    ])
  await fetch(query.target, query.failed)
  // The target side may be empty (the target's tip is on the source line): then there is nothing to read.
  await fetch(query.sourceBranch, `refs/heads/${query.target}`).catch(() => undefined)
  await git.run([
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    '--deepen=1',
    query.remote,
    query.failed,
    `refs/heads/${query.target}`,
  ])
}

/** Commits reachable from `from` and not from `tip` that changed any of `files`, with the files they changed. */
async function commitsTouching(
  git: Git,
  from: string,
  tip: string,
  files: readonly string[],
): Promise<Prerequisite[]> {
  const wanted = new Set(files)
  const out = await git.text([
    '-c',
    'core.quotePath=false',
    'log',
    '--no-merges',
    '--full-history',
    '--name-only',
    '--format=%x01%H%x02%s',
    from,
    `^${tip}`,
    '--',
    ...files.map((f) => `:(literal)${f}`),
  ])
  const commits: Prerequisite[] = []
  for (const block of out.split('\x01').slice(1)) {
    const [head = '', ...paths] = block.split('\n')
    const [sha = '', subject = ''] = head.split('\x02')
    commits.push({
      sha,
      subject,
      files: paths.filter((p) => wanted.has(p)),
      pr: prOfSubject(subject),
      backport: { state: 'unknown' },
    })
  }
  return commits
}

/** The PR a squash or merge commit's subject names: `Title (#123)` or `Merge pull request #123 from ...`. */
export function prOfSubject(subject: string): Prerequisite['pr'] {
  const squash = /^(.*\S)\s+\(#(\d{1,9})\)$/.exec(subject)
  if (squash) return { number: Number(squash[2]), title: squash[1] ?? '', url: undefined }
  const merge = /^Merge pull request #(\d{1,9}) from /.exec(subject)
  if (merge) return { number: Number(merge[1]), title: subject, url: undefined }
  return undefined
}
