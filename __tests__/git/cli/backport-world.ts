/**
 * `fixline backport` as a developer runs it: the built `node dist/cli.js` (run
 * `node scripts/build.mjs` first) in a full clone of a real origin, with the fake GitHub API for
 * PR numbers. The clone's remote URL names the GitHub repository (acme/widgets) and git rewrites it
 * to the local origin (url.<origin>.insteadOf), as a real clone's URL would name GitHub.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Git } from '../../../src/git/git.js'
import {
  closeWorld,
  mergedPr,
  OWNER,
  REPO,
  startJobWorld,
  type JobWorld,
  type MergedPrInput,
} from '../../support/job-world.js'

export { closeWorld, mergedPr, type JobWorld, type MergedPrInput }

export const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url))

/** origin with main, 1.x and 2.x at one base commit holding app.txt (and `files`). */
export async function cliWorld(files?: Record<string, string>): Promise<JobWorld> {
  return startJobWorld({
    lines: ['1.x', '2.x'],
    files: { 'app.txt': 'one\ntwo\nthree\n', ...files },
  })
}

/** A developer's full clone of origin whose `origin` URL names github.com/acme/widgets. */
export async function userClone(world: JobWorld): Promise<Git> {
  const clone = await world.fixture.checkoutClone({ depth: 0 })
  const github = `https://github.com/${OWNER}/${REPO}.git`
  await clone.run(['remote', 'set-url', 'origin', github])
  await clone.run(['config', `url.${world.fixture.originUrl}.insteadOf`, github])
  return clone
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * `node dist/cli.js backport <args>` in `cwd`, with the fixture's isolated git config, a developer
 * identity and the fake API's URL. No token unless `env` gives one.
 */
export function backportCli(
  world: JobWorld,
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run node scripts/build.mjs first`)
  const base: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(GITHUB_|GH_|GIT_)/.test(k)) base[k] = v
  const childEnv = {
    ...base,
    GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Dev Eloper',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev Eloper',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
    GITHUB_API_URL: world.server.url,
    ...env,
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'backport', ...args],
      { cwd, env: childEnv, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

export const TOKEN = { GITHUB_TOKEN: 'ghp_dev-token' }

/** The state file and worktrees folder of a clone. */
export function stateFile(clone: Git): string {
  return join(clone.cwd, '.git', 'fixline', 'backport.json')
}

export function worktreeOf(clone: Git, branch: string): string {
  return join(clone.cwd, '.git', 'fixline', 'worktrees', branch.replace(/\//g, '-'))
}

/** Files of a commit-ish in the clone, e.g. `backport/5-to-1.x:app.txt`. */
export async function show(clone: Git, spec: string): Promise<string> {
  return clone.text(['show', spec])
}

/** Sources named by the `cherry picked from` trailers of `branch` above `base`, oldest first. */
export async function pickedSources(clone: Git, branch: string, base: string): Promise<string[]> {
  const bodies = await clone.text(['log', '--reverse', '--format=%B%x00', `${base}..${branch}`])
  return [...bodies.matchAll(/\(cherry picked from commit ([0-9a-f]{40})\)/g)].map(
    (m) => m[1] as string,
  )
}

/** Commits on origin's main from `from` (exclusive), oldest first. */
export async function mainCommitsSince(world: JobWorld, from: string): Promise<string[]> {
  return world.fixture.origin.lines(['rev-list', '--reverse', `${from}..refs/heads/main`])
}

/** Commits `files` on `line` in the seed and pushes it (a change the line made on its own). */
export async function commitOnLine(
  world: JobWorld,
  line: string,
  files: Record<string, string | null>,
  message: string,
): Promise<string> {
  await world.fixture.checkout(line)
  const sha = await world.fixture.commit(files, message)
  await world.fixture.push([line])
  await world.fixture.checkout('main')
  return sha
}
