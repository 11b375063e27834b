import { describe, expect, it } from 'vitest'
import { lineMatcher, wholeName } from '../../../src/config/patterns.js'
import { isReleaseLine, mapLabel } from '../../../src/backport/labels.js'
import { orderLines } from '../../../src/requests/policy.js'
import { isLineBranch } from '../../../src/upgrade/discovery/names.js'

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
