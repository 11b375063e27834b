/**
 * Reports that stay readable at thousands of findings, and that never read as a bare PASS when
 * something was not checked: coverage warnings first, a per-rule summary, errors in the order a
 * maintainer acts on them, each rule's list bounded in text and Markdown, every finding in JSON.
 */
import { describe, expect, it } from 'vitest'
import { checkModel, type CheckOptions } from '../../../src/upgrade/check.js'
import { checkTitle } from '../../../src/upgrade/job-report.js'
import type { CheckResult, Finding, RuleId } from '../../../src/upgrade/model.js'
import { renderJson, renderMarkdown, renderText } from '../../../src/upgrade/render/index.js'
import { workedExample } from './worked-example.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }

function withFindings(list: [RuleId, Finding['severity'], number][]): CheckResult {
  const result = checkModel(workedExample(), SET)
  for (const [rule, severity, n] of list)
    for (let i = 0; i < n; i++) result.findings.push({ rule, severity, message: `${rule} #${i}` })
  result.conclusion = result.findings.some((f) => f.severity === 'error') ? 'failure' : 'success'
  return result
}

/** Thousands of findings, in the checker's rule order (formats first). */
const crowded = (): CheckResult =>
  withFindings([
    ['build-format', 'error', 1500],
    ['content-stable', 'warning', 40],
    ['fix-loss', 'error', 2000],
    ['migration-order', 'error', 3],
    ['append-only', 'error', 1],
  ])

interface Json {
  verdict: string
  summary: { byRule: { rule: string; errors: number; warnings: number }[] }
  coverage: { code: string; message: string }[]
  findings: { rule: string; severity: string }[]
}

describe('a report of thousands of findings', () => {
  it('text: per-rule summary first, errors in the order to act on them, each rule bounded', () => {
    const text = renderText(crowded())
    const summary = text.indexOf('By rule (in the order to act on them)')
    expect(summary).toBeGreaterThan(0)
    expect(summary).toBeLessThan(text.indexOf('Lines (oldest first)'))
    expect(text).toMatch(
      /^By rule .*\n {2}migration-order +3 errors\n {2}append-only +1 error\n {2}fix-loss +2000 errors\n {2}build-format +1500 errors\n {2}content-stable +40 warnings$/m,
    )
    const order = ['migration-order (3', 'append-only (1', 'fix-loss (2000', 'build-format (1500']
    const at = order.map((h) => text.indexOf(`  ${h}`))
    expect(at.every((p) => p > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(text.indexOf('Warnings\n  content-stable (40 warnings)')).toBeGreaterThan(
      at[3] as number,
    )
    expect(text).toContain(
      '    … and 1980 more fix-loss errors (--format json lists every finding)',
    )
    expect(text).toContain('    … and 20 more content-stable warnings')
    expect(text).not.toContain('fix-loss #20\n')
    expect(text.split('\n').length).toBeLessThan(250)
  })

  it('Markdown: summary table, then the bounded findings, under the size limit', () => {
    const md = renderMarkdown(crowded())
    expect(md.length).toBeLessThanOrEqual(60_000)
    expect(md).toContain(
      '| Rule | Errors | Warnings |\n| --- | --- | --- |\n| `migration-order` | 3 | 0 |\n| `append-only` | 1 | 0 |\n| `fix-loss` | 2000 | 0 |',
    )
    expect(md.indexOf('### Findings by rule')).toBeLessThan(md.indexOf('### Findings\n'))
    expect(md.indexOf('`migration-order` | migration-order #0')).toBeLessThan(
      md.indexOf('`fix-loss` | fix-loss #0'),
    )
    expect(md).toMatch(/^\| \| `fix-loss` \| … and \d+ more fix-loss errors \| \|$/m)
    expect(md).toMatch(/^\d+ findings not shown: the JSON output lists every one\.$/m)
  })

  it('JSON: every finding, in the same order, with the per-rule summary', () => {
    const json = JSON.parse(renderJson(crowded())) as Json
    expect(json.findings).toHaveLength(3544)
    expect(json.findings[0]?.rule).toBe('migration-order')
    expect(json.findings.at(-1)?.rule).toBe('content-stable')
    expect(json.summary.byRule.map((r) => r.rule)).toEqual([
      'migration-order',
      'append-only',
      'fix-loss',
      'build-format',
      'content-stable',
    ])
  })
})

describe('a check that saw nothing', () => {
  const incomplete = (): CheckResult => ({
    conclusion: 'success',
    findings: [],
    releases: [],
    upgrades: [],
    lines: [],
    coverage: [{ code: 'no-releases', message: 'no release found: no tag matches <v{build}>' }],
  })

  it('is INCOMPLETE in text, with what was not checked right under the verdict', () => {
    const text = renderText(incomplete())
    expect(text.split('\n')[0]).toMatch(/^fixline upgrade-safety: INCOMPLETE \(/)
    expect(text).not.toMatch(/: PASS/)
    expect(text).toContain('\n\nNot checked\n  ! no release found: no tag matches <v{build}>\n')
  })

  it('is a warning block in Markdown, escaped, and never a bare pass', () => {
    const md = renderMarkdown(incomplete())
    expect(md).toMatch(/^## ⚠️ fixline \/ upgrade-safety: passed, but incomplete$/m)
    expect(md).toContain('> [!WARNING]\n> **Not checked.** One thing the check could not see:\n')
    expect(md).toContain('> - no release found: no tag matches &lt;v{build}&gt;')
  })

  it('is in the JSON with its code, and the verdict says INCOMPLETE', () => {
    const json = JSON.parse(renderJson(incomplete())) as Json
    expect(json.verdict).toBe('INCOMPLETE')
    expect(json.coverage).toEqual([
      { code: 'no-releases', message: 'no release found: no tag matches <v{build}>' },
    ])
  })

  it('the check run title says so too', () => {
    expect(checkTitle(incomplete())).toBe(
      '0 release(s) on 0 line(s): no failure, but incomplete: 1 thing(s) not checked',
    )
  })

  it('a failing check stays FAIL, with the coverage warning too', () => {
    const result = { ...crowded(), coverage: incomplete().coverage }
    expect(renderText(result).split('\n')[0]).toMatch(/: FAIL \(/)
    expect(renderText(result)).toContain('Not checked\n  ! no release found')
  })
})
