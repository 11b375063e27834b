import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  attributeTags,
  chooseLine,
  dedupeTags,
  MAX_OFF_LINE,
  offLineNote,
  skipPrereleaseTags,
} from '../../../src/upgrade/discovery/attribution.js'
import { CommitGraph } from '../../../src/upgrade/discovery/graph.js'
import {
  buildFromTag,
  compileTagPatterns,
  globToRegex,
  isLineBranch,
  versionIsPrefixOf,
} from '../../../src/upgrade/discovery/names.js'
import { parseRefs, selectLines } from '../../../src/upgrade/discovery/refs.js'
import { predecessorsOnLine } from '../../../src/upgrade/discovery/release-order.js'
import { planTargets } from '../../../src/upgrade/discovery/targets.js'
import { parseDiffTree, replayTrees } from '../../../src/upgrade/discovery/trees.js'
import { defaultConfig } from '../../../src/config/load.js'
import { lineVersion } from '../../../src/config/patterns.js'
import type { Line } from '../../../src/upgrade/model.js'

const sha = (n: number) => n.toString(16).padStart(40, '0')
const patterns = defaultConfig().lines.patterns

describe('names', () => {
  it('recognises the default line patterns and their versions', () => {
    for (const [b, v] of [
      ['1.x', [1]],
      ['16.5.x', [16, 5]],
      ['release/16.5', [16, 5]],
      ['release-2.3', [2, 3]],
      ['stable-3', [3]],
    ] as const) {
      expect(isLineBranch(b, patterns)).toBe(true)
      expect(lineVersion(b)).toEqual(v)
    }
    for (const b of ['main', 'feature/1.x', '1.x-fix', 'release/abc'])
      expect(isLineBranch(b, patterns)).toBe(false)
  })

  it('reads builds from tags with {build} patterns, first pattern first', () => {
    const re = compileTagPatterns(['v{build}', '{build}', 'release-{build}-final'])
    expect(buildFromTag('v1.2', re)).toBe('1.2')
    expect(buildFromTag('1.2.0', re)).toBe('1.2.0')
    expect(buildFromTag('release-3.1-final', re)).toBe('3.1')
    expect(buildFromTag('vnext', re)).toBeUndefined()
    expect(buildFromTag('nightly', re)).toBeUndefined()
  })

  it('never throws on arbitrary tags, and a match is a suffix of the tag (property)', () => {
    const re = compileTagPatterns(['v{build}', '{build}'])
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (tag) => {
        const b = buildFromTag(tag, re)
        if (b !== undefined) expect(tag.endsWith(b)).toBe(true)
      }),
    )
  })

  it('matches line versions as build prefixes and globs as paths', () => {
    expect(versionIsPrefixOf([1], '1.1')).toBe(true)
    expect(versionIsPrefixOf([1], '2.0')).toBe(false)
    expect(versionIsPrefixOf([16, 5], '16.5.3')).toBe(true)
    expect(globToRegex('CHANGELOG*').test('CHANGELOG.md')).toBe(true)
    expect(globToRegex('CHANGELOG*').test('docs/CHANGELOG.md')).toBe(false)
    expect(globToRegex('**/CHANGELOG*').test('docs/x/CHANGELOG.md')).toBe(true)
  })
})

