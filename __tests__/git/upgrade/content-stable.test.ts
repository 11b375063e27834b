/**
 * content-stable on a generated Flyway repository: a backported migration reformatted on 1.x is the
 * same migration (no finding); one whose statement changed is a warning; `contentChange: off` turns
 * the rule off.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

const FIX = 'db/migration/V1_2__fix.sql'

function steps(onOneX: string): RepoStep[] {
  return [
    {
      kind: 'commit',
      message: 'init',
      files: { 'db/migration/V1__init.sql': 'create table t (c int);\n' },
    },
    { kind: 'tag', name: 'v1.0.0' },
    { kind: 'branch', name: '1.x' },
    {
      kind: 'commit',
      message: 'two',
      files: { 'db/migration/V2__two.sql': 'create table u (c int);\n' },
    },
    { kind: 'commit', message: 'fix', files: { [FIX]: 'UPDATE t SET c = 0 WHERE c IS NULL;\n' } },
    { kind: 'tag', name: 'v2.0.0' },
    { kind: 'checkout', ref: '1.x' },
    { kind: 'commit', message: 'fix (backport)', files: { [FIX]: onOneX } },
    { kind: 'tag', name: 'v1.1.0' },
    { kind: 'checkout', ref: 'main' },
  ]
}

async function contentFindings(onOneX: string, yaml = '') {
  const b = await buildRepo(steps(onOneX))
  built.push(b)
  const c = await checkRepository(b.clone, config(`upgrade: { scheme: semver${yaml} }`), {
    prefer: 'remote',
  })
  return c.result.findings.filter((f) => f.rule === 'content-stable')
}

describe('content-stable on a Flyway repository', () => {
  it('a backport only reformatted is the same migration', async () => {
    expect(await contentFindings('UPDATE t\n   SET c = 0\n WHERE c IS NULL ;\r\n\r\n')).toEqual([])
  })

  it('a changed statement is a warning; contentChange: off turns it off', async () => {
    const changed = 'UPDATE t SET c = 1 WHERE c IS NULL;\n'
    const found = await contentFindings(changed)
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: FIX,
        message: expect.stringContaining('migration 1.2 differs between lines'),
      }),
    ])
    expect(await contentFindings(changed, ', contentChange: off')).toEqual([])
  })
})
