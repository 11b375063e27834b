import { describe, expect, it } from 'vitest'
import { lineSafety } from '../../../src/dashboard/safety.js'
import type { CheckResult, Finding, Release } from '../../../src/upgrade/model.js'

function release(name: string, line: string, candidate = false): Release {
  return {
    name,
    line,
    tag: candidate ? undefined : name,
    commit: 'c'.repeat(40),
    build: name.slice(1),
    buildLocation: { file: 'VERSION' },
    migrations: [],
    ...(candidate ? { candidate } : {}),
  }
}

function result(releases: Release[], findings: Finding[]): CheckResult {
  return { conclusion: 'failure', findings, releases, upgrades: [], lines: [] }
}

describe('lineSafety', () => {
  it('judges each line by its newest release: an unwaived error naming it fails it; warnings, waived errors and candidates do not count', () => {
    const releases = [
      release('v1.0', '1.x'),
      release('v1.1', '1.x'),
      release('v2.0', 'main'),
      release('PR #9', 'main', true),
    ]
    const findings: Finding[] = [
      { rule: 'fix-loss', severity: 'error', message: 'v1.0 loses', releases: ['v1.0', 'v2.0'] },
      { rule: 'content-stable', severity: 'warning', message: 'w', releases: ['v1.1'] },
      {
        rule: 'append-only',
        severity: 'error',
        message: 'waived',
        releases: ['v1.1'],
        waived: { reason: 'ok', key: 'upgrade.waivers[0]' },
      },
      { rule: 'build-unique', severity: 'error', message: 'candidate', releases: ['PR #9'] },
    ]
    expect(lineSafety(result(releases, findings), ['main', '1.x', '2.x'])).toEqual([
      { line: 'main', release: 'v2.0', conclusion: 'failure' },
      { line: '1.x', release: 'v1.1', conclusion: 'success' },
      { line: '2.x', release: undefined, conclusion: 'none' },
    ])
  })
})
