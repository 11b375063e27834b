import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import type { GitHub } from '../../../src/github/client.js'

/**
 * An Octokit for in-process tests against the fake server: the same @actions/github client and
 * retry plugin as createGitHub, without the throttling plugin, whose write limiter spaces mutating
 * requests 1 s apart (3 s for comments and PRs) process-wide and would make every test slow.
 * createGitHub itself is covered against the fake in __tests__/unit/fake-github/server.test.ts.
 */
export function createTestGitHub(baseUrl: string, token = 'test-token'): GitHub {
  return getOctokit(
    token,
    {
      baseUrl,
      userAgent: 'fixline-test',
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451, 501], retries: 0 },
    },
    retry,
  ) as unknown as GitHub
}

export interface ApiFailure {
  status: number
  message: string
  /** The error body the server sent. */
  data: unknown
}

/** The error of an Octokit call that must fail (throws if it succeeds). */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise
  } catch (error) {
    const e = error as { status?: number; message?: string; response?: { data?: unknown } }
    return { status: e.status ?? 0, message: e.message ?? String(error), data: e.response?.data }
  }
  throw new Error('expected the GitHub call to fail, but it succeeded')
}
