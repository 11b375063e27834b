import { readFileSync } from 'node:fs'

/** The parts of the runner's context fixline uses, built from values passed in (never read at import). */
export interface RunContext {
  eventName: string
  payload: Record<string, unknown>
  owner: string
  repo: string
  serverUrl: string
  apiUrl: string
  runId: string
  actor: string
  /** Working directory holding the checkout (GITHUB_WORKSPACE or cwd). */
  workspace: string
}

export type Env = Readonly<Record<string, string | undefined>>

/** Reads the runner's context from an environment; throws with a message a user can act on. */
export function contextFromEnv(env: Env, cwd: string): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  if (!eventName)
    throw new Error(
      'GITHUB_EVENT_NAME is not set: fixline must run inside a GitHub Actions workflow',
    )
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo, ...rest] = repository.split('/')
  if (!owner || !repo || rest.length > 0)
    throw new Error(`GITHUB_REPOSITORY must be "owner/name", got "${repository}"`)
  let payload: Record<string, unknown> = {}
  const eventPath = env.GITHUB_EVENT_PATH
  if (eventPath) {
    let text: string
    try {
      text = readFileSync(eventPath, 'utf8')
    } catch (error) {
      throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath})`, {
        cause: error,
      })
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not a JSON object')
      payload = parsed as Record<string, unknown>
    } catch (error) {
      throw new Error(`the event payload at ${eventPath} is not a JSON object`, { cause: error })
    }
  }
  return {
    eventName,
    payload,
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID ?? '0',
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE ?? cwd,
  }
}
