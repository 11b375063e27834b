import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIO } from '../../../src/cli/io.js'
import { runCli } from '../../../src/cli/run.js'
import { Git } from '../../../src/git/git.js'
import { buildDemoRepo } from '../../../src/upgrade/demo.js'

let dir: string
let ok: string
let bad: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixline-cli-'))
  ok = join(dir, 'ok')
  bad = join(dir, 'bad')
  await Promise.all([mkdir(ok), mkdir(bad)])
  await Promise.all([
    buildDemoRepo(new Git({ cwd: ok }), 'ok'),
    buildDemoRepo(new Git({ cwd: bad }), 'no-marker-1.2'),
  ])
  await writeFile(join(dir, 'bad-config.yml'), 'upgrade:\n  engine: sometimes\n')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  const io = bufferIO(dir)
  const code = await runCli(argv, io)
  return { code, out: io.stdout.join(''), err: io.stderr.join('') }
}

describe('fixline check', () => {
  it('exits 0 on the demo repository', async () => {
    const r = await cli('check', '--repo', ok)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/pass|success/i)
  })

  it('exits 1 on rule failures, with JSON findings', async () => {
    const r = await cli('check', '--repo', bad, '--format', 'json')
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as {
      conclusion: string
      findings: { rule: string }[]
      releases: unknown[]
      upgrades: unknown[]
    }
    expect(json.conclusion).toBe('failure')
    expect(json.findings.map((f) => f.rule)).toContain('fix-loss')
    expect(json.releases).toHaveLength(5)
  })

  it('exits 2 on bad usage and bad config, naming the problem', async () => {
    expect(await cli('check', '--repo', ok, '--format', 'xml')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--format must be text, json or markdown'),
    })
    expect(await cli('check', '--bogus')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown option "--bogus"'),
    })
    expect(await cli('check', '--repo', dir)).toMatchObject({
      code: 2,
      err: expect.stringContaining('is not a git repository'),
    })
    const config = await cli('check', '--repo', ok, '--config', 'bad-config.yml')
    expect(config.code).toBe(2)
    expect(config.err).toContain('upgrade.engine')
    expect(config.err).toContain('"set", "linear"')
    expect(await cli('check', '--repo', ok, '--config', 'missing.yml')).toMatchObject({ code: 2 })
    expect(await cli('check', '--repo', ok, '--ref', 'no-such-ref')).toMatchObject({
      code: 2,
      err: expect.stringContaining('is not a commit'),
    })
  })

  it('--repo naming a file or a missing folder is bad usage (exit 2) that says so', async () => {
    const file = await cli('check', '--repo', join(dir, 'bad-config.yml'))
    expect(file).toMatchObject({ code: 2, err: expect.stringContaining('is a file, not a folder') })
    expect(file.err).not.toContain('ENOTDIR')
    const missing = await cli('check', '--repo', join(dir, 'nowhere'))
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('does not exist') })
  })

  it('an internal failure exits 3, says so, and does not send the user to the usage', async () => {
    const broken = join(dir, 'broken')
    await mkdir(broken)
    const git = new Git({ cwd: broken })
    await buildDemoRepo(git, 'ok')
    // A tree every release needs is gone: git itself fails while fixline reads the history.
    const tree = await git.text(['rev-parse', 'v1.0^{tree}'])
    await rm(join(broken, '.git', 'objects', tree.slice(0, 2), tree.slice(2)))
    const r = await cli('check', '--repo', broken)
    expect(r.code).toBe(3)
    expect(r.err).toContain('internal failure (exit 3)')
    expect(r.err).not.toContain('fixline help')
  })

  it('checks a released --ref as that release, not twice', async () => {
    const r = await cli('check', '--repo', ok, '--ref', 'v1.2', '--format', 'json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { releases: { name: string }[] }
    expect(json.releases.map((x) => x.name)).toEqual(['v1.0', 'v1.1', 'v1.2', 'v2.0', 'v2.1'])
  })

  it('checks --ref as a candidate release', async () => {
    const r = await cli('check', '--repo', ok, '--ref', '1.x~1', '--format', 'json')
    const json = JSON.parse(r.out) as { releases: { name: string; line: string }[] }
    expect(json.releases.find((x) => x.name === '1.x~1')).toMatchObject({ line: '1.x' })
  })
})

describe('other commands', () => {
  it('plan lists lines newest first, the window and the matrix', async () => {
    const r = await cli('plan', '--repo', ok)
    expect(r.code).toBe(0)
    expect(r.out.indexOf('main (default branch)')).toBeLessThan(r.out.indexOf('1.x:'))
    expect(r.out).toContain('maintenance window: the newest 3 line(s)')
    expect(r.out).toMatch(/v1\.2 -> v2\.0: .*2019\.10\.15/)
  })

  it('help exits 0, no command and unknown commands exit 2', async () => {
    expect(await cli('help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('fixline check'),
    })
    expect(await cli('--help')).toMatchObject({ code: 0 })
    expect(await cli()).toMatchObject({ code: 2 })
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    })
  })

  it('demo builds the worked example, checks it (exit 0) and removes it', async () => {
    const r = await cli('demo')
    expect(r.code).toBe(0)
    const where = /built in (\S+) and removed/.exec(r.out)?.[1]
    expect(where).toBeDefined()
    await expect(
      import('node:fs/promises').then((fs) => fs.stat(where as string)),
    ).rejects.toThrow()
  })

  it('demo --variant shows the mistake: 1.2 without its marker loses the fix on the way to 2.0 (exit 1)', async () => {
    const r = await cli('demo', '--variant', 'no-marker-1.2', '--format', 'json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as {
      conclusion: string
      findings: { rule: string; message: string }[]
    }
    expect(report.conclusion).toBe('failure')
    expect(report.findings.map((f) => f.rule)).toContain('fix-loss')
    expect(report.findings.find((f) => f.rule === 'fix-loss')?.message).toMatch(/1\.2.*2\.0/)
    expect(await cli('demo', '--variant', 'nope')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--variant must be one of ok, no-marker-1.2'),
    })
  })
})
