/**
 * "Already applied, by evidence": before any pick, which commits of a pick plan are already on
 * the target, and the commit that proves it. Shared by backports and forward-ports (the engine runs
 * it in prepareBranch). Evidence comes from src/evidence (patch-id, `cherry picked from` trailers in
 * either direction, svn merges), so a hand-adapted backport that names its source is found too.
 *
 * Git work per target, whatever the size of the plan: in a shallow checkout one fetch that deepens
 * the target down to where it forked from the source line (`--shallow-exclude`), then one
 * `git log` for the graph and the constant number of processes of fixEvidence.
 */
import { fixEvidence, type EvidenceCache, type EvidenceKind } from '../evidence/index.js'
import { isShallowRepository, type CommitInfo } from '../git/commits.js'
import type { Git } from '../git/git.js'
import { commitGraph, type CommitGraph } from '../git/graph.js'
import { isPlausibleRefName } from '../git/refs.js'
import { assertRemote } from './fetch.js'
import type { AppliedCommit, BranchOutcome } from './types.js'

/** Evidence strong enough to skip a pick (a weak same-subject match never is). */
const PROOF: ReadonlySet<EvidenceKind> = new Set(['patch-id', 'cherry-pick', 'svn-merge'])

export interface AppliedInput {
  /** The plan's commits, oldest first. */
  commits: readonly string[]
  /** The target tip (a ref or sha, already fetched). */
  target: string
  remote: string
  /** The branch the source commits were merged into: the target is deepened down to it when shallow. */
  sourceBase?: string
  /** Reuse what earlier targets of the run read. */
  cache?: EvidenceCache
  /** What the caller already read (the target tip's sha, the planned commits' parents): not read again. */
  known?: KnownCommits
}

/** The target tip's sha (`target` resolved) and commits read by the caller, by sha. */
export interface KnownCommits {
  tip: string
  commits: ReadonlyMap<string, Pick<CommitInfo, 'parents' | 'subject'>>
}

/** The plan's commits that are already on the target, by sha, each with its proof. */
export async function findApplied(
  git: Git,
  input: AppliedInput,
): Promise<Map<string, AppliedCommit>> {
  const found = new Map<string, AppliedCommit>()
  if (input.commits.length === 0) return found
  await deepenTarget(git, input)
  const tip =
    input.known?.tip ??
    (await git.text(['rev-parse', '--verify', '--end-of-options', `${input.target}^{commit}`]))
  const graph = await sideGraph(git, tip, input.commits, input.known?.commits)
  for (const sha of input.commits)
    if (graph.contains(tip, sha)) found.set(sha, { sha, proof: sha, evidence: 'contained' })
  const open = input.commits.filter((c) => !found.has(c) && graph.has(c))
  if (open.length === 0) return found
  const heads = open.filter((c) => !open.some((o) => o !== c && graph.contains(o, c)))
  const pairs = heads.map((from) => ({ from, to: tip }))
  const evidence = await fixEvidence(git, graph, pairs, input.cache ? { cache: input.cache } : {})
  const wanted = new Set(open)
  for (const pair of pairs) {
    for (const f of evidence.compare(pair, true).found ?? []) {
      if (!wanted.has(f.commit.sha) || found.has(f.commit.sha)) continue
      if (!PROOF.has(f.evidence) || f.counterpart === undefined) continue
      found.set(f.commit.sha, {
        sha: f.commit.sha,
        proof: f.counterpart,
        evidence: f.evidence as AppliedCommit['evidence'],
      })
    }
  }
  return found
}

/**
 * The graph of the planned commits and the target's commits since it forked from them: the
 * planned commits' own parents (not themselves planned) and their history are left out, so that
 * the evidence reads the target's side and the plan, never the source line's other commits (a full
 * clone where the lines forked years ago). When that leaves out a planned commit (a merge-commit
 * PR whose own commits sit behind an "update branch" merge), the whole graph instead.
 */
