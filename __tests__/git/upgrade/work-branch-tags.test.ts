/**
 * A release tagged on a branch of work two commits off its line (a maintenance branch no pattern
 * names, or deleted since) belongs to the line it forked from, but it is not the previous release
 * of the line's later releases that do not contain it: no false build-monotonic or append-only.
 */
import { afterAll, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

const sql = (id: string) => ({ [`db/migration/V${id.replace(/\./g, '_')}__m.sql`]: `-- ${id}\n` })

it('a tag two commits off main precedes only what contains it', async () => {
  const steps: RepoStep[] = [
    { kind: 'commit', message: 'init', files: sql('1') },
    { kind: 'tag', name: 'v1.0' },
    { kind: 'branch', name: 'maint' },
    { kind: 'checkout', ref: 'maint' },
    { kind: 'commit', message: 'maint fix', files: sql('1.5') },
    { kind: 'commit', message: 'maint release', files: { 'notes.txt': '1.5\n' } },
    { kind: 'tag', name: 'v1.5' },
    { kind: 'checkout', ref: 'main' },
    { kind: 'commit', message: 'main work', files: sql('1.1') },
    { kind: 'tag', name: 'v1.1' },
  ]
  const b = await buildRepo(steps)
  built.push(b)
  const { result } = await checkRepository(b.clone, config(), { prefer: 'remote' })
  const previous = Object.fromEntries(result.releases.map((r) => [r.name, r.previous]))
  expect(previous['v1.1']).toEqual(['v1.0'])
  const rules = result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)
  expect(rules).not.toContain('build-monotonic')
  expect(rules).not.toContain('append-only')
})
