/**
 * A security fix that only bumps a dependency (`<version>2.14.1</version>` -> `2.17.1`, log4j's
 * CVE-2021-44228) changes nothing but a version string, yet it is a fix: the check must not count
 * it as a release tool's bump. Only a change of the project's own builds is bookkeeping.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from '../upgrade/helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

const pom = (own: string, log4j: string) =>
  `<project>\n  <version>${own}</version>\n  <dependency>\n    <artifactId>log4j-core</artifactId>\n    <version>${log4j}</version>\n  </dependency>\n</project>\n`
const sql = { 'db/migration/V1__init.sql': 'select 1;\n' }

const steps: RepoStep[] = [
  { kind: 'commit', message: 'init', files: { ...sql, 'pom.xml': pom('1.0.0', '2.14.1') } },
  { kind: 'tag', name: 'v1.0.0' },
  { kind: 'branch', name: '1.x' },
  { kind: 'commit', message: 'Start 2.0', files: { 'pom.xml': pom('2.0.0', '2.14.1') } },
  { kind: 'tag', name: 'v2.0.0' },
  { kind: 'checkout', ref: '1.x' },
  {
    kind: 'commit',
    message: 'Fix CVE-2021-44228: log4j 2.17.1',
    files: { 'pom.xml': pom('1.0.0', '2.17.1') },
  },
  { kind: 'commit', message: 'Release 1.0.1', files: { 'pom.xml': pom('1.0.1', '2.17.1') } },
  { kind: 'tag', name: 'v1.0.1' },
  { kind: 'checkout', ref: 'main' },
]

describe('a dependency bump is a fix', () => {
  it('1.0.1 -> 2.0.0 loses the log4j bump: fix-loss names it; the release bump is bookkeeping', async () => {
    const b = await buildRepo(steps)
    built.push(b)
    const { result } = await checkRepository(
      b.clone,
      config('upgrade:\n  scheme: semver\n  build:\n    source: tag\n'),
      { prefer: 'remote' },
    )
    const losses = result.findings.filter((f) => f.rule === 'fix-loss' && f.severity === 'error')
    expect(losses.map((f) => f.releases)).toEqual([['v1.0.1', 'v2.0.0']])
    expect(losses[0]?.commits?.map((c) => c.subject)).toEqual(['Fix CVE-2021-44228: log4j 2.17.1'])
  })
})
