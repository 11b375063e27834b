import { spawn } from 'node:child_process'
import { GitError, classifyGitFailure } from './errors.js'

export interface GitResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface RunOptions {
  /** Exit codes that are not failures (default only 0). */
  okCodes?: readonly number[]
  /** Written to the process's stdin. */
  input?: string | Buffer
  /** Extra environment for this one invocation. */
  env?: Readonly<Record<string, string>>
  /** Deadline for this invocation (default: the network timeout for fetch, push and ls-remote). */
  timeoutMs?: number
}

/** Git commands that talk to a remote, and so may hang on it. */
const NETWORK_COMMANDS = new Set(['fetch', 'push', 'ls-remote', 'clone', 'pull'])
export const DEFAULT_GIT_TIMEOUT_MS = 300_000

/** Every git invocation made, for benchmarks and debug logs. */
export interface GitObserver {
  (args: readonly string[], ms: number, exitCode: number): void
}

const MAX_BUFFER = 512 * 1024 * 1024

/**
 * The only way fixline runs git: arguments as an array (never a shell string), no prompts,
 * a stable locale, and failures turned into typed {@link GitError}s.
 */
export class Git {
  readonly cwd: string
  private readonly env: Readonly<Record<string, string>>
  private readonly observer: GitObserver | undefined
  private readonly networkTimeoutMs: number

  constructor(options: {
    cwd: string
    env?: Readonly<Record<string, string>>
    observer?: GitObserver
    /** Deadline of each command that talks to a remote (default 300 s). */
    networkTimeoutMs?: number
  }) {
    this.cwd = options.cwd
    this.env = options.env ?? {}
    this.observer = options.observer
    this.networkTimeoutMs = options.networkTimeoutMs ?? DEFAULT_GIT_TIMEOUT_MS
  }

  /** A Git for another folder that keeps this one's environment, observer and timeout. */
  at(cwd: string): Git {
    return new Git({ ...this.options(), cwd })
  }

  /** A Git whose invocations carry extra environment (for example the push token's GIT_CONFIG_*). */
  withEnv(env: Readonly<Record<string, string>>): Git {
    return new Git({ ...this.options(), env: { ...this.env, ...env } })
  }

  private options() {
    return {
      cwd: this.cwd,
      env: this.env,
      networkTimeoutMs: this.networkTimeoutMs,
      ...(this.observer ? { observer: this.observer } : {}),
    }
  }

  async run(args: readonly string[], options: RunOptions = {}): Promise<GitResult> {
    const started = Date.now()
    const timeoutMs =
      options.timeoutMs ??
      (NETWORK_COMMANDS.has(subcommand(args)) ? this.networkTimeoutMs : undefined)
    const result = await spawnGit(args, {
      cwd: this.cwd,
      env: { ...baseEnv(), ...this.env, ...options.env },
      input: options.input,
      timeoutMs,
    })
    this.observer?.(args, Date.now() - started, result.exitCode)
    if (result.timedOut)
      throw new GitError(
        `git ${describe(args)} did not finish within ${Math.round((timeoutMs ?? 0) / 100) / 10} s and was stopped`,
        'timeout',
        args,
        null,
        result.stderr,
      )
    const ok = options.okCodes ?? [0]
    if (!ok.includes(result.exitCode)) {
      const kind = classifyGitFailure(args, `${result.stderr}\n${result.stdout}`)
      const detail = (result.stderr || result.stdout).trim().split('\n').slice(-6).join('\n')
      throw new GitError(
        `git ${describe(args)} failed (exit ${result.exitCode}): ${detail}`,
        kind,
        args,
        result.exitCode,
        result.stderr,
      )
    }
    return result
  }

  /** stdout of a successful command, trimmed of the final newline. */
  async text(args: readonly string[], options?: RunOptions): Promise<string> {
    return (await this.run(args, options)).stdout.replace(/\n$/, '')
  }

  /** Non-empty lines of a successful command's stdout. */
  async lines(args: readonly string[], options?: RunOptions): Promise<string[]> {
    return (await this.text(args, options)).split('\n').filter((l) => l.length > 0)
  }
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  env.GIT_TERMINAL_PROMPT = '0'
  env.LC_ALL = 'C'
  env.GIT_ASKPASS = 'echo'
  env.GCM_INTERACTIVE = 'never'
  return env
}

/** Argument list for messages: long values (such as commit messages) are shortened. */
function describe(args: readonly string[]): string {
  return args.map((a) => (a.length > 60 ? `${a.slice(0, 57)}...` : a)).join(' ')
}

/** The git subcommand of an argument list (`-c key=value` options skipped). */
export function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '-c' || a === '-C') i++
    else if (!a.startsWith('-')) return a
  }
  return ''
}

interface Spawned extends GitResult {
  timedOut: boolean
}

function spawnGit(
  args: readonly string[],
  options: {
    cwd: string
    env: Record<string, string>
    input: string | Buffer | undefined
    timeoutMs: number | undefined
  },
): Promise<Spawned> {
  const { cwd, env, input, timeoutMs } = options
  return new Promise((resolve, reject) => {
    // spawn rather than execFile, which does not pass `detached` on: with a deadline, git gets its
    // own process group so that the deadline stops git and every helper it started (remote
    // helpers, a local receive-pack and its hooks), which would otherwise hold its output open.
    const child = spawn('git', [...args], { cwd, env, detached: timeoutMs !== undefined })
    const out = collect(child.stdout, () => fail('its output is larger than 512 MiB'))
    const err = collect(child.stderr, () => fail('its error output is larger than 512 MiB'))
    let timedOut = false
    let settled = false
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            killGroup(child.pid)
          }, timeoutMs)
    const fail = (why: string, cause?: unknown) => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      killGroup(child.pid)
      reject(
        new GitError(`could not run git ${describe(args)}: ${why}`, 'unknown', args, null, err(), {
          cause,
        }),
      )
    }
    child.on('error', (error) => fail(error.message, error))
    child.on('close', (code, signal) => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      const exitCode = code ?? (signal ? 128 : -1)
      resolve({ stdout: out(), stderr: err(), exitCode: timedOut ? -1 : exitCode, timedOut })
    })
    child.stdin.on('error', () => undefined) // git may exit before reading all of its input
    child.stdin.end(input)
  })
}

/** Collects a stream's bytes (at most MAX_BUFFER); returns a reader of the text so far. */
function collect(stream: NodeJS.ReadableStream, overflow: () => void): () => string {
  const chunks: Buffer[] = []
  let size = 0
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > MAX_BUFFER) overflow()
    else chunks.push(chunk)
  })
  return () => Buffer.concat(chunks).toString('utf8')
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
