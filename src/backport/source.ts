import { obj, str } from '../payload.js'
/**
 * The source PR as fixline needs it, parsed from a webhook payload's `pull_request` or from the
 * REST `pulls.get` answer (same shape). Pure; payloads are outside input, so every field is checked.
 */
import type { SourcePr } from './types.js'

export interface PullInfo {
  /** For the engine. `mergeCommitSha` is '' when the PR is not merged. */
  source: SourcePr
  merged: boolean
  state: string
  url: string
  author: string
  labels: string[]
  assignees: string[]
  milestone: number | undefined
  requestedReviewers: string[]
  requestedTeams: string[]
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/** Parses a PR object; undefined (with the reason) when a field the job needs is missing or malformed. */
export function parsePull(raw: unknown): { pull: PullInfo } | { problem: string } {
  const pr = obj(raw)
  if (!pr) return { problem: 'the pull request data is missing' }
  const number = pr.number
  const title = pr.title
  const baseRef = obj(pr.base)?.ref
  const headSha = obj(pr.head)?.sha
  const merged = pr.merged === true || (typeof pr.merged_at === 'string' && pr.merged_at.length > 0)
  const mergeSha = pr.merge_commit_sha
  const commits = pr.commits
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    return { problem: 'the pull request has no number' }
  if (
    typeof title !== 'string' ||
    typeof baseRef !== 'string' ||
    typeof headSha !== 'string' ||
    !SHA.test(headSha)
  )
    return { problem: `PR #${number}: title, base branch or head commit missing` }
  if (merged && (typeof mergeSha !== 'string' || !SHA.test(mergeSha)))
    return { problem: `PR #${number} is merged but has no merge commit` }
  if (merged && (typeof commits !== 'number' || !Number.isSafeInteger(commits) || commits < 1))
    return { problem: `PR #${number}: the number of commits is missing` }
  return {
    pull: {
      source: {
        number,
        title,
        baseRef,
        headSha,
        mergeCommitSha: merged ? (mergeSha as string) : '',
        commits: typeof commits === 'number' ? commits : 0,
      },
      merged,
      state: typeof pr.state === 'string' ? pr.state : 'open',
      url: typeof pr.html_url === 'string' ? pr.html_url : '',
      author: str(obj(pr.user)?.login) ?? '',
      labels: names(pr.labels, 'name'),
      assignees: names(pr.assignees, 'login'),
      milestone:
        typeof obj(pr.milestone)?.number === 'number'
          ? (obj(pr.milestone)?.number as number)
          : undefined,
      requestedReviewers: names(pr.requested_reviewers, 'login'),
      requestedTeams: names(pr.requested_teams, 'slug'),
    },
  }
}

/** Whether the payload PR has every field the job needs (else it asks the API once). */
export function isComplete(raw: unknown): boolean {
  const pr = obj(raw)
  return (
    pr !== undefined &&
    'commits' in pr &&
    'merge_commit_sha' in pr &&
    'labels' in pr &&
    'merged' in pr
  )
}

function names(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((item) => {
    const value = obj(item)?.[key]
    return typeof value === 'string' && value.length > 0 ? [value] : []
  })
}
