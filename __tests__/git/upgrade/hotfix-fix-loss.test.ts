/**
 * The worked example plus a hotfix 2.0.1 cut from 2.0 on a branch of its own (the runbook: cut from
 * what is deployed, not from main). 2.1 is released from main and does not descend from 2.0.1, so
 * a later release on the same line can lack the hotfix: fix-loss compares them. With the fix also
 * on main before 2.1 (cherry-picked with -x), the upgrade keeps it and the check passes.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { demoSteps } from '../../../src/upgrade/demo.js'
import { pluginConfig } from '../../../src/upgrade/demo/plugin-files.js'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

/** The demo with hotfix 2.0.1 inserted right after the v2.0 tag; `portToMain` picks it onto main. */
function withHotfix(portToMain: boolean): RepoStep[] {
  const steps = demoSteps('ok')
  const at = steps.findIndex((s) => s.kind === 'tag' && s.name === 'v2.0') + 1
  const hotfix: RepoStep[] = [
    { kind: 'branch', name: 'hotfix/v2.0' },
    { kind: 'checkout', ref: 'hotfix/v2.0' },
    {
      kind: 'commit',
      message: 'Fix the snapshot crash for one customer',
      mark: 'hotfix',
      files: { 'src/snapshot_fix.py': 'def safe_snapshot():\n    return None\n' },
    },
    {
      kind: 'commit',
      message: 'Release 2.0.1',
      files: { 'plugin_config.yml': pluginConfig('2.0.1') },
    },
    { kind: 'tag', name: 'v2.0.1' },
    { kind: 'checkout', ref: 'main' },
    ...(portToMain ? [{ kind: 'cherry-pick', mark: 'hotfix' } as const] : []),
  ]
  return [...steps.slice(0, at), ...hotfix, ...steps.slice(at)]
}

async function check(portToMain: boolean) {
  const b = await buildRepo(withHotfix(portToMain))
  built.push(b)
  return (await checkRepository(b.clone, config(), { prefer: 'remote' })).result
}

describe('a hotfix release cut aside from its line', () => {
  it('2.0.1 missing from 2.1: upgrading 2.0.1 -> 2.1 would lose the hotfix (fix-loss)', async () => {
    const result = await check(false)
    const losses = result.findings.filter((f) => f.rule === 'fix-loss' && f.severity === 'error')
    expect(losses).toHaveLength(1)
    expect(losses[0]?.releases).toEqual(['v2.0.1', 'v2.1'])
    expect(losses[0]?.message).toContain('Fix the snapshot crash for one customer')
    expect(result.conclusion).toBe('failure')
  })

  it('with the hotfix also on main before 2.1, the check passes', async () => {
    const result = await check(true)
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(result.conclusion).toBe('success')
  })
})
