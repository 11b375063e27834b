import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { releasePublishedPayload } from '../../support/payloads.js'
import { routeEvent } from '../../../src/route.js'
import {
  closeWorld,
  commitOnLine,
  createWorld,
  forwardPrs,
  mergedInto,
  runForwardPort,
  type World,
} from './world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

async function tag(name: string, ref: string): Promise<void> {
  await world.fixture.seed.run(['tag', name, ref])
  await world.fixture.push([`refs/tags/${name}`])
}

describe('forward-ports on release of an older line (forwardport.onRelease)', () => {
  it("opens the PRs for that release's missing fixes only", async () => {
    // Before the previous release v1.0: missing on newer lines too, but not this release's.
    await mergedInto(world, '1.x', { number: 3, title: 'Old fix', files: { 'old.txt': 'old\n' } })
    await tag('v1.0', '1.x')
    // v1.1: #7 missing on 2.x and main; #8 carried by hand to both; a commit with no PR.
    await mergedInto(world, '1.x', {
      number: 7,
      title: 'Fix three',
      files: { 'app.txt': 'one\ntwo\nTHREE\n' },
    })
    await mergedInto(world, '1.x', { number: 8, title: 'Fix b', files: { 'b.txt': 'b\n' } })
    // A merge-commit PR: its commits carry no (#9); the "Merge pull request #9" names it.
    await mergedInto(world, '1.x', {
      number: 9,
      title: 'Fix c and d',
      files: { 'c.txt': 'c\n', 'd.txt': 'd\n' },
      merge: true,
    })
    await commitOnLine(world, 'main', { 'c.txt': 'c\n' }, 'Fix c, by hand')
    await commitOnLine(world, '2.x', { 'b.txt': 'b\n' }, 'Fix b, by hand')
    await commitOnLine(world, 'main', { 'b.txt': 'b\n' }, 'Fix b, by hand')
    await commitOnLine(world, '1.x', { 'docs.txt': 'tweak\n' }, 'Tweak docs')
    await tag('v1.1', '1.x')
    const payload = releasePublishedPayload({
      tag: 'v1.1',
      targetCommitish: '1.x',
    }) as unknown as Record<string, unknown>
    expect(routeEvent('release', payload).map((r) => r.job)).not.toContain('forwardport')

    const outcome = await runForwardPort(world, 'release', payload, {
      config: 'forwardport:\n  onRelease: true\n',
    })
    expect(outcome.job).toBe('forwardport')
    expect(outcome.results.map((r) => [r.target, r.status])).toEqual([
      ['#7 -> 2.x', 'created'],
      ['#7 -> main', 'created'],
      ['#9 -> 2.x', 'created'],
      ['#9 -> main', 'created'],
    ])
    expect(forwardPrs(world).map((p) => [p.pull.headRef, p.pull.baseRef])).toEqual([
      ['forwardport/7-to-2.x', '2.x'],
      ['forwardport/7-to-main', 'main'],
      ['forwardport/9-to-2.x', '2.x'],
      ['forwardport/9-to-main', 'main'],
    ])
    expect(outcome.createdPullRequests).toHaveLength(4)
    // main had c by hand: only d is picked there.
    const onMain = await world.fixture.origin.lines([
      'diff',
      '--name-only',
      'refs/heads/main',
      'refs/heads/forwardport/9-to-main',
    ])
    expect(onMain).toEqual(['d.txt'])
    expect(outcome.summary).toContain('Commits without a pull request')
    expect(outcome.summary).toContain('Tweak docs')
    expect(outcome.summary).not.toContain('Old fix')
  })

  it('a release of the newest line forward-ports nothing', async () => {
    await commitOnLine(world, 'main', { 'm.txt': 'm\n' }, 'Work on main')
    await tag('v3.0', 'main')
    const payload = releasePublishedPayload({ tag: 'v3.0' }) as unknown as Record<string, unknown>
    const outcome = await runForwardPort(world, 'release', payload, {
      config: 'forwardport:\n  onRelease: true\n',
    })
    expect(outcome.conclusion).toBe('skipped')
    expect(outcome.summary).toContain('the newest line')
    expect(forwardPrs(world)).toEqual([])
  })
})
