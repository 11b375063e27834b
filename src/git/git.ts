import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
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

export interface StartOptions {
  /** Each chunk of stdout, in order. */
  onStdout: (chunk: Buffer) => void
  okCodes?: readonly number[]
  env?: Readonly<Record<string, string>>
  timeoutMs?: number
}

/** A git process started by {@link Git.start}: the caller writes its stdin and paces its stdout. */
export interface GitProcess {
  /** Writes to stdin; false when the pipe is full (wait for drained() before writing more). */
  write(data: string | Buffer): boolean
  /** Resolves when stdin can take more, or git has exited. */
  drained(): Promise<void>
  /** Closes stdin. */
  end(): void
  /** Stops and restarts reading stdout (git blocks while its pipe is full). */
  pause(): void
  resume(): void
  /** Stops git and every process it started; `done` then rejects. */
  kill(): void
  /** Settles when git has exited and stdout has been handed over; rejects with a GitError on failure. */
  readonly done: Promise<{ stderr: string; exitCode: number }>
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

  /** The value of an environment variable as git sees it (this Git's own, else the process's). */
  environment(name: string): string | undefined {
    return this.env[name] ?? process.env[name]
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
    const timeoutMs = this.deadline(args, options.timeoutMs)
    const result = await spawnGit(args, {
      cwd: this.cwd,
      env: { ...baseEnv(), ...this.env, ...options.env },
      input: options.input,
      timeoutMs,
    })
    this.observer?.(args, Date.now() - started, result.exitCode)
    checkResult(args, result, options.okCodes, timeoutMs)
    return result
  }

  /**
   * Starts git without waiting for it, for output too large to hold: stdout goes to `onStdout`
   * chunk by chunk (pause() and resume() give back-pressure) and the caller writes stdin. Same
   * environment, deadline (process group) and errors as {@link run}; `done` settles when git has
   * exited, and rejects with a {@link GitError} when it failed.
   */
  start(args: readonly string[], options: StartOptions): GitProcess {
    const began = Date.now()
    const timeoutMs = this.deadline(args, options.timeoutMs)
    const s = startGit(args, {
      cwd: this.cwd,
      env: { ...baseEnv(), ...this.env, ...options.env },
      timeoutMs,
      onStdout: options.onStdout,
    })
    const done = s.finished.then((r) => {
      this.observer?.(args, Date.now() - began, r.exitCode)
      checkResult(args, { ...r, stdout: '' }, options.okCodes, timeoutMs)
      return { stderr: r.stderr, exitCode: r.exitCode }
    })
    // Handled here too: a caller awaits `done` only after it has fed git its input, and an early
    // failure must not become an unhandled rejection (which ends the process) meanwhile.
    done.catch(() => undefined)
    return processHandle(s, done)
  }

  private deadline(args: readonly string[], timeoutMs: number | undefined): number | undefined {
    return timeoutMs ?? (NETWORK_COMMANDS.has(subcommand(args)) ? this.networkTimeoutMs : undefined)
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

interface Started {
  child: ChildProcessWithoutNullStreams
  /** Settles when git has exited and its output has been read. */
  finished: Promise<Omit<Spawned, 'stdout'>>
  /** Stops git (and its group) and rejects `finished` with a GitError giving `why`. */
  fail(why: string, cause?: unknown): void
}

function startGit(
  args: readonly string[],
  options: {
    cwd: string
    env: Record<string, string>
    timeoutMs: number | undefined
    onStdout: (chunk: Buffer) => void
  },
): Started {
  const { cwd, env, timeoutMs } = options
  // spawn rather than execFile, which does not pass `detached` on: with a deadline, git gets its
  // own process group so that the deadline stops git and every helper it started (remote
  // helpers, a local receive-pack and its hooks), which would otherwise hold its output open.
  const child = spawn('git', [...args], { cwd, env, detached: timeoutMs !== undefined })
  const err = collect(child.stderr, () => fail('its error output is larger than 512 MiB'))
  child.stdout.on('data', options.onStdout)
  let timedOut = false
  let settled = false
  let settle: { resolve: (r: Omit<Spawned, 'stdout'>) => void; reject: (e: GitError) => void }
  const finished = new Promise<Omit<Spawned, 'stdout'>>((resolve, reject) => {
    settle = { resolve, reject }
  })
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
    settle.reject(
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
    settle.resolve({ stderr: err(), exitCode: timedOut ? -1 : exitCode, timedOut })
  })
  child.stdin.on('error', () => undefined) // git may exit before reading all of its input
  return { child, finished, fail }
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
  const chunks: Buffer[] = []
  let size = 0
  const started: Started = startGit(args, {
    ...options,
    onStdout: (chunk) => {
      size += chunk.length
      if (size > MAX_BUFFER) started.fail('its output is larger than 512 MiB')
      else chunks.push(chunk)
    },
  })
  started.child.stdin.end(options.input)
  return started.finished.then((r) => ({ ...r, stdout: Buffer.concat(chunks).toString('utf8') }))
}

/** The handle of a started process: stdin writes with back-pressure, stdout pacing, kill. */
function processHandle(s: Started, done: GitProcess['done']): GitProcess {
  let exited = false
  const waiters: (() => void)[] = []
  const wake = () => waiters.splice(0).forEach((w) => w())
  s.child.stdin.on('drain', wake)
  s.child.on('close', () => {
    exited = true
    wake()
  })
  return {
    write: (data) => (s.child.stdin.writable ? s.child.stdin.write(data) : true),
    drained: () =>
      new Promise((resolve) => {
        if (exited || !s.child.stdin.writableNeedDrain) resolve()
        else waiters.push(resolve)
      }),
    end: () => void s.child.stdin.end(),
    pause: () => void s.child.stdout.pause(),
    resume: () => void s.child.stdout.resume(),
    kill: () => s.fail('stopped by fixline'),
    done,
  }
}

/** Throws the GitError for a finished invocation that timed out or exited with a code not in `okCodes`. */
function checkResult(
  args: readonly string[],
  result: Spawned,
  okCodes: readonly number[] | undefined,
  timeoutMs: number | undefined,
): void {
  if (result.timedOut)
    throw new GitError(
      `git ${describe(args)} did not finish within ${Math.round((timeoutMs ?? 0) / 100) / 10} s and was stopped`,
      'timeout',
      args,
      null,
      result.stderr,
    )
  if ((okCodes ?? [0]).includes(result.exitCode)) return
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
