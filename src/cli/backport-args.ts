/**
 * The command line of `fixline backport` (util.parseArgs). Pure: argv in, a request or a usage
 * problem out.
 *
 *   fixline backport <PR number | commit...> --to <line>... [--push] [--open-pr]
 *   fixline backport --continue [--to <line>...]
 *   fixline backport --abort [--to <line>...]
 *
 * `--to` takes one line, a comma-separated list, or the lines that follow it
 * (`--to 1.x 2.x`), and may be repeated.
 */
import { parseArgs } from 'node:util'
import { isPlausibleRefName, printable } from '../git/refs.js'

export type BackportSource =
  | { kind: 'pr'; number: number }
  /** Revisions as given (resolved by git later), picked in this order. */
  | { kind: 'commits'; revs: string[] }

interface Common {
  repo: string | undefined
  remote: string
  config: string | undefined
}

export type BackportRequest =
  | (Common & {
      mode: 'start'
      source: BackportSource
      targets: string[]
      push: boolean
      openPr: boolean
    })
  /** `targets` empty: every stopped target. */
  | (Common & { mode: 'continue' | 'abort'; targets: string[] })

export type ParsedBackport = { ok: true; request: BackportRequest } | { ok: false; error: string }

const OPTIONS = {
  to: { type: 'string', multiple: true },
  push: { type: 'boolean' },
  'open-pr': { type: 'boolean' },
  continue: { type: 'boolean' },
  abort: { type: 'boolean' },
  repo: { type: 'string' },
  remote: { type: 'string' },
  config: { type: 'string' },
} as const

/** A PR number: up to 9 digits, optionally `#`-prefixed. Anything else names a commit. */
const PR_NUMBER = /^#?([1-9][0-9]{0,8})$/

export function parseBackportArgs(argv: readonly string[]): ParsedBackport {
  let parsed: ReturnType<typeof parseWithTokens>
  try {
    parsed = parseWithTokens(argv)
  } catch (error) {
    return { ok: false, error: parseProblem((error as Error).message) }
  }
  const { values, sources, targets } = parsed
  for (const name of ['repo', 'remote', 'config'] as const)
    if (values[name] === '') return { ok: false, error: `--${name} needs a value` }
  const remote = values.remote ?? 'origin'
  if (!isPlausibleRefName(remote) || remote.includes('/'))
    return { ok: false, error: `"${printable(remote)}" is not a remote name` }
  const badTarget = targets.find((t) => !isPlausibleRefName(t))
  if (badTarget !== undefined)
    return { ok: false, error: `"${printable(badTarget)}" is not a branch name (--to)` }
  const common: Common = { repo: values.repo, remote, config: values.config }
  const push = values.push === true
  const openPr = values['open-pr'] === true
  if (values.continue === true || values.abort === true) {
    const mode = values.continue === true ? 'continue' : 'abort'
    if (values.continue === true && values.abort === true)
      return { ok: false, error: '--continue and --abort exclude each other' }
    if (sources.length > 0)
      return { ok: false, error: `--${mode} takes no PR or commit (it works on the stopped one)` }
    if (push || openPr)
      return {
        ok: false,
        error: `--${mode} takes no --push or --open-pr (the backport keeps the ones it was started with)`,
      }
    return { ok: true, request: { ...common, mode, targets: unique(targets) } }
  }
  const source = parseSource(sources)
  if ('error' in source) return { ok: false, error: source.error }
  if (targets.length === 0) return { ok: false, error: 'name the target lines with --to <line>' }
  if (openPr && source.kind === 'commits')
    return {
      ok: false,
      error:
        '--open-pr needs a PR number (the backport PR takes its title and labels from the original PR)',
    }
  return {
    ok: true,
    request: {
      ...common,
      mode: 'start',
      source,
      targets: unique(targets),
      push: push || openPr,
      openPr,
    },
  }
}

/** util.parseArgs' message, without its advice about `--` (no value here starts with a dash). */
function parseProblem(message: string): string {
  const unknown = /^Unknown option '([^']*)'/.exec(message)
  if (unknown) return `unknown option "${printable(unknown[1] ?? '')}"`
  return (message.split('\n')[0] ?? message).replace(/\. To specify a positional.*$/, '')
}

function parseSource(sources: readonly string[]): BackportSource | { error: string } {
  if (sources.length === 0)
    return { error: 'name a merged PR number or the commits to backport (fixline help)' }
  const numbers = sources.map((s) => PR_NUMBER.exec(s)?.[1])
  if (numbers.every((n) => n !== undefined)) {
    if (numbers.length > 1) return { error: 'one PR at a time: run fixline backport once per PR' }
    return { kind: 'pr', number: Number(numbers[0]) }
  }
  if (numbers.some((n) => n !== undefined))
    return { error: 'give either one PR number or commits, not both' }
  const bad = sources.find(
    (s) => s.startsWith('-') || !isPlausibleRefName(s.replace(/[~^]\d*/g, '')),
  )
  if (bad !== undefined) return { error: `"${printable(bad)}" is not a commit or a PR number` }
  return { kind: 'commits', revs: [...sources] }
}

/** Values, sources (positionals) and targets (`--to` values and the positionals right after a --to). */
function parseWithTokens(argv: readonly string[]) {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
    tokens: true,
  })
  const sources: string[] = []
  const targets: string[] = []
  const seen = new Set<string>()
  let afterTo = false
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (token.name !== 'to' && seen.has(token.name))
        throw new Error(`--${token.name} given twice`)
      seen.add(token.name)
      afterTo = token.name === 'to'
      if (afterTo && token.value !== undefined) targets.push(...splitList(token.value))
    } else if (token.kind === 'positional') {
      if (afterTo) targets.push(...splitList(token.value))
      else sources.push(token.value)
    } else afterTo = false
  }
  return { values, sources, targets }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
