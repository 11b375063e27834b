import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHub = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  /** REST base URL, from GITHUB_API_URL (tests point it at the local fake server). */
  baseUrl: string
  /** Called for every request, for benchmarks and debug logs. */
  onRequest?: (route: string) => void
  /** Log sink for throttling notices (core.warning in the action). */
  warn?: (message: string) => void
  /** Retries after secondary rate limits and 5xx (0 in tests that want fast failures). */
  retries?: number
  /** Rate-limit handling; by default on everywhere except a loopback API (see throttlingFor). */
  throttle?: boolean
}

/**
 * The only GitHub API client: Octokit from @actions/github with the throttling and retry plugins.
 * Everything that calls GitHub goes through a client made here.
 */
export function createGitHub(options: ClientOptions): GitHub {
  const retries = options.retries ?? 3
  const warn = options.warn ?? (() => undefined)
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: 'fixline',
      throttle: {
        // The write spacing protects github.com's secondary rate limits; a loopback API (the local
        // fake server in tests, a proxy on the runner) has no such limiter.
        enabled: options.throttle ?? throttlingFor(options.baseUrl),
        onRateLimit: (
          retryAfter: number,
          opts: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          warn(
            `GitHub rate limit hit for ${opts.method} ${opts.url}; retrying after ${retryAfter}s`,
          )
          return retryCount < retries
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          opts: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          warn(
            `GitHub secondary rate limit hit for ${opts.method} ${opts.url}; retrying after ${retryAfter}s`,
          )
          return retryCount < retries
        },
      },
      // 501 means "not implemented": retrying cannot help.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451, 501], retries },
    },
    throttling,
    retry,
  )
  if (options.onRequest) {
    const onRequest = options.onRequest
    octokit.hook.before('request', (o) => {
      onRequest(`${o.method} ${o.url}`)
    })
  }
  return octokit
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
