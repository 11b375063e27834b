import { describe, expect, it } from 'vitest'
import { outcomeOf } from '../../../src/requests/process.js'
import type { RequestState } from '../../../src/requests/types.js'

describe('outcomeOf', () => {
  it('keeps one table row per line when a message has newlines or pipes (git stderr, say)', () => {
    const state = {
      v: 1,
      source: 5,
      targets: [
        {
          target: '1.x',
          classification: 'patch',
          approval: 'not-needed',
          status: 'failed',
          message: 'git push failed:\n! [rejected] a | b\nhint: fetch first',
        },
      ],
    } as unknown as RequestState
    const { summary, conclusion } = outcomeOf(12, state, [])
    expect(conclusion).toBe('failure')
    const rows = summary.split('\n').filter((l) => l.startsWith('| `1.x`'))
    expect(rows).toEqual([
      '| `1.x` | failed |  | git push failed: ! \\[rejected] a \\| b hint: fetch first |',
    ])
  })
})
