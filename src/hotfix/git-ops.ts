/**
 * The git side of hotfixes, through src/git only: fetching what the decision needs, resolving the
 * base, the state of each hotfix branch. Creating and deleting the branches fixline owns is in
 * remote-branches.ts. Never runs PR code.
 */
import { resolveRef } from '../git/ref-files.js'
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { isShallowRepository, readCommits } from '../git/commits.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import { tagPatternSource, wholeName } from '../config/patterns.js'
import { commitGraph } from '../git/graph.js'
import { fixEvidence } from '../evidence/index.js'
import type { CommitLine, HotfixBranchState } from './decide.js'

export function remoteRef(remote: string, branch: string): string {
  return `refs/remotes/${remote}/${branch}`
}

/**
 * Fetches the default branch with its whole history, every tag, and every hotfix branch (pruning
 * deleted ones) into refs/remotes/<remote>/. A shallow checkout is deepened: the hotfix needs the
 * history between what is deployed and the default branch.
 */
export async function fetchHotfixState(
  git: Git,
  remote: string,
  defaultBranch: string,
  prefix: string,
): Promise<void> {
  for (const name of [defaultBranch, `${prefix}x`])
    if (!isPlausibleRefName(name))
      throw new Error(`"${printable(name)}" is not a valid branch name`)
  const deepen = (await isShallowRepository(git)) ? ['--unshallow'] : []
  await git.run([
    'fetch',
    '--quiet',
    '--prune',
    '--tags',
    '--no-recurse-submodules',
    ...deepen,
    remote,
    `+refs/heads/${defaultBranch}:${remoteRef(remote, defaultBranch)}`,
    `+refs/heads/${prefix}*:${remoteRef(remote, prefix)}*`,
  ])
}

/** The remote's branches under `prefix` and their commits, read with one `git ls-remote` (no fetch). */
export async function listRemoteBranches(
  git: Git,
  remote: string,
  prefix: string,
): Promise<Map<string, string>> {
  if (!isPlausibleRefName(`${prefix}x`))
    throw new Error(`"${printable(prefix)}" is not a valid branch prefix`)
  const root = `refs/heads/${prefix}`
  const lines = await git.lines(['ls-remote', '--heads', remote, `${root}*`])
  const out = new Map<string, string>()
  for (const line of lines) {
    const [sha = '', ref = ''] = line.split('\t')
    if (ref.startsWith(root) && ref.length > root.length && /^[0-9a-f]{40,64}$/.test(sha))
      out.set(ref.slice('refs/heads/'.length), sha)
  }
  return out
}

/**
 * When the oldest commit of `ref` not on `mainRef` was made (the older of its author and committer
 * dates, as an ISO timestamp), or undefined when it has none.
 */
export async function oldestOwnCommitTime(
  git: Git,
  ref: string,
  mainRef: string,
): Promise<string | undefined> {
  const lines = await git.lines(['log', '--format=%at %ct', ref, `^${mainRef}`, '--'])
  let oldest = Infinity
  for (const line of lines)
    for (const t of line.split(' ').map(Number)) if (Number.isFinite(t) && t < oldest) oldest = t
  return Number.isFinite(oldest) ? new Date(oldest * 1000).toISOString() : undefined
}

/** The commit a tag, branch or sha names, or undefined. */
export async function resolveCommit(git: Git, name: string): Promise<string | undefined> {
  if (!isPlausibleRefName(name)) return undefined
  // A branch or tracking ref: its loose ref file when there is one (no git process).
  if (/^refs\/(heads|remotes)\//.test(name)) return resolveRef(git, name).catch(() => undefined)
  const r = await git.run(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], {
    okCodes: [0, 1, 128],
  })
  return r.exitCode === 0 ? r.stdout.trim() : undefined
}

/** Makes a commit the remote has (a deployed sha no fetched branch reaches) present locally. */
export async function ensureCommit(
  git: Git,
  remote: string,
  sha: string,
): Promise<string | undefined> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return resolveCommit(git, sha)
  const present = await resolveCommit(git, sha)
  if (present) return present
  try {
    await git.run(['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', remote, sha])
  } catch (error) {
    // Only "no such commit" means it is not there; a timeout or an auth failure must be reported.
    if (error instanceof GitError && (error.kind === 'not-found' || error.kind === 'bad-ref'))
      return undefined
    throw error
  }
  return resolveCommit(git, sha)
}

function tagMatcher(patterns: readonly string[]): (tag: string) => boolean {
  const compiled = patterns.map((p) => wholeName(tagPatternSource(p)))
  return (tag) => compiled.some((re) => re?.test(tag) === true)
}

/** Release tags (by upgrade.tags) pointing at `sha`, newest first. */
export async function releaseTagsAt(
  git: Git,
  sha: string,
  patterns: readonly string[],
): Promise<string[]> {
  const isRelease = tagMatcher(patterns)
  const tags = await git.lines(['tag', '--sort=-creatordate', '--points-at', sha])
  return tags.filter((t) => t.length > 0 && isRelease(t))
}

