import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isBranchName } from '../../../src/backport/labels.js'
import { defaultConfig } from '../../../src/config/load.js'
import { planTrigger, targetsFromArgs, targetsFromLabels } from '../../../src/backport/triggers.js'

const rules = defaultConfig().backport.labels
const merged = { merged: true, state: 'closed', labels: ['bug', 'backport-1.x', 'backport 2.x'] }
const open = { merged: false, state: 'open', labels: ['backport-1.x'] }

describe('planTrigger', () => {
  it('merged: every backport label is a target', () => {
    expect(planTrigger({ type: 'merged', pr: 5 }, merged, rules, 5)).toEqual({
      action: 'backport',
      targets: [
        { target: '1.x', label: 'backport-1.x' },
        { target: '2.x', label: 'backport 2.x' },
      ],
      rejected: [],
    })
  })

  it('merged without backport labels: a quiet skip', () => {
    expect(
      planTrigger({ type: 'merged', pr: 5 }, { ...merged, labels: ['bug'] }, rules, 5),
    ).toMatchObject({ action: 'skip', tell: false, failed: false })
  })

  it('labeled: only the new label', () => {
    expect(
      planTrigger({ type: 'labeled', pr: 5, label: 'backport 2.x' }, merged, rules, 5),
    ).toEqual({
      action: 'backport',
      targets: [{ target: '2.x', label: 'backport 2.x' }],
      rejected: [],
    })
    expect(planTrigger({ type: 'labeled', pr: 5, label: 'bug' }, merged, rules, 5)).toMatchObject({
      action: 'skip',
      tell: false,
    })
  })

  it('labeled with a label that yields a bad branch: a rejected row', () => {
    const plan = planTrigger({ type: 'labeled', pr: 5, label: 'backport-a..b' }, merged, rules, 5)
    expect(plan).toMatchObject({
      action: 'backport',
      targets: [],
      rejected: [{ target: 'backport-a..b' }],
    })
  })

  it('merged/labeled on an unmerged PR: nothing', () => {
    expect(planTrigger({ type: 'merged', pr: 5 }, open, rules, 5)).toMatchObject({
      action: 'skip',
      reason: expect.stringContaining('not merged'),
    })
    expect(
      planTrigger({ type: 'labeled', pr: 5, label: 'backport-1.x' }, open, rules, 5),
    ).toMatchObject({ action: 'skip' })
  })

  it('comment on a merged PR: the arguments, else the labels', () => {
    const comment = {
      type: 'comment' as const,
      pr: 5,
      commentId: 1,
      user: 'u',
      commentBody: '/backport 3.x',
      targets: ['3.x', '3.x'],
    }
    expect(planTrigger(comment, merged, rules, 5)).toEqual({
      action: 'backport',
      targets: [{ target: '3.x' }],
      rejected: [],
    })
    expect(planTrigger({ ...comment, targets: [] }, merged, rules, 5)).toMatchObject({
      action: 'backport',
      targets: [{ target: '1.x' }, { target: '2.x' }],
    })
    expect(
      planTrigger({ ...comment, targets: [] }, { ...merged, labels: [] }, rules, 5),
    ).toMatchObject({ action: 'skip', tell: true })
  })

  it('comment on an open PR: labels to add, and a rejection when no rule can produce one', () => {
    const comment = {
      type: 'comment' as const,
      pr: 5,
      commentId: 1,
      user: 'u',
      commentBody: '',
      targets: ['1.x', 'release/2.0'],
    }
    const custom = [{ pattern: '^backport-(\\d+\\.x)$', branch: '{1}' }]
    expect(planTrigger(comment, open, custom, 5)).toEqual({
      action: 'add-labels',
      labels: [{ target: '1.x', label: 'backport-1.x' }],
      rejected: [
        {
          target: 'release/2.0',
          message: expect.stringContaining(
            'no rule in backport.labels produces a label for branch release/2.0',
          ),
        },
      ],
    })
    expect(planTrigger({ ...comment, targets: [] }, open, rules, 5)).toMatchObject({
      action: 'skip',
      tell: true,
    })
    expect(planTrigger(comment, { ...open, state: 'closed' }, rules, 5)).toMatchObject({
      action: 'skip',
      reason: expect.stringContaining('closed without being merged'),
    })
  })

  it('dispatch: targets or labels; an unmerged PR fails with a clear message', () => {
    expect(
      planTrigger({ type: 'dispatch', pr: 5, targets: ['2.x'] }, merged, rules, 5),
    ).toMatchObject({ action: 'backport', targets: [{ target: '2.x' }] })
    expect(planTrigger({ type: 'dispatch', pr: 5, targets: [] }, merged, rules, 5)).toMatchObject({
      action: 'backport',
      targets: [{ target: '1.x' }, { target: '2.x' }],
    })
    expect(planTrigger({ type: 'dispatch', pr: 5, targets: [] }, open, rules, 5)).toMatchObject({
      action: 'skip',
      failed: true,
      reason: 'PR #5 is not merged: there is nothing to backport yet',
    })
  })
})

describe('target lists', () => {
  it('deduplicates labels by branch, first label wins', () => {
    expect(targetsFromLabels(['backport-1.x', 'backport 1.x'], rules).targets).toEqual([
      { target: '1.x', label: 'backport-1.x' },
    ])
  })
  it('rejects arguments that are not branch names', () => {
    const r = targetsFromArgs(['--force', '1.x', 'a..b'])
    expect(r.targets).toEqual([{ target: '1.x' }])
    expect(r.rejected.map((x) => x.target)).toEqual(['--force', 'a..b'])
  })
})

describe('property: outside input never yields an unvalidated target', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ maxLength: 20 }).map((s) => `backport-${s}`),
  )
  const trigger = fc.oneof(
    fc.record({ type: fc.constant('merged' as const), pr: fc.constant(5) }),
    fc.record({ type: fc.constant('labeled' as const), pr: fc.constant(5), label: text }),
    fc.record({
      type: fc.constant('comment' as const),
      pr: fc.constant(5),
      commentId: fc.constant(1),
      user: fc.constant('u'),
      commentBody: fc.constant(''),
      targets: fc.array(text, { maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('dispatch' as const),
      pr: fc.constant(5),
      targets: fc.array(text, { maxLength: 4 }),
    }),
  )
  const state = fc.record({
    merged: fc.boolean(),
    state: fc.constantFrom('open', 'closed'),
    labels: fc.array(text, { maxLength: 5 }),
  })

  it('every target or label to add is a valid branch name; never throws', () => {
    fc.assert(
      fc.property(trigger, state, (t, pr) => {
        const plan = planTrigger(t, pr, rules, 5)
        if (plan.action === 'backport')
          for (const x of plan.targets) expect(isBranchName(x.target)).toBe(true)
        if (plan.action === 'add-labels')
          for (const l of plan.labels)
            expect(targetsFromLabels([l.label], rules).targets).toEqual([
              { target: l.target, label: l.label },
            ])
      }),
      { numRuns: 500 },
    )
  })
})
