/**
 * The GitHub side of `fixline backport` on a developer's machine: which repository the remote is
 * (owner/repo from its URL) and the API client from GITHUB_TOKEN or GH_TOKEN. Only a PR number,
 * --open-pr or a PR to read need it; commits given by sha never reach the API.
 */
import { createGitHub, type GitHub } from '../github/client.js'
import type { Git } from '../git/git.js'
import { printable } from '../git/refs.js'
import { UsageError } from './context.js'

export interface RemoteRepo {
  host: string
  owner: string
  repo: string
}

const NAME = /^[A-Za-z0-9_.-]+$/

/**
 * owner/repo from a remote URL: `https://host/owner/repo(.git)`, `ssh://git@host[:port]/owner/repo`,
 * `git@host:owner/repo`. Undefined for anything else (a local path, a file:// URL). Pure.
 */
export function repoFromRemoteUrl(url: string): RemoteRepo | undefined {
  let host: string
  let path: string
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url)
  if (/^(https?|ssh|git):\/\//.test(url)) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return undefined
    }
    host = parsed.hostname
    path = parsed.pathname
  } else if (scp) {
    host = scp[1] as string
    path = scp[2] as string
  } else return undefined
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/')
  if (parts.length !== 2) return undefined
  const [owner, repo] = parts as [string, string]
  if (!NAME.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..') return undefined
  return { host, owner, repo }
}

/** The REST base URL: GITHUB_API_URL, else api.github.com for github.com, else GitHub Enterprise's /api/v3. */
export function apiUrlFor(host: string, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.GITHUB_API_URL
  if (fromEnv) return fromEnv
  return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`
}

export interface CliGitHub {
  github: GitHub
  owner: string
  repo: string
  /** e.g. "acme/widgets" (for messages). */
  slug: string
  /** The web server, e.g. "https://github.com" (for PR links). */
  serverUrl: string
}

/**
 * The API client for the repository behind `remote`. `why` says what needs it (for the message
 * when no token is set). Throws a UsageError the user can act on.
 */
export async function cliGitHub(
  git: Git,
  remote: string,
  env: NodeJS.ProcessEnv,
  why: string,
): Promise<CliGitHub> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token)
    throw new UsageError(
      `${why} reads GitHub's API and needs a token: set GITHUB_TOKEN or GH_TOKEN ` +
        '(for example GH_TOKEN=$(gh auth token)), or give the commits by sha, which needs no API',
    )
  // The URL as configured (not rewritten by url.<base>.insteadOf), which names the GitHub repository.
  const url = await git.text(['config', '--get', `remote.${remote}.url`], { okCodes: [0, 1] })
  const fromUrl = repoFromRemoteUrl(url)
  const fromEnv = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  const where =
    fromUrl ??
    (fromEnv
      ? { host: 'github.com', owner: fromEnv[1] as string, repo: fromEnv[2] as string }
      : undefined)
  if (!where)
    throw new UsageError(
      `the URL of remote "${remote}" (${printable(url)}) names no GitHub repository: ` +
        'set GITHUB_REPOSITORY=owner/repo, or use --remote NAME',
    )
  const github = createGitHub({ token, baseUrl: apiUrlFor(where.host, env) })
  return {
    github,
    owner: where.owner,
    repo: where.repo,
    slug: `${where.owner}/${where.repo}`,
    serverUrl: `https://${where.host}`,
  }
}
