import { issue, issueLabels, label } from '../factories/issues.js'
import type { IssueRecord } from '../records.js'
import { paginate } from './paginate.js'
import {
  ApiError,
  assertTitleLength,
  bodyOf,
  notFound,
  numberParam,
  stringParam,
  validationFailed,
  type Handler,
  type HandlerContext,
} from './types.js'

function matchesList(ctx: HandlerContext, i: IssueRecord): boolean {
  const q = ctx.query
  const wanted = String(q.state ?? 'open')
  if (wanted !== 'all' && i.state !== wanted) return false
  if (typeof q.labels === 'string' && q.labels !== '') {
    const have = new Set(i.labels.map((l) => l.toLowerCase()))
    if (!q.labels.split(',').every((l) => have.has(l.trim().toLowerCase()))) return false
  }
  if (typeof q.creator === 'string' && i.user.toLowerCase() !== q.creator.toLowerCase())
    return false
  if (q.assignee === 'none' && i.assignees.length > 0) return false
  if (q.assignee === '*' && i.assignees.length === 0) return false
  if (
    typeof q.assignee === 'string' &&
    !['none', '*'].includes(q.assignee) &&
    !i.assignees.some((a) => a.toLowerCase() === String(q.assignee).toLowerCase())
  )
    return false
  if (q.milestone === 'none' && i.milestone !== null) return false
  if (q.milestone === '*' && i.milestone === null) return false
  if (
    typeof q.milestone === 'string' &&
    /^\d+$/.test(q.milestone) &&
    i.milestone !== Number(q.milestone)
  )
    return false
  return true
}

/** GET /issues: issues and pull requests, like GitHub, newest first by default. */
const listForRepo: Handler = (ctx) => {
  const found = [...ctx.state.issues.values()].filter((i) => matchesList(ctx, i))
  found.sort((a, b) => (ctx.query.direction === 'asc' ? a.number - b.number : b.number - a.number))
  return paginate(
    ctx,
    found.map((i) => issue(ctx.state, i)),
  )
}

interface CreateIssueBody {
  title: string | number
  body: string
  labels: unknown[]
  assignees: string[]
  milestone: string | number | null
}

const createIssue: Handler = (ctx) => {
  const b = bodyOf<CreateIssueBody>(ctx)
  const labels = (b.labels ?? [])
    .map((l) =>
      typeof l === 'string' ? l : l && typeof l === 'object' && 'name' in l ? String(l.name) : '',
    )
    .filter(Boolean)
  assertTitleLength(String(b.title ?? ''))
  const created = ctx.state.addIssue({
    title: String(b.title ?? ''),
    body: b.body ?? null,
    user: ctx.actor,
    labels,
    assignees: b.assignees ?? [],
  })
  if (b.milestone !== undefined && b.milestone !== null) {
    if (!ctx.state.milestones.has(Number(b.milestone)))
      throw validationFailed([
        { resource: 'Issue', field: 'milestone', code: 'invalid', value: String(b.milestone) },
      ])
    created.milestone = Number(b.milestone)
  }
  return { status: 201, body: issue(ctx.state, created) }
}

const listLabelsOnIssue: Handler = (ctx) => {
  const found = ctx.state.issues.get(numberParam(ctx, 'issue_number'))
  if (!found) throw notFound()
  return paginate(ctx, issueLabels(ctx.state, found.labels))
}

const getLabel: Handler = (ctx) => {
  const found = ctx.state.findLabel(stringParam(ctx, 'name'))
  if (!found) throw notFound()
  return { status: 200, body: label(ctx.state, found) }
}

const createLabel: Handler = (ctx) => {
  const b = bodyOf<{ name: string; color: string; description: string }>(ctx)
  const name = b.name ?? ''
  if (ctx.state.findLabel(name))
    throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
  if (b.color !== undefined && !/^[0-9a-fA-F]{6}$/.test(b.color))
    throw new ApiError(422, 'Validation Failed', [
      { resource: 'Label', code: 'invalid', field: 'color' },
    ])
  const created = ctx.state.addLabel(name, b.color ?? 'ededed', b.description ?? null)
  return { status: 201, body: label(ctx.state, created) }
}

export const issueListHandlers: Record<string, Handler> = {
  'issues/list-for-repo': listForRepo,
  'issues/create': createIssue,
  'issues/list-labels-on-issue': listLabelsOnIssue,
  'issues/get-label': getLabel,
  'issues/create-label': createLabel,
}
