import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMMENT_MARKER,
  backportMarker,
  cell,
  mergeRows,
  parseCommentRows,
  renderComment,
  renderPrBody,
  renderSummary,
  type BackportRow,
} from '../../../src/backport/report.js'
import type { PickPlan } from '../../../src/backport/types.js'

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
