/** Fix diffs for the release pairs the fix-loss rule asks about: one `git log -p`, one `git patch-id`. */
import type { Git } from '../../git/git.js'
import type { FixDiff, Release } from '../model.js'
import type { CommitGraph } from './graph.js'
import {
  bookkeepingMatcher,
  commitsForPairs,
  dropBookkeeping,
  Equivalents,
  fixDiff,
  parsePatchIds,
  parsePatchLog,
  PATCH_LOG_FORMAT,
  type PatchIndex,
} from './fixdiff.js'

export async function computeFixDiffs(
  git: Git,
  graph: CommitGraph,
  releases: readonly Release[],
  pairs: readonly { from: string; to: string }[],
  bookkeeping: readonly string[],
): Promise<FixDiff[]> {
  const byName = new Map(releases.map((r) => [r.name, r]))
  const resolved = pairs
    .map((p) => ({ from: byName.get(p.from), to: byName.get(p.to) }))
    .filter(
      (p): p is { from: Release; to: Release } =>
        p.from !== undefined &&
        p.to !== undefined &&
        graph.has(p.from.commit) &&
        graph.has(p.to.commit),
    )
  if (resolved.length === 0) return []
  graph.prepare(resolved.flatMap((p) => [p.from.commit, p.to.commit]))
  const index = await patchIndex(
    git,
    commitsForPairs(
      graph,
      resolved.map((p) => ({ from: p.from.commit, to: p.to.commit })),
    ),
    bookkeeping,
  )
  const equivalents = new Equivalents(graph, index)
  return resolved.map((p) =>
    fixDiff(
      graph,
      equivalents,
      { name: p.from.name, commit: p.from.commit },
      { name: p.to.name, commit: p.to.commit },
    ),
  )
}

export async function patchIndex(
  git: Git,
  commits: readonly string[],
  bookkeeping: readonly string[],
): Promise<PatchIndex> {
  if (commits.length === 0) return { patches: new Map(), patchIds: new Map() }
  const raw = await git.text(
    [
      'log',
      '-p',
      '--no-walk=unsorted',
      '--stdin',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      `--format=${PATCH_LOG_FORMAT}`,
    ],
    {
      input: commits.join('\n') + '\n',
    },
  )
  const log = dropBookkeeping(raw, bookkeepingMatcher(bookkeeping))
  const ids = await git.text(['patch-id', '--stable'], { input: log + '\n' })
  return { patches: parsePatchLog(log), patchIds: parsePatchIds(ids) }
}
