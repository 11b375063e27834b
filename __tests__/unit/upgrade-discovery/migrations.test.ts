import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  flywayId,
  golangMigrateId,
  inDirs,
  isVendored,
  migrationsFromFiles,
  parseManifest,
  railsId,
  regexId,
} from '../../../src/upgrade/discovery/migrations.js'

describe('file-name parsers', () => {
  it('reads Flyway, golang-migrate and Rails names', () => {
    expect(flywayId('db/migration/V1_1__add_x.sql')).toBe('1.1')
    expect(flywayId('V2.0.3__y.sql')).toBe('2.0.3')
    expect(flywayId('R__views.sql')).toBeUndefined()
    expect(flywayId('V1__x.txt')).toBeUndefined()
    expect(golangMigrateId('migrations/000012_add.up.sql')).toBe('000012')
    expect(golangMigrateId('migrations/000012_add.down.sql')).toBeUndefined()
    expect(railsId('db/migrate/20240101120000_create_users.rb')).toBe('20240101120000')
    expect(railsId('lib/20240101120000_create_users.rb')).toBeUndefined()
    expect(regexId('m/0042-thing.sql', /^(?<id>\d+)-/)).toBe('0042')
  })

  it('round-trips generated Flyway and golang-migrate names (property)', () => {
    const parts = fc.array(fc.nat({ max: 9999 }), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(
        parts,
        fc.constantFrom('_', '.'),
        fc.stringMatching(/^[a-z_]{0,12}$/),
        (p, sep, desc) => {
          expect(flywayId(`sql/V${p.join(sep)}__${desc}.sql`)).toBe(p.join('.'))
          expect(golangMigrateId(`m/${p[0]}_${desc}.up.sql`)).toBe(String(p[0]))
        },
      ),
    )
  })

  it('never throws and only returns digit IDs on arbitrary paths (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (path) => {
        for (const id of [flywayId(path), golangMigrateId(path), railsId(path)])
          if (id !== undefined) expect(id).toMatch(/^\d+(\.\d+)*$/)
      }),
    )
  })

  it('keeps files in the configured folders, with the blob as content hash', () => {
    const files = new Map([
      ['db/V1__a.sql', 'b1'],
      ['other/V2__b.sql', 'b2'],
    ])
    expect(migrationsFromFiles(files, 'flyway', ['db'])).toEqual([
      { id: '1', location: { file: 'db/V1__a.sql' }, contentHash: 'b1' },
    ])
    expect(migrationsFromFiles(files, 'flyway', [])).toHaveLength(2)
  })

  it('reads Flyway Java and Kotlin migrations, underscores separating the version', () => {
    expect(flywayId('src/main/java/db/migration/V7_0_2018_04_03__AddIndex.java')).toBe(
      '7.0.2018.04.03',
    )
    expect(flywayId('db/migration/V2_1__Backfill.kt')).toBe('2.1')
    expect(flywayId('db/migration/R__Refresh.java')).toBeUndefined()
    expect(flywayId('db/migration/Helper.java')).toBeUndefined()
  })

  it('matches dirs at any depth, from the root with / or ./, and as globs', () => {
    const module = 'billing/src/main/resources/db/migration/V3__x.sql'
    expect(inDirs(module, ['db/migration'])).toBe(true)
    expect(inDirs(module, ['src/main/resources/db/migration'])).toBe(true)
    expect(inDirs(module, ['*/src/main/resources/db/migration'])).toBe(true)
    expect(inDirs(module, ['**/db/migration'])).toBe(true)
    expect(inDirs(module, ['/db/migration'])).toBe(false)
    expect(inDirs(module, ['./db/migration'])).toBe(false)
    expect(inDirs('db/migration/V3__x.sql', ['./db/migration'])).toBe(true)
    expect(inDirs(module, ['billing/*/db'])).toBe(false)
    // a folder name is matched whole, not as a suffix of another name
    expect(inDirs('olddb/migration/V3__x.sql', ['db/migration'])).toBe(false)
    expect(inDirs('a/db/migrations/V3__x.sql', ['db/migration'])).toBe(false)
  })

  it('never counts vendored folders unless a dir names one', () => {
    const files = new Map([
      ['db/migrate/20240101000000_own.rb', 'b1'],
      ['vendor/bundle/ruby/3.2.0/gems/x/db/migrate/20200101000000_gem.rb', 'b2'],
      ['node_modules/pkg/migrations/000001_init.up.sql', 'b3'],
      ['third_party/lib/db/migration/V1__lib.sql', 'b4'],
    ])
    expect(migrationsFromFiles(files, 'rails', []).map((m) => m.id)).toEqual(['20240101000000'])
    expect(migrationsFromFiles(files, 'rails', ['db/migrate']).map((m) => m.id)).toEqual([
      '20240101000000',
    ])
    expect(migrationsFromFiles(files, 'golang-migrate', [])).toEqual([])
    expect(migrationsFromFiles(files, 'flyway', [])).toEqual([])
    expect(migrationsFromFiles(files, 'flyway', ['third_party/lib/db/migration'])).toHaveLength(1)
    expect(isVendored('src/vendors/x.sql')).toBe(false)
  })
})

describe('parseManifest', () => {
  it('reads JSON and YAML lists, keeping unquoted numbers as written, with lines', () => {
    expect(parseManifest('["1.0", "1.10"]', 'm.json').migrations.map((m) => m.id)).toEqual([
      '1.0',
      '1.10',
    ])
    const y = parseManifest('migrations:\n  - 1.10\n  - id: "2.0"\n', 'm.yml')
    expect(y.migrations.map((m) => [m.id, m.location.line])).toEqual([
      ['1.10', 2],
      ['2.0', 3],
    ])
  })

  it('reports garbage with the file', () => {
    expect(parseManifest('{a: 1}', 'm.yml').problems[0]).toMatchObject({
      rule: 'migration-id',
      file: 'm.yml',
    })
    expect(parseManifest('[ [1] ]', 'm.yml').problems[0]?.message).toMatch(/not an ID/)
    expect(parseManifest('[', 'm.yml').problems).toHaveLength(1)
  })

  it('never throws on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => void parseManifest(t, 'm.yml')))
  })
})
