import { nodeId } from '../ids.js'
import type { CommitRecord, PullRequestRecord, ReviewRecord } from '../records.js'
import type { FakeGitHubState } from '../state.js'
import { API, repoApi, repoWeb, repository, simpleUser } from './common.js'
import { issueLabels, issueMilestone } from './issues.js'

function branchSide(state: FakeGitHubState, owner: string, ref: string, sha: string) {
  return {
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(owner),
    repo: repository({ owner, repo: state.repo, defaultBranch: state.defaultBranch }),
  }
}

/** pull-request-simple (items of GET /pulls). */
export function pullRequestSimple(state: FakeGitHubState, pr: PullRequestRecord) {
  const api = `${repoApi(state)}/pulls/${pr.number}`
  const issueApi = `${repoApi(state)}/issues/${pr.number}`
  const html = `${repoWeb(state)}/pull/${pr.number}`
  const assignees = pr.assignees.map(simpleUser)
  const p = pr.pull
  return {
    url: api,
    id: pr.id,
    node_id: nodeId('PR', pr.number),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(state)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi(state)}/statuses/${p.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: simpleUser(pr.user),
    body: pr.body,
    // pull-request-simple declares label descriptions as non-null strings.
    labels: issueLabels(state, pr.labels).map((l) => ({ ...l, description: l.description ?? '' })),
    milestone: issueMilestone(state, pr.milestone),
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: p.requestedReviewers.map(simpleUser),
    requested_teams: [],
    head: branchSide(state, p.headOwner, p.headRef, p.headSha),
    base: branchSide(state, state.owner, p.baseRef, p.baseSha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(state)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi(state)}/statuses/${p.headSha}` },
    },
    author_association: 'MEMBER',
    auto_merge: p.autoMerge
      ? {
          enabled_by: simpleUser(p.autoMerge.enabledBy),
          merge_method: p.autoMerge.mergeMethod,
          commit_title: pr.title,
          commit_message: '',
        }
      : null,
    draft: p.draft,
  }
}

/** pull-request (GET /pulls/{n}, POST /pulls, PATCH /pulls/{n}). */
export function pullRequest(state: FakeGitHubState, pr: PullRequestRecord) {
  const p = pr.pull
  return {
    ...pullRequestSimple(state, pr),
    merged: p.merged,
    mergeable: p.merged || pr.state === 'closed' ? null : true,
    rebaseable: p.merged || pr.state === 'closed' ? null : true,
    mergeable_state: p.merged ? 'unknown' : 'clean',
    merged_by: p.mergedBy === null ? null : simpleUser(p.mergedBy),
    comments: state.comments(pr.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainerCanModify,
    commits: p.commits.length,
    additions: 10 * p.commits.length,
    deletions: 2 * p.commits.length,
    changed_files: p.commits.length,
  }
}

/** commit (items of GET /pulls/{n}/commits). */
export function pullCommit(state: FakeGitHubState, c: CommitRecord) {
  const author = c.author ?? {
    name: 'Mona Lisa',
    email: 'mona@example.com',
    date: '2026-01-01T00:00:00Z',
  }
  const api = `${repoApi(state)}/commits/${c.sha}`
  return {
    url: api,
    sha: c.sha,
    node_id: nodeId('C', c.sha),
    html_url: `${repoWeb(state)}/commit/${c.sha}`,
    comments_url: `${api}/comments`,
    commit: {
      url: `${repoApi(state)}/git/commits/${c.sha}`,
      author,
      committer: author,
      message: c.message,
      comment_count: 0,
      tree: {
        sha: c.sha.split('').reverse().join(''),
        url: `${repoApi(state)}/git/trees/${c.sha}`,
      },
    },
    author: null,
    committer: null,
    parents: (c.parents ?? []).map((sha) => ({
      sha,
      url: `${repoApi(state)}/commits/${sha}`,
      html_url: `${repoWeb(state)}/commit/${sha}`,
    })),
  }
}

export function review(state: FakeGitHubState, r: ReviewRecord) {
  const html = `${repoWeb(state)}/pull/${r.pullNumber}#pullrequestreview-${r.id}`
  return {
    id: r.id,
    node_id: nodeId('PRR', r.id),
    user: simpleUser(r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: `${repoApi(state)}/pulls/${r.pullNumber}`,
    _links: {
      html: { href: html },
      pull_request: { href: `${repoApi(state)}/pulls/${r.pullNumber}` },
    },
    submitted_at: r.submittedAt,
    commit_id: r.commitId,
    author_association: 'MEMBER',
  }
}

export function team(org: string, slug: string) {
  const id = slug.length * 1000 + 7
  return {
    id,
    node_id: nodeId('T', id),
    url: `${API}/orgs/${org}/teams/${slug}`,
    html_url: `https://github.com/orgs/${org}/teams/${slug}`,
    members_url: `${API}/orgs/${org}/teams/${slug}/members{/member}`,
    repositories_url: `${API}/orgs/${org}/teams/${slug}/repos`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    parent: null,
    type: 'organization',
  }
}
