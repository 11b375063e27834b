import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLines, type AuditReport, type MissingFix } from '../../../src/audit/index.js'
import { parseConfig } from '../../../src/config/load.js'
import { buildAuditWorld, type AuditWorld } from './world.js'

let world: AuditWorld
let report: AuditReport
const config = parseConfig(undefined)

beforeAll(async () => {
  world = await buildAuditWorld()
  report = await auditLines(world.fx.seed, config)
}, 60_000)
afterAll(async () => {
  await world?.cleanup()
})

const fix = (sha: string): MissingFix | undefined => report.fixes.find((f) => f.sha === sha)

describe('auditLines on 1.x, 2.x and main', () => {
  it('lists the lines newest first', () => {
    expect(report.lines).toEqual([
      { branch: 'main', rank: 0 },
      { branch: '2.x', rank: 1 },
      { branch: '1.x', rank: 2 },
    ])
  })

  it('reports a fix made on 1.x and never carried as missing on 2.x and main, once, with its author and date', () => {
    expect(fix(world.sha.neverCarried)).toEqual({
      sha: world.sha.neverCarried,
      subject: 'Fix crash on empty list',
      author: 'Ada Author',
      date: expect.stringMatching(/^2024-01-01T/) as string,
      line: '1.x',
      missingOn: ['main', '2.x'],
      decided: [],
    })
    expect(report.fixes.filter((f) => f.sha === world.sha.neverCarried)).toHaveLength(1)
  })

  it('finds a fix forward-ported by hand without a trailer (patch-id), one backported with -x, and one adapted with a trailer', () => {
    expect(fix(world.sha.handPorted)).toBeUndefined()
    expect(fix(world.sha.mainFix)).toBeUndefined()
    expect(fix(world.sha.adapted)).toBeUndefined()
    const subjects = report.fixes.map((f) => f.subject)
    expect(subjects).not.toContain('Fix null input')
  })

  it('never reports a build bump', () => {
    expect(fix(world.sha.bump1)).toBeUndefined()
    expect(fix(world.sha.bump2)).toBeUndefined()
    expect(report.fixes.map((f) => f.subject).filter((s) => s.startsWith('Release'))).toEqual([])
  })

  it('reports a 2.x fix missing on main', () => {
    expect(fix(world.sha.only2x)).toMatchObject({ line: '2.x', missingOn: ['main'], decided: [] })
  })

  it('lists a fix whose trailer says not needed as decided, never missing', () => {
    expect(fix(world.sha.notNeededAll)).toMatchObject({
      missingOn: [],
      decided: [
        { line: 'main', how: 'trailer' },
        { line: '2.x', how: 'trailer' },
      ],
    })
    expect(fix(world.sha.notNeededMain)).toMatchObject({
      missingOn: ['2.x'],
      decided: [{ line: 'main', how: 'trailer' }],
    })
  })

  it('names the PR from the (#123) in the subject without the API', () => {
    expect(fix(world.sha.labelled)).toMatchObject({
      pr: { number: 12 },
      missingOn: ['main', '2.x'],
    })
  })

  it('lists exactly the missing and decided fixes, oldest line first, in graph order', () => {
    expect(report.fixes.map((f) => f.sha)).toEqual([
      world.sha.neverCarried,
      world.sha.notNeededAll,
      world.sha.notNeededMain,
      world.sha.labelled,
      world.sha.only2x,
    ])
    expect(report.warnings).toEqual([])
    expect(report.unlanded).toEqual([])
    expect(report.waitingDrafts).toEqual([])
  })

  it('runs a constant number of git processes, whatever the number of line pairs', () => {
    expect(report.stats.linePairs).toBe(3)
    expect(report.stats.gitProcesses).toBeLessThanOrEqual(9)
    expect(report.stats.commitsCompared).toBeGreaterThan(0)
  })

  it('marks decisions passed in (the dashboard) as decided, by full sha or prefix', async () => {
    const decided = await auditLines(world.fx.seed, config, {
      decisions: [
        { sha: world.sha.neverCarried.slice(0, 10), line: 'main', by: 'maintainer' },
        { sha: world.sha.only2x, line: 'main' },
        { sha: world.sha.only2x, line: 'no-such-line' },
      ],
    })
    const byFix = (sha: string) => decided.fixes.find((f) => f.sha === sha)
    expect(byFix(world.sha.neverCarried)).toMatchObject({
      missingOn: ['2.x'],
      decided: [{ line: 'main', how: 'dashboard', by: 'maintainer' }],
    })
    expect(byFix(world.sha.only2x)).toMatchObject({
      missingOn: [],
      decided: [{ line: 'main', how: 'dashboard' }],
    })
  })
})
