/**
 * Config patterns run in linear time (config/patterns.ts, re2js): a label, branch, tag, path or
 * `/backport` target written by anyone cannot stall a run, whatever pattern a maintainer wrote.
 * Each case goes through the real call site. The bound is a behaviour guard, not a benchmark: with
 * JavaScript's backtracking RegExp these inputs take minutes to years.
 */
import { describe, expect, it } from 'vitest'
import { labelForTarget, mapLabel, solveTemplate } from '../../../src/backport/labels.js'
import { backportLabels } from '../../../src/backport/pr.js'
import { parseConfig } from '../../../src/config/load.js'
import {
  isReleaseLine,
  lineMatcher,
  MAX_PROGRAM_SIZE,
  searchPattern,
  wholeName,
} from '../../../src/config/patterns.js'
import { ConfigError } from '../../../src/config/types.js'
import { migrationsFromFiles } from '../../../src/upgrade/discovery/migrations.js'
import {
  buildFromTag,
  compileTagPatterns,
  isLineBranch,
} from '../../../src/upgrade/discovery/names.js'

const LONG = 10_000
const BOUND_MS = 1000

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = run()
  return { value, ms: performance.now() - start }
}

function problems(text: string): string[] {
  try {
    parseConfig(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems.map((p) => `${p.path}: ${p.message}`)
  }
  throw new Error('expected the config to be rejected')
}

describe('config patterns cannot be made to run for long (ReDoS)', () => {
  // The two patterns of issue 7: they load (RE2 runs them), and no name stalls them.
  const config = parseConfig(
    [
      'lines:',
      "  patterns: ['^(\\d+\\.?)+x$']",
      'backport:',
      "  labels: [{ pattern: '^backport-(?<branch>(a+)+)$', branch: '{branch}' }]",
      "  copyLabels: ['^(a|a)+$']",
      'upgrade:',
      "  tags: ['v{build}', 'r{build}-{build}-{build}']",
      "  bookkeeping: ['**/**/**/**/CHANGELOG']",
      '  migrations:',
      '    layout: regex',
      "    pattern: '^(?<id>(\\d+_?)+)\\.sql$'",
    ].join('\n'),
  )

  it('maps a 10,000-character label through a nested-quantifier rule in well under a second', () => {
    const bad = `backport-${'a'.repeat(LONG)}!`
    const { value, ms } = timed(() => mapLabel(bad, config.backport.labels))
    expect(value.kind).toBe('none')
    expect(ms).toBeLessThan(BOUND_MS)
    // The rule still does its job, groups and all.
    expect(mapLabel('backport-aaa', config.backport.labels)).toMatchObject({
      kind: 'target',
      branch: 'aaa',
    })
  })

  it('decides whether a 10,000-character branch is a release line in well under a second', () => {
    const bad = `${'1'.repeat(LONG)}!`
    const { value, ms } = timed(() => [
      lineMatcher(config.lines.patterns)(bad),
      isReleaseLine(bad, config.lines, 'main'),
      isLineBranch(bad, config.lines.patterns),
    ])
    expect(value).toEqual([false, false, false])
    expect(ms).toBeLessThan(BOUND_MS)
    expect(isReleaseLine('1.2.x', config.lines, 'main')).toBe(true)
  })

  it('copies labels, reads tags, paths and migration file names of 10,000 characters quickly', () => {
    const { value, ms } = timed(() => ({
      copied: backportLabels(config.backport, [`${'a'.repeat(LONG)}!`, 'aa'], false),
      build: buildFromTag(`r${'1-'.repeat(LONG / 2)}!`, compileTagPatterns(config.upgrade.tags)),
      migrations: migrationsFromFiles(
        new Map([[`db/${'1_'.repeat(LONG / 2)}!.sql`, 'blob']]),
        'regex',
        ['db'],
        searchPattern(config.upgrade.migrations.pattern ?? ''),
      ),
    }))
    expect(value).toEqual({ copied: ['aa'], build: undefined, migrations: [] })
    expect(ms).toBeLessThan(BOUND_MS)
    expect(buildFromTag('r1-2-3', compileTagPatterns(config.upgrade.tags))).toBe('1')
  })

  it('solves a branch template for a long `/backport` target in bounded time', () => {
    const rules = [
      { pattern: '^bp-(?<a>.+)-(?<b>.+)-(?<c>.+)$', branch: '{a}{b}{c}{a}x' },
      ...config.backport.labels,
    ]
    const { value, ms } = timed(() => ({
      solved: solveTemplate('{a}{b}{c}{a}x', `${'a'.repeat(1000)}!`),
      long: labelForTarget('a'.repeat(LONG), rules),
      usual: labelForTarget('a'.repeat(200), rules),
    }))
    expect(value.solved).toEqual([])
    // Too long for a branch name; a usual one gets the label the second rule maps back.
    expect(value.long).toBeUndefined()
    expect(value.usual === `backport-${'a'.repeat(200)}`).toBe(true)
    expect(ms).toBeLessThan(BOUND_MS)
    // Repeated placeholders still take one value.
    expect(solveTemplate('{a}/{b}-{a}', 'x/y-x')).toEqual([{ a: 'x', b: 'y' }])
    expect(solveTemplate('{a}/{b}-{a}', 'x/y-z')).toEqual([])
    expect(labelForTarget('1-2-3', rules.slice(0, 1))).toBeUndefined()
    expect(labelForTarget('abcax', rules.slice(0, 1))).toBe('bp-a-b-c')
  })
})

describe('patterns RE2 cannot run are refused when the config loads, naming the key', () => {
  it('refuses lookaround and backreferences with the key path and the reason', () => {
    const got = problems(
      [
        'lines:',
        "  patterns: ['^\\d+\\.x$', '^(?!old)\\d+\\.x$']",
        'backport:',
        "  labels: [{ pattern: '^backport-(?<b>\\w+)-\\k<b>$' }, { pattern: '(?<=bp-)x' }]",
        "  copyLabels: ['(a)\\1']",
        'upgrade:',
        '  migrations:',
        "    pattern: 'V(?=\\d)'",
      ].join('\n'),
    )
    const why = 'lookaround and backreferences cannot run in linear time'
    expect(got).toHaveLength(5)
    expect(got[0]).toMatch(
      /^lines\.patterns\[1\]: is not a valid regular expression \(RE2 syntax\)/,
    )
    expect(got[1]).toMatch(/^backport\.labels\[0\]\.pattern: is not a valid regular expression/)
    expect(got[2]).toMatch(/^backport\.labels\[1\]\.pattern: is not a valid regular expression/)
    expect(got[3]).toMatch(/^backport\.copyLabels\[0\]: is not a valid regular expression/)
    expect(got[4]).toMatch(/^upgrade\.migrations\.pattern: is not a valid regular expression/)
    for (const message of got) expect(message).toContain(why)
  })

  it('refuses a pattern that is no pattern on its own, and one too large to run quickly', () => {
    expect(problems("lines:\n  patterns: ['a)|(b']\n")).toEqual([
      'lines.patterns[0]: is not a valid regular expression (RE2 syntax): unexpected ): `a)|(b`',
    ])
    expect(wholeName('a)|(b')).toBeUndefined()
    const huge = Array.from({ length: 300 }, (_, i) => `(?:foo|bar)+${i}`).join('|')
    expect(problems(`lines:\n  patterns: ['${huge}']\n`)[0]).toMatch(
      new RegExp(
        `^lines\\.patterns\\[0\\]: is too complex \\(\\d+ instructions, at most ${MAX_PROGRAM_SIZE}\\)$`,
      ),
    )
    expect(problems(`upgrade:\n  tags: ['v${'{build}'.repeat(1000)}']\n`)[0]).toMatch(
      /^upgrade\.tags\[0\]: is too complex/,
    )
    expect(problems(`upgrade:\n  bookkeeping: ['${'**/'.repeat(1000)}x']\n`)[0]).toMatch(
      /^upgrade\.bookkeeping\[0\]: is too complex/,
    )
  })

  it('accepts the JavaScript syntax config patterns use, and RE2 spellings of it', () => {
    const config = parseConfig(
      [
        'lines:',
        "  patterns: ['^release/\\d+\\.\\d+$', '(?i)^STABLE-\\d+$']",
        'backport:',
        "  labels: [{ pattern: '^bp:(?P<major>\\d+)\\.(?<minor>\\d+)$', branch: 'release/{major}.{minor}' }]",
      ].join('\n'),
    )
    expect(lineMatcher(config.lines.patterns)('stable-3')).toBe(true)
    expect(mapLabel('bp:2.3', config.backport.labels)).toMatchObject({ branch: 'release/2.3' })
    expect(labelForTarget('release/2.3', config.backport.labels)).toBe('bp:2.3')
  })
})
