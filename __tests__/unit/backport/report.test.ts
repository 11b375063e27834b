import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMMENT_MARKER,
  backportMarker,
  mergeRows,
  parseCommentRows,
  renderComment,
  renderPrBody,
  renderSummary,
  type BackportRow,
} from '../../../src/backport/report.js'
import type { PickPlan } from '../../../src/backport/types.js'
import { NO_PREREQUISITES } from '../../../src/backport/prerequisites.js'
import { COMMENT_LIMIT } from '../../../src/markdown/bound.js'
import { cell } from '../../../src/markdown/escape.js'
import {
  brokenTableRows,
  hasUnclosedComment,
  hostileText,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'

const created: BackportRow = {
  target: '1.x',
  status: 'created',
  message: '1 commit(s) cherry-picked',
  pullRequest: { number: 12, url: 'https://x/pull/12' },
}
const failedRow: BackportRow = {
  target: '9.x',
  status: 'failed',
  message: 'label backport-9.x: branch 9.x does not exist on origin',
  error: 'e',
}
const a = 'a'.repeat(40)
const b = 'b'.repeat(40)
const plan: PickPlan = {
  method: 'rebase',
  commits: [a, b],
  explanation: 'rebase merge: picking the 2 rebased commits in order',
}

describe('comment rows', () => {
  it('renders a table with links and keeps the rows as hidden JSON', () => {
    const body = renderComment(7, [created, failedRow])
    expect(body.startsWith(COMMENT_MARKER)).toBe(true)
    expect(body).toContain(
      '| `1.x` | ✅ created | [#12](https://x/pull/12) 1 commit(s) cherry-picked |',
    )
    expect(body).toContain(
      '| `9.x` | ❌ failed | label backport-9.x: branch 9.x does not exist on origin |',
    )
    expect(parseCommentRows(body)).toEqual([created, failedRow])
  })

  it('shows manual steps for a conflict in comment mode', () => {
    const row: BackportRow = {
      target: '2.x',
      status: 'conflict',
      message: 'conflicted',
      steps: ['git fetch origin 2.x', 'git cherry-pick -x abc'],
    }
    const body = renderComment(7, [row])
    expect(body).toContain('git cherry-pick -x abc')
    expect(parseCommentRows(body)).toEqual([row])
  })

  it('merges a later run into the earlier rows by target', () => {
    const later: BackportRow = {
      target: '9.x',
      status: 'created',
      message: 'ok',
      pullRequest: { number: 13, url: 'u' },
    }
    const extra: BackportRow = { target: '3.x', status: 'already-applied', message: 'there' }
    expect(mergeRows([created, failedRow], [later, extra])).toEqual([created, later, extra])
    expect(mergeRows([], [created])).toEqual([created])
  })

  it('ignores missing, broken or hostile hidden JSON', () => {
    expect(parseCommentRows(undefined)).toEqual([])
    expect(parseCommentRows('no rows')).toEqual([])
    expect(parseCommentRows('<!-- fixline:rows {not json -->')).toEqual([])
    expect(
      parseCommentRows(
        '<!-- fixline:rows [{"target":1},{"target":"x","status":"weird","message":""}] -->',
      ),
    ).toEqual([])
  })

  it('drops hidden rows whose link could break out of markdown', () => {
    const hostile = [
      {
        target: 'x',
        status: 'created',
        message: '',
        pullRequest: { number: 1, url: 'javascript:alert(1)' },
      },
    ]
    const body = `<!-- fixline:rows ${JSON.stringify(hostile)} -->`
    expect(parseCommentRows(body)).toEqual([])
  })

  it('property: any row text survives a render/parse round trip and never breaks out of the comment', () => {
    const row = fc.record({
      target: fc.string({ maxLength: 30 }),
      status: fc.constantFrom(
        'created',
        'failed',
        'conflict',
        'already-applied',
        'skipped',
        'updated',
        'pending' as const,
      ),
      message: fc.string({ maxLength: 80 }),
    }) as fc.Arbitrary<BackportRow>
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const body = renderComment(1, rows)
        expect(parseCommentRows(body)).toEqual(rows)
        const hidden = body.slice(body.indexOf('<!-- fixline:rows '))
        expect(hidden.indexOf('-->')).toBe(hidden.length - 3)
      }),
    )
  })

  it('escapes table cells', () => {
    expect(cell('a|b\nc<script>')).toBe('a\\|b c&lt;script&gt;')
  })
})