describe('refs and lines', () => {
  const out = [
    `refs/heads/main\0${sha(1)}\0\0\0*`,
    `refs/heads/1.x\0${sha(2)}\0\0\0 `,
    `refs/remotes/origin/1.x\0${sha(3)}\0\0\0 `,
    `refs/remotes/origin/release/16.5\0${sha(4)}\0\0\0 `,
    `refs/remotes/origin/HEAD\0${sha(1)}\0\0refs/remotes/origin/main\0 `,
    `refs/remotes/origin/feature\0${sha(5)}\0\0\0 `,
    `refs/tags/v1.0\0${sha(6)}\0${sha(7)}\0\0 `,
    `refs/tags/v0.9\0${sha(8)}\0\0\0 \0commit\0`,
    `refs/tags/tree-tag\0${sha(9)}\0${sha(10)}\0\0 \0tag\0tree`,
  ].join('\n')

  it('parses branches, peeled tags, origin/HEAD and the current branch', () => {
    const r = parseRefs(out)
    expect(r.tags.get('v1.0')).toBe(sha(7))
    expect(r.tags.get('v0.9')).toBe(sha(8))
    expect(r.tags.has('tree-tag')).toBe(false)
    expect(r.originHead).toBe('main')
    expect(r.current).toBe('main')
  })

  it('selects lines oldest first with the default branch last, preferring local or remote copies', () => {
    const r = parseRefs(out)
    const local = selectLines(r, { patterns, includeDefault: true, prefer: 'local' })
    expect(local.map((l) => [l.branch, l.tip])).toEqual([
      ['1.x', sha(2)],
      ['release/16.5', sha(4)],
      ['main', sha(1)],
    ])
    expect(selectLines(r, { patterns, includeDefault: true, prefer: 'remote' })[0]?.tip).toBe(
      sha(3),
    )
    expect(
      selectLines(r, { patterns, includeDefault: false, prefer: 'local' }).map((l) => l.branch),
    ).toEqual(['1.x', 'release/16.5'])
  })

  it('lines.newest names the newest line; lines.order makes lines of names and places them', () => {
    const r = parseRefs(
      [
        `refs/heads/main\0${sha(1)}\0\0\0*`,
        `refs/heads/develop\0${sha(2)}\0\0\0 `,
        `refs/heads/1.x\0${sha(3)}\0\0\0 `,
        `refs/heads/legacy\0${sha(4)}\0\0\0 `,
        `refs/heads/next\0${sha(5)}\0\0\0 `,
      ].join('\n'),
    )
    const lines = (options: { newest?: string; order?: string[] }) =>
      selectLines(r, { patterns, includeDefault: true, prefer: 'local', ...options }).map((l) =>
        l.isDefault ? `${l.branch}*` : l.branch,
      )
    expect(lines({})).toEqual(['1.x', 'main*'])
    expect(lines({ newest: 'develop' })).toEqual(['1.x', 'develop*'])
    expect(lines({ newest: 'develop', order: ['main', '{numbered}', 'next'] })).toEqual([
      'main',
      '1.x',
      'next',
      'develop*',
    ])
    expect(lines({ order: ['next', 'legacy'] })).toEqual(['next', 'legacy', '1.x', 'main*'])
  })
})

// History: 1 - 2 - 3 (main) ; 2 - 4 - 5 (1.x)
function graph(): CommitGraph {
  return new CommitGraph(
    [
      `${sha(5)} t5 ${sha(4)}`,
      `${sha(3)} t3 ${sha(2)}`,
      `${sha(4)} t4 ${sha(2)}`,
      `${sha(2)} t2 ${sha(1)}`,
      `${sha(1)} t1`,
    ].join('\n'),
  )
}
const line = (branch: string, tip: number, version?: number[]): Line => ({
  branch,
  tip: sha(tip),
  version,
  isDefault: version === undefined,
})

