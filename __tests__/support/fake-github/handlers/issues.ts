import { issue, issueComment, issueLabels, reaction } from '../factories/issues.js'
import type { CommentRecord, IssueRecord } from '../records.js'
import { paginate } from './paginate.js'
import {
  ApiError,
  assertTitleLength,
  bodyOf,
  notFound,
  numberParam,
  stringParam,
  type Handler,
  type HandlerContext,
} from './types.js'

function findIssue(ctx: HandlerContext): IssueRecord {
  const found = ctx.state.issues.get(numberParam(ctx, 'issue_number'))
  if (!found) throw notFound()
  return found
}

function findComment(ctx: HandlerContext): CommentRecord {
  const found = ctx.state.issueComments.get(numberParam(ctx, 'comment_id'))
  if (!found) throw notFound()
  return found
}

/** Label names from a body's `labels` (strings or {name} objects). */
function labelNames(labels: unknown[]): string[] {
  return labels
    .map((l) =>
      typeof l === 'string' ? l : l && typeof l === 'object' && 'name' in l ? String(l.name) : '',
    )
    .filter((l) => l !== '')
}

function addLabelsTo(ctx: HandlerContext, target: IssueRecord, names: string[]): void {
  for (const name of names) {
    const label = ctx.state.addLabel(name)
    if (!target.labels.some((l) => l.toLowerCase() === label.name.toLowerCase()))
      target.labels.push(label.name)
  }
}

const getIssue: Handler = (ctx) => ({ status: 200, body: issue(ctx.state, findIssue(ctx)) })

interface UpdateIssueBody {
  title: string | number | null
  body: string | null
  state: 'open' | 'closed'
  state_reason: string | null
  labels: unknown[]
  assignees: unknown[]
  milestone: string | number | null
}

const updateIssue: Handler = (ctx) => {
  const target = findIssue(ctx)
  const b = bodyOf<UpdateIssueBody>(ctx)
  const { state } = ctx
  if (b.title !== undefined && b.title !== null) {
    assertTitleLength(String(b.title))
    target.title = String(b.title)
  }
  if (b.body !== undefined) target.body = b.body
  if (b.state !== undefined && b.state !== target.state) {
    if (target.pull?.merged)
      throw new ApiError(422, 'Validation Failed', [
        { resource: 'Issue', field: 'state', code: 'invalid' },
      ])
    target.state = b.state
    target.closedAt = b.state === 'closed' ? state.now() : null
    target.stateReason = b.state === 'closed' ? 'completed' : 'reopened'
  }
  if (b.state_reason !== undefined) target.stateReason = b.state_reason
  if (b.labels !== undefined) {
    target.labels = []
    addLabelsTo(ctx, target, labelNames(b.labels))
  }
  if (b.assignees !== undefined)
    target.assignees = labelNames(
      b.assignees.map((a) => (a && typeof a === 'object' && 'login' in a ? { name: a.login } : a)),
    )
  if (b.milestone !== undefined) {
    if (b.milestone === null) target.milestone = null
    else if (!state.milestones.has(Number(b.milestone)))
      throw new ApiError(422, 'Validation Failed', [
        { resource: 'Issue', field: 'milestone', code: 'invalid', value: String(b.milestone) },
      ])
    else target.milestone = Number(b.milestone)
  }
  target.updatedAt = state.now()
  return { status: 200, body: issue(state, target) }
}

const listComments: Handler = (ctx) => {
  const target = findIssue(ctx)
  return paginate(
    ctx,
    ctx.state.comments(target.number).map((c) => issueComment(ctx.state, c)),
  )
}

const createComment: Handler = (ctx) => {
  const target = findIssue(ctx)
  const b = bodyOf<{ body: string }>(ctx)
  if (b.body === undefined || b.body.length > 65536)
    throw new ApiError(422, 'Validation Failed', [
      {
        resource: 'IssueComment',
        field: 'body',
        code: b.body === undefined ? 'missing_field' : 'custom',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ])
  const comment = ctx.state.addComment(target.number, ctx.actor, b.body)
  return { status: 201, body: issueComment(ctx.state, comment) }
}

const updateComment: Handler = (ctx) => {
  const comment = findComment(ctx)
  const b = bodyOf<{ body: string }>(ctx)
  if (b.body !== undefined && b.body.length > 65536)
    throw new ApiError(422, 'Validation Failed', [
      {
        resource: 'IssueComment',
        field: 'body',
        code: 'custom',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ])
  if (b.body !== undefined) comment.body = b.body
  comment.updatedAt = ctx.state.now()
  return { status: 200, body: issueComment(ctx.state, comment) }
}

const addLabels: Handler = (ctx) => {
  const target = findIssue(ctx)
  const b = ctx.body
  const raw: unknown[] = Array.isArray(b)
    ? b
    : b && typeof b === 'object' && 'labels' in b && Array.isArray(b.labels)
      ? b.labels
      : []
  addLabelsTo(ctx, target, labelNames(raw))
  target.updatedAt = ctx.state.now()
  return { status: 200, body: issueLabels(ctx.state, target.labels) }
}

const removeLabel: Handler = (ctx) => {
  const target = findIssue(ctx)
  const name = stringParam(ctx, 'name')
  const index = target.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase())
  if (index < 0) throw new ApiError(404, 'Label does not exist')
  target.labels.splice(index, 1)
  target.updatedAt = ctx.state.now()
  return { status: 200, body: issueLabels(ctx.state, target.labels) }
}

const addAssignees: Handler = (ctx) => {
  const target = findIssue(ctx)
  const b = bodyOf<{ assignees: string[] }>(ctx)
  // Like GitHub, users who cannot be assigned are silently ignored.
  for (const login of b.assignees ?? []) {
    if (ctx.state.permissionOf(login) !== 'none' && !target.assignees.includes(login))
      target.assignees.push(login)
  }
  return { status: 201, body: issue(ctx.state, target) }
}

const createReaction: Handler = (ctx) => {
  const comment = findComment(ctx)
  const b = bodyOf<{ content: string }>(ctx)
  const content = b.content ?? '+1'
  const existing = comment.reactions.find((r) => r.user === ctx.actor && r.content === content)
  if (existing) return { status: 200, body: reaction(existing) }
  const created = {
    id: ctx.state.newId(),
    user: ctx.actor,
    content,
    createdAt: ctx.state.now(),
  }
  comment.reactions.push(created)
  return { status: 201, body: reaction(created) }
}

export const issueHandlers: Record<string, Handler> = {
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/update-comment': updateComment,
  'issues/add-labels': addLabels,
  'issues/remove-label': removeLabel,
  'issues/add-assignees': addAssignees,
  'reactions/create-for-issue-comment': createReaction,
}
