import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
import { classifyTargets, planLabels } from '../../../src/requests/classify.js'
import {
  maintainedLines,
  orderLines,
  outsideWindow,
  parseLsRemote,
  targetsNeedingApproval,
} from '../../../src/requests/policy.js'

const config = parseConfig('requests:\n  window: 2\n')
const branches = [
  'main',
  '1.x',
  '10.x',
  '2.x',
  'feature/x',
  'release/16.5',
  'release/9.10',
  'release/9.9',
]

describe('release lines', () => {
  it('orders lines newest first by their numbers, the default branch first', () => {
    expect(orderLines(branches, config, 'main').map((l) => l.branch)).toEqual([
      'main',
      'release/16.5',
      '10.x',
      'release/9.10',
      'release/9.9',
      '2.x',
      '1.x',
    ])
    const noDefault = parseConfig('lines:\n  defaultBranch: false\n')
    expect(orderLines(branches, noDefault, 'main').map((l) => l.branch)[0]).toBe('release/16.5')
  })

  it('keeps the newest N lines, or the explicit list', () => {
    const lines = orderLines(['main', '1.x', '2.x', '3.x'], config, 'main')
    expect(maintainedLines(lines, config)).toEqual(['main', '3.x'])
    expect(outsideWindow(['3.x', '2.x', '1.x', 'nope'], lines, config)).toEqual([
      '2.x',
      '1.x',
      'nope',
    ])
    const explicit = parseConfig('requests:\n  supportedLines: [main, 1.x]\n')
    expect(outsideWindow(['3.x', '1.x'], lines, explicit)).toEqual(['3.x'])
    expect(
      targetsNeedingApproval(
        ['1.x'],
        lines,
        parseConfig('requests:\n  window: 2\n  approval: never\n'),
      ),
    ).toEqual([])
    expect(targetsNeedingApproval(['1.x'], lines, config)).toEqual(['1.x'])
  })

  it('parses ls-remote --symref output', () => {
    const sha = 'a'.repeat(40)
    expect(
      parseLsRemote(
        `ref: refs/heads/trunk\tHEAD\n${sha}\tHEAD\n${sha}\trefs/heads/trunk\n${sha}\trefs/heads/1.x\n`,
      ),
    ).toEqual({
      branches: ['trunk', '1.x'],
      defaultBranch: 'trunk',
    })
  })
})

describe('classification (the seed flow)', () => {
  const lines = ['main', '3.x', '2.x', '1.x']
  it('in the window: patch release, or security release for a security fix; outside: exception', () => {
    expect(classifyTargets(['3.x', '1.x'], lines, { security: false }, config)).toEqual([
      { target: '3.x', classification: 'patch', approval: 'not-needed' },
      { target: '1.x', classification: 'exception', approval: 'pending' },
    ])
    expect(classifyTargets(['3.x'], lines, { security: true }, config)[0]?.classification).toBe(
      'security',
    )
    // The seed asks "targeting the current version?" before "security fix?": outside stays an exception.
    expect(classifyTargets(['1.x'], lines, { security: true }, config)[0]).toEqual({
      target: '1.x',
      classification: 'exception',
      approval: 'pending',
    })
  })
  it('follows requests.approval', () => {
    const always = parseConfig('requests:\n  window: 2\n  approval: always\n')
    const never = parseConfig('requests:\n  window: 2\n  approval: never\n')
    expect(classifyTargets(['3.x'], lines, { security: false }, always)[0]?.approval).toBe(
      'pending',
    )
    expect(classifyTargets(['1.x'], lines, { security: false }, never)[0]?.approval).toBe(
      'not-needed',
    )
  })
  it('labels the plan', () => {
    const plans = classifyTargets(['3.x', '1.x'], lines, { security: false }, config)
    expect(planLabels(plans, config)).toEqual({
      add: ['backport-request', 'patch-release', 'backport-exception', 'awaiting-approval'],
      remove: ['security-release'],
    })
    const approved = plans.map((p) => ({
      ...p,
      approval: p.approval === 'pending' ? ('approved' as const) : p.approval,
    }))
    expect(planLabels(approved, config).remove).toContain('awaiting-approval')
  })
})
