/** Waivers (upgrade.waivers): matching, expiry, unused ones, and how every format shows them. */
import { describe, expect, it } from 'vitest'
import type { WaiverDeclaration } from '../../../src/config/types.js'
import { checkModel, type CheckOptions } from '../../../src/upgrade/check.js'
import { annotations, checkTitle, resultRows } from '../../../src/upgrade/job-report.js'
import type { CheckResult, Finding } from '../../../src/upgrade/model.js'
import { renderJson, renderMarkdown, renderText } from '../../../src/upgrade/render/index.js'
import { applyWaivers, isExpired, namesToken } from '../../../src/upgrade/waivers.js'
import { brokenTableRows, mentions } from '../../support/markdown-checks.js'
import { buildModel, withRelease } from './worked-example.js'

const NOW = new Date('2026-06-15T12:00:00Z')
const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning', now: NOW }
const FIX_LOSS: WaiverDeclaration = {
  rule: 'fix-loss',
  releases: ['1.2', '2.0'],
  reason: 'the fix only touches a 1.x-only code path',
}

/** The worked example where 1.2 shipped without the marker: one fix-loss error (1.2 -> 2.0). */
const lossy = (waivers?: WaiverDeclaration[], now = NOW): CheckResult =>
  checkModel(
    buildModel(withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01']]))),
    { ...SET, now, ...(waivers ? { waivers } : {}) },
  )

describe('applying waivers', () => {
  it('waives the matching finding: still listed, marked, and the check passes', () => {
    const r = lossy([{ ...FIX_LOSS, until: '2026-06-15' }])
    expect(r.conclusion).toBe('success')
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({
      rule: 'fix-loss',
      severity: 'error',
      waived: {
        reason: 'the fix only touches a 1.x-only code path',
        until: '2026-06-15',
        key: 'upgrade.waivers[0]',
      },
    })
    // the matrix still says the upgrade loses fixes: a waiver changes the verdict, not the facts
    expect(r.upgrades.find((u) => u.from === '1.2' && u.to === '2.0')?.losesFixes).toBe(true)
  })

  it('matches releases by build or range, and IDs named in the message', () => {
    expect(lossy([{ ...FIX_LOSS, releases: ['>=1.2 <2.0'] }]).conclusion).toBe('success')
    expect(lossy([{ ...FIX_LOSS, releases: ['1.2', '2.1'] }]).conclusion).toBe('failure')
    expect(lossy([{ ...FIX_LOSS, releases: ['1.1'] }]).conclusion).toBe('failure')
    expect(lossy([{ ...FIX_LOSS, rule: 'append-only' }]).conclusion).toBe('failure')
    const stranded = checkModel(buildModel(withRelease('2.1', (s) => void s.migrations.pop())), {
      ...SET,
      contentChange: 'warning',
    })
    expect(stranded.conclusion).toBe('failure')
    const waived = checkModel(buildModel(withRelease('2.1', (s) => void s.migrations.pop())), {
      ...SET,
      waivers: [
        { rule: 'no-stranded-users', ids: ['2019.10.15'], reason: 'r' },
        { rule: 'forward-ported', ids: ['2019.10.15'], reason: 'r' },
      ],
    })
    expect(waived.findings.map((f) => [f.rule, f.waived?.key])).toEqual([
      ['forward-ported', 'upgrade.waivers[1]'],
      ['no-stranded-users', 'upgrade.waivers[0]'],
    ])
    expect(waived.conclusion).toBe('success')
  })

  it('an expired waiver no longer applies and is reported', () => {
    const r = lossy([{ ...FIX_LOSS, until: '2026-06-14' }])
    expect(r.conclusion).toBe('failure')
    expect(r.findings.map((f) => [f.rule, f.severity, f.waived])).toEqual([
      ['fix-loss', 'error', undefined],
      ['waiver', 'warning', undefined],
    ])
    expect(r.findings[1]?.message).toBe(
      'waiver upgrade.waivers[0] (fix-loss 1.2, 2.0) expired on 2026-06-14: it no longer applies and the ' +
        'findings it waived count again (its reason was "the fix only touches a 1.x-only code path"); fix them or renew the waiver',
    )
  })

  it('applies through the whole of its last day (UTC)', () => {
    expect(isExpired('2026-06-15', new Date('2026-06-15T23:59:59.999Z'))).toBe(false)
    expect(isExpired('2026-06-15', new Date('2026-06-16T00:00:00Z'))).toBe(true)
    expect(isExpired(undefined, new Date('2999-01-01'))).toBe(false)
  })

  it('an unused waiver is a warning and does not fail the check', () => {
    const r = lossy([FIX_LOSS, { rule: 'content-stable', ids: ['2019.04.01'], reason: 'old' }])
    expect(r.conclusion).toBe('success')
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['fix-loss', 'error'],
      ['waiver', 'warning'],
    ])
    expect(r.findings[1]?.message).toBe(
      'waiver upgrade.waivers[1] (content-stable 2019.04.01) matches no finding: remove it, or correct its rule, releases or ids',
    )
  })

  it('waives discovery problems merged after the rules (no releases field: names in the message)', () => {
    const f: Finding = {
      rule: 'build-format',
      severity: 'error',
      message: 'v1.2: plugin_config.yml has no buildNumber',
    }
    const base: CheckResult = {
      conclusion: 'failure',
      findings: [f],
      releases: [],
      upgrades: [],
      lines: [],
    }
    const r = lossy().releases.map((x) => ({ ...x, name: `v${x.name}` }))
    const w = applyWaivers(
      { ...base, releases: r },
      [{ rule: 'build-format', releases: ['1.2'], reason: 'r' }],
      'dotted',
      NOW,
    )
    expect(w.conclusion).toBe('success')
    expect(w.findings[0]?.waived?.key).toBe('upgrade.waivers[0]')
  })

  it('names a token only as a whole name or ID', () => {
    expect(namesToken('upgrading 1.2 -> 2.0 would', '1.2')).toBe(true)
    expect(namesToken('lacks 2019.10.15.', '2019.10.15')).toBe(true)
    expect(namesToken('v1.2 and 1.20', '1.2')).toBe(false)
    expect(namesToken('1.2.3', '1.2')).toBe(false)
    expect(namesToken('2019.10.150', '2019.10.15')).toBe(false)
  })
})