describe('PR body', () => {
  it('links the original PR, lists the picks and carries the hidden marker', () => {
    const body = renderPrBody({
      source: { number: 7, title: 'Fix it' },
      target: '1.x',
      plan,
      outcome: {
        status: 'picked',
        branch: 'backport/7-to-1.x',
        commits: [
          { source: a, result: 'c'.repeat(40), subject: 'first' },
          { source: b, result: undefined, subject: 'second' },
        ],
      },
      requestIssue: 3,
    })
    expect(body).toContain('Backport of #7 to `1.x`.')
    expect(body).toContain('Requested in #3.')
    expect(body).toContain('rebase merge: picking the 2 rebased commits in order')
    expect(body).toContain(`- ${a.slice(0, 12)} -> ${'c'.repeat(12)} first`)
    expect(body).toContain('Already on `1.x`')
    expect(body).toContain(`- ${b.slice(0, 12)} second`)
    expect(body.endsWith(backportMarker(7, '1.x'))).toBe(true)
    expect(backportMarker(7, '1.x')).toBe('<!-- fixline:backport source=7 target=1.x -->')
  })

  it('lists conflicting files and the exact resume commands', () => {
    const body = renderPrBody({
      source: { number: 7, title: 'Fix it' },
      target: '1.x',
      plan,
      outcome: {
        status: 'conflict',
        branch: 'backport/7-to-1.x',
        applied: [{ source: a, result: 'c'.repeat(40), subject: 'first' }],
        failed: { sha: b, subject: 'second' },
        conflictingFiles: ['src/app.ts'],
        conflicts: [{ path: 'src/app.ts', kind: 'both-modified' }],
        prerequisites: NO_PREREQUISITES,
        remaining: [],
        resumeCommands: ['git fetch origin backport/7-to-1.x', 'git switch backport/7-to-1.x'],
        markersCommitted: true,
      },
    })
    expect(body).toContain('- `src/app.ts`')
    expect(body).toContain(
      '```sh\ngit fetch origin backport/7-to-1.x\ngit switch backport/7-to-1.x\n```',
    )
    expect(body).toContain('conflict markers')
  })
})

describe('summary', () => {
  it('renders the same table under a heading, with notes', () => {
    const s = renderSummary(7, [created], ['Dry run'])
    expect(s).toContain('## fixline backports of #7')
    expect(s).toContain('Dry run')
    expect(s).toContain('[#12](https://x/pull/12)')
    expect(renderSummary(7, [])).toContain('No targets.')
  })
})

