import { fitTitle } from '../markdown/bound.js'
import type { GitHub } from './client.js'
import { createOnce } from './create-once.js'

export interface PullSummary {
  number: number
  url: string
  nodeId: string
  base: string
  state: string
  merged: boolean
  draft: boolean
}

export interface CreatedPull {
  number: number
  url: string
  nodeId: string
  draft: boolean
  /** Its create's answer was lost; it was found again afterwards (this run made it). */
  recovered?: boolean
}

/** One pull request as the REST API returns it (parsed by the caller: the fields are checked there). */
export async function getPullRaw(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
): Promise<Record<string, unknown>> {
  const { data } = await github.rest.pulls.get({ owner, repo, pull_number: number })
  return data as unknown as Record<string, unknown>
}

/** Every PR (open, closed or merged) whose head is `owner:branch` in this repository. */
export async function findPullsByHead(
  github: GitHub,
  owner: string,
  repo: string,
  branch: string,
): Promise<PullSummary[]> {
  const pulls = await github.paginate(github.rest.pulls.list, {
    owner,
    repo,
    head: `${owner}:${branch}`,
    state: 'all',
    per_page: 100,
  })
  return pulls
    .filter((p) => p.head.ref === branch)
    .map((p) => ({
      number: p.number,
      url: p.html_url,
      nodeId: p.node_id,
      base: p.base.ref,
      state: p.state,
      merged: p.merged_at !== null && p.merged_at !== undefined,
      draft: p.draft === true,
    }))
}

export async function createPull(
  github: GitHub,
  input: {
    owner: string
    repo: string
    head: string
    base: string
    title: string
    body: string
    draft: boolean
  },
): Promise<CreatedPull> {
  const { value, recovered } = await createOnce({
    what: `the pull request ${input.head} -> ${input.base}`,
    create: async (): Promise<CreatedPull> => {
      const { data } = await github.rest.pulls.create({
        owner: input.owner,
        repo: input.repo,
        head: input.head,
        base: input.base,
        title: fitTitle(input.title),
        body: input.body,
        draft: input.draft,
      })
      return {
        number: data.number,
        url: data.html_url,
        nodeId: data.node_id,
        draft: data.draft === true,
      }
    },
    // An open PR from fixline's branch into the target after a lost answer is the one it made.
    find: async () => {
      const open = (await findPullsByHead(github, input.owner, input.repo, input.head)).find(
        (p) => p.state === 'open' && p.base === input.base,
      )
      return open && { number: open.number, url: open.url, nodeId: open.nodeId, draft: open.draft }
    },
  })
  return recovered ? { ...value, recovered } : value
}

/** Logins of everyone who submitted a review on a PR (every page). */
export async function reviewerLogins(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
): Promise<string[]> {
  const reviews = await github.paginate(github.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  })
  return [...new Set(reviews.flatMap((r) => (r.user?.login ? [r.user.login] : [])))]
}

export async function requestReviewers(
  github: GitHub,
  input: {
    owner: string
    repo: string
    number: number
    reviewers: readonly string[]
    teams: readonly string[]
  },
): Promise<void> {
  if (input.reviewers.length === 0 && input.teams.length === 0) return
  await github.rest.pulls.requestReviewers({
    owner: input.owner,
    repo: input.repo,
    pull_number: input.number,
    reviewers: [...input.reviewers],
    team_reviewers: [...input.teams],
  })
}

/** Sets assignees and/or milestone of a (new) PR in one call; no call when there is nothing to set. */
export async function setAssigneesAndMilestone(
  github: GitHub,
  input: {
    owner: string
    repo: string
    number: number
    assignees?: readonly string[]
    milestone?: number
  },
): Promise<void> {
  const fields: { assignees?: string[]; milestone?: number } = {}
  if (input.assignees && input.assignees.length > 0) fields.assignees = [...input.assignees]
  if (input.milestone !== undefined) fields.milestone = input.milestone
  if (Object.keys(fields).length === 0) return
  await github.rest.issues.update({
    owner: input.owner,
    repo: input.repo,
    issue_number: input.number,
    ...fields,
  })
}

/** Enables auto-merge (GraphQL: there is no REST operation for it). */
export async function enableAutoMerge(
  github: GitHub,
  pullRequestNodeId: string,
  method: 'merge' | 'squash' | 'rebase',
): Promise<void> {
  try {
    await mutateAutoMerge(github, pullRequestNodeId, method)
  } catch (error) {
    const errors = (error as { errors?: Array<{ message?: unknown }> }).errors
    const messages = Array.isArray(errors)
      ? errors.flatMap((e) => (typeof e.message === 'string' ? [e.message] : []))
      : []
    if (messages.length > 0) throw new Error(messages.join('; '), { cause: error })
    throw error
  }
}

async function mutateAutoMerge(
  github: GitHub,
  pullRequestNodeId: string,
  method: 'merge' | 'squash' | 'rebase',
): Promise<void> {
  await github.graphql(
    `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
      enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { clientMutationId }
    }`,
    { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() },
  )
}
