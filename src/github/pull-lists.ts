/**
 * Pull requests as plain data, listed in bounded pages: the open ones, the ones closed since a
 * time (newest update first, paging stops at the first page reaching older ones), one by number,
 * and those that contain a commit. For the fix audit (src/audit).
 */
import type { GitHub } from './client.js'

export interface PullInfo {
  number: number
  title: string
  url: string
  state: string
  draft: boolean
  base: string
  head: string
  labels: string[]
  createdAt: string
  updatedAt: string
  mergedAt: string | null
  mergeCommitSha: string | null
}

interface RawPull {
  number: number
  title: string
  html_url: string
  state: string
  draft?: boolean | undefined
  base: { ref: string }
  head: { ref: string }
  labels: Array<{ name?: string | undefined } | string>
  created_at: string
  updated_at: string
  merged_at?: string | null | undefined
  merge_commit_sha?: string | null | undefined
}

function toInfo(p: RawPull): PullInfo {
  return {
    number: p.number,
    title: p.title,
    url: p.html_url,
    state: p.state,
    draft: p.draft === true,
    base: p.base.ref,
    head: p.head.ref,
    labels: p.labels
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((l) => l.length > 0),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    mergedAt: p.merged_at ?? null,
    mergeCommitSha: p.merge_commit_sha ?? null,
  }
}

/** Counts the requests a caller made (the audit's `stats.apiRequests`). */
export interface RequestCounter {
  requests: number
}

/** Every open PR (100 a page). */
export async function listOpenPulls(
  github: GitHub,
  owner: string,
  repo: string,
  counter: RequestCounter = { requests: 0 },
): Promise<PullInfo[]> {
  return github.paginate(
    github.rest.pulls.list,
    { owner, repo, state: 'open', per_page: 100 },
    (response) => {
      counter.requests++
      return response.data.map((p) => toInfo(p as RawPull))
    },
  )
}

/**
 * Closed PRs updated at or after `since` (ISO time), newest update first: pages are read until one
 * reaches a PR updated before `since`, so the requests stay bounded by the window.
 */
export async function listClosedPullsSince(
  github: GitHub,
  owner: string,
  repo: string,
  since: number,
  counter: RequestCounter = { requests: 0 },
): Promise<PullInfo[]> {
  const all = await github.paginate(
    github.rest.pulls.list,
    { owner, repo, state: 'closed', sort: 'updated', direction: 'desc', per_page: 100 },
    (response, done) => {
      counter.requests++
      const page = response.data.map((p) => toInfo(p as RawPull))
      if (page.some((p) => Date.parse(p.updatedAt) < since)) done()
      return page
    },
  )
  return all.filter((p) => Date.parse(p.updatedAt) >= since)
}

/** One PR by number; undefined when there is none (a number that is an issue, or deleted). */
export async function getPullInfo(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
  counter: RequestCounter = { requests: 0 },
): Promise<PullInfo | undefined> {
  counter.requests++
  try {
    const { data } = await github.rest.pulls.get({ owner, repo, pull_number: number })
    return toInfo(data as RawPull)
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined
    throw error
  }
}

/** The PRs that contain a commit (first page: a commit is in few PRs). */
export async function pullsContaining(
  github: GitHub,
  owner: string,
  repo: string,
  sha: string,
  counter: RequestCounter = { requests: 0 },
): Promise<PullInfo[]> {
  counter.requests++
  const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  })
  return data.map((p) => toInfo(p as RawPull))
}