/** The newest release tag (by upgrade.tags) reachable from `ref`, with its commit. */
export async function newestReleaseTag(
  git: Git,
  ref: string,
  patterns: readonly string[],
): Promise<{ tag: string; sha: string } | undefined> {
  const isRelease = tagMatcher(patterns)
  const lines = await git.lines([
    'for-each-ref',
    '--sort=-creatordate',
    '--merged',
    ref,
    '--format=%(refname:strip=2)%00%(*objectname)%00%(objectname)',
    'refs/tags/',
  ])
  for (const line of lines) {
    const [tag, peeled, object] = line.split('\0')
    if (tag && isRelease(tag)) return { tag, sha: peeled || object || '' }
  }
  return undefined
}

/** Commits on the default branch since `base` (first parent: one per merged PR). */
export async function commitsSince(git: Git, base: string, mainRef: string): Promise<CommitLine[]> {
  const commits = await readCommits(git, ['--first-parent', `${mainRef}`, `^${base}`])
  return commits.map((c) => ({ sha: c.sha, subject: c.subject }))
}

/** What a hotfix branch has that the default branch lacks, by the shared fix evidence. */
export interface MissingFromMain {
  /** Commits with no evidence on the default branch, oldest first. */
  missing: CommitLine[]
  /** Commits whose only evidence is a commit of the default branch with the same subject and author. */
  probable: { commit: CommitLine; counterpart: CommitLine }[]
}

/**
 * Commits of each hotfix ref with no equivalent on `upstream`, by the fix evidence the fix-loss
 * rule uses (src/evidence): patch-id, `(cherry picked from commit …)` trailers either direction,
 * svn merges, revert pairs, release-tool and bookkeeping commits (`bookkeeping`: the
 * `upgrade.bookkeeping` globs). A commit whose only match is a same-subject, same-author commit is
 * "probably ported", not missing; one that could not be read counts as missing. One graph and one
 * evidence read for all refs. The tags each hotfix reaches are its release builds: a diff that only
 * moves version strings between them (a hand-made "bump to 1.0.1") is a bump, not a missing fix.
 */
export async function missingFromMain(
  git: Git,
  upstream: string,
  heads: readonly string[],
  bookkeeping: readonly string[] = [],
): Promise<Map<string, MissingFromMain>> {
  const out = new Map<string, MissingFromMain>()
  const upSha = await resolveCommit(git, upstream)
  const tips = new Map<string, string>()
  for (const head of heads) {
    const sha = await resolveCommit(git, head)
    if (sha) tips.set(head, sha)
    else out.set(head, { missing: [], probable: [] })
  }
  if (!upSha || tips.size === 0) return out
  const graph = await commitGraph(git, [upSha, ...tips.values()])
  const pairs = [...tips.values()].map((from) => ({ from, to: upSha }))
  const ownVersions = await tagsReachedBy(git, [...tips.values()])
  const evidence = await fixEvidence(git, graph, pairs, { bookkeeping, ownVersions })
  const unread = new Set(evidence.problems.flatMap((p) => p.commits))
  for (const [head, from] of tips) {
    const result = evidence.compare({ from, to: upSha })
    const missing: CommitLine[] = result.lost.map((c) => ({ sha: c.sha, subject: c.subject }))
    if (unread.size > 0) {
      const listed = new Set(missing.map((c) => c.sha))
      const unreadHere = graph
        .exclusive(from, upSha)
        .map((i) => graph.shas[i] as string)
        .filter((sha) => unread.has(sha) && !listed.has(sha))
      if (unreadHere.length > 0) {
        missing.push(...(await commitLines(git, unreadHere)))
        const order = (c: CommitLine): number => graph.order(c.sha)
        missing.sort((a, b) => order(a) - order(b))
      }
    }
    out.set(head, {
      missing,
      probable: result.probable.map((p) => ({
        commit: { sha: p.commit.sha, subject: p.commit.subject },
        counterpart: { sha: p.counterpart.sha, subject: p.counterpart.subject },
      })),
    })
  }
  return out
}

/** Names of the tags reachable from any of `tips`: one `git tag` (repeated --merged is a union). */
async function tagsReachedBy(git: Git, tips: readonly string[]): Promise<string[]> {
  return git.lines(['tag', '--list', ...tips.flatMap((tip) => ['--merged', tip])])
}

/** {@link missingFromMain} for one hotfix ref. */
export async function commitsMissingFrom(
  git: Git,
  upstream: string,
  head: string,
  bookkeeping: readonly string[] = [],
): Promise<MissingFromMain> {
  return (
    (await missingFromMain(git, upstream, [head], bookkeeping)).get(head) ?? {
      missing: [],
      probable: [],
    }
  )
}

