import { execFile } from 'node:child_process'
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
}

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

  constructor(options: {
    cwd: string
    env?: Readonly<Record<string, string>>
    observer?: GitObserver
  }) {
    this.cwd = options.cwd
    this.env = options.env ?? {}
    this.observer = options.observer
  }

  /** A Git for another folder that keeps this one's environment and observer. */
  at(cwd: string): Git {
    return new Git({ cwd, env: this.env, ...(this.observer ? { observer: this.observer } : {}) })
  }

  /** A Git whose invocations carry extra environment (for example the push token's GIT_CONFIG_*). */
  withEnv(env: Readonly<Record<string, string>>): Git {
    return new Git({
      cwd: this.cwd,
      env: { ...this.env, ...env },
      ...(this.observer ? { observer: this.observer } : {}),
    })
  }

  async run(args: readonly string[], options: RunOptions = {}): Promise<GitResult> {
    const started = Date.now()
    const result = await spawnGit(
      args,
      this.cwd,
      { ...baseEnv(), ...this.env, ...options.env },
      options.input,
    )
    this.observer?.(args, Date.now() - started, result.exitCode)
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

function spawnGit(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  input: string | Buffer | undefined,
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new GitError(
              `could not run git ${describe(args)}: ${error.message}`,
              'unknown',
              args,
              null,
              stderr,
              { cause: error },
            ),
          )
          return
        }
        resolve({ stdout, stderr, exitCode: error ? (error.code as unknown as number) : 0 })
      },
    )
    if (input !== undefined) child.stdin?.end(input)
  })
}
