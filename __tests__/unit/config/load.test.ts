import { describe, expect, it } from 'vitest'
import { parseConfig, defaultConfig } from '../../../src/config/load.js'
import { ConfigError } from '../../../src/config/types.js'

function problems(text: string): string[] {
  try {
    parseConfig(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems.map((p) => `${p.path}: ${p.message}`)
  }
  throw new Error('expected the config to be rejected')
}

describe('parseConfig', () => {
  it('gives every default for an absent or empty file', () => {
    const absent = parseConfig(undefined)
    expect(parseConfig('')).toEqual(absent)
    expect(parseConfig('# only a comment\n')).toEqual(absent)
    expect(absent.backport.labels).toEqual([
      { pattern: '^backport[- ](?<branch>\\S+)$', branch: '{branch}' },
    ])
    expect(absent.backport.conflicts).toBe('draft-pr')
    expect(absent.upgrade.tags).toEqual(['v{build}', '{build}'])
    expect(absent.requests.labels.request).toBe('backport-request')
    expect(absent.lines.defaultBranch).toBe(true)
  })

  it('fills defaults beside the keys that are given', () => {
    const c = parseConfig(
      'backport:\n  conflicts: comment\n  labels:\n    - pattern: "^bp-v(?<v>.+)$"\n',
    )
    expect(c.backport.conflicts).toBe('comment')
    expect(c.backport.labels).toEqual([{ pattern: '^bp-v(?<v>.+)$', branch: '{branch}' }])
    expect(c.backport.conflictLabel).toBe('backport-conflict')
  })

  it('rejects unknown keys with the key path and the allowed keys', () => {
    expect(problems('backport:\n  conflict: comment\n')).toEqual([
      expect.stringMatching(
        /^backport\.conflict: unknown key "conflict" \(allowed: labels, mergeCommits, conflicts,/,
      ),
    ])
    expect(problems('nope: 1\n')[0]).toMatch(
      /^nope: unknown key "nope" \(allowed: lines, backport, upgrade, requests, forwardport, hotfix, audit, dashboard\)/,
    )
  })

  it('rejects bad values with the key path and what is allowed', () => {
    expect(problems('backport:\n  conflicts: maybe\n')).toEqual([
      'backport.conflicts: must be one of "draft-pr", "comment"',
    ])
    expect(problems('requests:\n  window: many\n')).toEqual(['requests.window: must be integer'])
    expect(problems('backport:\n  labels:\n    - branch: x\n')).toEqual([
      'backport.labels[0]: missing required key "pattern"',
    ])
  })

  it('rejects invalid regular expressions and incomplete combinations', () => {
    expect(problems('lines:\n  patterns: ["("]\n')[0]).toMatch(
      /^lines\.patterns\[0\]: is not a valid regular expression/,
    )
    expect(problems('upgrade:\n  build:\n    source: file\n')).toEqual([
      'upgrade.build.file: is required when upgrade.build.source is "file"',
    ])
  })

  it('rejects YAML that is not a mapping, or not YAML', () => {
    expect(problems('- a\n- b\n')).toEqual([
      ': must be a mapping of keys (lines, backport, upgrade, requests, forwardport, hotfix)',
    ])
    expect(problems('backport: [\n')[0]).toMatch(/^: YAML syntax/)
    expect(problems('a: 1\na: 2\n')[0]).toMatch(/YAML syntax/)
  })

  it('returns a fresh object each time', () => {
    const a = defaultConfig()
    a.backport.addLabels.push('x')
    expect(defaultConfig().backport.addLabels).toEqual([])
  })
})
