import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/load.js'
import { isReleaseLine } from '../../../src/config/patterns.js'
import type { LabelRule } from '../../../src/config/types.js'
import {
  exampleForPattern,
  isBranchName,
  labelForTarget,
  mapLabel,
  parseTemplate,
  solveTemplate,
} from '../../../src/backport/labels.js'

const defaults = defaultConfig().backport.labels
const releaseRule: LabelRule = { pattern: '^v(\\d+)\\.(\\d+)$', branch: 'release/{1}.{2}' }
const namedRule: LabelRule = {
  pattern: '^backport:(?<major>\\d+)\\.(?<minor>\\d+)$',
  branch: 'release/{major}.{minor}',
}

describe('mapLabel', () => {
  it('maps the default backport-<branch> and "backport <branch>" labels', () => {
    expect(mapLabel('backport-1.x', defaults)).toEqual({
      kind: 'target',
      label: 'backport-1.x',
      branch: '1.x',
      rule: 0,
    })
    expect(mapLabel('backport release/16.5', defaults)).toMatchObject({
      kind: 'target',
      branch: 'release/16.5',
    })
  })

  it('ignores labels no rule matches', () => {
    expect(mapLabel('bug', defaults)).toEqual({ kind: 'none', label: 'bug' })
    expect(mapLabel('backport', defaults).kind).toBe('none')
    expect(mapLabel('backport-', defaults).kind).toBe('none')
  })

  it('fills numbered and named groups', () => {
    expect(mapLabel('v2.3', [releaseRule])).toMatchObject({ kind: 'target', branch: 'release/2.3' })
    expect(mapLabel('backport:4.10', [namedRule])).toMatchObject({
      kind: 'target',
      branch: 'release/4.10',
    })
  })

  it('tries rules in order: the first match wins', () => {
    const rules = [releaseRule, ...defaults]
    expect(mapLabel('v2.3', rules)).toMatchObject({ rule: 0, branch: 'release/2.3' })
    expect(mapLabel('backport-2.x', rules)).toMatchObject({ rule: 1, branch: '2.x' })
  })

  it('rejects a label whose branch is not a valid ref name, with the reason', () => {
    const m = mapLabel('backport-a..b', defaults)
    expect(m).toMatchObject({ kind: 'invalid' })
    expect(m.kind === 'invalid' && m.message).toContain('is not a valid branch name')
    expect(mapLabel('backport--force', defaults).kind).toBe('invalid')
  })

  it('reports a template placeholder that the pattern does not capture', () => {
    const m = mapLabel('v2.3', [{ pattern: '^v(\\d+)\\.(\\d+)$', branch: 'release/{major}' }])
    expect(m.kind === 'invalid' && m.message).toContain('{major}')
  })
})

describe('templates', () => {
  it('parses literals, placeholders and escaped braces', () => {
    expect(parseTemplate('release/{1}.{name}{{x}}')).toEqual([
      { literal: 'release/' },
      { group: '1' },
      { literal: '.' },
      { group: 'name' },
      { literal: '{x}' },
    ])
    expect(() => parseTemplate('release/{')).toThrow(/bad placeholder/)
    expect(() => parseTemplate('{a b}')).toThrow(/bad placeholder/)
  })

  it('solves a template for a target', () => {
    expect(solveTemplate('release/{1}.{2}', 'release/2.3')).toEqual([{ 1: '2', 2: '3' }])
    expect(solveTemplate('release/{1}', 'main')).toEqual([])
    expect(solveTemplate('{branch}', '1.x')).toEqual([{ branch: '1.x' }])
  })

  it('generates an example label from a pattern', () => {
    expect(exampleForPattern('^backport[- ](?<branch>\\S+)$', { branch: '1.x' })).toBe(
      'backport-1.x',
    )
    expect(exampleForPattern('^v(\\d+)\\.(\\d+)$', { 1: '2', 2: '3' })).toBe('v2.3')
    expect(exampleForPattern('^(?:bp|backport)-(.+)$', { 1: 'x' })).toBe('bp-x')
    expect(exampleForPattern('^(?!x)', {})).toBeUndefined()
  })
})

describe('labelForTarget', () => {
  it('reverse-maps a target through the default rule', () => {
    expect(labelForTarget('1.x', defaults)).toBe('backport-1.x')
  })

  it('reverse-maps through a templated rule', () => {
    expect(labelForTarget('release/2.3', [releaseRule])).toBe('v2.3')
    expect(labelForTarget('release/4.10', [namedRule])).toBe('backport:4.10')
  })

  it('says so when no rule can produce the target', () => {
    expect(labelForTarget('main', [releaseRule])).toBeUndefined()
  })

  it('round-trips arbitrary plausible targets through the default rule', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9./_-]{0,30}$/), (target) => {
        fc.pre(isBranchName(target))
        const label = labelForTarget(target, defaults)
        expect(label).toBeDefined()
        expect(mapLabel(label as string, defaults)).toMatchObject({
          kind: 'target',
          branch: target,
        })
      }),
    )
  })
})

describe('isReleaseLine', () => {
  const lines = defaultConfig().lines
  it('accepts configured patterns and the default branch', () => {
    expect(isReleaseLine('1.x', lines, 'main')).toBe(true)
    expect(isReleaseLine('release/16.5', lines, 'main')).toBe(true)
    expect(isReleaseLine('main', lines, 'main')).toBe(true)
    expect(isReleaseLine('main', { ...lines, defaultBranch: false }, 'main')).toBe(false)
    expect(isReleaseLine('feature/x', lines, 'main')).toBe(false)
  })
})

describe('property: arbitrary labels never yield an invalid branch', () => {
  const rules = [...defaults, releaseRule, namedRule, { pattern: '^to:(.*)$', branch: '{1}' }]
  const arbitraryLabel = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `backport-${s}`),
    fc.string({ maxLength: 40 }).map((s) => `to:${s}`),
    fc.constantFrom(
      'backport-..',
      'backport--x',
      'to:a.lock',
      'to:/x',
      'to:x/',
      'to:@{-1}',
      'to:a\u0000b',
      'backport-a b',
      'to:',
      'to:a/.b',
      'to:a//b',
      'to:@',
      'to:a.lock/b',
      'to:.x',
    ),
  )

  it('every target branch passes the ref-name check', () => {
    fc.assert(
      fc.property(arbitraryLabel, (label) => {
        const m = mapLabel(label, rules)
        if (m.kind === 'target') expect(isBranchName(m.branch)).toBe(true)
        if (m.kind === 'invalid') expect(m.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('every target branch is also accepted by git check-ref-format --branch', () => {
    const tricky = [
      'to:a/.b',
      'to:a//b',
      'to:@',
      'to:a.lock/b',
      'to:.x',
      'to:a/b',
      'to:release/1.2',
      'backport-v1.x',
    ]
    const samples = [...tricky, ...fc.sample(arbitraryLabel, { numRuns: 300, seed: 7 })]
    const branches = samples.flatMap((l) => {
      const m = mapLabel(l, rules)
      return m.kind === 'target' ? [m.branch] : []
    })
    expect(branches.length).toBeGreaterThan(10)
    for (const branch of [...new Set(branches)].slice(0, 80)) {
      expect(
        () => execFileSync('git', ['check-ref-format', '--branch', branch], { stdio: 'pipe' }),
        branch,
      ).not.toThrow()
    }
  })
})
