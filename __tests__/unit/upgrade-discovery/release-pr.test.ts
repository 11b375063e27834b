import { describe, expect, it } from 'vitest'
import { defaultConfig, parseConfig } from '../../../src/config/load.js'
import { releasePrVerdict } from '../../../src/upgrade/discovery/release-pr.js'

describe('releasePrVerdict', () => {
  const files = (build: string | undefined) =>
    new Map([['plugin_config.yml', build === undefined ? undefined : `buildNumber: "${build}"\n`]])
  it('is a release PR when a line branch gets a new build number', () => {
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files('1.1'), files('1.2')),
    ).toMatchObject({ release: true, build: '1.2', previous: '1.1' })
    expect(
      releasePrVerdict('main', 'main', defaultConfig(), files('2.0'), files('2.1')),
    ).toMatchObject({ release: true })
  })
  it('is a release PR into a hotfix branch (hotfix.branchPrefix), flagged as such', () => {
    expect(
      releasePrVerdict('hotfix/v2.0', 'main', defaultConfig(), files('2.0'), files('2.0.1')),
    ).toMatchObject({ release: true, build: '2.0.1', previous: '2.0', hotfix: true })
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files('1.1'), files('1.2')),
    ).toMatchObject({ hotfix: false })
    const custom = parseConfig('hotfix: { branchPrefix: "urgent-" }')
    expect(
      releasePrVerdict('urgent-v2.0', 'main', custom, files('2.0'), files('2.0.1')),
    ).toMatchObject({ release: true, hotfix: true })
    expect(
      releasePrVerdict('hotfix/v2.0', 'main', custom, files('2.0'), files('2.0.1')),
    ).toMatchObject({ release: false })
    expect(
      releasePrVerdict('hotfix/', 'main', defaultConfig(), files('2.0'), files('2.0.1')),
    ).toMatchObject({ release: false })
    expect(
      releasePrVerdict('hotfix/v2.0', 'main', defaultConfig(), files('2.0'), files('2.0')),
    ).toMatchObject({ release: false, reason: expect.stringMatching(/unchanged/) })
  })
  it('is not one for other bases, unchanged builds, or no build file', () => {
    expect(
      releasePrVerdict('feature', 'main', defaultConfig(), files('1'), files('2')),
    ).toMatchObject({ release: false, reason: expect.stringMatching(/not a release line/) })
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files('1.1'), files('1.1')),
    ).toMatchObject({ release: false, reason: expect.stringMatching(/unchanged/) })
    expect(
      releasePrVerdict('1.x', 'main', defaultConfig(), files(undefined), files(undefined)),
    ).toMatchObject({ release: false })
    expect(
      releasePrVerdict(
        'main',
        'main',
        parseConfig('lines: { defaultBranch: false }'),
        files('1'),
        files('2'),
      ),
    ).toMatchObject({ release: false })
  })
})
