/**
 * `fixline audit` as a developer runs it: the built `node dist/cli.js` (run `node scripts/build.mjs`
 * first) in a full clone whose origin URL names github.com/acme/widgets (git rewrites it to the
 * local origin), with the fake GitHub API for --github.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditReport } from '../../../src/audit/index.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { buildAuditWorld, type AuditWorld } from '../audit/world.js'

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url))

let world: AuditWorld
let server: FakeGitHub
let cwd: string

beforeAll(async () => {
  world = await buildAuditWorld()
  server = await startFakeGitHub({ owner: 'acme', repo: 'widgets', originPath: world.fx.originDir })
  server.state.addPullRequest({
    number: 12,
    title: 'Fix a leak',
    baseRef: '1.x',
    headRef: 'leak',
    headSha: world.sha.labelled,
    merged: true,
    mergeCommitSha: world.sha.labelled,
    labels: ['forwardport-not-needed'],
  })
  const clone = await world.fx.checkoutClone({ depth: 0 })
  await clone.run(['fetch', '-q', '--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*'])
  const github = 'https://github.com/acme/widgets.git'
  await clone.run(['remote', 'set-url', 'origin', github])
  await clone.run(['config', `url.${world.fx.originUrl}.insteadOf`, github])
  cwd = clone.cwd
}, 60_000)
afterAll(async () => {
  await server?.close()
  await world?.cleanup()
})

function fixline(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run node scripts/build.mjs first`)
  const base: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GITHUB_|GH_|GIT_)/.test(k)) base[k] = v
  const childEnv = {
    ...base,
    GIT_CONFIG_GLOBAL: world.fx.env.GIT_CONFIG_GLOBAL ?? '',
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_API_URL: server.url,
    ...env,
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'audit', ...args],
      { cwd, env: childEnv, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

describe('node dist/cli.js audit', () => {
  it('lists the missing fixes and exits 1 (text, git only)', async () => {
    const run = await fixline([])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Missing on main (3):')
    expect(run.stdout).toContain('Fix crash on empty list')
    expect(run.stderr).toContain('need --github')
  })

  it('--github reads the API: the labelled PR is decided by label, with its title', async () => {
    const run = await fixline(['--github', '--format', 'json'], { GITHUB_TOKEN: 't' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as AuditReport
    const labelled = report.fixes.find((f) => f.sha === world.sha.labelled)
    expect(labelled).toMatchObject({
      pr: { number: 12, title: 'Fix a leak' },
      missingOn: [],
      decided: [
        { line: 'main', how: 'label' },
        { line: '2.x', how: 'label' },
      ],
    })
    expect(report.stats.apiRequests).toBeGreaterThan(0)
    expect(server.problems()).toEqual([])
  })

  it('--github without a token is exit 2 with what to set', async () => {
    const run = await fixline(['--github'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('needs a token: set GITHUB_TOKEN or GH_TOKEN')
    expect(run.stdout).toBe('')
  })

  it('markdown for a job summary, and exit 2 for a bad format', async () => {
    const md = await fixline(['--format', 'markdown'])
    expect(md.code).toBe(1)
    expect(md.stdout).toContain('### Missing on `2.x` (3)')
    expect((await fixline(['--format', 'xml'])).code).toBe(2)
  })
})
