/** The worked example's Delphix plugin files, as text. Pure. */

export function pluginConfig(build: string, quoted = true): string {
  return [
    'id: 7cf830f2-82f3-4d5d-a63c-7bbe9b4d3e23',
    'name: Fixline Demo Plugin',
    'language: PYTHON38',
    'hostTypes:',
    '  - UNIX',
    'pluginType: DIRECT',
    'entryPoint: plugin_runner:plugin',
    'srcDir: src',
    'schemaFile: schema.json',
    `externalVersion: "${build}"`,
    `buildNumber: ${quoted ? `"${build}"` : build}`,
    '',
  ].join('\n')
}

export interface Decorator {
  id: string
  objectType: string
  name: string
  body: string[]
}

export const MIGRATION_02_01: Decorator = {
  id: '2019.02.01',
  objectType: 'virtual_source',
  name: 'add_mount_path',
  body: [
    'new = dict(old_virtual_source)',
    'new.setdefault("mountPath", "/mnt/provision")',
    'return new',
  ],
}
export const MIGRATION_04_01: Decorator = {
  id: '2019.04.01',
  objectType: 'virtual_source',
  name: 'add_retention',
  body: ['new = dict(old_virtual_source)', 'new.setdefault("retentionDays", 7)', 'return new'],
}
export const MIGRATION_08_01: Decorator = {
  id: '2019.08.01',
  objectType: 'repository',
  name: 'add_port',
  body: ['new = dict(old_repository)', 'new.setdefault("port", 5432)', 'return new'],
}
export const MARKER_10_15: Decorator = {
  id: '2019.10.15',
  objectType: 'virtual_source',
  name: 'fix_marker_2019_10_15',
  body: [
    '# No-op marker: a user with the start-timeout fix can never upgrade',
    '# to a release without it.',
    'return old_virtual_source',
  ],
}

function decorator(d: Decorator): string[] {
  const arg = d.objectType === 'repository' ? 'old_repository' : `old_${d.objectType}`
  return [
    `@plugin.upgrade.${d.objectType}("${d.id}")`,
    `def ${d.name}(${arg}):`,
    ...d.body.map((l) => `    ${l}`),
    '',
    '',
  ]
}

/** src/plugin_runner.py: markers first (right after the section comment, so picks apply cleanly), then migrations. */
export function pluginRunner(
  markers: readonly Decorator[],
  migrations: readonly Decorator[],
): string {
  return [
    'from dlpx.virtualization.platform import Plugin',
    '',
    'import operations',
    '',
    'plugin = Plugin()',
    '',
    '',
    '@plugin.virtual_source.start()',
    'def start(virtual_source, repository, source_config):',
    '    operations.start(virtual_source)',
    '',
    '',
    '# Upgrade migrations: fix markers first, then data migrations in ID order.',
    '',
    '',
    ...markers.flatMap(decorator),
    ...migrations.flatMap(decorator),
  ].join('\n')
}

export function operations(fixed: boolean): string {
  return [
    'import time',
    '',
    '',
    'def start(virtual_source):',
    `    timeout = ${fixed ? 300 : 30}`,
    ...(fixed ? ['    # The start command can take minutes on large databases.'] : []),
    '    deadline = time.time() + timeout',
    '    return deadline',
    '',
  ].join('\n')
}

export function schema(withPort: boolean): string {
  const repository = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      ...(withPort ? { port: { type: 'integer', minimum: 0 } } : {}),
    },
  }
  return (
    JSON.stringify(
      {
        repositoryDefinition: { ...repository, identityFields: ['name'], nameField: 'name' },
        sourceConfigDefinition: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' } },
          identityFields: ['name'],
          nameField: 'name',
        },
        virtualSourceDefinition: {
          type: 'object',
          required: ['mountPath'],
          properties: {
            mountPath: { type: 'string' },
            retentionDays: { type: 'integer', minimum: 1 },
          },
        },
        linkedSourceDefinition: { type: 'object', properties: {} },
        snapshotDefinition: { type: 'object', properties: {} },
      },
      null,
      2,
    ) + '\n'
  )
}