describe('graph and attribution', () => {
  it('answers containment and exclusive commits', () => {
    const g = graph()
    expect(g.contains(sha(5), sha(2))).toBe(true)
    expect(g.contains(sha(3), sha(4))).toBe(false)
    expect(g.exclusive(sha(5), sha(3)).map((i) => g.shas[i])).toEqual([sha(4), sha(5)])
  })

  it('attributes tags: one line, the version-prefix line, the oldest non-default line, or none', () => {
    const g = graph()
    const lines = [line('1.x', 5, [1]), line('main', 3)]
    const tags = [
      { tag: 'v1.0', commit: sha(1), tagBuild: '1.0' },
      { tag: 'v2.0', commit: sha(3), tagBuild: '2.0' },
      { tag: 'v1.2', commit: sha(5), tagBuild: '1.2' },
      { tag: 'x9', commit: sha(2), tagBuild: '9' },
      { tag: 'lost', commit: sha(99), tagBuild: '3' },
    ]
    const a = attributeTags(g, lines, tags)
    expect(a.byLine.get('1.x')?.map((t) => t.tag)).toEqual(['v1.0', 'x9', 'v1.2'])
    expect(a.byLine.get('main')?.map((t) => t.tag)).toEqual(['v2.0'])
    expect(a.orphans.map((t) => t.tag)).toEqual(['lost'])
    expect(chooseLine([], '1')).toBeUndefined()
  })

  it('orders tags on one commit by build, not by name: an rc before its GA', () => {
    const g = graph()
    const tags = [
      { tag: 'v2.0', commit: sha(3), tagBuild: '2.0' },
      { tag: 'v2.0-rc10', commit: sha(3), tagBuild: '2.0-rc10' },
      { tag: 'v2.0-rc9', commit: sha(2), tagBuild: '2.0-rc9' },
      { tag: 'v2.0-RC2', commit: sha(3), tagBuild: '2.0-RC2' },
    ]
    const a = attributeTags(g, [line('main', 3)], tags)
    expect(a.byLine.get('main')?.map((t) => t.tag)).toEqual([
      'v2.0-rc9',
      'v2.0-RC2',
      'v2.0-rc10',
      'v2.0',
    ])
  })

  it('attributes a tag a few first-parent steps off every line to the line of that ancestor', () => {
    // 1 - 2 - 3 (main); 2 - 4 - 5 (tags only: 5 is 2 steps off main, through 4)
    const g = graph()
    const a = attributeTags(
      g,
      [line('main', 3)],
      [
        { tag: 'v1.1', commit: sha(5), tagBuild: '1.1' },
        { tag: 'v1.0', commit: sha(2), tagBuild: '1.0' },
        { tag: 'v2.0', commit: sha(3), tagBuild: '2.0' },
      ],
    )
    expect(a.byLine.get('main')?.map((t) => [t.tag, t.anchor])).toEqual([
      ['v1.0', undefined],
      ['v1.1', sha(2)],
      ['v2.0', undefined],
    ])
    expect(a.offLine.map((o) => [o.tag.tag, o.line, o.steps])).toEqual([['v1.1', 'main', 2]])
    expect(offLineNote(a.offLine)).toBe(
      '1 tag sits on a commit on no line; each belongs to the line of its nearest first-parent ancestor: v1.1 (2 commits off main)',
    )
    expect(offLineNote([])).toBeUndefined()
  })

  it(`leaves a tag more than ${MAX_OFF_LINE} first-parent steps off every line an orphan`, () => {
    const rows = [`${sha(1)} t1`]
    for (let i = 2; i <= MAX_OFF_LINE + 2; i++) rows.unshift(`${sha(i)} t${i} ${sha(i - 1)}`)
    const g = new CommitGraph(rows.join('\n'))
    const far = { tag: 'far', commit: sha(MAX_OFF_LINE + 2), tagBuild: '9' }
    const near = { tag: 'near', commit: sha(MAX_OFF_LINE + 1), tagBuild: '8' }
    const a = attributeTags(g, [line('main', 1)], [far, near])
    expect(a.orphans.map((t) => t.tag)).toEqual(['far'])
    expect(a.offLine.map((o) => [o.tag.tag, o.steps])).toEqual([['near', MAX_OFF_LINE]])
  })

  it('upgrade.prereleases ignore leaves prerelease tags out, and says which', () => {
    const tags = [
      { tag: 'v1.0', commit: sha(1), tagBuild: '1.0' },
      { tag: 'v2.0-rc1', commit: sha(2), tagBuild: '2.0-rc1' },
      { tag: 'v2.0.0.RC2', commit: sha(3), tagBuild: '2.0.0.RC2' },
    ]
    const ignore = skipPrereleaseTags(tags, { prereleases: 'ignore', scheme: 'dotted' })
    expect(ignore.tags.map((t) => t.tag)).toEqual(['v1.0'])
    expect(ignore.note).toBe(
      '2 prerelease tags not checked (upgrade.prereleases: ignore): v2.0-rc1, v2.0.0.RC2',
    )
    expect(skipPrereleaseTags(tags, { prereleases: 'warn', scheme: 'dotted' })).toEqual({
      tags,
      note: undefined,
    })
  })

  it('finds the nearest ancestor releases on a line: one on a linear line, two after a merge', () => {
    // 1 - 2 - 3 - 6 (merge of 3 and 5) ; 2 - 4 - 5
    const g = new CommitGraph(
      [
        `${sha(6)} t6 ${sha(3)} ${sha(5)}`,
        `${sha(5)} t5 ${sha(4)}`,
        `${sha(3)} t3 ${sha(2)}`,
        `${sha(4)} t4 ${sha(2)}`,
        `${sha(2)} t2 ${sha(1)}`,
        `${sha(1)} t1`,
      ].join('\n'),
    )
    const entries = [
      { name: 'a', anchor: sha(1) },
      { name: 'b', anchor: sha(2) },
      { name: 'b2', anchor: sha(2) },
      { name: 'c', anchor: sha(3) },
      { name: 'hotfix', anchor: sha(5) },
      { name: 'd', anchor: sha(6) },
    ]
    expect(predecessorsOnLine(g, entries)).toEqual([
      [],
      ['a'],
      ['b'],
      ['b2'],
      ['b2'],
      ['c', 'hotfix'],
    ])
  })

  it('keeps one of two tags naming the same release', () => {
    const d = dedupeTags([
      { tag: 'v1.0', commit: sha(1), tagBuild: '1.0' },
      { tag: '1.0', commit: sha(1), tagBuild: '1.0' },
    ])
    expect(d.kept.map((t) => t.tag)).toEqual(['v1.0'])
    expect(d.dropped[0]?.tag.tag).toBe('1.0')
  })

  it('plans diffs against the nearest planned ancestor, roots listed whole', () => {
    const plan = planTargets(graph(), [sha(5), sha(3)])
    expect(plan).toEqual([
      { commit: sha(1), base: undefined },
      { commit: sha(3), base: sha(1) },
      { commit: sha(5), base: sha(1) },
    ])
  })
})

