import { describe, expect, it } from 'vitest'
import { defaultConfig, parseConfig } from '../../../src/config/load.js'
import {
  Equivalents,
  fixDiff,
  parsePatchIds,
  parsePatchLog,
  type CommitPatch,
} from '../../../src/upgrade/discovery/fixdiff.js'
import { CommitGraph } from '../../../src/upgrade/discovery/graph.js'
import { releasePrVerdict } from '../../../src/upgrade/discovery/release-pr.js'

const sha = (n: number) => n.toString(16).padStart(40, '0')

describe('patch log parsing', () => {
  const log = [
    `commit ${sha(3)}`,
    '    Fix the timeout',
    '    ',
    `    (cherry picked from commit ${sha(9)})`,
    '',
    'diff --git a/x b/x',
    '+    (cherry picked from commit ffff)',
    `commit ${sha(4)}`,
    '    Release 1.2',
    '',
  ].join('\n')

  it('reads subjects, cherry-pick trailers and whether a commit has a patch', () => {
    const p = parsePatchLog(log)
    expect(p.get(sha(3))).toEqual({
      sha: sha(3),
      subject: 'Fix the timeout',
      pickedFrom: [sha(9)],
      hasPatch: true,
    })
    expect(p.get(sha(4))).toMatchObject({ subject: 'Release 1.2', hasPatch: false, pickedFrom: [] })
    expect(parsePatchIds(`abc ${sha(3)}\n\n`).get(sha(3))).toBe('abc')
  })
})

describe('fixDiff', () => {
  // 1 - 2 (X: main, has fix 2) ; 1 - 3 (A: line, pick of 2) - 4 (A: a fix of its own) - 5 (bookkeeping)
  const g = new CommitGraph(
    [
      `${sha(5)} t ${sha(4)}`,
      `${sha(4)} t ${sha(3)}`,
      `${sha(3)} t ${sha(1)}`,
      `${sha(2)} t ${sha(1)}`,
      `${sha(1)} t`,
    ].join('\n'),
  )
  const patches = new Map<string, CommitPatch>([
    [sha(2), { sha: sha(2), subject: 'fix', pickedFrom: [], hasPatch: true }],
    [sha(3), { sha: sha(3), subject: 'fix (pick)', pickedFrom: [], hasPatch: true }],
    [sha(4), { sha: sha(4), subject: 'own fix', pickedFrom: [], hasPatch: true }],
    [sha(5), { sha: sha(5), subject: 'Release', pickedFrom: [], hasPatch: false }],
  ])

  it('matches by patch id, ignores bookkeeping, and reports the rest', () => {
    const ids = new Map([
      [sha(2), 'P'],
      [sha(3), 'P'],
      [sha(4), 'Q'],
    ])
    const d = fixDiff(
      g,
      new Equivalents(g, { patches, patchIds: ids }),
      { name: 'A', commit: sha(5) },
      { name: 'X', commit: sha(2) },
    )
    expect(d).toEqual({ from: 'A', to: 'X', missing: [{ sha: sha(4), subject: 'own fix' }] })
  })

  it('matches by cherry-pick trailer when the patches differ', () => {
    const ids = new Map([
      [sha(2), 'P'],
      [sha(3), 'P2'],
      [sha(4), 'Q'],
    ])
    const picked = new Map(patches)
    picked.set(sha(3), {
      sha: sha(3),
      subject: 'fix (pick)',
      pickedFrom: [sha(2).slice(0, 12)],
      hasPatch: true,
    })
    const d = fixDiff(
      g,
      new Equivalents(g, { patches: picked, patchIds: ids }),
      { name: 'A', commit: sha(5) },
      { name: 'X', commit: sha(2) },
    )
    expect(d.missing.map((m) => m.subject)).toEqual(['own fix'])
    const unpicked = fixDiff(
      g,
      new Equivalents(g, { patches, patchIds: ids }),
      { name: 'A', commit: sha(5) },
      { name: 'X', commit: sha(2) },
    )
    expect(unpicked.missing.map((m) => m.subject)).toEqual(['fix (pick)', 'own fix'])
  })
})

describe('releasePrVerdict', () => {
  const files = (build: string | undefined) =>
    new Map([['plugin_config.yml', build === undefined ? undefined : `buildNumber: "${build}"\n`]])
  it('is a release PR when a line branch gets a new build number', () => {
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files('1.1'), files('1.2')),
    ).toMatchObject({ release: true, build: '1.2', previous: '1.1' })
    expect(
      releasePrVerdict('main', 'main', defaultConfig(), files('2.0'), files('2.1')),
    ).toMatchObject({ release: true })
  })
  it('is not one for other bases, unchanged builds, or no build file', () => {
    expect(
      releasePrVerdict('feature', 'main', defaultConfig(), files('1'), files('2')),
    ).toMatchObject({ release: false, reason: expect.stringMatching(/not a release line/) })
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files('1.1'), files('1.1')),
    ).toMatchObject({ release: false, reason: expect.stringMatching(/unchanged/) })
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files(undefined), files(undefined)),
    ).toMatchObject({ release: false })
    expect(
      releasePrVerdict(
        'main',
        'main',
        parseConfig('lines: { defaultBranch: false }'),
        files('1'),
        files('2'),
      ),
    ).toMatchObject({ release: false })
  })
})

describe('dropBookkeeping', () => {
  it('drops bookkeeping file sections, so release commits have no patch', async () => {
    const { bookkeepingMatcher, diffHeaderPath, dropBookkeeping } =
      await import('../../../src/upgrade/discovery/fixdiff.js')
    const log = [
      `commit ${sha(1)}`,
      '    Release 1.2',
      '',
      'diff --git a/plugin_config.yml b/plugin_config.yml',
      '-buildNumber: "1.1"',
      '+buildNumber: "1.2"',
      `commit ${sha(2)}`,
      '    Fix',
      '',
      'diff --git a/docs/CHANGELOG.md b/docs/CHANGELOG.md',
      '+x',
      'diff --git a/src/a b.py b/src/a b.py',
      '+fix',
    ].join('\n')
    const kept = dropBookkeeping(log, bookkeepingMatcher(['plugin_config.yml', '**/CHANGELOG*']))
    const p = parsePatchLog(kept)
    expect(p.get(sha(1))?.hasPatch).toBe(false)
    expect(p.get(sha(2))?.hasPatch).toBe(true)
    expect(kept).not.toContain('CHANGELOG')
    expect(kept).toContain('+fix')
    expect(diffHeaderPath('diff --git "a/x\\"y" "b/x\\"y"')).toBe('x"y')
  })
})
