import { describe, expect, it } from 'vitest'
import { backportLabels } from '../../../src/backport/pr.js'
import { expandSupported } from '../../../src/backport/supported.js'
import { planTrigger, supportedFromLabels } from '../../../src/backport/triggers.js'
import { defaultConfig } from '../../../src/config/load.js'
import { orderLines } from '../../../src/lines/window.js'

const config = defaultConfig()
const rules = config.backport.labels
const LABEL = 'backport-supported'
const windowOf = (window: number, supportedLines: string[] = []) => ({
  requests: { ...config.requests, window, supportedLines },
})
/** main (the default branch, the newest line), then 3.x, 2.x, 1.x: four lines. */
const fourLines = orderLines(['main', '1.x', '2.x', '3.x', 'feature'], config, 'main')

describe('expandSupported: the supported lines older than the base', () => {
  it('a window of 2 over four lines (main counted): only 3.x is older than main and supported', () => {
    expect(fourLines.map((l) => l.branch)).toEqual(['main', '3.x', '2.x', '1.x'])
    expect(expandSupported(fourLines, windowOf(2), 'main', 'main')).toEqual({
      targets: ['3.x'],
      message:
        'expanded to 3.x: the supported lines older than main (maintenance window: main, 3.x)',
    })
  })

  it('a window of 2 over four release lines when the default branch is not a line: the two newest', () => {
    const lines = orderLines(
      ['main', '1.x', '2.x', '3.x', '4.x'],
      { lines: { ...config.lines, defaultBranch: false } },
      'main',
    )
    expect(lines.map((l) => l.branch)).toEqual(['4.x', '3.x', '2.x', '1.x'])
    expect(expandSupported(lines, windowOf(2), 'main', 'main').targets).toEqual(['4.x', '3.x'])
    // A window of 3: one line more, never one outside it.
    expect(expandSupported(lines, windowOf(3), 'main', 'main').targets).toEqual([
      '4.x',
      '3.x',
      '2.x',
    ])
  })

  it('a base inside the window: only the supported lines below it', () => {
    expect(expandSupported(fourLines, windowOf(3), '3.x', 'main').targets).toEqual(['2.x'])
  })

  it('a base that is already the oldest supported line: nothing to do, said clearly', () => {
    expect(expandSupported(fourLines, windowOf(2), '3.x', 'main')).toEqual({
      targets: [],
      message:
        'nothing to do: 3.x is already the oldest supported line (maintenance window: main, 3.x)',
    })
  })

  it('a base older than every supported line, or not a line at all: nothing to do', () => {
    expect(expandSupported(fourLines, windowOf(2), '1.x', 'main').message).toBe(
      'nothing to do: no supported line is older than 1.x (maintenance window: main, 3.x)',
    )
    expect(expandSupported(fourLines, windowOf(2), 'feature', 'main')).toEqual({
      targets: [],
      message:
        'nothing to do: the base feature is not a release line, so no line is older than it (maintenance window: main, 3.x)',
    })
  })

  it('requests.supportedLines overrides the window', () => {
    expect(
      expandSupported(fourLines, windowOf(1, ['main', '3.x', '1.x']), 'main', 'main').targets,
    ).toEqual(['3.x', '1.x'])
  })
})

describe('the supported-lines label in planTrigger', () => {
  const merged = { merged: true, state: 'closed', labels: [LABEL, 'backport-1.x', 'bug'] }

  it('merged: the label is noted for expansion, never read as a branch named "supported"', () => {
    expect(planTrigger({ type: 'merged', pr: 5 }, merged, rules, 5, LABEL)).toEqual({
      action: 'backport',
      targets: [{ target: '1.x', label: 'backport-1.x' }],
      rejected: [],
      supported: LABEL,
    })
    // Alone, it still asks for a backport (not "no backport labels").
    expect(
      planTrigger({ type: 'merged', pr: 5 }, { ...merged, labels: [LABEL] }, rules, 5, LABEL),
    ).toEqual({ action: 'backport', targets: [], rejected: [], supported: LABEL })
  })

  it('labeled after the merge', () => {
    expect(planTrigger({ type: 'labeled', pr: 5, label: LABEL }, merged, rules, 5, LABEL)).toEqual({
      action: 'backport',
      targets: [],
      rejected: [],
      supported: LABEL,
    })
  })

  it('`/backport` without arguments and a dispatch without targets use it like the other labels', () => {
    const comment = {
      type: 'comment' as const,
      pr: 5,
      user: 'ada',
      commentId: 1,
      targets: [],
      commentBody: '/backport',
    }
    expect(planTrigger(comment, merged, rules, 5, LABEL)).toMatchObject({ supported: LABEL })
    expect(
      planTrigger({ type: 'dispatch', pr: 5, targets: [] }, merged, rules, 5, LABEL),
    ).toMatchObject({ supported: LABEL })
  })

  it('a custom name; an empty name disables it (the label is then an ordinary label)', () => {
    expect(supportedFromLabels(['all-lines', 'backport-2.x'], rules, 'all-lines')).toEqual({
      targets: [{ target: '2.x', label: 'backport-2.x' }],
      rejected: [],
      supported: 'all-lines',
    })
    expect(planTrigger({ type: 'merged', pr: 5 }, merged, rules, 5, '')).not.toHaveProperty(
      'supported',
    )
  })
})

describe('the supported-lines label on the backport PR', () => {
  it('is never copied (a backport PR must not trigger more backports), whatever the label rules', () => {
    const custom = {
      ...config.backport,
      labels: [{ pattern: '^to-(?<branch>.+)$', branch: '{branch}' }],
      supportedLabel: 'all-lines',
      copyLabels: ['.*'],
    }
    expect(backportLabels(custom, ['all-lines', 'to-1.x', 'bug'], false)).toEqual(['bug'])
  })
})
