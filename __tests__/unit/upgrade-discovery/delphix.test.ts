import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  parsePluginConfig,
  scanDecorators,
  summarizeSchema,
} from '../../../src/upgrade/discovery/delphix.js'

describe('parsePluginConfig', () => {
  it('reads a quoted buildNumber as the string written, with its line', () => {
    const p = parsePluginConfig(
      'name: x\nsrcDir: src\nschemaFile: schema.json\nbuildNumber: "1.10"\n',
      'plugin_config.yml',
    )
    expect(p).toMatchObject({
      build: '1.10',
      buildNotString: false,
      buildLine: 4,
      srcDir: 'src',
      schemaFile: 'schema.json',
      problems: [],
    })
  })

  it('keeps the source text of an unquoted number (1.10 is not 1.1) and flags it', () => {
    const p = parsePluginConfig('buildNumber: 1.10\n', 'p.yml')
    expect(p).toMatchObject({ build: '1.10', buildNotString: true, buildLine: 1 })
  })

  it('reports a missing buildNumber, a mapping, and YAML garbage with the file', () => {
    expect(parsePluginConfig('srcDir: src\n', 'p.yml').problems[0]?.message).toMatch(
      /p\.yml has no buildNumber/,
    )
    expect(parsePluginConfig('buildNumber:\n  a: 1\n', 'p.yml').problems[0]?.message).toMatch(
      /quoted string/,
    )
    const bad = parsePluginConfig('buildNumber: "1.0\n: : [\n', 'p.yml')
    expect(bad.problems[0]).toMatchObject({ rule: 'build-format', file: 'p.yml' })
    expect(bad.build).toBeUndefined()
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const p = parsePluginConfig(text, 'p.yml')
        expect(p.build === undefined || typeof p.build === 'string').toBe(true)
      }),
    )
  })
})

describe('scanDecorators', () => {
  const source = [
    'plugin = Plugin()',
    '',
    '@plugin.upgrade.virtual_source("2019.10.15")',
    'def marker(old):',
    '    return old',
    '',
    "  @my.plugin.upgrade.repository('01.02', MigrationType.PLATFORM)",
    '  def repo(old):',
    '      x = 1',
    '',
    '      return old',
    '  other = 2',
    '@plugin.upgrade.snapshot(MIGRATION_ID)',
    'def s(old): return old',
  ].join('\n')

  it('finds id, object type, file and line, and hashes the decorated function', () => {
    const scan = scanDecorators(source, 'src/p.py')
    expect(scan.migrations.map((m) => [m.id, m.objectType, m.location.line])).toEqual([
      ['2019.10.15', 'virtual_source', 3],
      ['01.02', 'repository', 7],
    ])
    expect(scan.problems).toHaveLength(1)
    expect(scan.problems[0]).toMatchObject({ rule: 'migration-id', file: 'src/p.py', line: 13 })
  })

  it('gives the same hash to the same function at another place, and another hash to other code', () => {
    const a = scanDecorators('@p.upgrade.repository("1")\ndef f(o):\n    return o\n', 'a.py')
      .migrations[0]
    const b = scanDecorators(
      '\n\n# moved\n@p.upgrade.repository("1")\ndef f(o):\n    return o\n',
      'b.py',
    ).migrations[0]
    const c = scanDecorators('@p.upgrade.repository("1")\ndef f(o):\n    return None\n', 'c.py')
      .migrations[0]
    expect(a?.contentHash).toBe(b?.contentHash)
    expect(a?.contentHash).not.toBe(c?.contentHash)
  })

  it('warns about unknown object types', () => {
    const scan = scanDecorators('@plugin.upgrade.database("1.0")\ndef f(o): pass\n', 'x.py')
    expect(scan.migrations).toHaveLength(1)
    expect(scan.problems[0]).toMatchObject({ severity: 'warning', line: 1 })
  })

  it('finds every generated decorator with its exact ID and line (property)', () => {
    const id = fc
      .array(fc.nat({ max: 99999 }), { minLength: 1, maxLength: 4 })
      .map((p) => p.join('.'))
    const type = fc.constantFrom(
      'repository',
      'source_config',
      'linked_source',
      'virtual_source',
      'snapshot',
    )
    const filler = fc.constantFrom(
      '',
      'x = 1',
      '# comment',
      'def helper():',
      '    return 2',
      'import os',
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.array(filler, { maxLength: 3 }), id, type, fc.constantFrom('"', "'")),
          { maxLength: 8 },
        ),
        (blocks) => {
          const lines: string[] = []
          const expected: [string, string, number][] = []
          for (const [pre, i, t, q] of blocks) {
            lines.push(...pre)
            expected.push([i, t, lines.length + 1])
            lines.push(`@plugin.upgrade.${t}(${q}${i}${q})`, 'def m(old):', '    return old')
          }
          const scan = scanDecorators(lines.join('\n'), 'g.py')
          expect(scan.migrations.map((m) => [m.id, m.objectType, m.location.line])).toEqual(
            expected,
          )
          expect(scan.problems).toEqual([])
        },
      ),
    )
  })

  it('never throws on arbitrary text, and every migration points at a decorator line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 30 }), (junk, id) => {
        const text = `${junk}\n@plugin.upgrade.repository(${JSON.stringify(id)})\n${junk}`
        const scan = scanDecorators(text, 'j.py')
        const lines = text.split(/\r?\n/)
        for (const m of scan.migrations)
          expect(lines[(m.location.line ?? 0) - 1]).toContain('upgrade')
      }),
    )
  })
})

describe('summarizeSchema', () => {
  it('lists required properties and constraints per object type', () => {
    const s = summarizeSchema(
      JSON.stringify({
        virtualSourceDefinition: {
          required: ['a'],
          properties: { a: { type: 'integer', minimum: 1 } },
        },
      }),
      'schema.json',
    )
    expect(s.schema?.objects.virtualSource).toEqual({
      required: ['a'],
      properties: { a: { type: 'integer', minimum: 1 } },
    })
  })

  it('reports invalid JSON as a warning naming the file', () => {
    expect(summarizeSchema('{', 'schema.json').problems[0]).toMatchObject({
      severity: 'warning',
      file: 'schema.json',
    })
    expect(summarizeSchema('[1]', 'schema.json').schema).toBeUndefined()
  })
})

describe('YAML messages', () => {
  it('keep one line without the position suffix, the line number going to the problem', () => {
    const p = parsePluginConfig('buildNumber: [1\n', 'plugin_config.yml')
    expect(p.problems[0]?.message).not.toMatch(/\n|at line \d+, column/)
    expect(p.problems[0]?.line).toBe(2)
  })
})
