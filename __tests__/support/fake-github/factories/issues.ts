import { nodeId } from '../ids.js'
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  ReactionRecord,
} from '../records.js'
import type { FakeGitHubState } from '../state.js'
import { repoApi, repoWeb, simpleUser, nullableUser } from './common.js'

export function label(state: FakeGitHubState, l: LabelRecord) {
  return {
    id: l.id,
    node_id: nodeId('LA', l.id),
    url: `${repoApi(state)}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  }
}

/** Labels of an issue, as API objects (repository labels are created on demand). */
export function issueLabels(state: FakeGitHubState, names: string[]) {
  return names.map((name) => label(state, state.addLabel(name)))
}

export function milestone(state: FakeGitHubState, m: MilestoneRecord) {
  const open = [...state.issues.values()].filter((i) => i.milestone === m.number)
  return {
    url: `${repoApi(state)}/milestones/${m.number}`,
    html_url: `${repoWeb(state)}/milestone/${m.number}`,
    labels_url: `${repoApi(state)}/milestones/${m.number}/labels`,
    id: m.id,
    node_id: nodeId('MI', m.id),
    number: m.number,
    state: m.state,
    title: m.title,
    description: null,
    creator: simpleUser(state.owner),
    open_issues: open.filter((i) => i.state === 'open').length,
    closed_issues: open.filter((i) => i.state === 'closed').length,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    closed_at: null,
    due_on: null,
  }
}

export function issueMilestone(state: FakeGitHubState, number: number | null) {
  const m = number === null ? undefined : state.milestones.get(number)
  return m ? milestone(state, m) : null
}

/** issue (GET /repos/{owner}/{repo}/issues/{n}); pull requests carry a `pull_request` link. */
export function issue(state: FakeGitHubState, i: IssueRecord) {
  const api = `${repoApi(state)}/issues/${i.number}`
  const assignees = i.assignees.map(simpleUser)
  return {
    id: i.id,
    node_id: nodeId('I', i.id),
    url: api,
    repository_url: repoApi(state),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoWeb(state)}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: simpleUser(i.user),
    labels: issueLabels(state, i.labels),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: issueMilestone(state, i.milestone),
    locked: i.locked,
    active_lock_reason: null,
    comments: state.comments(i.number).length,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_by: i.state === 'closed' ? simpleUser(i.pull?.mergedBy ?? i.user) : null,
    author_association: 'MEMBER',
    ...(i.pull
      ? {
          draft: i.pull.draft,
          pull_request: {
            url: `${repoApi(state)}/pulls/${i.number}`,
            html_url: `${repoWeb(state)}/pull/${i.number}`,
            diff_url: `${repoWeb(state)}/pull/${i.number}.diff`,
            patch_url: `${repoWeb(state)}/pull/${i.number}.patch`,
            merged_at: i.pull.mergedAt,
          },
        }
      : {}),
    timeline_url: `${api}/timeline`,
    reactions: reactionRollup(`${api}/reactions`, []),
  }
}

export function reactionRollup(url: string, reactions: ReactionRecord[]) {
  const count = (content: string) => reactions.filter((r) => r.content === content).length
  return {
    url,
    total_count: reactions.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    confused: count('confused'),
    heart: count('heart'),
    hooray: count('hooray'),
    eyes: count('eyes'),
    rocket: count('rocket'),
  }
}

export function issueComment(state: FakeGitHubState, c: CommentRecord) {
  const url = `${repoApi(state)}/issues/comments/${c.id}`
  const isPull = state.issues.get(c.issueNumber)?.pull != null
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url,
    html_url: `${repoWeb(state)}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${repoApi(state)}/issues/${c.issueNumber}`,
    body: c.body,
    user: simpleUser(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'MEMBER',
    reactions: reactionRollup(`${url}/reactions`, c.reactions),
  }
}

export function reaction(r: ReactionRecord) {
  return {
    id: r.id,
    node_id: nodeId('REA', r.id),
    user: nullableUser(r.user),
    content: r.content,
    created_at: r.createdAt,
  }
}
