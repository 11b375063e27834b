import { afterEach, describe, expect, it } from 'vitest'
import { auditLines } from '../../../src/audit/index.js'
import { parseConfig } from '../../../src/config/load.js'
import { AUTHOR, createFixture, type Fixture } from '../../support/git-fixture.js'

let fx: Fixture | undefined
afterEach(async () => {
  await fx?.cleanup()
  fx = undefined
})

describe('auditLines: what is not a missing fix', () => {
  it('a VERSION bump (the build-number file) without any release tag, a bookkeeping glob, and a same-subject-and-author port (probably ported)', async () => {
    fx = await createFixture()
    await fx.commit({ VERSION: '1.0\n', 'src/a.txt': 'a\n', 'CHANGELOG.md': '# log\n' }, 'Initial')
    await fx.branch('1.x')
    await fx.commit({ VERSION: '2.0\n' }, 'Start 2.0')
    await fx.checkout('1.x')
    await fx.commit({ VERSION: '1.1\n' }, 'Bump the build')
    await fx.commit({ 'CHANGELOG.md': '# log\n- 1.1\n' }, 'Changelog for 1.1')
    const ported = await fx.commit({ 'src/a.txt': 'a fixed\n' }, 'Fix a')
    const lost = await fx.commit({ 'src/b.txt': 'b\n' }, 'Fix b')
    await fx.checkout('main')
    const counterpart = await fx.commit({ 'src/a.txt': 'a fixed differently\n' }, 'Fix a', {
      author: AUTHOR,
    })
    const config = parseConfig('upgrade:\n  bookkeeping: ["CHANGELOG.md"]\n')
    const report = await auditLines(fx.seed, config)
    expect(report.fixes.map((f) => [f.sha, f.subject, f.missingOn])).toEqual([
      [lost, 'Fix b', ['main']],
    ])
    expect(report.probable).toEqual([
      { sha: ported, subject: 'Fix a', line: '1.x', on: 'main', counterpart },
    ])
    expect(report.warnings).toEqual([
      'no release tag (upgrade.tags) in this clone: a version bump outside the bookkeeping files counts as a fix; fetch the tags (git fetch --tags)',
    ])
  })

  it('lines.newest and lines.order decide the newest line and the order', async () => {
    fx = await createFixture()
    await fx.commit({ 'src/a.txt': 'a\n' }, 'Initial')
    await fx.branch('develop')
    await fx.branch('legacy')
    await fx.checkout('legacy')
    const fix = await fx.commit({ 'src/b.txt': 'b\n' }, 'Fix on legacy')
    const config = parseConfig(
      'lines:\n  patterns: ["^legacy$"]\n  newest: develop\n  order: [legacy, develop]\n',
    )
    const report = await auditLines(fx.seed, config)
    expect(report.lines).toEqual([
      { branch: 'develop', rank: 0 },
      { branch: 'legacy', rank: 1 },
    ])
    expect(report.fixes).toMatchObject([{ sha: fix, line: 'legacy', missingOn: ['develop'] }])
  })

  it('lists fixes oldest line first, then in graph order, whichever pair found them first', async () => {
    fx = await createFixture()
    await fx.commit({ 'src/a.txt': 'a\n' }, 'Initial')
    await fx.branch('1.x')
    await fx.branch('2.x')
    await fx.checkout('1.x')
    const onlyTo2x = await fx.commit({ 'src/b.txt': 'b\n' }, 'Fix b')
    const nowhere = await fx.commit({ 'src/c.txt': 'c\n' }, 'Fix c')
    await fx.checkout('2.x')
    const on2x = await fx.commit({ 'src/b.txt': 'b\n' }, 'Fix b on 2.x')
    await fx.checkout('main')
    const report = await auditLines(fx.seed, parseConfig(undefined))
    expect(report.fixes.map((f) => [f.sha, f.missingOn])).toEqual([
      [onlyTo2x, ['main']],
      [nowhere, ['main', '2.x']],
      [on2x, ['main']],
    ])
  })
})
