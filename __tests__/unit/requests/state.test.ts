import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
import { renderPlan } from '../../../src/requests/render.js'
import {
  approvePending,
  decodeState,
  encodeState,
  isComplete,
  mergeState,
  rejectPending,
  targetsToOpen,
} from '../../../src/requests/state.js'
import type { RequestState, TargetPlan } from '../../../src/requests/types.js'

const plans: TargetPlan[] = [
  { target: '2.x', classification: 'patch', approval: 'not-needed' },
  { target: '0.x', classification: 'exception', approval: 'pending' },
]

describe('request state', () => {
  it('survives a round trip through the comment, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (target, reason) => {
        const state: RequestState = {
          v: 1,
          source: 3,
          targets: [{ target, classification: 'patch', approval: 'approved', approvedBy: 'x' }],
          rejected: { by: 'rm', reason },
        }
        const body = `before --> <!-- x -->\n${encodeState(state)}\nafter`
        expect(body.match(/-->/g)?.length).toBe(3)
        expect(decodeState(body)).toEqual(state)
      }),
    )
    expect(decodeState('<!-- fixline:state {"v":2} -->')).toBeUndefined()
    expect(decodeState('<!-- fixline:state {nope} -->')).toBeUndefined()
  })

  it('opens approved and unneeded targets once, keeps what was done across edits', () => {
    const s = mergeState(undefined, 12, plans)
    expect(targetsToOpen(s)).toEqual(['2.x'])
    s.targets[0] = {
      ...s.targets[0]!,
      status: 'created',
      pr: { number: 20, url: 'u', state: 'open' },
    }
    expect(approvePending(s, 'rm')).toEqual(['0.x'])
    expect(targetsToOpen(s)).toEqual(['0.x'])
    // The same edit again: the PR and the approval stay, nothing is reopened.
    const again = mergeState(s, 12, plans)
    expect(again.targets[0]?.pr?.number).toBe(20)
    expect(again.targets[1]).toMatchObject({ approval: 'approved', approvedBy: 'rm' })
    // Another source PR: approvals do not carry over.
    const other = mergeState({ ...s, targets: s.targets.filter((t) => !t.pr) }, 13, plans)
    expect(other.targets[1]).toMatchObject({ approval: 'pending' })
    expect(other.targets[1]?.approvedBy).toBeUndefined()
    // A target dropped from the form after its PR was opened is still tracked.
    expect(mergeState(again, 12, [plans[1]!]).targets.map((t) => t.target)).toEqual(['0.x', '2.x'])
  })

  it('is complete when every target merged or was already there; rejection stops everything', () => {
    const s = mergeState(undefined, 12, plans)
    s.targets[0] = {
      ...s.targets[0]!,
      status: 'created',
      pr: { number: 20, url: 'u', state: 'merged' },
    }
    expect(isComplete(s)).toBe(false)
    s.targets[1] = { ...s.targets[1]!, approval: 'approved', status: 'already-applied' }
    expect(isComplete(s)).toBe(true)
    const r = mergeState(undefined, 12, plans)
    rejectPending(r, 'rm', 'too risky')
    expect(targetsToOpen(r)).toEqual([])
    expect(r.targets[1]?.approval).toBe('rejected')
  })

  it('renders one row per target, and the problems when there are any', () => {
    const config = parseConfig(undefined)
    const s = mergeState(undefined, 12, plans)
    const body = renderPlan({ state: s, problems: [], maintained: ['main', '2.x'], config })
    expect(body).toContain('### Backport request: awaiting approval')
    expect(body).toMatch(
      /\| `0.x` \| exception \(outside the maintenance window\) \| awaiting a release manager \|/,
    )
    expect(decodeState(body)).toEqual(s)
    const bad = renderPlan({
      state: mergeState(undefined, undefined, []),
      problems: ['#12 is not merged'],
      maintained: [],
      config,
    })
    expect(bad).toContain('- #12 is not merged')
    expect(bad).toContain('Nothing was opened')
  })
})