async function sideGraph(
  git: Git,
  tip: string,
  commits: readonly string[],
  known: KnownCommits['commits'] | undefined,
): Promise<CommitGraph> {
  const planned = new Set(commits)
  const rows = commits.every((c) => known?.has(c))
    ? commits.flatMap((c) => known?.get(c)?.parents.join(' ') ?? [])
    : await git.lines(['log', '--no-walk=unsorted', '--format=%P', ...commits, '--'])
  const stops = [...new Set(rows.flatMap((r) => r.split(' ')))].filter(
    (p) => /^[0-9a-f]{40,64}$/.test(p) && !planned.has(p),
  )
  const side = await commitGraph(git, [tip, ...commits, ...stops.map((p) => `^${p}`)]).catch(
    () => undefined,
  )
  if (side && commits.every((c) => side.has(c))) return side
  return commitGraph(git, [tip, ...commits])
}

/**
 * In a shallow checkout the target was fetched at depth 1: fetch its commits since it forked from
 * the source line (`--shallow-exclude=refs/heads/<sourceBase>`), where a hand-made port would be.
 * A remote that refuses is not an error: the evidence then sees less, and an empty pick still tells.
 */
async function deepenTarget(git: Git, input: AppliedInput): Promise<void> {
  const base = input.sourceBase
  if (base === undefined || !isPlausibleRefName(base) || !isPlausibleRefName(input.target)) return
  if (!input.target.startsWith('refs/') || !(await isShallowRepository(git))) return
  assertRemote(input.remote)
  const name = targetBranch(input.target, input.remote)
  if (name === undefined || name === base) return
  await git
    .run(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        `--shallow-exclude=refs/heads/${base}`,
        input.remote,
        `+refs/heads/${name}:${input.target}`,
      ],
      { okCodes: [0, 1, 128] },
    )
    // A timeout or refusal only means less evidence; an empty pick still tells.
    .catch(() => undefined)
}

/** The branch name behind the tracking ref fetchTarget made. */
function targetBranch(ref: string, remote: string): string | undefined {
  for (const prefix of [`refs/remotes/${remote}/`, 'refs/fixline/target/'])
    if (ref.startsWith(prefix)) return ref.slice(prefix.length)
  return undefined
}

/** How a row names the proof: `abc123 as def456 (patch-id)`, `abc123 is itself on 2.x`. */
export function describeApplied(applied: readonly AppliedCommit[], target: string): string {
  const text = applied.map((a) =>
    a.evidence === 'contained'
      ? `${a.sha.slice(0, 12)} is itself on ${target}`
      : `${a.sha.slice(0, 12)} as ${a.proof.slice(0, 12)} (${a.evidence === 'cherry-pick' ? 'cherry-pick trailer' : a.evidence})`,
  )
  const shown = text.slice(0, 10).join('; ')
  return text.length > 10 ? `${shown}; and ${text.length - 10} more` : shown
}

/**
 * The outcome with the commits found before picking: `alreadyApplied` holds their proof, and a
 * picked or already-applied outcome lists every planned commit in plan order (those found with no
 * result, like an empty pick). Nothing found: unchanged.
 */
export function withApplied(
  outcome: BranchOutcome,
  input: {
    found: ReadonlyMap<string, AppliedCommit>
    planned: readonly string[]
    subjects: ReadonlyMap<string, string>
  },
): BranchOutcome {
  if (input.found.size === 0) return outcome
  const alreadyApplied = input.planned.flatMap((c) => input.found.get(c) ?? [])
  if (outcome.status === 'conflict') return { ...outcome, alreadyApplied }
  const picked = new Map(outcome.commits.map((c) => [c.source, c]))
  const commits = input.planned.map(
    (source) =>
      picked.get(source) ?? {
        source,
        result: undefined,
        subject: input.subjects.get(source) ?? '',
      },
  )
  return { ...outcome, commits, alreadyApplied }
}
