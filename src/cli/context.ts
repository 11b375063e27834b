import { parseArgs, parseFormat, type FlagSpec, type Format } from './args.js'
/** Shared CLI plumbing: opening a repository and loading its config, with exit-2 messages. */
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { parseConfig } from '../config/load.js'
import { ConfigError, type Config } from '../config/types.js'
import { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { EXIT } from './io.js'

export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A command's flags (it takes no positional arguments); bad usage throws a UsageError. */
export function commandArgs(
  argv: readonly string[],
  spec: FlagSpec,
): { flags: Map<string, string>; booleans: Set<string> } {
  const args = parseArgs(argv, spec)
  if (!args.ok) throw new UsageError(args.error)
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`)
  return args
}

/** `--format` (default text); anything else throws a UsageError. */
export function formatFlag(flags: Map<string, string>): Format {
  const format = parseFormat(flags.get('format'))
  if (!format)
    throw new UsageError(
      `--format must be text, json or markdown, not ${JSON.stringify(flags.get('format'))}`,
    )
  return format
}

/** A Git at the top of the working tree containing `dir` (a folder: a file or a missing path is a UsageError). */
export async function openRepo(
  dir: string,
  observer?: ConstructorParameters<typeof Git>[0]['observer'],
): Promise<Git> {
  await mustBeFolder(dir)
  const git = new Git({ cwd: dir, ...(observer ? { observer } : {}) })
  let top: string
  try {
    top = await git.text(['rev-parse', '--show-toplevel'])
  } catch (error) {
    if (error instanceof GitError)
      throw new UsageError(`${dir} is not a git repository`, { cause: error })
    throw error
  }
  return git.at(top)
}

async function mustBeFolder(dir: string): Promise<void> {
  let isDir: boolean
  try {
    isDir = (await stat(dir)).isDirectory()
  } catch (error) {
    throw new UsageError(`${dir} does not exist or cannot be read (${(error as Error).message})`, {
      cause: error,
    })
  }
  if (!isDir)
    throw new UsageError(`${dir} is a file, not a folder: --repo takes the repository's folder`)
}

/** `--config FILE` (relative to cwd), else `<repo>/.github/fixline.yml`, else the defaults. */
export async function loadConfig(
  repoTop: string,
  cwd: string,
  file: string | undefined,
): Promise<Config> {
  const path = file
    ? isAbsolute(file)
      ? file
      : resolve(cwd, file)
    : join(repoTop, '.github/fixline.yml')
  let text: string | undefined
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (file)
      throw new UsageError(`cannot read the config file ${file}: ${(error as Error).message}`, {
        cause: error,
      })
    text = undefined
  }
  return parseConfig(text, file ?? '.github/fixline.yml')
}

/**
 * The message and exit code for an error thrown by a command: 2 for bad usage or config (with
 * `usage` set when `fixline help` would help), 3 for anything else (an internal failure).
 */
export function describeCliError(error: unknown): {
  message: string
  code: number
  usage: boolean
} {
  if (error instanceof ConfigError)
    return {
      message: `${error.message}\nSee fixline.schema.json for every key and its default.`,
      code: EXIT.usage,
      usage: false,
    }
  if (error instanceof UsageError) return { message: error.message, code: EXIT.usage, usage: true }
  const text =
    error instanceof Error
      ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
      : String(error)
  return {
    message: `internal failure (exit ${EXIT.internal}): ${text}`,
    code: EXIT.internal,
    usage: false,
  }
}
