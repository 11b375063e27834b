import { describe, expect, it } from 'vitest'
import {
  compareLineNames,
  compareLineVersions,
  isReleaseLine,
  lineMatcher,
  lineVersion,
  wholeName,
} from '../../../src/config/patterns.js'
import { mapLabel } from '../../../src/backport/labels.js'
import { orderLines } from '../../../src/requests/policy.js'
import { isLineBranch } from '../../../src/upgrade/discovery/names.js'
import { parseRefs, selectLines } from '../../../src/upgrade/discovery/refs.js'

// A user who writes `\d+\.x` means the branch `1.x`, not `feature/1.x-old`.
const lines = { patterns: ['\\d+\\.x', 'release/\\d+\\.\\d+'], defaultBranch: true }

describe('config patterns match whole names', () => {
  it('anchors line patterns in every job that asks "is this a release line?"', () => {
    const isLine = lineMatcher(lines.patterns)
    expect(isLine('1.x')).toBe(true)
    expect(isLine('release/16.5')).toBe(true)
    expect(isLine('feature/1.x-old')).toBe(false)
    expect(isLine('old-release/16.5')).toBe(false)
    expect(isReleaseLine('feature/1.x-old', lines, 'main')).toBe(false)
    expect(isReleaseLine('main', lines, 'main')).toBe(true)
    expect(isLineBranch('feature/1.x-old', lines.patterns)).toBe(false)
    expect(
      orderLines(['1.x', '2.x', 'feature/1.x-old', 'main'], { lines }, 'main').map((l) => l.branch),
    ).toEqual(['main', '2.x', '1.x'])
  })

  it('anchors label rules: a rule matches the whole label, keeping its groups', () => {
    const rules = [{ pattern: 'backport-(?<branch>\\S+)', branch: '{branch}' }]
    expect(mapLabel('backport-1.x', rules)).toMatchObject({ kind: 'target', branch: '1.x' })
    expect(mapLabel('no-backport-1.x', rules).kind).not.toBe('target')
  })

  it('alternations stay inside the anchors', () => {
    expect(wholeName('1\\.x|2\\.x')?.test('1.x-old')).toBe(false)
    expect(wholeName('1\\.x|2\\.x')?.test('2.x')).toBe(true)
    expect(wholeName('(')).toBeUndefined()
  })
})

describe('line versions: one order for every job', () => {
  it('reads the numbers of a branch name and orders them part by part, a prefix first', () => {
    expect(lineVersion('release/16.5')).toEqual([16, 5])
    expect(lineVersion('main')).toEqual([])
    expect(lineVersion(`${'9'.repeat(30)}.x`)).toEqual([Number('9'.repeat(15))])
    const sorted = [[2], [1, 10], [1, 0], [1], [1, 2]].sort(compareLineVersions)
    expect(sorted).toEqual([[1], [1, 0], [1, 2], [1, 10], [2]])
  })

  it('the requests window and the upgrade check put the same lines in the same order', () => {
    const branches = ['1.x', '1.0.x', '1.10.x', '1.2.x', '2.x']
    const requests = orderLines(branches, {
      lines: { patterns: ['\\d+(\\.\\d+)*\\.x'], defaultBranch: false },
    })
      .map((l) => l.branch)
      .reverse()
    const upgrade = [...branches].sort((a, b) =>
      compareLineVersions(lineVersion(a), lineVersion(b)),
    )
    expect(requests).toEqual(upgrade)
    expect(upgrade).toEqual(['1.x', '1.0.x', '1.2.x', '1.10.x', '2.x'])
  })
})

describe('lines.newest and lines.order', () => {
  const named = (...names: string[]) => names.map((b) => ({ branch: b, version: lineVersion(b) }))
  const sorted = (order: string[], ...names: string[]) =>
    named(...names)
      .sort((a, b) => compareLineNames(a, b, order))
      .map((l) => l.branch)

  it('places names listed before {numbered} before every numbered line, after it after them', () => {
    const all = ['2.x', 'next', '1.x', 'legacy', 'lts', 'old']
    expect(sorted([], ...all)).toEqual(['legacy', 'lts', 'next', 'old', '1.x', '2.x'])
    expect(sorted(['legacy', '{numbered}', 'lts', 'next'], ...all)).toEqual([
      'old',
      'legacy',
      '1.x',
      '2.x',
      'lts',
      'next',
    ])
    expect(sorted(['next', 'legacy'], ...all)).toEqual([
      'lts',
      'old',
      'next',
      'legacy',
      '1.x',
      '2.x',
    ])
    // a listed name with numbers takes its listed place
    expect(sorted(['{numbered}', '1.x'], ...all)).toEqual([
      'legacy',
      'lts',
      'next',
      'old',
      '2.x',
      '1.x',
    ])
  })

  it('a branch lines.newest or lines.order names is a release line', () => {
    const config = { ...lines, newest: 'develop', order: ['lts', '{numbered}'] }
    expect(isReleaseLine('develop', config, 'main')).toBe(true)
    expect(isReleaseLine('lts', config, 'main')).toBe(true)
    expect(isReleaseLine('{numbered}', config, 'main')).toBe(false)
    expect(isReleaseLine('main', config, 'main')).toBe(false)
    expect(isReleaseLine('1.x', config, 'main')).toBe(true)
  })

  it('the requests window and the upgrade check agree on lines.newest and lines.order', () => {
    const config = {
      patterns: ['\\d+\\.x'],
      defaultBranch: true,
      newest: 'develop',
      order: ['legacy', '{numbered}', 'next'],
    }
    const branches = ['main', 'develop', '2.x', 'next', '1.x', 'legacy', 'feature']
    const requests = orderLines(branches, { lines: config }, 'main').map((l) => l.branch)
    const refs = parseRefs(
      branches.map((b, i) => `refs/heads/${b}\0${String(i).repeat(40)}`).join('\n'),
    )
    const upgrade = selectLines(refs, {
      patterns: config.patterns,
      includeDefault: true,
      newest: config.newest,
      order: config.order,
      defaultBranch: 'main',
      prefer: 'local',
    }).map((l) => l.branch)
    expect(requests).toEqual(['develop', 'next', '2.x', '1.x', 'legacy'])
    expect(upgrade).toEqual([...requests].reverse())
  })
})
