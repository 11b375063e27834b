/**
 * What a failed GitHub request tells the user: which request, and what happened (no answer in
 * time, connection lost, rate limited until when, or GitHub's own message). The error object is
 * kept (callers read its `status`), only its message is made specific; `kind` says whether
 * repeating the request could help.
 */
export type ApiFailureKind = 'timeout' | 'network' | 'server' | 'rate-limit' | 'client'

export interface DescribedFailure extends Error {
  status?: number
  fixlineFailure?: ApiFailureKind
}

interface RequestInfo {
  method: string
  url: string
  timeoutMs: number
}

export function describeApiFailure(error: unknown, request: RequestInfo, now = Date.now()): Error {
  const e = (error instanceof Error ? error : new Error(String(error))) as DescribedFailure
  if (e.fixlineFailure !== undefined) return e
  const kind = failureKind(e)
  const what = `GitHub API ${request.method} ${pathOf(request.url)}`
  const detail =
    kind === 'timeout'
      ? `did not answer within ${seconds(request.timeoutMs)}`
      : kind === 'network'
        ? `connection failed (${rootMessage(e)})`
        : kind === 'rate-limit'
          ? rateLimitText(e, now)
          : `${e.status ?? 'error'}: ${e.message}`
  try {
    e.message = `${what} ${detail}`
  } catch {
    return Object.assign(new Error(`${what} ${detail}`, { cause: e }), { fixlineFailure: kind })
  }
  e.fixlineFailure = kind
  return e
}

/** Whether the request may have failed on the way, so that repeating it could succeed. */
export function isTransient(error: unknown): boolean {
  const kind =
    (error as DescribedFailure | null)?.fixlineFailure ?? failureKind(error as DescribedFailure)
  return kind === 'timeout' || kind === 'network' || kind === 'server'
}

function failureKind(e: DescribedFailure | null): ApiFailureKind {
  if (!e) return 'client'
  if (inChain(e, (x) => x.name === 'ApiTimeoutError' || x.name === 'TimeoutError')) return 'timeout'
  // Octokit's errors carry the request; anything else (a bug, a check of ours) is not the API's.
  if (!('request' in e)) return 'client'
  const response = (e as { response?: { headers?: Record<string, string> } }).response
  const status = e.status
  if (response === undefined || status === undefined) return 'network'
  if (isRateLimit(status, response.headers ?? {}, e.message)) return 'rate-limit'
  return status >= 500 ? 'server' : 'client'
}

function isRateLimit(status: number, headers: Record<string, string>, message: string): boolean {
  if (status === 429) return true
  if (status !== 403) return false
  return headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)
}

function rateLimitText(e: DescribedFailure, now: number): string {
  const headers = (e as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}
  const after = Number(headers['retry-after'])
  const reset = Number(headers['x-ratelimit-reset'])
  const at =
    Number.isFinite(after) && after > 0
      ? now + after * 1000
      : Number.isFinite(reset) && reset > 0
        ? reset * 1000
        : undefined
  if (at === undefined) return "was refused by GitHub's rate limit: re-run the job in a few minutes"
  const time = new Date(at).toISOString().slice(11, 19)
  const wait = Math.max(0, Math.ceil((at - now) / 1000))
  return `was refused by GitHub's rate limit, which resets at ${time} UTC (in ${wait} s, longer than fixline waits): re-run the job after that`
}

function inChain(e: Error, test: (x: Error) => boolean): boolean {
  let current: unknown = e
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (test(current)) return true
    current = current.cause
  }
  return false
}

function rootMessage(e: Error): string {
  let current: Error = e
  for (let depth = 0; current.cause instanceof Error && depth < 5; depth++) current = current.cause
  return current.message
}

/** The request's path, without the API's base and the query (which may carry search text). */
function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'http://api.invalid').pathname)
  } catch {
    return url
  }
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
