import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixEvidence, type PairEvidence } from '../../../src/evidence/index.js'
import { Git, subcommand } from '../../../src/git/git.js'
import { buildSides, graphOf, type Sides } from './history.js'

let sides: Sides
let forward: PairEvidence
let backward: PairEvidence
let commands: string[][]
let bytesRead: number

beforeAll(async () => {
  sides = await buildSides()
  commands = []
  const git = sides.fixture.seed
  const observed = new Git({
    cwd: git.cwd,
    env: sides.fixture.env,
    observer: (args) => void commands.push([...args]),
  })
  const graph = await graphOf(git)
  const tips = {
    x: await git.text(['rev-parse', '1.x']),
    main: await git.text(['rev-parse', 'main']),
  }
  const evidence = await fixEvidence(
    observed,
    graph,
    [
      { from: tips.x, to: tips.main },
      { from: tips.main, to: tips.x },
    ],
    // The project's own builds (history.ts's build.gradle versions): their bump is bookkeeping.
    { bookkeeping: ['CHANGELOG*'], ownVersions: ['1.0.0', '1.0.1'] },
  )
  forward = evidence.compare({ from: tips.x, to: tips.main }, true)
  backward = evidence.compare({ from: tips.main, to: tips.x }, true)
  expect(evidence.problems).toEqual([])
  bytesRead = evidence.stats.bytesIn
}, 60_000)

afterAll(async () => {
  await sides?.fixture.cleanup()
})

function evidenceOf(
  pair: PairEvidence,
  name: string,
): { evidence: string; counterpart?: string } | undefined {
  const sha = sides.c[name]
  const hit = pair.found?.find((f) => f.commit.sha === sha)
  return (
    hit && { evidence: hit.evidence, ...(hit.counterpart ? { counterpart: hit.counterpart } : {}) }
  )
}

describe('fix evidence between two lines', () => {
  it('reports as lost only the fix the other line lacks', () => {
    expect(forward.lost).toEqual([{ sha: sides.c.lost, subject: 'Fix a crash only 1.x has' }])
  })

  it('finds a fix picked with -x under another patch by its trailer, both directions', () => {
    expect(evidenceOf(forward, 'picked')).toEqual({
      evidence: 'cherry-pick',
      counterpart: sides.c.pickedMain,
    })
    expect(evidenceOf(backward, 'pickedMain')).toEqual({
      evidence: 'cherry-pick',
      counterpart: sides.c.picked,
    })
  })

  it('finds a fix ported by hand (same patch, no trailer) by patch id', () => {
    expect(evidenceOf(forward, 'hand')).toEqual({
      evidence: 'patch-id',
      counterpart: sides.c.handMain,
    })
  })

  it('finds an svn merge by the revisions it names (git-svn-id or subject), both directions', () => {
    expect(evidenceOf(forward, 'svnMerge')?.evidence).toBe('svn-merge')
    expect([sides.c.r21541, sides.c.r21542]).toContain(evidenceOf(forward, 'svnMerge')?.counterpart)
    expect(evidenceOf(forward, 'svnNamed')).toEqual({
      evidence: 'svn-merge',
      counterpart: sides.c.r21700,
    })
    expect(evidenceOf(backward, 'r21541')).toEqual({
      evidence: 'svn-merge',
      counterpart: sides.c.svnMerge,
    })
    expect(evidenceOf(backward, 'r21700')).toEqual({
      evidence: 'svn-merge',
      counterpart: sides.c.svnNamed,
    })
  })

  it('cancels a commit and its revert on the same side', () => {
    expect(evidenceOf(forward, 'debug')).toEqual({ evidence: 'revert' })
    expect(evidenceOf(forward, 'revert')).toEqual({ evidence: 'revert' })
  })

  it('treats a maven release commit and a version-only bump as release bookkeeping', () => {
    expect(evidenceOf(forward, 'maven')).toEqual({ evidence: 'release-tool' })
    expect(evidenceOf(forward, 'bump')).toEqual({ evidence: 'release-tool' })
  })

  it('calls the same subject and author with another patch "probably ported", never lost', () => {
    expect(forward.probable).toEqual([
      {
        commit: { sha: sides.c.weak, subject: 'Fix the timeout (#12)' },
        counterpart: { sha: sides.c.weakMain, subject: '[main] Fix the timeout (#15)' },
      },
    ])
    expect(backward.probable.map((p) => p.commit.sha)).toEqual([sides.c.weakMain])
    expect(backward.lost).toEqual([])
  })

  it('leaves vendored trees, large generated files and binaries out: such commits are no fixes', () => {
    for (const name of ['vendored', 'large', 'binary'])
      expect(evidenceOf(forward, name)).toEqual({ evidence: 'bookkeeping' })
  })

  it('counts each kind of evidence', () => {
    expect(forward.counts).toEqual({
      'cherry-pick': 1,
      'patch-id': 1,
      'svn-merge': 2,
      revert: 2,
      'release-tool': 2,
      'same-subject-author': 1,
      bookkeeping: 3,
    })
  })

  it('never reads the content of the vendored tree, the large file or the binary', () => {
    // 100 KB vendored, 1.3 MB generated, 50 KB binary; the text patches of the other commits are
    // under 1 KB each.
    expect(bytesRead).toBeLessThan(15_000)
  })

  it('reads both sides with one diff-tree and one patch-id; git leaves out the vendored trees the tips have', () => {
    expect(commands.map((a) => subcommand(a))).toEqual(['cat-file', 'diff-tree', 'patch-id'])
    const diff = commands.find((a) => subcommand(a) === 'diff-tree') ?? []
    expect(diff.slice(diff.indexOf('--') + 1)).toEqual([
      ':(top,exclude,literal)vendor',
      ':(top,exclude,literal)third_party',
    ])
  })
})
