/**
 * schema-needs-migration on a real Delphix plugin repository: the demo plus a 2.2 on main whose
 * schema.json makes `port` a required property of virtualSourceDefinition, read from the file at the
 * tag (the schemaFile of plugin_config.yml), with or without a virtual_source migration.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { demoSteps } from '../../../src/upgrade/demo.js'
import {
  MARKER_10_15,
  MIGRATION_02_01,
  MIGRATION_04_01,
  MIGRATION_08_01,
  pluginConfig,
  pluginRunner,
  schema,
} from '../../../src/upgrade/demo/plugin-files.js'
import type { RepoStep } from '../../../src/upgrade/demo/script.js'
import { checkRepository } from '../../../src/upgrade/discovery/check-repo.js'
import { buildRepo, config, type BuiltRepo } from './helpers.js'

const built: BuiltRepo[] = []
afterAll(async () => {
  for (const b of built) await b.fixture.cleanup()
})

function schemaWithRequiredPort(): string {
  const doc = JSON.parse(schema(true)) as Record<
    string,
    { required?: string[]; properties: Record<string, unknown> }
  >
  const vs = doc.virtualSourceDefinition as {
    required: string[]
    properties: Record<string, unknown>
  }
  vs.required.push('port')
  vs.properties.port = { type: 'integer', minimum: 1024 }
  return JSON.stringify(doc, null, 2) + '\n'
}

const PORT_MIGRATION = {
  id: '2019.11.01',
  objectType: 'virtual_source',
  name: 'add_port_placeholder',
  body: ['new = dict(old_virtual_source)', 'new.setdefault("port", None)', 'return new'],
}

function release22(withMigration: boolean): RepoStep[] {
  const migrations = [MIGRATION_02_01, MIGRATION_04_01, MIGRATION_08_01]
  return [
    ...demoSteps('ok'),
    {
      kind: 'commit',
      message: 'Require a port on virtual sources',
      files: {
        'schema.json': schemaWithRequiredPort(),
        ...(withMigration
          ? {
              'src/plugin_runner.py': pluginRunner([MARKER_10_15], [...migrations, PORT_MIGRATION]),
            }
          : {}),
      },
    },
    { kind: 'commit', message: 'Release 2.2', files: { 'plugin_config.yml': pluginConfig('2.2') } },
    { kind: 'tag', name: 'v2.2' },
  ]
}

async function check(withMigration: boolean) {
  const b = await buildRepo(release22(withMigration))
  built.push(b)
  return checkRepository(b.clone, config(), { prefer: 'remote' })
}

describe('a Delphix plugin whose 2.2 makes port required on virtual sources', () => {
  it('fails schema-needs-migration without a virtual_source migration, with the seed advice', async () => {
    const c = await check(false)
    const v22 = c.result.releases.find((r) => r.name === 'v2.2')
    expect(v22?.schema?.objects.virtualSource?.required).toEqual(['mountPath', 'port'])
    expect(c.result.findings.map((f) => f.rule)).toEqual(['schema-needs-migration'])
    expect(c.result.findings[0]).toMatchObject({
      file: 'schema.json',
      releases: ['v2.1', 'v2.2'],
    })
    const message = c.result.findings[0]?.message ?? ''
    expect(message).toContain('v2.2 adds required property port on virtualSource (schema.json')
    expect(message).toContain('compared with v2.1, without a new virtual_source migration')
    expect(message).toContain('placeholder (null, or 0 with the minimum relaxed)')
    expect(message).toContain('user-facing error on the placeholder')
  })

  it('passes with a virtual_source migration in 2.2', async () => {
    const c = await check(true)
    expect(c.result.findings).toEqual([])
  })
})

describe('a Delphix plugin whose 2.2 changes a type and restricts a value to an enum', () => {
  function converted(): string {
    const doc = JSON.parse(schema(true)) as Record<string, { properties: Record<string, unknown> }>
    const vs = doc.virtualSourceDefinition as { properties: Record<string, unknown> }
    vs.properties.retentionDays = { type: 'string' }
    vs.properties.mountPath = { type: 'string', enum: ['/mnt/a', '/mnt/b'] }
    return JSON.stringify(doc, null, 2) + '\n'
  }

  it('asks for a conversion, not a placeholder', async () => {
    const b = await buildRepo([
      ...demoSteps('ok'),
      {
        kind: 'commit',
        message: 'Days as text, fixed mounts',
        files: { 'schema.json': converted() },
      },
      {
        kind: 'commit',
        message: 'Release 2.2',
        files: { 'plugin_config.yml': pluginConfig('2.2') },
      },
      { kind: 'tag', name: 'v2.2' },
    ])
    built.push(b)
    const c = await checkRepository(b.clone, config(), { prefer: 'remote' })
    expect(
      c.result.releases.find((r) => r.name === 'v2.2')?.schema?.objects.virtualSource?.properties
        .mountPath,
    ).toEqual({
      type: 'string',
      enum: ['"/mnt/a"', '"/mnt/b"'],
    })
    expect(c.result.findings.map((f) => f.rule)).toEqual(['schema-needs-migration'])
    const message = c.result.findings[0]?.message ?? ''
    expect(message).toContain(
      'v2.2 restricts mountPath to "/mnt/a", "/mnt/b", changes the type of retentionDays from integer to string on virtualSource',
    )
    expect(message).toContain(
      'add @plugin.upgrade.virtual_source("<id>") that converts each stored value to the new schema',
    )
    expect(message).not.toContain('placeholder')
  })
})
