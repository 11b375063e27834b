import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixEvidence, type FixEvidence, type PairEvidence } from '../../../src/evidence/index.js'
import { Git } from '../../../src/git/git.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { bulk, graphOf, lines } from './history.js'

/**
 * A size-limited clone (`--filter=blob:limit=50k` from a file:// origin that allows filters): the
 * table changed by a fix and its port is missing, and so is the vendored library (never read).
 */
let f: Fixture
let evidence: FixEvidence
let pair: PairEvidence
const c: Record<string, string> = {}
const commands: string[] = []

beforeAll(async () => {
  f = await createFixture()
  await f.origin.run(['config', 'uploadpack.allowFilter', 'true'])
  await f.commit({ 'src/app.txt': lines(), 'data/table.csv': bulk(1, 60_000) }, 'Initial import')
  await f.branch('1.x')
  await f.checkout('1.x')
  const table = bulk(2, 70_000)
  c.fix = await f.commit(
    { 'src/app.txt': lines({ 3: 'line 3: fixed' }), 'data/table.csv': table },
    'Fix the rates',
  )
  c.vendored = await f.commit({ 'vendor/big/lib.js': bulk(3, 80_000) }, 'Vendor a big library')
  c.lost = await f.commit(
    { 'src/app.txt': lines({ 3: 'line 3: fixed', 9: 'line 9: only here' }) },
    'Fix only 1.x has',
  )
  await f.checkout('main')
  c.port = await f.commit(
    { 'src/app.txt': lines({ 3: 'line 3: fixed' }), 'data/table.csv': table },
    'Port the rates fix',
  )
  await f.push(['main', '1.x'])
  const dir = join(f.dir, 'partial.git')
  await f.seed.run(['clone', '-q', '--bare', '--filter=blob:limit=50k', f.originUrl, dir])
  const git = new Git({
    cwd: dir,
    env: f.env,
    observer: (args) =>
      void commands.push(args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''),
  })
  const graph = await graphOf(git)
  const from = await git.text(['rev-parse', '1.x'])
  const to = await git.text(['rev-parse', 'main'])
  commands.length = 0
  evidence = await fixEvidence(git, graph, [{ from, to }])
  pair = evidence.compare({ from, to }, true)
}, 60_000)

afterAll(async () => {
  await f?.cleanup()
})

describe('a clone that lacks objects', () => {
  it('names the commit and path of each missing file in a warning', () => {
    expect(evidence.problems).toEqual([
      expect.objectContaining({
        kind: 'missing-object',
        path: 'data/table.csv',
        commits: expect.arrayContaining([c.fix, c.port]),
      }),
    ])
    expect(evidence.problems[0]?.message).toMatch(
      /^data\/table\.csv is missing from this clone .*left out when comparing fixes$/,
    )
  })

  it('still compares the rest of those commits, and every other commit', () => {
    expect(pair.found?.find((x) => x.commit.sha === c.fix)).toMatchObject({
      evidence: 'patch-id',
      counterpart: c.port,
    })
    expect(pair.lost.map((l) => l.sha)).toEqual([c.lost])
    expect(pair.unread).toBe(0)
  })

  // The origin can be reached: a lazy fetch would have found the table, and no warning named it.
  it('never reads the vendored tree (no warning for it), in a constant number of processes', () => {
    expect(evidence.problems.map((p) => p.path)).not.toContain('vendor/big/lib.js')
    // Which vendored roots the tips have; then the first diff stops at the missing table; the
    // commits from there on are listed (trees only) and read again without it.
    expect(commands).toEqual([
      'cat-file',
      'diff-tree',
      'patch-id',
      'diff-tree',
      'cat-file',
      'diff-tree',
      'diff-tree',
      'patch-id',
    ])
  })

  it('says which commits it could not read when not even the trees are there, and goes on', async () => {
    const dir = join(f.dir, 'treeless.git')
    await f.seed.run(['clone', '-q', '--bare', '--filter=tree:0', f.originUrl, dir])
    const git = new Git({ cwd: dir, env: f.env })
    const graph = await graphOf(git)
    const from = await git.text(['rev-parse', '1.x'])
    const to = await git.text(['rev-parse', 'main'])
    const treeless = await fixEvidence(git, graph, [{ from, to }])
    expect(treeless.problems).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        message: expect.stringMatching(/could not be read/),
      }),
    ])
    expect(treeless.compare({ from, to })).toMatchObject({ lost: [], unread: 3 })
  })
})
