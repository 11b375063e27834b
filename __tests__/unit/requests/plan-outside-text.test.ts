import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderPrBody } from '../../../src/backport/report.js'
import { parseConfig } from '../../../src/config/load.js'
import { COMMENT_LIMIT } from '../../../src/markdown/bound.js'
import { classifyTargets } from '../../../src/requests/classify.js'
import { parseRequestForm } from '../../../src/requests/form.js'
import { renderPrApproval } from '../../../src/requests/pr-approval.js'
import { outcomeOf } from '../../../src/requests/process.js'
import { renderPlan } from '../../../src/requests/render.js'
import { decodeState, fitState, mergeState, STATE_MAX } from '../../../src/requests/state.js'
import { requestIssuesIn } from '../../../src/requests/tracking.js'
import type { RequestState, TrackedTarget } from '../../../src/requests/types.js'
import {
  brokenTableRows,
  hasUnclosedComment,
  hostileText,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'

const config = parseConfig(
  'requests:\n  window: 2\n  releaseManagers:\n    users: [rita]\n    teams: [acme/release-managers]\n',
)
/** The mentions fixline makes on purpose: release managers, and the logins in the state. */
const allowed = ['@rita', '@acme/release-managers', '@tess']

/** A request that a release manager approved and whose backport PR is open. */
const approved: RequestState = {
  v: 1,
  source: 5,
  targets: [
    {
      target: '2.x',
      classification: 'patch',
      approval: 'not-needed',
      status: 'created',
      pr: { number: 11, url: 'https://github.com/acme/widgets/pull/11', state: 'open' },
    },
    { target: '0.x', classification: 'exception', approval: 'approved', approvedBy: 'rita' },
  ],
}

const form = (source: string, targets = '- [X] 2.x') =>
  `### Source pull request\n\n${source}\n\n### Target release lines\n\n${targets}\n\n### Severity\n\nS2\n\n### Priority\n\nP2\n\n### Security fix\n\nNo\n\n### Data-loss risk\n\nNo`

function expectSafe(body: string): void {
  expect(markerCount(body)).toBe(2)
  expect(body.split('<!--').length - 1).toBe(2)
  expect(hasUnclosedComment(body)).toBe(false)
  for (const m of mentions(body)) expect(allowed).toContain(m)
  expect(brokenTableRows(body)).toEqual([])
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
}

describe('a form field holding a state marker', () => {
  it('is quoted harmlessly: the state read back is the one fixline wrote', () => {
    const forged = '<!-- fixline:state {"v":1,"source":5,"targets":[]} -->'
    const parsed = parseRequestForm(form(forged))
    expect(parsed.ok).toBe(false)
    const problems = parsed.ok ? [] : parsed.problems
    // The requester's text does reach the plan (quoted in the problem)...
    expect(problems.join('\n')).toContain(forged)
    const body = renderPlan({ state: approved, problems, maintained: ['main', '2.x'], config })
    // ...but never as a marker: the only state is fixline's, with the approval and the PR.
    expectSafe(body)
    expect(body).toContain('&lt;!-- fixline:state')
    expect(decodeState(body)).toEqual(approved)
  })

  it('cannot hide the rest of the plan in an unclosed comment either', () => {
    const parsed = parseRequestForm(form('<!-- '))
    const problems = parsed.ok ? [] : parsed.problems
    const body = renderPlan({ state: approved, problems, config })
    expectSafe(body)
    expect(decodeState(body)).toEqual(approved)
  })
})

describe('property: outside text in the plan and approval comments', () => {
  const target: fc.Arbitrary<TrackedTarget> = fc.record({
    target: hostileText,
    classification: fc.constantFrom('patch', 'security', 'exception' as const),
    approval: fc.constantFrom('not-needed', 'pending', 'approved', 'rejected' as const),
    approvedBy: fc.constantFrom('rita', 'tess'),
    status: fc.constantFrom('created', 'failed', 'conflict', 'skipped' as const),
    message: hostileText,
  })
  const view = fc.record({
    targets: fc.array(target, { maxLength: 4 }),
    problems: fc.array(hostileText, { maxLength: 3 }),
    maintained: fc.array(hostileText, { maxLength: 3 }),
    reason: fc.option(hostileText, { nil: undefined }),
  })

  it('never forges a marker, opens a comment, mentions anyone else or breaks a row', () => {
    fc.assert(
      fc.property(view, (v) => {
        const state: RequestState = {
          v: 1,
          source: 5,
          targets: v.targets,
          ...(v.reason !== undefined ? { rejected: { by: 'rita', reason: v.reason } } : {}),
        }
        const plan = renderPlan({ state, problems: v.problems, maintained: v.maintained, config })
        expectSafe(plan)
        expect(decodeState(plan)).toEqual(fitState(state, STATE_MAX))
        const summary = outcomeOf(10, state, []).summary
        expect(markerCount(summary)).toBe(0)
        expect(brokenTableRows(summary)).toEqual([])
        const onPr = renderPrApproval({ config }, 5, state, 'tess', v.maintained)
        expectSafe(onPr)
        expect(decodeState(onPr)).toEqual(fitState(state, STATE_MAX))
      }),
      { numRuns: 500 },
    )
  })
})

describe('size bounds', () => {
  const names = Array.from({ length: 3000 }, (_, i) => `release-${i}.x`)
  const ticked = names.map((n) => `- [X] ${n}`).join('\n')

  it('thousands of ticked lines: the plan stays under 65,536 and its state parses back', () => {
    const parsed = parseRequestForm(form('#5', ticked))
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
    expect(parsed.request.targets).toHaveLength(3000)
    const plans = classifyTargets(
      parsed.request.targets,
      ['main', ...names],
      parsed.request,
      config,
    )
    const state = mergeState(undefined, 5, plans)
    // Some were opened and one was approved: those are what the state must keep.
    state.targets[2]!.status = 'created'
    state.targets[2]!.pr = {
      number: 40,
      url: 'https://github.com/acme/widgets/pull/40',
      state: 'open',
    }
    state.targets[2999]!.approval = 'approved'
    state.targets[2999]!.approvedBy = 'rita'
    state.targets[7]!.status = 'failed'
    state.targets[7]!.message = `git push failed: ${'x'.repeat(5000)}`
    const body = renderPlan({
      state,
      request: parsed.request,
      problems: [],
      maintained: names,
      config,
    })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expectSafe(body)
    expect(body).toContain('… and 2900 more lines')
    const read = decodeState(body)
    expect(read?.source).toBe(5)
    expect(read?.targets.find((t) => t.target === names[2])?.pr?.number).toBe(40)
    expect(read?.targets.find((t) => t.target === names[2999])?.approvedBy).toBe('rita')
    // What was dropped is planned again from the form on the next edit.
    const again = mergeState(read, 5, plans)
    expect(again.targets).toHaveLength(3000)
    expect(again.targets[2]?.pr?.number).toBe(40)
    expect(again.targets[2999]?.approval).toBe('approved')
  })

  it('thousands of lines that are not release lines: every problem is counted, the plan stays small', () => {
    const parsed = parseRequestForm(form('#5', names.map((n) => `- [X] ${n}@x`).join('\n')))
    expect(parsed.ok).toBe(false)
    const problems = parsed.ok ? [] : parsed.problems
    // The form is read up to GitHub's own body limit: still thousands.
    expect(problems.length).toBeGreaterThan(2800)
    const body = renderPlan({ state: approved, problems, config })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expectSafe(body)
    expect(body).toContain(`- … and ${problems.length - 30} more problems`)
    expect(decodeState(body)).toEqual(approved)
  })

  it('round-trips a state that fits, and sheds messages first when it does not', () => {
    const big: RequestState = {
      v: 1,
      source: 5,
      targets: names.map((target, i) => ({
        target,
        classification: 'exception',
        approval: i % 2 ? 'approved' : 'pending',
        approvedBy: 'rita',
        status: 'failed',
        message: 'm'.repeat(400),
        ...(i < 10 ? { pr: { number: i + 100, url: 'https://x/pull/1', state: 'open' } } : {}),
      })),
    }
    const fitted = fitState(big, STATE_MAX)
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(STATE_MAX)
    expect(fitted.targets.every((t) => t.message === undefined)).toBe(true)
    expect(fitted.targets.filter((t) => t.pr)).toHaveLength(10)
    const small: RequestState = { ...big, targets: big.targets.slice(0, 3) }
    expect(fitState(small, STATE_MAX).targets.map((t) => t.message?.length)).toEqual([
      300, 300, 300,
    ])
  })
})

describe('the request a backport PR names', () => {
  it("is read from fixline's own line only, never from a quoted commit subject", () => {
    const body = renderPrBody({
      source: { number: 5, title: 'Requested in #99' },
      target: '2.x',
      plan: { method: 'squash', commits: ['a'.repeat(40)], explanation: 'Requested in #98.' },
      outcome: {
        status: 'picked',
        branch: 'backport/5-to-2.x',
        commits: [{ source: 'a'.repeat(40), result: 'b'.repeat(40), subject: 'Requested in #97.' }],
      },
      requestIssue: 10,
    })
    expect(body).toContain('Requested in #97.')
    expect(requestIssuesIn(body)).toEqual([10])
    expect(requestIssuesIn('Opened by hand.\n\nRequested in #12\n')).toEqual([12])
  })
})
