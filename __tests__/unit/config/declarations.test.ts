/** upgrade.compatibility and upgrade.waivers at config load: defaults, shapes, key paths. */
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
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

describe('upgrade.compatibility', () => {
  it('defaults to none, and reads one selector or a list', () => {
    expect(parseConfig('').upgrade.compatibility).toEqual([])
    const c = parseConfig(
      [
        'upgrade:',
        '  compatibility:',
        "    - { from: '1.2', to: ['2.0'], reason: 'lacks the fix' }",
        "    - { from: ['>=1.2 <2.0', v1.1], to: '>=2.0 <2.1 || 2.3', reason: r }",
      ].join('\n'),
    )
    expect(c.upgrade.compatibility).toEqual([
      { from: '1.2', to: ['2.0'], reason: 'lacks the fix' },
      { from: ['>=1.2 <2.0', 'v1.1'], to: '>=2.0 <2.1 || 2.3', reason: 'r' },
    ])
  })

  it('rejects a bad range with its key path, in the configured scheme', () => {
    expect(
      problems(
        "upgrade:\n  compatibility:\n    - { from: ['1.2', '>=1.2 <'], to: '2.0', reason: r }\n",
      ),
    ).toEqual([
      'upgrade.compatibility[0].from[1]: is not a release selector: "<" is not a comparison (>=, >, <=, < or = followed by a build)',
    ])
    expect(
      problems(
        "upgrade:\n  scheme: semver\n  compatibility:\n    - { from: '*', to: '>=2.0', reason: r }\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^upgrade\.compatibility\[0\]\.to: is not a release selector: in ">=2\.0": .*semantic version/,
      ),
    ])
  })

  it('requires from, to and a reason, and nothing else', () => {
    expect(problems("upgrade:\n  compatibility:\n    - { from: '1.2', to: [], why: x }\n")).toEqual(
      expect.arrayContaining([
        'upgrade.compatibility[0]: missing required key "reason"',
        'upgrade.compatibility[0].why: unknown key "why" (allowed: from, to, reason)',
        'upgrade.compatibility[0].to: must NOT have fewer than 1 items',
      ]),
    )
  })

  it('accepts a name that matches no release: the check warns about it instead', () => {
    expect(() =>
      parseConfig(
        "upgrade:\n  compatibility:\n    - { from: 'v1.2-typo', to: '2.0', reason: r }\n",
      ),
    ).not.toThrow()
  })
})

describe('upgrade.waivers', () => {
  it('reads an unquoted until as a date string', () => {
    const c = parseConfig(
      [
        'upgrade:',
        '  waivers:',
        '    - rule: fix-loss',
        "      releases: ['1.2', '2.0']",
        '      reason: the fix is in 1.x-only code',
        '      until: 2027-01-31',
      ].join('\n'),
    )
    expect(c.upgrade.waivers).toEqual([
      {
        rule: 'fix-loss',
        releases: ['1.2', '2.0'],
        reason: 'the fix is in 1.x-only code',
        until: '2027-01-31',
      },
    ])
  })

  it('rejects an unknown rule, a missing target, a bad date, each with its key path', () => {
    const found = problems(
      [
        'upgrade:',
        '  waivers:',
        '    - { rule: fix-lost, ids: [x], reason: r }',
        '    - { rule: fix-loss, reason: r }',
        "    - { rule: waiver, ids: [x], reason: r, until: '2027-02-30' }",
        "    - { rule: fix-loss, releases: ['>1.2 <='], reason: r, until: '31.01.2027' }",
      ].join('\n'),
    )
    expect(found).toEqual(['upgrade.waivers[3].until: must match pattern "^\\d{4}-\\d{2}-\\d{2}$"'])
    const semantic = problems(
      [
        'upgrade:',
        '  waivers:',
        '    - { rule: fix-lost, ids: [x], reason: r }',
        '    - { rule: fix-loss, reason: r }',
        "    - { rule: waiver, ids: [x], reason: r, until: '2027-02-30' }",
        "    - { rule: fix-loss, releases: ['>1.2 <='], reason: r }",
      ].join('\n'),
    )
    expect(semantic).toEqual([
      expect.stringMatching(
        /^upgrade\.waivers\[0\]\.rule: must be one of build-format, .*fix-loss.*compatibility$/,
      ),
      'upgrade.waivers[1]: needs "releases" or "ids": a waiver names the findings it waives',
      expect.stringMatching(/^upgrade\.waivers\[2\]\.rule: must be one of /),
      'upgrade.waivers[2].until: "2027-02-30" is not a date (YYYY-MM-DD)',
      expect.stringMatching(
        /^upgrade\.waivers\[3\]\.releases\[0\]: is not a release selector: "<=" /,
      ),
    ])
  })
})
