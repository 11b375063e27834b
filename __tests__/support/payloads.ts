/**
 * Webhook payload builders: real examples from @octokit/webhooks-examples, deep-copied and patched.
 * Every builder takes owner/repo (default acme/widgets) and returns a fresh object a test may tweak.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type {
  IssueCommentCreatedEvent,
  IssuesEvent,
  PullRequestClosedEvent,
  PullRequestLabeledEvent,
  PullRequestOpenedEvent,
  PullRequestSynchronizeEvent,
  ReleasePublishedEvent,
  WorkflowDispatchEvent,
} from '@octokit/webhooks-types'
import { simpleUser } from './fake-github/factories/common.js'
import { fakeSha, userId } from './fake-github/ids.js'
import {
  definitions,
  exampleOf,
  labelObject,
  retarget,
  type Json,
  type RepoArgs,
} from './fake-github/webhooks.js'

export { exampleOf, labelObject, type RepoArgs }

// ---- pull_request -------------------------------------------------------------------------

export interface PullArgs extends RepoArgs {
  number: number
  title?: string
  body?: string | null
  user?: string
  baseRef?: string
  headRef?: string
  headSha?: string
  baseSha?: string
  mergeCommitSha?: string | null
  merged?: boolean
  labels?: string[]
  /** Number of commits in the PR. */
  commits?: number
  draft?: boolean
  /** Who triggered the event (default: user). */
  sender?: string
}

