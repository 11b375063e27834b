import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import BottleneckLight from 'bottleneck/light.js'
import type { Dispatcher } from 'undici'
import { describeApiFailure, seconds } from './failures.js'

/**
 * fixline's Octokit: REST methods and pagination, with the throttling and retry plugins. Built
 * from @octokit/core directly rather than @actions/github's getOctokit, because importing
 * @actions/github reads and JSON-parses GITHUB_EVENT_PATH at bundle load, before fixline's own
 * reader can turn a broken event file into a clear error.
 */
const FixlineOctokit = Octokit.plugin(restEndpointMethods, paginateRest, throttling, retry)
export type GitHub = InstanceType<typeof FixlineOctokit>

export interface ClientOptions {
  token: string
  /** REST base URL, from GITHUB_API_URL (tests point it at the local fake server). */
  baseUrl: string
  /** Called for every request, for benchmarks and debug logs. */
  onRequest?: (route: string) => void
  /** Log sink for throttling notices (core.warning in the action). */
  warn?: (message: string) => void
  /** Retries of requests that are safe to repeat, after 5xx and network errors (default 3). */
  retries?: number
  /** Rate-limit handling and write spacing; by default on (spacing only off a loopback API). */
  throttle?: boolean
  /** How long one request may take before it is abandoned (default 30 s). */
  timeoutMs?: number
  /** A rate limit that resets later than this is not waited out: the request fails (default 60 s). */
  maxRateLimitWaitMs?: number
  /** Base of the retry back-off (1 s in production: waits 1, 4, 9 s; tests make it small). */
  retryBaseMs?: number
}

export const DEFAULT_API_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000

/**
 * Writes that must not be repeated blindly: creating a comment, a PR or a check run twice makes
 * two. These get no automatic retry; their callers retry through `createOnce`
 * (github/create-once.ts), which first looks for what a lost answer created. Every other POST
 * fixline makes is idempotent and keeps the plugin's retries: adding labels, reviewers or
 * assignees, GraphQL auto-merge and queries, and a commit status (GitHub shows only the newest
 * status of a context, so a repeated one with the same state changes nothing anyone sees).
 */
const CREATES = [/\/issues\/[^/]+\/comments$/, /\/repos\/[^/]+\/[^/]+\/pulls$/, /\/check-runs$/]

export function isCreate(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? ''
  return method === 'POST' && CREATES.some((r) => r.test(path))
}

/**
 * The only GitHub API client. Every request has a timeout; only requests that are safe to repeat
 * are retried; a rate limit that resets within `maxRateLimitWaitMs` is waited out, a longer one
 * fails with the time to re-run; every final error names the request and what went wrong.
 */
export function createGitHub(options: ClientOptions): GitHub {
  const retries = options.retries ?? 3
  const warn = options.warn ?? (() => undefined)
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS
  const maxWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const onLimit =
    (kind: string) =>
    (retryAfter: number, opts: { method: string; url: string }, _o: unknown, count: number) => {
      const wait = retryAfter * 1000 <= maxWaitMs && count < retries
      warn(
        `GitHub ${kind} hit for ${opts.method} ${opts.url}; ${wait ? `retrying after ${retryAfter}s` : `it resets in ${retryAfter}s, longer than fixline waits`}`,
      )
      return wait
    }
  const octokit = new FixlineOctokit({
    auth: `token ${options.token}`,
    baseUrl,
    userAgent: 'fixline',
    request: { fetch: timedFetch(timeoutMs, baseUrl) },
    throttle: {
      enabled: options.throttle ?? true,
      ...spacing(baseUrl),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    retry: {
      // 501 means "not implemented" and 429 is the throttling plugin's: retrying cannot help.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451, 501],
      retries,
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
  })
  octokit.hook.before('request', (o) => {
    if (isCreate(o.method, o.url)) o.request = { ...o.request, retries: 0 }
    options.onRequest?.(`${o.method} ${o.url}`)
  })
  // Registered last, so it wraps the plugins: it sees only the final error of a request.
  octokit.hook.wrap('request', async (request, o) => {
    try {
      return await request(o)
    } catch (error) {
      const { url } = octokit.request.endpoint.parse(o)
      throw describeApiFailure(error, { method: o.method, url, timeoutMs })
    }
  })
  return octokit
}

/**
 * The throttling plugin spaces writes (1 s, 3 s for PRs and comments) to respect github.com's
 * secondary rate limits; a loopback API (the local fake server in tests, a proxy on the runner)
 * has no such limiter, so there the groups have no spacing. Rate-limit answers are handled the
 * same way everywhere.
 */
function spacing(baseUrl: string): Record<string, unknown> {
  if (throttlingFor(baseUrl)) return {}
  const group = () => new BottleneckLight.Group({ maxConcurrent: 1, minTime: 0 })
  return {
    global: new BottleneckLight.Group({ maxConcurrent: 10 }),
    write: group(),
    notifications: group(),
    search: group(),
    auth: group(),
  }
}

/** Whether write spacing applies: everywhere but a loopback API. */
export function throttlingFor(url: string): boolean {
  return !isLoopback(url)
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
  } catch {
    return false
  }
}

type Fetch = (url: string, init: Record<string, unknown>) => Promise<Response>

/** The variables @actions/http-client reads a proxy from; with none set no request uses one. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']

/**
 * Node's own fetch, or, when the runner sets a proxy (HTTPS_PROXY, NO_PROXY), undici's with
 * @actions/http-client's proxy agent, as @actions/github applies them. Those two (450 KB) are
 * loaded only then: most runs never pay for them.
 */
async function fetchFor(baseUrl: string): Promise<Fetch> {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return globalThis.fetch as Fetch
  const [{ HttpClient }, loaded] = await Promise.all([
    import('@actions/http-client'),
    import('undici'),
  ])
  // A CommonJS package: Node names its exports; the bundle gives them as the default export only.
  const undici =
    'fetch' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default
  let dispatcher: Dispatcher | undefined
  try {
    dispatcher = new HttpClient().getAgentDispatcher(baseUrl) as Dispatcher | undefined
  } catch {
    dispatcher = undefined
  }
  return (url, init) =>
    undici.fetch(url, { ...init, ...(dispatcher ? { dispatcher } : {}) }) as Promise<Response>
}

export class ApiTimeoutError extends Error {
  override readonly name = 'ApiTimeoutError'
}

/** fetch with a deadline per attempt: headers and body must arrive within `timeoutMs`. */
function timedFetch(timeoutMs: number, baseUrl: string): typeof fetch {
  let chosen: Promise<Fetch> | undefined
  return (async (url: string, init: Record<string, unknown> = {}) => {
    const fetchOnce = await (chosen ??= fetchFor(baseUrl))
    const deadline = AbortSignal.timeout(timeoutMs)
    const outer = init.signal as AbortSignal | undefined
    const signal = outer ? AbortSignal.any([outer, deadline]) : deadline
    try {
      return await fetchOnce(url, { ...init, signal })
    } catch (error) {
      if (deadline.aborted)
        throw new ApiTimeoutError(`no answer within ${seconds(timeoutMs)}`, { cause: error })
      throw error
    }
  }) as unknown as typeof fetch
}
