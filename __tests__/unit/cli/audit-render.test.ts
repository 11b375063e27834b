import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AuditReport, MissingFix } from '../../../src/audit/index.js'
import {
  MARKDOWN_ROWS,
  renderAuditJson,
  renderAuditMarkdown,
  renderAuditText,
} from '../../../src/cli/audit-render.js'
import {
  brokenTableRows,
  hasRawHtmlOpener,
  hostileText,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'

const fix = (n: number, over: Partial<MissingFix> = {}): MissingFix => ({
  sha: n.toString(16).padStart(40, '0'),
  subject: `Fix ${n}`,
  author: 'Ada Author',
  date: '2024-03-04T05:06:07Z',
  line: '1.x',
  missingOn: ['main', '2.x'],
  decided: [],
  ...over,
})

function report(fixes: MissingFix[], over: Partial<AuditReport> = {}): AuditReport {
  return {
    lines: [
      { branch: 'main', rank: 0 },
      { branch: '2.x', rank: 1 },
      { branch: '1.x', rank: 2 },
    ],
    fixes,
    unlanded: [],
    waitingDrafts: [],
    warnings: [],
    stats: { commitsCompared: 10, gitProcesses: 8, ms: 5, linePairs: 3 },
    ...over,
  }
}

describe('the audit renderers', () => {
  it('text: fixes per newer line, newest first, then decided, unlanded and waiting drafts', () => {
    const text = renderAuditText(
      report(
        [
          fix(1, { pr: { number: 12 } }),
          fix(2, { missingOn: [], decided: [{ line: 'main', how: 'label' }] }),
        ],
        {
          unlanded: [{ pr: 31, title: 'Feature', label: 'backport-2.x', target: '2.x' }],
          waitingDrafts: [{ pr: 40, title: '[1.x] Fix', target: '1.x', ageDays: 12 }],
        },
      ),
    )
    expect(text).toContain(
      'Missing on main (1):\n  0000000000  Fix 1  (from 1.x, #12, Ada Author, 2024-03-04)',
    )
    expect(text.indexOf('Missing on main')).toBeLessThan(text.indexOf('Missing on 2.x'))
    expect(text).toContain('Decided not needed (1):\n  0000000000  Fix 2  (from 1.x): main (label)')
    expect(text).toContain('#31  Feature  -> 2.x (label backport-2.x)')
    expect(text).toContain('#40  [1.x] Fix  -> 1.x, open 12 days')
    expect(text).toContain('1 fix missing on a newer line, 1 backport never landed.')
  })

  it('json: the report as is', () => {
    const r = report([fix(1)])
    expect(JSON.parse(renderAuditJson(r))).toEqual(r)
  })

  it('markdown: each table cut at MARKDOWN_ROWS rows with "… and N more"', () => {
    const many = Array.from({ length: MARKDOWN_ROWS + 7 }, (_, i) => fix(i + 1))
    const md = renderAuditMarkdown(report(many))
    expect(md).toContain('… and 7 more (the JSON output lists every one)')
    expect(md.split('\n').filter((l) => l.startsWith('| `')).length).toBe(2 * MARKDOWN_ROWS)
    expect(brokenTableRows(md)).toEqual([])
  })

  it('markdown: outside text (subjects, authors, titles, labels, branches) cannot mention, open HTML, break a table or forge a marker', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (subject, author, title) => {
        const md = renderAuditMarkdown(
          report([fix(1, { subject, author, pr: { number: 3, title, url: title } })], {
            unlanded: [{ pr: 2, title, label: subject, target: author, url: 'javascript:x' }],
            waitingDrafts: [{ pr: 4, title, target: subject, ageDays: 9, url: title }],
            warnings: [subject],
          }),
        )
        expect(mentions(md)).toEqual([])
        expect(hasRawHtmlOpener(md.replace(/`[^`\n]*`/g, ''))).toBe(false)
        expect(brokenTableRows(md)).toEqual([])
        expect(markerCount(md)).toBe(0)
        expect(md).not.toContain('](javascript:')
      }),
      { numRuns: 200 },
    )
  })
})
