import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  itemMarker,
  newTicks,
  parseTickLine,
  tickedItems,
  type ItemId,
} from '../../../src/dashboard/items.js'
import { SHA_A, SHA_B } from './fixtures.js'

describe('dashboard items', () => {
  const port: ItemId = { kind: 'port', sha: SHA_A, line: 'release/2.0' }
  const skip: ItemId = { kind: 'skip', sha: SHA_B, line: 'a-->b' }
  const backport: ItemId = { kind: 'backport', pr: 30, line: '1.x' }

  it('round-trips every kind, a branch holding --> included (URI-encoded in the marker)', () => {
    for (const id of [port, skip, backport]) {
      const marker = itemMarker(id)
      expect(marker.slice(4)).not.toContain('<!--')
      expect(marker.indexOf('-->')).toBe(marker.length - 3)
      expect(parseTickLine(`- [x] ${marker} open it`)).toEqual({ ticked: true, id })
      expect(parseTickLine(`  - [ ] ${marker} not needed`)).toEqual({ ticked: false, id })
    }
  })

  it('rejects malformed ids: short sha, PR 0, empty or spaced line, bad encoding', () => {
    for (const line of [
      '- [x] <!-- fixline:tick port abc 1.x -->',
      '- [x] <!-- fixline:tick backport 0 1.x -->',
      '- [x] <!-- fixline:tick backport 012 1.x -->',
      `- [x] <!-- fixline:tick port ${SHA_A} %E0%A4%A -->`,
      `- [x] <!-- fixline:tick port ${SHA_A} a%20b -->`,
      `- [x] <!-- fixline:tick drop ${SHA_A} 1.x -->`,
      `[x] <!-- fixline:tick port ${SHA_A} 1.x -->`,
    ])
      expect(parseTickLine(line)).toBeUndefined()
  })

  it('counts only boxes ticked by this edit (changes.body.from), each once', () => {
    const before = [`- [x] ${itemMarker(port)}`, `  - [ ] ${itemMarker(skip)}`].join('\n')
    const after = [
      `- [x] ${itemMarker(port)}`,
      `  - [X] ${itemMarker(skip)}`,
      `- [x] ${itemMarker(skip)}`,
      `- [x] ${itemMarker(backport)}`,
    ].join('\r\n')
    expect(newTicks(after, before)).toEqual([skip, backport])
    expect(newTicks(after, undefined)).toEqual([port, skip, backport])
    expect(tickedItems(after, 1)).toEqual([port])
  })

  it('property: any body parses without throwing, to well-formed ids only', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('- [x] <!-- fixline:tick port ', SHA_A, ' -->', '%', '\n', ' backport 9 '),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        for (const id of tickedItems(pieces.join(''))) {
          expect(id.line).not.toMatch(/\s/)
          if (id.kind === 'backport') expect(Number.isSafeInteger(id.pr) && id.pr > 0).toBe(true)
          else expect(id.sha).toMatch(/^[0-9a-f]{40}$/)
        }
      }),
    )
  })
})
