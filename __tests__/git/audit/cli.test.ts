import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditReport } from '../../../src/audit/index.js'
import { bufferIO } from '../../../src/cli/io.js'
import { runCli } from '../../../src/cli/run.js'
import { buildAuditWorld, type AuditWorld } from './world.js'

let world: AuditWorld
let cwd: string

beforeAll(async () => {
  world = await buildAuditWorld()
  // A developer's clone: every branch of origin fetched (origin/1.x, origin/2.x), main checked out.
  const clone = await world.fx.checkoutClone({ depth: 0 })
  await clone.run(['fetch', '-q', '--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*'])
  cwd = clone.cwd
}, 60_000)
afterAll(async () => {
  await world?.cleanup()
})

async function audit(...argv: string[]) {
  const io = bufferIO(cwd)
  const code = await runCli(['audit', ...argv], io)
  return { code, out: io.stdout.join(''), err: io.stderr.join('') }
}

describe('fixline audit in a clone of 1.x, 2.x and main', () => {
  it('text: the missing fixes per newer line, newest first, and exit 1', async () => {
    const run = await audit()
    expect(run.code).toBe(1)
    expect(run.out).toContain('fixline audit: 3 lines (main, 2.x, 1.x), 3 line pairs')
    const main = run.out.indexOf('Missing on main (3):')
    const twoX = run.out.indexOf('Missing on 2.x (3):')
    expect(main).toBeGreaterThan(0)
    expect(twoX).toBeGreaterThan(main)
    expect(run.out).toContain(
      `${world.sha.neverCarried.slice(0, 10)}  Fix crash on empty list  (from 1.x, Ada Author, 2024-01-01)`,
    )
    expect(run.out).toContain('Fix a leak (#12)  (from 1.x, #12, Ada Author')
    expect(run.out).toContain('Decided not needed (2):')
    expect(run.out).toContain(
      'Work around the 1.x scheduler  (from 1.x): main (trailer), 2.x (trailer)',
    )
    expect(run.out).not.toContain('Release 1.1.0')
    expect(run.out).not.toContain('Fix overflow in parser')
    expect(run.out).toContain('4 fixes missing on a newer line.')
    expect(run.err).toContain('need --github')
  })

  it('json: the AuditReport as is', async () => {
    const run = await audit('--format', 'json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.out) as AuditReport
    expect(report.lines.map((l) => l.branch)).toEqual(['main', '2.x', '1.x'])
    expect(report.fixes.map((f) => f.sha)).toContain(world.sha.neverCarried)
    expect(report.fixes.every((f) => typeof f.author === 'string' && f.author !== '')).toBe(true)
    expect(run.err).toBe('')
  })

  it('markdown: a table per line with escaped subjects', async () => {
    const run = await audit('--format=markdown')
    expect(run.code).toBe(1)
    expect(run.out).toContain('## fixline audit')
    expect(run.out).toContain('### Missing on `main` (3)')
    expect(run.out).toContain('| commit | fix | PR | from | author | date |')
    expect(run.out).toContain('| Fix a leak (#12) | #12 | `1.x` |')
  })

  it('exit 0 when nothing is missing (a config where main is the only line)', async () => {
    const file = join(world.fx.dir, 'only-main.yml')
    // Only main is a line: nothing to compare, nothing missing (and a warning says so).
    writeFileSync(file, 'lines:\n  patterns: ["^nothing$"]\n')
    const run = await audit('--config', file)
    expect(run.code).toBe(0)
    expect(run.out).toContain('one release line (main) found')
    expect(run.out).toContain('Nothing missing')
  })

  it('bad usage is exit 2: an unknown option, a bad format, --github without a token', async () => {
    expect((await audit('--frobnicate')).code).toBe(2)
    const format = await audit('--format', 'yaml')
    expect(format.code).toBe(2)
    expect(format.err).toContain('--format must be text, json or markdown')
    const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN }
    delete process.env.GITHUB_TOKEN
    delete process.env.GH_TOKEN
    try {
      const api = await audit('--github')
      expect(api.code).toBe(2)
      expect(api.err).toContain(
        '--github reads GitHub’s API and needs a token: set GITHUB_TOKEN or GH_TOKEN',
      )
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v
    }
  })
})