describe('every format shows a waived finding as waived, with its reason', () => {
  const r = lossy([{ ...FIX_LOSS, until: '2027-01-31' }])

  it('text: the finding with the waiver and its reason, and the count in the verdict line', () => {
    const text = renderText(r)
    expect(text).toMatch(/^fixline upgrade-safety: PASS \(0 errors, 0 warnings, 1 waived;/)
    expect(text).toContain('upgrading 1.2 -> 2.0 would lose fixes')
    expect(text).toContain(
      'waived (error): the fix only touches a 1.x-only code path, until 2027-01-31 (upgrade.waivers[0])',
    )
    expect(renderText(lossy())).not.toContain('waived')
  })

  it('JSON: waived { reason, until, key } on the finding and a waived count', () => {
    const json = JSON.parse(renderJson(r)) as {
      conclusion: string
      summary: Record<string, number>
      findings: Record<string, unknown>[]
    }
    expect(json.conclusion).toBe('success')
    expect(json.summary).toMatchObject({ errors: 0, warnings: 0, waived: 1 })
    expect(json.findings[0]).toMatchObject({
      rule: 'fix-loss',
      severity: 'error',
      waived: {
        reason: 'the fix only touches a 1.x-only code path',
        until: '2027-01-31',
        key: 'upgrade.waivers[0]',
      },
    })
  })

  it('Markdown: a waived cell and the reason, escaped', () => {
    const hostile = lossy([{ ...FIX_LOSS, reason: '@team | <b>ok</b>' }])
    const md = renderMarkdown(hostile)
    expect(md).toContain('✅ fixline / upgrade-safety: passed')
    expect(md).toContain('0 warnings, 1 waived')
    expect(md).toMatch(
      /\| 🔕 waived error \| `fix-loss` \| upgrading 1\.2 -&gt; 2\.0 .* — waived \(error\): /,
    )
    expect(brokenTableRows(md)).toEqual([])
    expect(mentions(md)).toEqual([])
    expect(md).not.toContain('<b>')
  })

  it('the check run: a notice annotation, a success row, the count in the title', () => {
    expect(checkTitle(r)).toBe('5 release(s) on 2 line(s) pass, 1 waived')
    expect(resultRows(r)).toEqual([
      expect.objectContaining({
        status: 'success',
        message: expect.stringMatching(/^waived \(upgrade\.waivers\[0\]: /),
      }),
    ])
    expect(annotations(r.findings, new Set())).toEqual([
      expect.objectContaining({ level: 'notice', title: 'fix-loss' }),
    ])
  })
})
