import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearPushFaults, rejectPushes, slowPushes } from '../../support/origin-faults.js'

const run = promisify(execFile)

let dir: string
let origin: string
let work: string
let env: NodeJS.ProcessEnv

const git = async (args: string[]): Promise<string> =>
  (await run('git', args, { cwd: work, env })).stdout.trim()

/** `git push origin HEAD:<branch>` from the clone: resolves to its exit code and stderr. */
function push(branch: string): { done: Promise<{ code: number; stderr: string }>; kill(): void } {
  const child = execFile('git', ['push', 'origin', `HEAD:refs/heads/${branch}`], { cwd: work, env })
  const done = new Promise<{ code: number; stderr: string }>((resolve) => {
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }))
  })
  return { done, kill: () => child.kill('SIGKILL') }
}

const originSha = async (branch: string): Promise<string | undefined> =>
  (
    await run(
      'git',
      ['--git-dir', origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`],
      {
        env,
      },
    ).catch(() => ({ stdout: '' }))
  ).stdout.trim() || undefined

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fixline-origin-faults-'))
  origin = join(dir, 'origin.git')
  work = join(dir, 'work')
  const config = join(dir, 'gitconfig')
  writeFileSync(config, '')
  env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: config,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
  }
  await run('git', ['init', '-q', '--bare', '-b', 'main', origin], { env })
  await run('git', ['init', '-q', '-b', 'main', work], { env })
  await git(['remote', 'add', 'origin', origin])
  await git(['commit', '-q', '--allow-empty', '-m', 'one'])
})

afterEach(async () => {
  await clearPushFaults(origin)
  rmSync(dir, { recursive: true, force: true })
})

describe('origin push faults', () => {
  it('rejects every push with the message until removed', async () => {
    const fault = await rejectPushes(origin, 'pushes are frozen')
    const rejected = await push('main').done
    expect(rejected.code).not.toBe(0)
    expect(rejected.stderr).toContain('remote: pushes are frozen')
    expect(rejected.stderr).toContain('pre-receive hook declined')
    expect(await originSha('main')).toBeUndefined()
    expect([await fault.hits(), await fault.log()]).toEqual([1, ['start', 'rejected']])
    await fault.remove()
    expect((await push('main').done).code).toBe(0)
    expect(await originSha('main')).toBe(await git(['rev-parse', 'HEAD']))
    expect(await fault.hits()).toBe(1)
  })

  it('holds a push for the given seconds, then accepts it', async () => {
    const fault = await slowPushes(origin, 0.5)
    const started = Date.now()
    expect((await push('main').done).code).toBe(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(await fault.log()).toEqual(['start', 'accepted'])
  })

  it('ends a held push when the pushing git is killed: nothing lands, nothing sleeps', async () => {
    const fault = await slowPushes(origin, 30)
    const pushing = push('main')
    await until(async () => (await fault.hits()) === 1)
    const killed = Date.now()
    pushing.kill()
    // Closes at once, though receive-pack and the hook shared git's stderr.
    expect((await pushing.done).code).not.toBe(0)
    await until(async () => (await fault.log()).includes('released'), 2000)
    expect(Date.now() - killed).toBeLessThan(2000)
    expect(await fault.log()).toEqual(['start', 'released'])
    expect(await originSha('main')).toBeUndefined()
    // Still installed: the next push is held too, until the fault is removed.
    const next = push('main')
    await until(async () => (await fault.hits()) === 2)
    const removed = Date.now()
    await fault.remove()
    const released = await next.done
    expect(Date.now() - removed).toBeLessThan(2000)
    expect(released.stderr).toContain('push abandoned: the slow-push fault was removed')
    expect(await originSha('main')).toBeUndefined()
    expect((await push('main').done).code).toBe(0)
    expect(await originSha('main')).toBe(await git(['rev-parse', 'HEAD']))
  })

  it('runs the hook it replaced after a held push, and puts it back on removal', async () => {
    const hook = join(origin, 'hooks', 'pre-receive')
    const base = '#!/bin/sh\necho "base hook says no" >&2\nexit 1\n'
    writeFileSync(hook, base)
    chmodSync(hook, 0o755)
    const first = await slowPushes(origin, 0)
    const second = await rejectPushes(origin, 'second')
    expect(await first.log()).toEqual([]) // replaced before any push
    expect((await push('main').done).stderr).toContain('remote: second')
    await second.remove()
    const slow = await slowPushes(origin, 0.1)
    const through = await push('main').done
    expect(through.stderr).toContain('remote: base hook says no')
    expect(await slow.log()).toEqual(['start', 'accepted'])
    await slow.remove()
    expect(readFileSync(hook, 'utf8')).toBe(base)
    await slow.remove() // idempotent
    await clearPushFaults(origin) // no fault installed: leaves the base hook alone
    expect(readFileSync(hook, 'utf8')).toBe(base)
  })
})
