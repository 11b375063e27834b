/**
 * A hand-made version bump on a hotfix branch (package.json 1.0.0 -> 1.0.1, no release tool's
 * message, not under upgrade.bookkeeping) is the release's bookkeeping, not a fix main lacks: the
 * tags the hotfix reaches are its release builds. A change to a version that is no release (a
 * dependency bump) is still missing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { missingFromMain } from '../../../src/hotfix/git-ops.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fx: Fixture | undefined

afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

const pkg = (version: string, dep = '4.17.20') =>
  `{\n  "name": "widgets",\n  "version": "${version}",\n  "dependencies": { "lodash": "${dep}" }\n}\n`

describe('hotfix commits missing from main', () => {
  it('a version-only bump between the hotfix tags is not missing; a dependency bump is', async () => {
    fx = await createFixture()
    const x = await fx.commit({ 'package.json': pkg('1.0.0'), 'app.txt': 'one\ntwo\n' }, 'X')
    await fx.seed.run(['tag', 'v1.0.0', x])
    await fx.branch('hotfix/v1.0.0')
    await fx.checkout('hotfix/v1.0.0')
    const fix = await fx.commit({ 'app.txt': 'one\nTWO\n' }, 'Fix checkout')
    const bump = await fx.commit({ 'package.json': pkg('1.0.1') }, 'Set the version to 1.0.1')
    await fx.seed.run(['tag', 'v1.0.1', bump])
    const dependency = await fx.commit(
      { 'package.json': pkg('1.0.1', '4.17.21') },
      'Upgrade lodash',
    )
    await fx.checkout('main')
    await fx.commit({ 'other.txt': 'main moves on\n' }, 'Feature')
    await fx.seed.run(['cherry-pick', '-x', fix])
    const found = await missingFromMain(fx.seed, 'refs/heads/main', ['refs/heads/hotfix/v1.0.0'])
    const missing = found.get('refs/heads/hotfix/v1.0.0')?.missing.map((c) => c.sha)
    expect(missing).toEqual([dependency])
    expect(missing).not.toContain(bump)
  })
})
