import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pluginConfig } from '../../../src/upgrade/demo/plugin-files.js'
import { runRepoSteps } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildDemo, config, type BuiltRepo } from './helpers.js'

let repo: BuiltRepo
const heads = new Map<string, string>()
beforeAll(async () => {
  repo = await buildDemo('ok')
  const seed = repo.fixture.seed
  for (const build of ['1.3', '2.5']) {
    await seed.run(['checkout', '-q', '-b', `prep-${build}`, 'origin/1.x'])
    await runRepoSteps(seed, [
      {
        kind: 'commit',
        message: `Release ${build}`,
        files: { 'plugin_config.yml': pluginConfig(build) },
      },
    ])
    heads.set(build, await seed.text(['rev-parse', 'HEAD']))
    await repo.fixture.push([`+refs/heads/prep-${build}:refs/heads/prep-${build}`])
  }
  await repo.clone.run(['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*'])
})
afterAll(async () => {
  await repo.fixture.cleanup()
})

describe('a release PR checked as a candidate release', () => {
  it('passes for PR #7 releasing 1.3 on 1.x', async () => {
    const c = await checkRepository(repo.clone, config(), {
      prefer: 'remote',
      candidate: { commit: heads.get('1.3') as string, line: '1.x', name: 'PR #7' },
    })
    const pr = c.result.releases.find((r) => r.name === 'PR #7')
    expect(pr).toMatchObject({ line: '1.x', build: '1.3', candidate: true, tag: undefined })
    expect(pr?.migrations.map((m) => m.id).sort()).toEqual([
      '2019.02.01',
      '2019.04.01',
      '2019.10.15',
    ])
    expect(c.result.conclusion).toBe('success')
  })

  it('fails line-range for a PR releasing 2.5 on 1.x', async () => {
    const c = await checkRepository(repo.clone, config(), {
      prefer: 'remote',
      candidate: { commit: heads.get('2.5') as string, line: '1.x', name: 'PR #8' },
    })
    expect(c.result.findings.map((f) => f.rule)).toEqual(['line-range'])
    expect(c.result.findings[0]).toMatchObject({
      file: 'plugin_config.yml',
      line: 11,
      releases: ['PR #8', 'v2.0'],
      message: expect.stringMatching(
        /^PR #8 on 1\.x has build 2\.5, not below 2\.0 \(v2\.0\), the first build of the newer line main/,
      ),
    })
  })

  it('finds the line of a candidate by ancestry when none is given', async () => {
    const c = await checkRepository(repo.clone, config(), {
      prefer: 'remote',
      candidate: { commit: heads.get('1.3') as string, name: 'next' },
    })
    expect(c.result.releases.find((r) => r.name === 'next')?.line).toBe('1.x')
  })
})
