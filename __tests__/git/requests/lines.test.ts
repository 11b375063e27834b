import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/load.js'
import { discoverLines } from '../../../src/requests/lines.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fixture: Fixture | undefined

afterEach(async () => {
  await fixture?.cleanup()
})

describe('discoverLines (real git)', () => {
  it('lists the release lines of origin with one ls-remote, newest first, the default branch first', async () => {
    fixture = await createFixture()
    await fixture.commit({ 'a.txt': 'a\n' }, 'Initial commit')
    const branches = ['release/16.9', 'release/16.10', 'stable-3', 'feature/x', '1.x']
    for (const b of branches) await fixture.branch(b)
    await fixture.push(['main', ...branches])
    const calls: string[][] = []
    const git = await fixture.checkoutClone({
      depth: 1,
      observer: (args) => void calls.push([...args]),
    })
    calls.length = 0
    const lines = await discoverLines(git, parseConfig(undefined))
    expect(lines.map((l) => l.branch)).toEqual([
      'main',
      'release/16.10',
      'release/16.9',
      'stable-3',
      '1.x',
    ])
    expect(calls).toEqual([['ls-remote', '--symref', 'origin', 'HEAD', 'refs/heads/*']])
    // With lines.defaultBranch off, only branches matching the patterns are lines.
    const noDefault = await discoverLines(git, parseConfig('lines:\n  defaultBranch: false\n'))
    expect(noDefault.map((l) => l.branch)[0]).toBe('release/16.10')
  })
})
