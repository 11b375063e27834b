/**
 * The fixes of a release that newer lines lack, grouped by the PR that made them: the commits
 * since the previous release on the release's line (since the line forked from the next newer
 * line, for its first release), judged by fix evidence against every newer line's tip with a
 * constant number of git processes (src/evidence; release bookkeeping and reverts left out, a weak
 * same-subject match counted as there). A commit's PR is the `(#123)` GitHub puts in squash and
 * rebase subjects, else the "Merge pull request #123" that brought it in.
 */
import { fixEvidence } from '../evidence/index.js'
import type { Git } from '../git/git.js'
import type { ReleaseSpan } from '../upgrade/release-span.js'

export interface ReleaseFixes {
  /** Source PR -> the newer lines lacking at least one of its commits, oldest line first. */
  byPr: Map<number, string[]>
  /** Commits no PR could be found for, with the lines lacking them. */
  noPr: { sha: string; subject: string; lines: string[] }[]
}

const SQUASH_PR = /\(#(\d+)\)\s*$/
const MERGE_PR = /^Merge pull request #(\d+)\b/

export async function releaseFixes(
  git: Git,
  span: ReleaseSpan,
  newer: readonly string[],
  bookkeeping: readonly string[],
): Promise<ReleaseFixes> {
  const { graph } = span
  const tipOf = new Map(span.lines.map((l) => [l.branch, l.tip]))
  const before = span.previous.length > 0 ? span.previous : [tipOf.get(newer[0] ?? '') ?? '']
  const old = graph.union(before.filter((s) => s.length > 0))
  const inRange = (sha: string) => !graph.inSet(old, sha)
  const pairs = newer.map((line) => ({ from: span.commit, to: tipOf.get(line) as string }))
  const evidence = await fixEvidence(git, graph, pairs, {
    bookkeeping,
    ownVersions: span.builds,
  })
  const missing = new Map<string, { subject: string; lines: string[] }>()
  pairs.forEach((pair, i) => {
    for (const c of evidence.compare(pair).lost) {
      if (!inRange(c.sha)) continue
      const entry = missing.get(c.sha) ?? { subject: c.subject, lines: [] }
      entry.lines.push(newer[i] as string)
      missing.set(c.sha, entry)
    }
  })
  const mergedBy = await mergePrs(git, span, before, [...missing.keys()])
  const out: ReleaseFixes = { byPr: new Map(), noPr: [] }
  for (const [sha, { subject, lines }] of missing) {
    const squash = SQUASH_PR.exec(subject)?.[1]
    const pr = squash !== undefined ? Number(squash) : mergedBy.get(sha)
    if (pr === undefined) {
      out.noPr.push({ sha, subject, lines })
      continue
    }
    const known = out.byPr.get(pr) ?? []
    out.byPr.set(
      pr,
      newer.filter((l) => known.includes(l) || lines.includes(l)),
    )
  }
  return out
}

/** For commits without `(#N)`: the PR of the "Merge pull request #N" merge in range that brought each in. */
async function mergePrs(
  git: Git,
  span: ReleaseSpan,
  before: readonly string[],
  commits: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const { graph } = span
  if (commits.length === 0) return out
  const rows = await git.lines([
    'log',
    '--merges',
    '--format=%H %P%x00%s',
    span.commit,
    ...before.filter((s) => s.length > 0).map((s) => `^${s}`),
    '--',
  ])
  for (const row of rows) {
    const [head = '', subject = ''] = row.split('\0')
    const [sha, p1, p2] = head.split(' ')
    const pr = MERGE_PR.exec(subject)?.[1]
    if (!sha || !p1 || !p2 || pr === undefined) continue
    const side = new Set(graph.exclusive(p2, p1).map((i) => graph.shas[i]))
    for (const c of commits) if (!out.has(c) && side.has(c)) out.set(c, Number(pr))
  }
  return out
}
