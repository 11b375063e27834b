import { describe, expect, it } from 'vitest'
import {
  chooseMilestone,
  milestoneMode,
  onceMilestones,
  targetLineMilestone,
} from '../../../src/backport/milestone.js'
import { parseConfig } from '../../../src/config/load.js'

const ms = (...titles: string[]) => titles.map((title, i) => ({ number: i + 1, title }))

describe('targetLineMilestone: the open milestone named after the line', () => {
  it('a title equal to the branch wins', () => {
    expect(targetLineMilestone(ms('1.4.3', '1.4', 'release/1.4'), 'release/1.4')?.title).toBe(
      'release/1.4',
    )
    expect(targetLineMilestone(ms('1.x', '1.0.1'), '1.x')?.title).toBe('1.x')
  })

  it("then the line's version (the numbers of its name), with or without a v", () => {
    expect(targetLineMilestone(ms('1.4.3', '1.4'), 'release/1.4')?.title).toBe('1.4')
    expect(targetLineMilestone(ms('1.4.3', 'v1.4'), 'release/1.4')?.title).toBe('v1.4')
    expect(targetLineMilestone(ms('2', '2.0.1'), 'stable-2')?.title).toBe('2')
  })

  it('then the lowest version that starts with the version and a dot: the next release', () => {
    expect(
      targetLineMilestone(ms('1.4.10', '1.4.x', '1.4.3', '1.40.0'), 'release/1.4')?.title,
    ).toBe('1.4.3')
    expect(targetLineMilestone(ms('1.4.x'), 'release/1.4')?.title).toBe('1.4.x')
    expect(targetLineMilestone(ms('v1.2.0', '1.3.0'), '1.x')?.title).toBe('v1.2.0')
  })

  it('nothing else matches: another line, a prefix without a dot, words after the version', () => {
    expect(
      targetLineMilestone(ms('1.40', '1.40.1', '1.4 beta', '1.4.3-rc', 'x1.4'), 'release/1.4'),
    ).toBe(undefined)
    expect(targetLineMilestone(ms('1.4'), 'main')).toBe(undefined)
    expect(targetLineMilestone(ms('main', '1.4'), 'main')?.title).toBe('main')
  })
})

describe('copyMilestone modes', () => {
  it('true and false keep their meaning', () => {
    expect(milestoneMode(true)).toBe('original')
    expect(milestoneMode(false)).toBe('off')
    expect(milestoneMode('target-line')).toBe('target-line')
  })

  it('only target-line lists the milestones, once for every target', async () => {
    let calls = 0
    const list = onceMilestones(async () => {
      calls++
      return ms('2.0.1', '1.0.4')
    })
    expect(await chooseMilestone('original', 7, '1.x', list)).toBe(7)
    expect(await chooseMilestone('off', 7, '1.x', list)).toBe(undefined)
    expect(calls).toBe(0)
    expect(await chooseMilestone('target-line', 7, '1.x', list)).toBe(2)
    expect(await chooseMilestone('target-line', 7, '2.x', list)).toBe(1)
    expect(await chooseMilestone('target-line', 7, '3.x', list)).toBe(undefined)
    expect(calls).toBe(1)
  })
})

describe('the copyMilestone key', () => {
  it('takes true, false and the three names; anything else is refused with the allowed values', () => {
    const value = (text: string) => parseConfig(`backport: { copyMilestone: ${text} }`).backport
    expect(parseConfig(undefined).backport.copyMilestone).toBe(false)
    expect(value('true').copyMilestone).toBe(true)
    expect(value('target-line').copyMilestone).toBe('target-line')
    expect(value('original').copyMilestone).toBe('original')
    expect(() => value('sometimes')).toThrow(
      /backport\.copyMilestone: must be one of "original", "target-line", "off"/,
    )
  })
})
