/**
 * Advice fits the layout, on generated Flyway, golang-migrate and Rails repositories: the Delphix
 * words (a marker migration, "unique across all object types") stay on Delphix plugins, and a linear
 * engine is told what works there instead of a forward-port with the same ID.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import type { Finding } from '../../../src/upgrade/model.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

async function findings(steps: RepoStep[], yaml: string): Promise<Finding[]> {
  const b = await buildRepo(steps)
  built.push(b)
  const c = await checkRepository(b.clone, config(yaml), { prefer: 'remote' })
  return c.result.findings
}

const delphixWords = /marker migration|across all object types|@plugin\.upgrade/

describe('Flyway (linear)', () => {
  it('migration-order: run with outOfOrder, or re-add the change above the highest version', async () => {
    const found = await findings(
      [
        { kind: 'commit', message: 'init', files: { 'db/migration/V1__init.sql': 'create;\n' } },
        { kind: 'tag', name: 'v1.0.0' },
        { kind: 'branch', name: '1.x' },
        { kind: 'commit', message: 'two', files: { 'db/migration/V2__two.sql': 'two;\n' } },
        { kind: 'tag', name: 'v2.0.0' },
        { kind: 'checkout', ref: '1.x' },
        { kind: 'commit', message: 'fix', files: { 'db/migration/V1_5__fix.sql': 'fix;\n' } },
        { kind: 'tag', name: 'v1.1.0' },
        { kind: 'checkout', ref: 'main' },
        { kind: 'commit', message: 'fwd', files: { 'db/migration/V1_5__fix.sql': 'fix;\n' } },
        { kind: 'tag', name: 'v2.1.0' },
      ],
      'upgrade: { scheme: semver, engine: linear }',
    )
    const order = found.find((f) => f.rule === 'migration-order')
    expect(order?.message).toMatch(
      /^upgrading v2\.0\.0 -> v2\.1\.0 would skip 1\.5 on a linear migration engine: it sorts below 2, .*; run Flyway with outOfOrder: true so it applies pending versions below the highest applied, or add 1\.5's change again on v2\.1\.0's line under a version above 2, written to be idempotent$/,
    )
    for (const f of found) expect(f.message).not.toMatch(delphixWords)
  })

  it('migration-id: two files with one version, in Flyway words', async () => {
    const found = await findings(
      [
        {
          kind: 'commit',
          message: 'init',
          files: { 'db/migration/V1_1__a.sql': 'a;\n', 'db/migration/V1.1__b.sql': 'b;\n' },
        },
        { kind: 'tag', name: 'v1.0.0' },
      ],
      'upgrade: { scheme: semver }',
    )
    const dup = found.find((f) => f.rule === 'migration-id')
    expect(dup?.message).toContain(
      'Flyway compares versions numerically and refuses two migrations with one version',
    )
    expect(dup?.message).not.toMatch(delphixWords)
  })
})

describe('golang-migrate', () => {
  it('forward-ported: a no-op with the same version plus the change above the newer line', async () => {
    const found = await findings(
      [
        { kind: 'commit', message: 'init', files: { 'migrations/000001_init.up.sql': 'a;\n' } },
        { kind: 'tag', name: 'v1.0' },
        { kind: 'branch', name: '1.x' },
        { kind: 'commit', message: 'two', files: { 'migrations/000002_two.up.sql': 'b;\n' } },
        { kind: 'tag', name: 'v2.0' },
        { kind: 'checkout', ref: '1.x' },
        { kind: 'commit', message: 'fix', files: { 'migrations/000005_fix.up.sql': 'fix;\n' } },
        { kind: 'tag', name: 'v1.1' },
        { kind: 'checkout', ref: 'main' },
      ],
      '',
    )
    const fwd = found.find((f) => f.rule === 'forward-ported')
    expect(fwd?.message).toMatch(
      /: forward-port 000005 to main with the same version, as a no-op \(databases at that version need its file to move on\), and add its change again under a version above main's highest, written to be idempotent: golang-migrate never runs a version below the current one$/,
    )
    for (const f of found) expect(f.message).not.toMatch(delphixWords)
  })
})

describe('Rails', () => {
  it('forward-ported keeps the same-ID advice: Rails runs any migration it has not recorded', async () => {
    const found = await findings(
      [
        { kind: 'commit', message: 'init', files: { 'db/migrate/20200101000000_init.rb': 'a\n' } },
        { kind: 'tag', name: 'v1.0' },
        { kind: 'branch', name: '1.x' },
        { kind: 'commit', message: 'two', files: { 'db/migrate/20200301000000_two.rb': 'b\n' } },
        { kind: 'tag', name: 'v2.0' },
        { kind: 'checkout', ref: '1.x' },
        { kind: 'commit', message: 'fix', files: { 'db/migrate/20200401000000_fix.rb': 'c\n' } },
        { kind: 'tag', name: 'v1.1' },
        { kind: 'checkout', ref: 'main' },
      ],
      'upgrade: { engine: linear }',
    )
    expect(found.find((f) => f.rule === 'forward-ported')?.message).toMatch(
      /: forward-port it with the same ID$/,
    )
    for (const f of found) expect(f.message).not.toMatch(delphixWords)
  })
})
