import { describe, expect, it } from 'vitest'
import { chunk } from '../../../src/github/checks.js'
import { shorten } from '../../../src/markdown/escape.js'
import { annotations, checkTitle, resultRows } from '../../../src/upgrade/job-report.js'
import type { CheckResult, Finding } from '../../../src/upgrade/model.js'

const result = (findings: Finding[]): CheckResult => ({
  conclusion: findings.some((f) => f.severity === 'error') ? 'failure' : 'success',
  findings,
  releases: [],
  upgrades: [],
  lines: [],
})

describe('job report', () => {
  const error: Finding = {
    rule: 'build-format',
    severity: 'error',
    message: 'bad build',
    file: 'plugin_config.yml',
    line: 11,
    releases: ['v1.2'],
  }
  const warning: Finding = {
    rule: 'content-stable',
    severity: 'warning',
    message: 'changed',
    file: 'v1.2',
  }

  it('has one row per finding, failures carrying the error, or one success row', () => {
    expect(resultRows(result([error, warning]))).toEqual([
      {
        target: 'build-format (v1.2)',
        status: 'failure',
        message: 'bad build',
        error: 'bad build',
      },
      { target: 'content-stable', status: 'success', message: 'warning: changed' },
    ])
    expect(resultRows(result([]))).toEqual([
      {
        target: 'fixline / upgrade-safety',
        status: 'success',
        message: '0 release(s) on 0 line(s) pass',
      },
    ])
  })

  it('annotates files, not tag names, with the right level', () => {
    expect(annotations([error, warning], new Set(['v1.2']))).toEqual([
      {
        path: 'plugin_config.yml',
        startLine: 11,
        level: 'failure',
        message: 'bad build',
        title: 'build-format',
      },
    ])
    expect(checkTitle(result([error, warning]))).toBe(
      '1 rule failure(s), 1 warning(s) in 0 release(s) on 0 line(s)',
    )
  })

  it('chunks annotations by 50 and truncates descriptions', () => {
    expect(
      chunk(
        Array.from({ length: 120 }, (_, i) => i),
        50,
      ).map((c) => c.length),
    ).toEqual([50, 50, 20])
    expect(shorten('x'.repeat(200), 140)).toHaveLength(140)
  })
})
