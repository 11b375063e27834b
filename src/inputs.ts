/** The action's inputs, parsed once into a typed object. */
export interface Inputs {
  token: string
  configPath: string
  dryRun: boolean
  /** The login fixline acts as: only its comments are read back as state. */
  botLogin: string
  /** Per GitHub API request (one attempt). */
  apiTimeoutMs: number
  /** Per network git command (fetch, push, ls-remote). */
  gitTimeoutMs: number
  /** The longest rate-limit reset fixline waits out; a later one fails the target. */
  maxRateLimitWaitMs: number
}

export const DEFAULT_BOT_LOGIN = 'github-actions[bot]'

type Env = Readonly<Record<string, string | undefined>>

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A GitHub login: a user or organization name, or an App's bot account (`<slug>[bot]`). */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/

export function parseInputs(env: Env): Inputs {
  const token = input(env, 'github-token')
  if (!token) {
    throw new Error(
      'the input "github-token" is empty: pass `github-token: ${{ secrets.GITHUB_TOKEN }}` or a GitHub App token',
    )
  }
  const configPath = input(env, 'config') || '.github/fixline.yml'
  if (configPath.split(/[\\/]/).includes('..') || configPath.startsWith('/'))
    throw new Error(`the input "config" must be a path inside the repository, got "${configPath}"`)
  const raw = input(env, 'dry-run').toLowerCase() || 'false'
  if (!['true', 'false'].includes(raw))
    throw new Error(`the input "dry-run" must be true or false, got "${raw}"`)
  const botLogin = input(env, 'bot-login') || DEFAULT_BOT_LOGIN
  if (!LOGIN.test(botLogin))
    throw new Error(
      `the input "bot-login" must be a GitHub login such as github-actions[bot] or my-app[bot], got "${botLogin}"`,
    )
  return {
    token,
    configPath,
    dryRun: raw === 'true',
    botLogin,
    apiTimeoutMs: secondsInput(env, 'api-timeout', 30),
    gitTimeoutMs: secondsInput(env, 'git-timeout', 300),
    maxRateLimitWaitMs: secondsInput(env, 'max-rate-limit-wait', 60, 0),
  }
}

/** A duration input in seconds (fractions allowed), as milliseconds. */
function secondsInput(env: Env, name: string, fallback: number, min = 0.1): number {
  const raw = input(env, name)
  if (!raw) return fallback * 1000
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value < min || value > 86_400)
    throw new Error(
      `the input "${name}" must be a number of seconds between ${min} and 86400, got "${raw}"`,
    )
  return Math.round(value * 1000)
}
