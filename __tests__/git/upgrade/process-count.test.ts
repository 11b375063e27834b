import { afterAll, describe, expect, it } from 'vitest'
import { Git, subcommand } from '../../../src/git/git.js'
import { demoSteps } from '../../../src/upgrade/demo.js'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

/** git processes run through the Git class while checking (cat-file --batch reads are two more, always). */
async function processes(
  steps: RepoStep[],
): Promise<{ commands: string[]; releases: number; migrations: number; batches: number }> {
  const b = await buildRepo(steps)
  built.push(b)
  const commands: string[] = []
  const git = new Git({
    cwd: b.clone.cwd,
    observer: (args) => void commands.push(subcommand(args)),
  })
  const c = await checkRepository(git, config(), { prefer: 'remote' })
  return {
    commands,
    releases: c.result.releases.length,
    migrations: c.result.releases.reduce((n, r) => n + r.migrations.length, 0),
    batches: c.discovery.batchReads,
  }
}

function moreFiles(count: number): RepoStep[] {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++)
    files[`src/migrations/m${i}.py`] =
      `from plugin_runner import plugin\n\n\n@plugin.upgrade.repository("2020.1.${i}")\ndef m${i}(old_repository):\n    return old_repository\n`
  return [
    { kind: 'commit', message: `add ${count} migrations`, files },
    {
      kind: 'commit',
      message: 'Release 2.2',
      files: { 'plugin_config.yml': 'srcDir: src\nschemaFile: schema.json\nbuildNumber: "2.2"\n' },
    },
    { kind: 'tag', name: 'v2.2' },
  ]
}

describe('the number of git processes', () => {
  it('does not grow with the number of files and releases read', async () => {
    const small = await processes(demoSteps('ok'))
    const large = await processes([...demoSteps('ok'), ...moreFiles(60)])
    expect(large.releases).toBe(small.releases + 1)
    expect(large.migrations).toBeGreaterThan(small.migrations + 50)
    // Fix evidence (src/evidence/patches.ts): one cat-file --batch-check (which vendored folders
    // the release commits have at their root, so that git leaves them out), then one diff-tree -p
    // streamed into one patch-id: 8 processes with the two cat-file --batch reads.
    expect(small.commands).toEqual([
      'for-each-ref',
      'log',
      'diff-tree',
      'cat-file',
      'diff-tree',
      'patch-id',
    ])
    expect(large.commands).toEqual(small.commands)
    expect([small.batches, large.batches]).toEqual([2, 2])
  })
})