describe('diff-tree listings', () => {
  it('replays diffs into file maps, dropping deletions and non-regular files', () => {
    const z = (s: string) => s.split('|').join('\0')
    const out =
      z(
        `${sha(1)}|:000000 100644 ${'0'.repeat(40)} ${'a'.repeat(40)} A|a.txt|:000000 120000 ${'0'.repeat(40)} ${'c'.repeat(40)} A|link|`,
      ) +
      '\n' +
      z(
        `${sha(2)}|:100644 100644 ${'a'.repeat(40)} ${'b'.repeat(40)} M|a.txt|:000000 100755 ${'0'.repeat(40)} ${'d'.repeat(40)} A|dir/x y.sh|:100644 000000 ${'a'.repeat(40)} ${'0'.repeat(40)} D|gone|`,
      )
    const changes = parseDiffTree(out)
    const states = replayTrees(
      [
        { commit: sha(1), base: undefined },
        { commit: sha(2), base: sha(1) },
      ],
      changes,
    )
    expect([...(states.get(sha(1)) ?? [])]).toEqual([['a.txt', 'a'.repeat(40)]])
    expect([...(states.get(sha(2)) ?? [])]).toEqual([
      ['a.txt', 'b'.repeat(40)],
      ['dir/x y.sh', 'd'.repeat(40)],
    ])
  })
})
