import { describe, expect, it } from 'vitest'
import { itemMarker, tickedItems } from '../../../src/dashboard/items.js'
import { DASHBOARD_MARKER, renderDashboard } from '../../../src/dashboard/render.js'
import { renderSummary } from '../../../src/dashboard/summary.js'
import { COMMENT_LIMIT } from '../../../src/markdown/bound.js'
import { hasUnclosedComment, markerCount, mentions } from '../../support/markdown-checks.js'
import { fix, report, SHA_A, view } from './fixtures.js'

const OPTIONS = { maxItems: 20 }

describe('renderDashboard', () => {
  it('lists every line newest first with its missing fixes, backports, drafts, hotfix, requests and safety', () => {
    const body = renderDashboard(view(), OPTIONS)
    expect(body.startsWith(DASHBOARD_MARKER)).toBe(true)
    const headings = [...body.matchAll(/^## (.*)$/gm)].map((m) => m[1])
    expect(headings).toEqual([
      'Backport requests awaiting approval (1)',
      '`main` (newest)',
      '`2.x`',
      '`1.x`',
    ])
    const main = body.slice(body.indexOf('## `main`'), body.indexOf('## `2.x`'))
    expect(main).toContain(
      `- [ ] ${itemMarker({ kind: 'port', sha: SHA_A, line: 'main' })} **open**`,
    )
    expect(main).toContain(`  - [ ] ${itemMarker({ kind: 'skip', sha: SHA_A, line: 'main' })}`)
    expect(main).toContain('`aaaaaaa` Fix the crash on empty input (#12) from `1.x`')
    expect(main).toContain('Upgrade safety of its newest release `v2.1`: ✅ passes.')
    expect(main).toContain('`hotfix/v2.0.1`: open, 1 of 2 commit(s) not merged back into `main`')
    const two = body.slice(body.indexOf('## `2.x`'), body.indexOf('## `1.x`'))
    expect(two).toContain('❌ fails')
    expect(two).toContain('- #41 \\[2.x] Fix parser: waiting 9 days')
    const one = body.slice(body.indexOf('## `1.x`'))
    expect(one).toContain(
      `- [ ] ${itemMarker({ kind: 'backport', pr: 30, line: '1.x' })} **open** the backport of #30`,
    )
    expect(one).toContain('no release on this line yet')
    expect(body).toContain('```mermaid\ngraph LR\n  l0["1.x<br/>0 missing, 1 unlanded"]')
    expect(body).toContain('l2["main<br/>1 missing"]')
    expect(body).toContain('l0 --> l1')
    expect(body).toContain('- #7 Backport #12 to 1.x')
    expect(renderDashboard(view(), OPTIONS)).toBe(body)
  })

  it('shows the link of a PR opened from a tick instead of its box, and decided fixes as decided', () => {
    const audit = report({
      fixes: [
        fix({ missingOn: ['main'], decided: [{ line: '2.x', how: 'dashboard', by: 'ada' }] }),
      ],
    })
    const opened = new Map([
      [
        `port:${SHA_A}:main`,
        { key: `port:${SHA_A}:main`, number: 55, url: 'https://github.com/acme/widgets/pull/55' },
      ],
    ])
    const body = renderDashboard(view({ audit, opened }), OPTIONS)
    expect(body).toContain(
      '- [PR #55](https://github.com/acme/widgets/pull/55) opened for `aaaaaaa`',
    )
    expect(tickedItems(body.replace(/\[ \]/g, '[x]'))).toEqual([
      { kind: 'skip', sha: SHA_A, line: 'main' },
      { kind: 'backport', pr: 30, line: '1.x' },
    ])
    expect(body).toContain('**Not needed here (1)**')
    expect(body).toMatch(/decided by ada \(dashboard\)/)
  })

  it('a fix without a PR gets no "open" box, only "not needed"', () => {
    const body = renderDashboard(
      view({ audit: report({ fixes: [fix({ pr: undefined, missingOn: ['main'] })] }) }),
      OPTIONS,
    )
    expect(body).toContain('no PR found, forward-port it by hand')
    expect(tickedItems(body.replace(/\[ \]/g, '[x]')).map((i) => i.kind)).toEqual([
      'skip',
      'backport',
    ])
  })

  it('escapes outside text: no marker, mention, comment or heading of its own', () => {
    const hostile = '<!-- fixline:dashboard --> @everyone `x` | # h\n- [x] <img src=x>'
    const audit = report({
      lines: [
        { branch: 'main', rank: 0 },
        { branch: 'a-->b', rank: 1 },
      ],
      fixes: [fix({ subject: hostile, author: '@ada', line: 'a-->b', missingOn: ['main'] })],
      unlanded: [{ pr: 3, title: hostile, label: hostile, target: 'a-->b' }],
      waitingDrafts: [{ pr: 4, title: hostile, target: 'main', ageDays: 1 }],
      warnings: [hostile],
    })
    const body = renderDashboard(
      view({
        audit,
        awaiting: [{ number: 9, title: hostile, url: 'x' }],
        hotfixes: [{ branch: 'hotfix/<!--', open: true, ownCommits: 0, missingFromMain: 0 }],
        safety: [{ line: 'main', release: hostile, conclusion: 'failure' }],
      }),
      OPTIONS,
    )
    // The marker, and the ids of main's two boxes and of the backport box.
    expect(markerCount(body)).toBe(4)
    expect(hasUnclosedComment(body)).toBe(false)
    expect(mentions(body)).toEqual([])
    expect(body).not.toMatch(/^# /m)
    expect(body).not.toContain('<img')
    expect(tickedItems(body)).toEqual([])
    const summary = renderSummary(view({ audit }), { results: [] })
    expect(markerCount(summary)).toBe(0)
    expect(mentions(summary)).toEqual([])
  })

  it('is bounded: a long list is cut with "and N more", the body fits GitHub, the summary has all', () => {
    const fixes = Array.from({ length: 3_000 }, (_, i) =>
      fix({ sha: i.toString(16).padStart(40, '0'), subject: `Fix ${i} ${'x'.repeat(400)}` }),
    )
    const big = view({ audit: report({ fixes }) })
    const body = renderDashboard(big, OPTIONS)
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain(
      '… and 2980 more (the job summary of the latest fixline run lists them all)',
    )
    const boxes = tickedItems(body.replace(/\[ \]/g, '[x]'), 10_000)
    expect(boxes.filter((b) => b.kind === 'port' && b.line === 'main')).toHaveLength(20)
    const summary = renderSummary(big, { results: [] })
    expect(summary).toContain('| Fix 2999 x')
  })
})

describe('renderDashboard with many lines', () => {
  it('keeps every checkbox id within budget: 15 lines of 200 missing fixes still fit, at least one box each', () => {
    const lines = Array.from({ length: 15 }, (_, i) => ({ branch: `release/${i}.0`, rank: 14 - i }))
    const fixes = Array.from({ length: 200 }, (_, i) =>
      fix({
        sha: i.toString(16).padStart(40, 'c'),
        line: 'release/0.0',
        missingOn: lines.slice(1).map((l) => l.branch),
      }),
    )
    const body = renderDashboard(
      view({ audit: report({ lines, fixes, unlanded: [], waitingDrafts: [] }) }),
      {
        maxItems: 100,
      },
    )
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    const boxes = tickedItems(body.replace(/\[ \]/g, '[x]'), 10_000)
    expect(boxes.length).toBeLessThanOrEqual(300)
    expect(new Set(boxes.map((b) => b.line)).size).toBe(14)
  })
})
