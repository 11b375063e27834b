/**
 * Runs the built action bundle the way the Actions runner does: `node dist/index.js` as a child
 * process (asynchronously: the fake GitHub server lives in this process), with the event file,
 * INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const DEFAULT_BUNDLE = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface RunActionOptions {
  /** Script to run with node (default: this repository's dist/index.js; a relative path is from the test's cwd). */
  bundle?: string
  eventName: string
  payload: unknown
  inputs?: Record<string, string>
  /** The fake server's url (GITHUB_API_URL). */
  apiUrl: string
  /** GITHUB_WORKSPACE and the working directory (the checkout). */
  workspace: string
  /** "owner/repo" (GITHUB_REPOSITORY). */
  repository: string
  /** Extra or overriding environment variables (e.g. GITHUB_SHA, GITHUB_REF). */
  env?: Record<string, string>
  /** Kill the process after this many ms (default 60 000). */
  timeoutMs?: number
}

export interface RunActionResult {
  exitCode: number | null
  /** Raw output of the process, workflow commands included (e.g. `::add-mask::<value>`). */
  stdout: string
  stderr: string
  /** Values registered with `::add-mask::` (core.setSecret). */
  masks: string[]
  /**
   * What the runner would show in the job log: stdout with the add-mask commands removed and every
   * value masked from its registration on replaced by `***`, then stderr with all masks applied.
   */
  log: string
  outputs: Record<string, string>
  summary: string
}

/** INPUT_ variable name the runner uses: upper-cased, spaces to underscores, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Parses a GITHUB_OUTPUT file: `name=value` lines and the `name<<DELIMITER` ... `DELIMITER`
 * multi-line form that @actions/core writes.
 */
export function parseOutputFile(text: string): Record<string, string> {
  // A Map, then fromEntries: an output named __proto__ stays an ordinary key.
  const outputs = new Map<string, string>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc?.[1] && heredoc[2]) {
      const value: string[] = []
      let j = i + 1
      while (j < lines.length && lines[j] !== heredoc[2]) value.push(lines[j++] ?? '')
      if (j >= lines.length)
        throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${heredoc[1]}`)
      outputs.set(heredoc[1], value.join('\n'))
      i = j
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) outputs.set(line.slice(0, eq), line.slice(eq + 1))
    else if (line.trim() !== '')
      throw new Error(`GITHUB_OUTPUT: cannot parse line ${JSON.stringify(line)}`)
  }
  return Object.fromEntries(outputs)
}

/** Applies the runner's secret masking to the output of a run. */
export function runnerLog(stdout: string, stderr: string): { masks: string[]; log: string } {
  const masks: string[] = []
  const mask = (line: string): string =>
    masks.reduce((text, secret) => text.split(secret).join('***'), line)
  const visible: string[] = []
  for (const line of stdout.split('\n')) {
    const command = /^::add-mask::(.*)$/.exec(line.replace(/\r$/, ''))
    if (command) {
      if (command[1] && !masks.includes(command[1])) masks.push(command[1])
      continue
    }
    visible.push(mask(line))
  }
  return { masks, log: `${visible.join('\n')}${stderr ? `\n${mask(stderr)}` : ''}` }
}

function runnerEnv(
  o: RunActionOptions,
  files: { event: string; output: string; summary: string; temp: string },
): NodeJS.ProcessEnv {
  // Start from a clean slate: no GITHUB_*/INPUT_* leaking from the environment running the tests.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k)),
  )
  const inputs = Object.fromEntries(
    Object.entries(o.inputs ?? {}).map(([k, v]) => [inputEnvName(k), v]),
  )
  return {
    ...base,
    ...inputs,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: o.repository.split('/')[0] ?? '',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'fixline',
    GITHUB_JOB: 'fixline',
    RUNNER_TEMP: files.temp,
    RUNNER_OS: 'Linux',
    ...o.env,
  }
}

/** Runs the bundle and resolves when it exits (never rejects for a non-zero exit). */
export async function runAction(o: RunActionOptions): Promise<RunActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fixline-run-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    temp: join(dir, 'temp'),
  }
  writeFileSync(files.event, JSON.stringify(o.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  mkdirSync(files.temp)
  try {
    const bundle = o.bundle ? resolve(o.bundle) : DEFAULT_BUNDLE
    const { exitCode, stdout, stderr } = await spawnNode(
      bundle,
      runnerEnv(o, files),
      o.workspace,
      o.timeoutMs ?? 60_000,
    )
    return {
      exitCode,
      stdout,
      stderr,
      ...runnerLog(stdout, stderr),
      outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function spawnNode(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`cannot run node ${script}`, { cause: error }))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const stderr =
        Buffer.concat(err).toString('utf8') +
        (signal ? `\n[run-action: killed by ${signal} after ${timeoutMs} ms]` : '')
      resolvePromise({ exitCode: code, stdout: Buffer.concat(out).toString('utf8'), stderr })
    })
  })
}
