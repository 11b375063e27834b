import { describe, expect, it } from 'vitest'
import {
  decodeState,
  encodeState,
  MAX_DECISIONS,
  pruneOpened,
  withDecisions,
  withOpened,
} from '../../../src/dashboard/state.js'
import { hasUnclosedComment, markerCount } from '../../support/markdown-checks.js'
import { SHA_A, SHA_B } from './fixtures.js'

describe('dashboard state', () => {
  it('round-trips decisions and opened PRs; hostile values cannot end the hidden comment', () => {
    const state = withOpened(
      withDecisions({ decisions: [], opened: [] }, [
        { sha: SHA_A, line: 'a-->b', by: '--><!-- fixline:x', at: '2026-01-01T00:00:00Z' },
        { sha: SHA_A, line: 'a-->b', by: 'later', at: '2026-01-02T00:00:00Z' },
      ]),
      [{ key: `port:${SHA_B}:main`, number: 5, url: 'https://github.com/a/b/pull/5' }],
    )
    expect(state.decisions).toHaveLength(1)
    const body = encodeState(state)
    expect(markerCount(body)).toBe(1)
    expect(hasUnclosedComment(body)).toBe(false)
    expect(decodeState(body)).toEqual(state)
  })

  it('drops what is malformed, item by item, and keeps the newest entries when too many', () => {
    expect(decodeState(undefined)).toEqual({ decisions: [], opened: [] })
    expect(decodeState('<!-- fixline:dashboard-json {oops -->')).toEqual({
      decisions: [],
      opened: [],
    })
    const raw = `<!-- fixline:dashboard-json ${JSON.stringify({
      decisions: [
        { sha: 'abc', line: 'main', by: 'x', at: 'y' },
        { sha: SHA_A, line: 'main', by: 'x', at: 'y' },
      ],
      opened: [{ key: 'k', number: -1, url: 'u' }, 'nonsense'],
    })} -->`
    expect(decodeState(raw)).toEqual({
      decisions: [{ sha: SHA_A, line: 'main', by: 'x', at: 'y' }],
      opened: [],
    })
    const many = Array.from({ length: MAX_DECISIONS + 5 }, (_, i) => ({
      sha: SHA_A,
      line: `l${i}`,
      by: 'x',
      at: 'y',
    }))
    const decoded = decodeState(encodeState({ decisions: many, opened: [] }))
    expect(decoded.decisions).toHaveLength(MAX_DECISIONS)
    expect(decoded.decisions[0]?.line).toBe('l5')
  })

  it('forgets opened PRs of items the audit no longer lists', () => {
    const state = {
      decisions: [],
      opened: [
        { key: 'a', number: 1, url: 'u' },
        { key: 'b', number: 2, url: 'u' },
      ],
    }
    expect(pruneOpened(state, new Set(['b'])).opened.map((o) => o.key)).toEqual(['b'])
  })
})