/** Every hotfix branch of the remote (as fetched) and whether its work is on the default branch. */
export async function hotfixBranchStates(
  git: Git,
  remote: string,
  prefix: string,
  mainRef: string,
  bookkeeping: readonly string[] = [],
): Promise<(HotfixBranchState & MissingFromMain)[]> {
  const root = remoteRef(remote, '')
  // for-each-ref matches whole path components: list the remote's refs and filter by the prefix,
  // which need not end in "/" (hotfix-, urgent-).
  const refs = await git.lines(['for-each-ref', '--format=%(refname)', root])
  const prefixed = refs.filter((r) => r.startsWith(root + prefix))
  if (prefixed.length === 0) return []
  const mainline = new Set(await git.lines(['rev-list', '--first-parent', mainRef]))
  const own = new Map<string, number>()
  for (const ref of prefixed)
    own.set(ref, (await git.lines(['rev-list', ref, `^${mainRef}`, '--'])).length)
  const withCommits = prefixed.filter((ref) => (own.get(ref) ?? 0) > 0)
  const evidence =
    withCommits.length > 0
      ? await missingFromMain(git, mainRef, withCommits, bookkeeping)
      : new Map()
  const states: (HotfixBranchState & MissingFromMain)[] = []
  for (const ref of prefixed) {
    const tip = await git.text(['rev-parse', ref])
    const found: MissingFromMain = evidence.get(ref) ?? { missing: [], probable: [] }
    states.push({
      branch: ref.slice(root.length),
      ownCommits: own.get(ref) ?? 0,
      missingFromMain: found.missing.length,
      probablyPorted: found.probable.length,
      tipOnMainline: mainline.has(tip),
      ...found,
    })
  }
  return states
}

/** Fetches a PR's head (refs/pull/<n>/head, else its sha) into fixline's own ref. Never checks it out. */
export async function fetchPrHead(
  git: Git,
  remote: string,
  pr: number,
  headSha: string,
): Promise<string> {
  const ref = `refs/fixline/hotfix-pr/${pr}`
  try {
    await git.run([
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-recurse-submodules',
      remote,
      `+refs/pull/${pr}/head:${ref}`,
    ])
  } catch (error) {
    if (!(error instanceof GitError) || !/^[0-9a-f]{40}$/.test(headSha)) throw error
    await git.run([
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-recurse-submodules',
      remote,
      `+${headSha}:${ref}`,
    ])
  }
  return ref
}

export async function mergeBase(git: Git, a: string, b: string): Promise<string | undefined> {
  const r = await git.run(['merge-base', a, b], { okCodes: [0, 1] })
  return r.exitCode === 0 ? r.stdout.trim() : undefined
}

export async function isAncestor(git: Git, ancestor: string, of: string): Promise<boolean> {
  const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { okCodes: [0, 1, 128] })
  return r.exitCode === 0
}

/** Commits of `head` not on `hotfixRef` that came from `mainRef` (the default branch's own commits). */
export async function commitsFromMain(
  git: Git,
  head: string,
  hotfixRef: string,
  mainRef: string,
): Promise<CommitLine[]> {
  const own = new Set(await git.lines(['rev-list', head, `^${hotfixRef}`, `^${mainRef}`, '--']))
  const all = await readCommits(git, ['--no-merges', head, `^${hotfixRef}`])
  return all.filter((c) => !own.has(c.sha)).map((c) => ({ sha: c.sha, subject: c.subject }))
}

/** Hotfix branches (as fetched) whose history contains `sha`. */
export async function hotfixBranchesContaining(
  git: Git,
  remote: string,
  prefix: string,
  sha: string,
): Promise<string[]> {
  const root = remoteRef(remote, '')
  const refs = await git.lines(['for-each-ref', '--format=%(refname)', '--contains', sha, root])
  return refs.filter((r) => r.startsWith(root + prefix)).map((r) => r.slice(root.length))
}

/** Files that conflict when merging `head` into `base` (`git merge-tree --write-tree`, no worktree). */
export async function mergeConflicts(git: Git, base: string, head: string): Promise<string[]> {
  const r = await git.run(
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', base, head],
    { okCodes: [0, 1] },
  )
  if (r.exitCode === 0) return []
  // First line: the tree; then the conflicted files, up to the blank line before the messages.
  const lines = r.stdout.split('\n').slice(1)
  const files: string[] = []
  for (const line of lines) {
    if (line === '') break
    if (!files.includes(line)) files.push(line)
  }
  return files
}

/** Commits with their subjects, in order (oldest first). */
export async function commitLines(git: Git, shas: readonly string[]): Promise<CommitLine[]> {
  if (shas.length === 0) return []
  const commits = await readCommits(git, ['--no-walk=unsorted', ...shas])
  return commits.map((c) => ({ sha: c.sha, subject: c.subject }))
}