function patchPull(pr: Json, a: PullArgs, owner: string, repo: string): void {
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const html = `https://github.com/${owner}/${repo}/pull/${a.number}`
  const headSha = a.headSha ?? fakeSha(`head:${a.number}`)
  const baseSha = a.baseSha ?? fakeSha(`base:${a.number}`)
  Object.assign(pr, {
    number: a.number,
    id: userId(`pr:${a.number}`),
    title: a.title ?? `Pull request ${a.number}`,
    body: a.body ?? null,
    user: simpleUser(a.user ?? 'octocat'),
    labels: (a.labels ?? []).map((l) => labelObject(owner, repo, l)),
    url: `${api}/pulls/${a.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${a.number}`,
    commits_url: `${api}/pulls/${a.number}/commits`,
    review_comments_url: `${api}/pulls/${a.number}/comments`,
    comments_url: `${api}/issues/${a.number}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    commits: a.commits ?? 1,
    draft: a.draft ?? false,
  })
  const head = pr.head as Json
  const base = pr.base as Json
  Object.assign(head, {
    ref: a.headRef ?? `feature-${a.number}`,
    sha: headSha,
    label: `${owner}:${a.headRef ?? `feature-${a.number}`}`,
    user: simpleUser(owner),
  })
  Object.assign(base, {
    ref: a.baseRef ?? 'main',
    sha: baseSha,
    label: `${owner}:${a.baseRef ?? 'main'}`,
    user: simpleUser(owner),
  })
  for (const side of [head, base])
    Object.assign(side.repo as Json, {
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: simpleUser(owner),
    })
  const links = pr._links as Record<string, { href: string }>
  Object.assign(links, {
    self: { href: `${api}/pulls/${a.number}` },
    html: { href: html },
    issue: { href: `${api}/issues/${a.number}` },
    comments: { href: `${api}/issues/${a.number}/comments` },
    review_comments: { href: `${api}/pulls/${a.number}/comments` },
    commits: { href: `${api}/pulls/${a.number}/commits` },
    statuses: { href: `${api}/statuses/${headSha}` },
  })
}

function pullPayload(action: string, a: PullArgs): Json {
  const payload = retarget(exampleOf('pull_request', action), a, a.sender ?? a.user ?? 'octocat')
  const owner = a.owner ?? 'acme'
  const repo = a.repo ?? 'widgets'
  patchPull(payload.pull_request as Json, a, owner, repo)
  payload.number = a.number
  return payload
}

/** pull_request closed: merged by default (merged: false for a PR closed without merging). */
export function pullRequestClosedPayload(a: PullArgs): PullRequestClosedEvent {
  const payload = pullPayload('closed', a)
  const merged = a.merged ?? true
  const at = '2026-01-05T12:00:00Z'
  Object.assign(payload.pull_request as Json, {
    state: 'closed',
    closed_at: at,
    merged,
    merged_at: merged ? at : null,
    merged_by: merged ? simpleUser(a.sender ?? a.user ?? 'octocat') : null,
    merge_commit_sha: merged
      ? (a.mergeCommitSha ?? fakeSha(`merge:${a.number}`))
      : (a.mergeCommitSha ?? null),
  })
  return payload as unknown as PullRequestClosedEvent
}

/** pull_request labeled: `label` is the new label (added to labels if missing). Merged by default. */
export function pullRequestLabeledPayload(
  a: PullArgs & { label: string },
): PullRequestLabeledEvent {
  const labels = (a.labels ?? []).includes(a.label) ? a.labels : [...(a.labels ?? []), a.label]
  const merged = a.merged ?? true
  const payload = pullPayload('labeled', { ...a, labels })
  payload.label = labelObject(a.owner ?? 'acme', a.repo ?? 'widgets', a.label)
  Object.assign(payload.pull_request as Json, {
    state: merged ? 'closed' : 'open',
    merged,
    closed_at: merged ? '2026-01-05T12:00:00Z' : null,
    merged_at: merged ? '2026-01-05T12:00:00Z' : null,
    merged_by: merged ? simpleUser(a.user ?? 'octocat') : null,
    merge_commit_sha: a.mergeCommitSha ?? (merged ? fakeSha(`merge:${a.number}`) : null),
  })
  return payload as unknown as PullRequestLabeledEvent
}

/** pull_request opened / synchronize / reopened (an open PR; synchronize carries before/after). */
export function pullRequestOpenedPayload(
  a: PullArgs & { action?: 'opened' | 'synchronize' | 'reopened'; before?: string },
): PullRequestOpenedEvent | PullRequestSynchronizeEvent {
  const action = a.action ?? 'opened'
  const payload = pullPayload(action, a)
  Object.assign(payload.pull_request as Json, {
    state: 'open',
    merged: false,
    merged_at: null,
    closed_at: null,
    merged_by: null,
    merge_commit_sha: a.mergeCommitSha ?? null,
  })
  if (action === 'synchronize') {
    payload.before = a.before ?? fakeSha(`before:${a.number}`)
    payload.after = (payload.pull_request as Json & { head: Json }).head.sha
  }
  return payload as unknown as PullRequestOpenedEvent
}

// ---- issue_comment, issues -------------------------------------------------------------------

export interface IssueCommentArgs extends RepoArgs {
  issueNumber: number
  isPullRequest: boolean
  user: string
  body: string
  commentId?: number
  issueTitle?: string
  issueUser?: string
  labels?: string[]
}

/** issue_comment created, on an issue or (isPullRequest) a pull request. */
export function issueCommentPayload(a: IssueCommentArgs): IssueCommentCreatedEvent {
  const owner = a.owner ?? 'acme'
  const repo = a.repo ?? 'widgets'
  const payload = retarget(exampleOf('issue_comment', 'created'), a, a.user)
  const issue = payload.issue as Json
  const comment = payload.comment as Json
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const kind = a.isPullRequest ? 'pull' : 'issues'
  patchIssue(issue, {
    owner,
    repo,
    number: a.issueNumber,
    title: a.issueTitle ?? `Issue ${a.issueNumber}`,
    user: a.issueUser ?? 'octocat',
    labels: a.labels ?? [],
    body: null,
  })
  issue.html_url = `https://github.com/${owner}/${repo}/${kind}/${a.issueNumber}`
  if (a.isPullRequest) {
    issue.pull_request = {
      url: `${api}/pulls/${a.issueNumber}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${a.issueNumber}`,
      diff_url: `https://github.com/${owner}/${repo}/pull/${a.issueNumber}.diff`,
      patch_url: `https://github.com/${owner}/${repo}/pull/${a.issueNumber}.patch`,
      merged_at: null,
    }
  } else delete issue.pull_request
  const id = a.commentId ?? 900_000 + a.issueNumber
  Object.assign(comment, {
    id,
    node_id: `IC_${id}`,
    body: a.body,
    user: simpleUser(a.user),
    url: `${api}/issues/comments/${id}`,
    html_url: `https://github.com/${owner}/${repo}/${kind}/${a.issueNumber}#issuecomment-${id}`,
    issue_url: `${api}/issues/${a.issueNumber}`,
  })
  return payload as unknown as IssueCommentCreatedEvent
}

interface IssueFields {
  owner: string
  repo: string
  number: number
  title: string
  body: string | null
  user: string
  labels: string[]
}

function patchIssue(issue: Json, f: IssueFields): void {
  const api = `https://api.github.com/repos/${f.owner}/${f.repo}/issues/${f.number}`
  Object.assign(issue, {
    number: f.number,
    id: userId(`issue:${f.number}`),
    title: f.title,
    body: f.body,
    user: simpleUser(f.user),
    labels: f.labels.map((l) => labelObject(f.owner, f.repo, l)),
    url: api,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    labels_url: `${api}/labels{/name}`,
    html_url: `https://github.com/${f.owner}/${f.repo}/issues/${f.number}`,
    repository_url: `https://api.github.com/repos/${f.owner}/${f.repo}`,
  })
}

export interface IssuesArgs extends RepoArgs {
  action: 'opened' | 'edited' | 'reopened' | 'labeled' | 'unlabeled' | 'closed'
  number: number
  title?: string
  body?: string | null
  user?: string
  labels?: string[]
  /** For labeled/unlabeled: the label that changed (added to labels for labeled). */
  label?: string
  /** Who triggered the event (default: user). */
  sender?: string
}

/** issues opened / edited / reopened / labeled / unlabeled / closed, for a plain issue (never a PR). */
export function issuesPayload(a: IssuesArgs): IssuesEvent {
  const owner = a.owner ?? 'acme'
  const repo = a.repo ?? 'widgets'
  const hasExample = definitions
    .find((d) => d.name === 'issues')
    ?.examples.some((e) => e.action === a.action)
  const payload = retarget(
    exampleOf('issues', hasExample ? a.action : 'opened'),
    a,
    a.sender ?? a.user ?? 'octocat',
  )
  payload.action = a.action
  const labels =
    a.label && a.action === 'labeled' && !(a.labels ?? []).includes(a.label)
      ? [...(a.labels ?? []), a.label]
      : (a.labels ?? [])
  const issue = payload.issue as Json
  patchIssue(issue, {
    owner,
    repo,
    number: a.number,
    title: a.title ?? `Issue ${a.number}`,
    body: a.body ?? null,
    user: a.user ?? 'octocat',
    labels,
  })
  delete issue.pull_request
  issue.state = a.action === 'closed' ? 'closed' : 'open'
  if (a.label) payload.label = labelObject(owner, repo, a.label)
  else delete payload.label
  if (a.action === 'edited') payload.changes = { body: { from: '' } }
  else delete payload.changes
  return payload as unknown as IssuesEvent
}

// ---- release, workflow_dispatch ---------------------------------------------------------------

export interface ReleaseArgs extends RepoArgs {
  tag: string
  targetCommitish?: string
  name?: string
  body?: string | null
  prerelease?: boolean
  author?: string
}

export function releasePublishedPayload(a: ReleaseArgs): ReleasePublishedEvent {
  const owner = a.owner ?? 'acme'
  const repo = a.repo ?? 'widgets'
  const payload = retarget(exampleOf('release', 'published'), a, a.author ?? 'octocat')
  const release = payload.release as Json
  const id = userId(`release:${a.tag}`)
  Object.assign(release, {
    id,
    tag_name: a.tag,
    target_commitish: a.targetCommitish ?? a.defaultBranch ?? 'main',
    name: a.name ?? a.tag,
    body: a.body ?? null,
    draft: false,
    prerelease: a.prerelease ?? false,
    author: simpleUser(a.author ?? 'octocat'),
    url: `https://api.github.com/repos/${owner}/${repo}/releases/${id}`,
    html_url: `https://github.com/${owner}/${repo}/releases/tag/${encodeURIComponent(a.tag)}`,
    tarball_url: `https://api.github.com/repos/${owner}/${repo}/tarball/${a.tag}`,
    zipball_url: `https://api.github.com/repos/${owner}/${repo}/zipball/${a.tag}`,
  })
  return payload as unknown as ReleasePublishedEvent
}

export function workflowDispatchPayload(
  inputs: Record<string, string | number | boolean>,
  a: RepoArgs & { ref?: string; sender?: string } = {},
): WorkflowDispatchEvent {
  const payload = retarget(exampleOf('workflow_dispatch'), a, a.sender ?? 'octocat')
  payload.inputs = { ...inputs }
  payload.ref = a.ref ?? `refs/heads/${a.defaultBranch ?? 'main'}`
  payload.workflow = '.github/workflows/fixline.yml'
  return payload as unknown as WorkflowDispatchEvent
}

// ---- files ------------------------------------------------------------------------------------

let eventFiles = 0

/** Writes a payload as a JSON event file in `dir` (created if needed) and returns its path. */
export function writeEvent(dir: string, payload: unknown): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `event-${process.pid}-${++eventFiles}.json`)
  writeFileSync(path, JSON.stringify(payload, null, 2))
  return path
}

// ---- deployment_status ------------------------------------------------------------------------

export {
  deploymentStatusPayload,
  type DeploymentStatusArgs,
} from './fake-github/deployment-payloads.js'