describe('outside text in the comment, the PR body and the summary', () => {
  const statuses = ['created', 'failed', 'conflict', 'already-applied', 'skipped'] as const
  const hostileRow: fc.Arbitrary<BackportRow> = fc.record({
    target: hostileText,
    status: fc.constantFrom(...statuses),
    message: hostileText,
    steps: fc.array(hostileText, { maxLength: 3 }),
  })

  /** No marker but fixline's `expected` ones, no open comment, no mention, whole table rows. */
  function expectSafe(body: string, expected: number): void {
    expect(markerCount(body)).toBe(expected)
    expect(body.split('<!--').length - 1).toBe(expected)
    expect(hasUnclosedComment(body)).toBe(false)
    expect(mentions(body)).toEqual([])
    expect(brokenTableRows(body)).toEqual([])
  }

  it('property: hostile targets, messages and steps never forge a marker, a mention or a row', () => {
    fc.assert(
      fc.property(fc.array(hostileRow, { maxLength: 4 }), (rows) => {
        const body = renderComment(7, rows)
        expectSafe(body, 2)
        expect(body.startsWith(COMMENT_MARKER)).toBe(true)
        expect(parseCommentRows(body)).toEqual(rows)
        const summary = renderSummary(
          7,
          rows,
          rows.map((r) => r.message),
        )
        expectSafe(summary, 0)
      }),
      { numRuns: 500 },
    )
  })

  it('property: hostile PR titles, subjects, targets and file names in the PR body', () => {
    const commit = fc.record({
      source: fc.constant(a),
      result: fc.option(fc.constant(b), { nil: undefined }),
      subject: hostileText,
    })
    fc.assert(
      fc.property(
        fc.record({
          title: hostileText,
          target: hostileText,
          explanation: hostileText,
          commits: fc.array(commit, { maxLength: 3 }),
          files: fc.array(hostileText, { maxLength: 3 }),
          subject: hostileText,
          commands: fc.array(hostileText, { maxLength: 3 }),
        }),
        (x) => {
          const picked = renderPrBody({
            source: { number: 7, title: x.title },
            target: x.target,
            plan: { ...plan, explanation: x.explanation },
            outcome: { status: 'picked', branch: 'b', commits: x.commits },
          })
          expectSafe(picked, 1)
          const conflict = renderPrBody({
            source: { number: 7, title: x.title },
            target: x.target,
            plan: { ...plan, explanation: x.explanation },
            outcome: {
              status: 'conflict',
              branch: 'b',
              applied: x.commits,
              failed: { sha: a, subject: x.subject },
              conflictingFiles: x.files,
              conflicts: x.files.map((path) => ({ path, kind: 'deleted-on-target' as const })),
              prerequisites: {
                commits: [
                  {
                    sha: b,
                    subject: x.subject,
                    files: x.files,
                    pr: { number: 9, title: x.title, url: undefined },
                    backport: { state: 'missing' as const },
                  },
                ],
                more: 0,
                unavailable: undefined,
              },
              remaining: [b],
              resumeCommands: x.commands,
              markersCommitted: true,
            },
          })
          expectSafe(conflict, 1)
          // The only marker is the one fixline appended, whole, at the end.
          expect(conflict.endsWith(backportMarker(7, x.target))).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('shows `<` and `>` in a code span as they are, not as visible entities', () => {
    const row: BackportRow = { target: 'feature/<x>', status: 'failed', message: 'no `a>b` here' }
    const body = renderComment(7, [row])
    expect(body).toContain('| `feature/<\u200bx>` | ❌ failed | no `a>b` here |')
    expect(body).not.toContain('&gt;')
    expect(body).not.toContain('&lt;')
  })

  it('a `/backport` naming hundreds of missing lines gives a comment under the limit that still parses', () => {
    const rows: BackportRow[] = Array.from({ length: 900 }, (_, i) => ({
      target: `missing-line-${i}-${'x'.repeat(40)}`,
      status: 'failed',
      message: `branch missing-line-${i}-${'x'.repeat(40)} is not a release line (see lines.patterns in the config)`,
      error: 'e'.repeat(200),
    }))
    rows.push({ ...created, target: 'kept-with-pr' })
    const body = renderComment(7, rows)
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain('… and 801 more targets (the job summary lists them all)')
    const parsed = parseCommentRows(body)
    expect(parsed.length).toBeGreaterThan(100)
    // The row with a pull request is the last to go.
    expect(parsed.find((r) => r.target === 'kept-with-pr')?.pullRequest).toEqual(
      created.pullRequest,
    )
    expect(renderSummary(7, rows)).toContain('missing-line-899')
  })

  it('a PR body with thousands of commits and conflicting files stays under the limit', () => {
    const commits = Array.from({ length: 3000 }, (_, i) => ({
      source: a,
      result: b,
      subject: `commit ${i} ${'s'.repeat(60)}`,
    }))
    const body = renderPrBody({
      source: { number: 7, title: 't' },
      target: '1.x',
      plan,
      outcome: {
        status: 'conflict',
        branch: 'backport/7-to-1.x',
        applied: commits,
        failed: { sha: a, subject: 'x' },
        conflictingFiles: Array.from({ length: 5000 }, (_, i) => `src/file-${i}.ts`),
        conflicts: Array.from({ length: 5000 }, (_, i) => ({
          path: `src/file-${i}.ts`,
          kind: 'both-modified' as const,
        })),
        prerequisites: NO_PREREQUISITES,
        remaining: Array.from({ length: 3000 }, () => b),
        resumeCommands: [`git cherry-pick -x ${Array.from({ length: 3000 }, () => b).join(' ')}`],
        markersCommitted: true,
      },
      requestIssue: 3,
    })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain('Requested in #3.')
    expect(body).toContain('- … and 2750 more commits')
    expect(body).toContain('- … and 4900 more files')
    expect(body.endsWith(backportMarker(7, '1.x'))).toBe(true)
  })
})
