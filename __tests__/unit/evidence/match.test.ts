import { describe, expect, it } from 'vitest'
import { EvidenceIndex, type CommitFacts } from '../../../src/evidence/match.js'
import { commitsForPairs, sampleTips } from '../../../src/evidence/index.js'
import { CommitGraph } from '../../../src/upgrade/discovery/graph.js'

const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(20)

/** A graph from `child: parents` rows (children first, as git log --topo-order writes them). */
function graph(rows: [number, number[]][]): CommitGraph {
  return new CommitGraph(rows.map(([c, ps]) => [sha(c), 't', ...ps.map(sha)].join(' ')).join('\n'))
}

function fact(n: number, over: Partial<CommitFacts> = {}): CommitFacts {
  return {
    sha: sha(n),
    email: 'ada@example.com',
    subject: `commit ${n}`,
    pickedFrom: [],
    svnMerged: [],
    releaseTool: false,
    hasPatch: true,
    versionOnly: false,
    binaryFiles: 0,
    patchId: `P${n}`,
    ...over,
  }
}

function index(g: CommitGraph, facts: CommitFacts[]): EvidenceIndex {
  const byShas = new Map(facts.map((f) => [f.sha, f]))
  return new EvidenceIndex(g, (s) => byShas.get(s), byShas.keys())
}

// 1 - 2 (X, main) ; 1 - 3 - 4 - 5 - 6 - 7 (A, the 1.x line)
const g = graph([
  [7, [6]],
  [6, [5]],
  [5, [4]],
  [4, [3]],
  [3, [1]],
  [2, [1]],
  [1, []],
])
const A = { from: sha(7), to: sha(2) }

describe('EvidenceIndex.compare', () => {
  it('matches by patch id, sets commits without a patch aside, and reports the rest', () => {
    const e = index(g, [
      fact(2, { patchId: 'P' }),
      fact(3, { patchId: 'P' }),
      fact(4),
      fact(5, { hasPatch: false, patchId: undefined }),
      fact(6, { versionOnly: true }),
      fact(7, { releaseTool: true }),
    ]).compare(A)
    expect(e.lost).toEqual([{ sha: sha(4), subject: 'commit 4' }])
    expect(e.counts).toEqual({ 'patch-id': 1, bookkeeping: 1, 'release-tool': 2 })
  })

  it('matches an abbreviated cherry-pick trailer in either direction, not an unknown one', () => {
    const picked = index(g, [fact(2), fact(3, { pickedFrom: [sha(2).slice(0, 12)] })])
    expect(picked.compare(A, true).found).toEqual([
      {
        commit: { sha: sha(3), subject: 'commit 3' },
        evidence: 'cherry-pick',
        counterpart: sha(2),
      },
    ])
    const back = index(g, [fact(2, { pickedFrom: [sha(3)] }), fact(3)])
    expect(back.compare(A).counts).toEqual({ 'cherry-pick': 1 })
    // 'abcdef0' names no commit the graph has.
    const vague = index(g, [fact(2), fact(3, { pickedFrom: ['abcdef0'] })])
    expect(vague.compare(A).lost.map((l) => l.sha)).toEqual([sha(3)])
  })

  it('links an svn merge to the commits of the revisions it names, and two merges of one revision', () => {
    const e = index(g, [
      fact(2, { svnRevision: 21541 }),
      fact(3, { svnMerged: [21541, 21542] }),
      fact(4, { svnMerged: [9] }),
    ])
    expect(e.compare(A).counts).toEqual({ 'svn-merge': 1 })
    expect(e.compare(A).lost.map((l) => l.sha)).toEqual([sha(4)])
    const merges = index(g, [fact(2, { svnMerged: [9] }), fact(4, { svnMerged: [9] })])
    expect(merges.compare(A).counts).toEqual({ 'svn-merge': 1 })
  })

  it('cancels a commit and its revert on one side; in a revert of a revert the original stands', () => {
    const pair = index(g, [fact(3), fact(4, { reverts: sha(3) })]).compare(A)
    expect(pair.lost).toEqual([])
    expect(pair.counts).toEqual({ revert: 2 })
    const chain = index(g, [fact(3), fact(4, { reverts: sha(3) }), fact(5, { reverts: sha(4) })])
    expect(chain.compare(A).lost.map((l) => l.sha)).toEqual([sha(3)])
  })

  it('keeps a revert of a commit both sides have: that change is lost', () => {
    // 1 is on both sides; 3 reverts it on 1.x only.
    const e = index(g, [fact(1), fact(3, { reverts: sha(1) })]).compare(A)
    expect(e.lost.map((l) => l.sha)).toEqual([sha(3)])
  })

  it('calls the same subject and author "probably ported" (tags and PR numbers aside), another author lost', () => {
    const weak = index(g, [
      fact(2, { subject: '[main] Fix the timeout (#15)', patchId: 'Q' }),
      fact(3, { subject: 'Fix the timeout (#12)' }),
    ]).compare(A)
    expect(weak.lost).toEqual([])
    expect(weak.probable).toEqual([
      {
        commit: { sha: sha(3), subject: 'Fix the timeout (#12)' },
        counterpart: { sha: sha(2), subject: '[main] Fix the timeout (#15)' },
      },
    ])
    const other = index(g, [
      fact(2, { subject: 'Fix the timeout', email: 'otto@example.com' }),
      fact(3, { subject: 'Fix the timeout' }),
    ]).compare(A)
    expect(other.lost.map((l) => l.sha)).toEqual([sha(3)])
  })

  it('counts commits it never read as unread, not lost', () => {
    expect(index(g, [fact(3)]).compare(A)).toMatchObject({ unread: 4, lost: [{ sha: sha(3) }] })
  })
})

describe('commitsForPairs', () => {
  it('takes both sides of every pair, merges left out, newest first', () => {
    // 8 merges 7 and 2.
    const m = graph([
      [8, [7, 2]],
      ...([
        [7, [6]],
        [6, [5]],
        [5, [4]],
        [4, [3]],
        [3, [1]],
        [2, [1]],
        [1, []],
      ] as [number, number[]][]),
    ])
    expect(commitsForPairs(m, [A])).toEqual([7, 6, 5, 4, 3, 2].map(sha))
    expect(commitsForPairs(m, [{ from: sha(8), to: sha(7) }])).toEqual([sha(2)])
  })
})

describe('sampleTips', () => {
  it('asks about every tip of few pairs, and about 32 spread ones, the newest included, of many', () => {
    expect(sampleTips(g, [A]).sort()).toEqual([sha(2), sha(7)].sort())
    const rows: [number, number[]][] = [[100, [99]]]
    for (let n = 99; n > 1; n--) rows.push([n, [n - 1]])
    rows.push([1, []])
    const line = graph(rows)
    const pairs = Array.from({ length: 50 }, (_, k) => ({
      from: sha(2 * k + 1),
      to: sha(2 * k + 2),
    }))
    const tips = sampleTips(line, pairs)
    expect(tips).toHaveLength(32)
    expect(tips).toContain(sha(100))
    expect(tips).toContain(sha(1))
  })
})
