/**
 * `fixline check` end to end on the worked example where 1.2 shipped the fix without the marker
 * migration (a fix-loss on v1.2 -> v2.0), with upgrade.compatibility and upgrade.waivers in the config.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIO } from '../../../src/cli/io.js'
import { runCli } from '../../../src/cli/run.js'
import { Git } from '../../../src/git/git.js'
import { buildDemoRepo } from '../../../src/upgrade/demo.js'

interface Report {
  conclusion: string
  summary: { errors: number; warnings: number; waived: number }
  findings: { rule: string; severity: string; message: string; waived?: Record<string, string> }[]
  upgrades: { from: string; to: string; allowed: boolean; reason: string; compatibility?: object }[]
}

let dir: string
let repo: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixline-compat-'))
  repo = join(dir, 'repo')
  await mkdir(repo)
  await buildDemoRepo(new Git({ cwd: repo }), 'no-marker-1.2')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function check(config: string[], format = 'json') {
  await writeFile(join(dir, 'fixline.yml'), `${config.join('\n')}\n`)
  const io = bufferIO(dir)
  const code = await runCli(
    ['check', '--repo', repo, '--config', 'fixline.yml', '--format', format],
    io,
  )
  const out = io.stdout.join('')
  return { code, out, err: io.stderr.join(''), json: () => JSON.parse(out) as Report }
}

const BLOCK = [
  'upgrade:',
  '  compatibility:',
  "    - from: '1.2'",
  "      to: ['2.0']",
  '      reason: 2.0 lacks the start-timeout fix of 1.2',
]
const WAIVE = (until: string) => [
  'upgrade:',
  '  waivers:',
  '    - rule: fix-loss',
  "      releases: ['1.2', v2.0]",
  '      reason: judged harmless by the team',
  `      until: ${until}`,
]
const pair = (r: Report, from: string, to: string) =>
  r.upgrades.find((u) => u.from === from && u.to === to)

describe('fixline check with upgrade.compatibility', () => {
  it('without it: fix-loss on v1.2 -> v2.0, exit 1', async () => {
    const c = await check([])
    expect(c.code).toBe(1)
    expect(c.json().findings.map((f) => f.rule)).toEqual(['fix-loss'])
    expect(c.json().findings[0]?.message).toContain('declare it in upgrade.compatibility')
  })

  it('with it: the refused upgrade is blocked with the reason, no fix-loss, PASS', async () => {
    const c = await check(BLOCK)
    expect(c.code).toBe(0)
    const r = c.json()
    expect(r.conclusion).toBe('success')
    expect(r.findings).toEqual([])
    expect(pair(r, 'v1.2', 'v2.0')).toEqual({
      from: 'v1.2',
      to: 'v2.0',
      allowed: false,
      reason:
        'refused by compatibility logic (upgrade.compatibility[0]): 2.0 lacks the start-timeout fix of 1.2',
      compatibility: {
        reason: '2.0 lacks the start-timeout fix of 1.2',
        key: 'upgrade.compatibility[0]',
      },
    })
    expect(pair(r, 'v1.2', 'v2.1')?.allowed).toBe(true)
    const text = await check(BLOCK, 'text')
    expect(text.out).toMatch(/^fixline upgrade-safety: PASS/)
    expect(text.out).toMatch(/v1\.2 -> v2\.0 +BLOCKED +refused by compatibility logic/)
  })

  it('a declaration that strands v1.2 fails no-stranded-users; a typo is a warning', async () => {
    const strands = await check([
      'upgrade:',
      '  compatibility:',
      "    - { from: v1.2, to: '>=2.0', reason: never }",
      "    - { from: '1.2', to: v2.O, reason: typo }",
    ])
    expect(strands.code).toBe(1)
    expect(strands.json().findings.map((f) => [f.rule, f.severity])).toEqual(
      expect.arrayContaining([
        ['no-stranded-users', 'error'],
        ['compatibility', 'warning'],
      ]),
    )
    expect(strands.json().findings.map((f) => f.rule)).not.toContain('fix-loss')
  })

  it('a bad range is a config error with the key path, exit 2', async () => {
    const c = await check([
      'upgrade:',
      '  compatibility:',
      "    - { from: '>=1.2 <', to: '2.0', reason: r }",
    ])
    expect(c.code).toBe(2)
    expect(c.err).toContain('upgrade.compatibility[0].from: is not a release selector')
  })
})

describe('fixline check with upgrade.waivers', () => {
  it('a waived fix-loss still shows, marked waived, and the check passes', async () => {
    const c = await check(WAIVE('2999-12-31'))
    expect(c.code).toBe(0)
    const r = c.json()
    expect(r.summary).toMatchObject({ errors: 0, waived: 1 })
    expect(r.findings).toEqual([
      expect.objectContaining({
        rule: 'fix-loss',
        severity: 'error',
        waived: {
          reason: 'judged harmless by the team',
          until: '2999-12-31',
          key: 'upgrade.waivers[0]',
        },
      }),
    ])
    // the matrix keeps the facts
    expect(pair(r, 'v1.2', 'v2.0')).toMatchObject({ allowed: true })
    const md = await check(WAIVE('2999-12-31'), 'markdown')
    expect(md.out).toContain('🔕 waived error')
    expect(md.out).toContain('judged harmless by the team')
  })

  it('an expired waiver no longer applies and is reported, exit 1', async () => {
    const c = await check(WAIVE('2000-01-01'))
    expect(c.code).toBe(1)
    expect(c.json().findings.map((f) => [f.rule, f.severity, f.waived])).toEqual([
      ['fix-loss', 'error', undefined],
      ['waiver', 'warning', undefined],
    ])
    expect(c.json().findings[1]?.message).toContain('expired on 2000-01-01')
  })

  it('a waiver that matches nothing is a warning', async () => {
    const c = await check([...BLOCK, ...WAIVE('2999-12-31').slice(1)])
    expect(c.code).toBe(0)
    expect(c.json().findings.map((f) => [f.rule, f.severity])).toEqual([['waiver', 'warning']])
    expect(c.json().findings[0]?.message).toContain('matches no finding')
  })
})
