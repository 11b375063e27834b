import { describe, expect, it } from 'vitest'
import { engineAllows, migrationsToRun } from '../../../src/upgrade/engine.js'
import type { Release } from '../../../src/upgrade/model.js'

function release(name: string, build: string, ids: string[]): Release {
  return {
    name,
    line: '1.x',
    tag: `v${name}`,
    commit: name,
    build,
    buildLocation: { file: 'plugin_config.yml', line: 1 },
    migrations: ids.map((id, i) => ({
      id,
      location: { file: 'p.py', line: i + 1 },
      contentHash: id,
    })),
  }
}

describe('engineAllows (the Delphix engine)', () => {
  const r11 = release('1.1', '1.1', ['2019.02.01', '2019.04.01'])
  const r12 = release('1.2', '1.2', ['2019.02.01', '2019.04.01', '2019.10.15'])
  const r20 = release('2.0', '2.0', ['2019.02.01', '2019.04.01', '2019.08.01'])
  const r21 = release('2.1', '2.1', ['2019.02.01', '2019.04.01', '2019.08.01', '2019.10.15'])

  it('allows a higher build that keeps every migration', () => {
    expect(engineAllows(r11, r20, 'dotted')).toEqual({
      allowed: true,
      reason: 'allowed',
      missingIds: [],
    })
    expect(engineAllows(r12, r21, 'dotted').allowed).toBe(true)
  })

  it('blocks a target that lacks a migration, naming it', () => {
    expect(engineAllows(r12, r20, 'dotted')).toEqual({
      allowed: false,
      reason: '2.0 lacks 2019.10.15',
      missingIds: ['2019.10.15'],
    })
  })

  it('blocks a lower or equal build', () => {
    expect(engineAllows(r21, r20, 'dotted')).toMatchObject({
      allowed: false,
      reason: 'build 2.0 is not above 2.1',
    })
    expect(
      engineAllows(r20, release('2.0.0', '2.0.0', [...r21.migrations.map((m) => m.id)]), 'dotted')
        .allowed,
    ).toBe(false)
  })

  it('compares IDs in canonical form', () => {
    const spelled = release('2.2', '2.2', ['2019.2.1', '2019.4.1.0', '02019.08.01', '2019.10.15'])
    expect(engineAllows(r21, spelled, 'dotted').allowed).toBe(true)
  })

  it('blocks when a build is invalid', () => {
    expect(engineAllows(r11, release('x', '2.x', []), 'dotted')).toMatchObject({ allowed: false })
    expect(engineAllows(r11, release('x', '2.x', []), 'dotted').reason).toContain('x:')
  })

  it('runs the missing migrations in ID order', () => {
    const from = release('1.2', '1.2', ['2019.02.01', '2019.10.15'])
    const to = release('2.1', '2.1', ['2019.10.15', '2019.8.1', '2019.02.01', '2019.04.01'])
    expect(migrationsToRun(from, to).map((m) => m.id)).toEqual(['2019.04.01', '2019.8.1'])
  })
})
