import { checkRun, commitStatus } from '../factories/checks.js'
import type { AnnotationRecord, CheckRunRecord, StatusRecord } from '../records.js'
import { paginate } from './paginate.js'
import {
  ApiError,
  bodyOf,
  notFound,
  numberParam,
  stringParam,
  validationFailed,
  type Handler,
  type HandlerContext,
} from './types.js'

/** GitHub accepts at most 50 annotations per create/update request. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50

interface CheckRunBody {
  name: string
  head_sha: string
  details_url: string
  external_id: string
  status: CheckRunRecord['status']
  conclusion: string
  started_at: string
  completed_at: string
  output: { title: string; summary: string; text?: string; annotations?: AnnotationRecord[] }
}

function forbidden(ctx: HandlerContext): void {
  if (ctx.state.checkRunsForbidden)
    throw new ApiError(403, 'Resource not accessible by integration')
}

function applyCheckRun(ctx: HandlerContext, run: CheckRunRecord, b: Partial<CheckRunBody>): void {
  const annotations = b.output?.annotations ?? []
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
    throw validationFailed([
      {
        resource: 'CheckRun',
        field: 'output.annotations',
        code: 'too_many',
        message: `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`,
      },
    ])
  }
  if (b.name !== undefined) run.name = b.name
  if (b.details_url !== undefined) run.detailsUrl = b.details_url
  if (b.external_id !== undefined) run.externalId = b.external_id
  if (b.started_at !== undefined) run.startedAt = b.started_at
  if (b.conclusion !== undefined) {
    run.conclusion = b.conclusion
    run.status = 'completed'
  }
  if (b.status !== undefined) run.status = b.status
  if (run.status === 'completed') {
    if (run.conclusion === null)
      throw validationFailed([{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }])
    run.completedAt = b.completed_at ?? run.completedAt ?? ctx.state.now()
  }
  if (b.output) {
    run.output.title = b.output.title
    run.output.summary = b.output.summary
    if (b.output.text !== undefined) run.output.text = b.output.text
    // Annotations accumulate over updates, like GitHub.
    run.output.annotations.push(...annotations)
  }
}

const createCheckRun: Handler = (ctx) => {
  forbidden(ctx)
  const b = bodyOf<CheckRunBody>(ctx)
  const run: CheckRunRecord = {
    id: ctx.state.newId(),
    name: b.name ?? '',
    headSha: b.head_sha ?? '',
    status: 'queued',
    conclusion: null,
    detailsUrl: null,
    externalId: null,
    startedAt: ctx.state.now(),
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
  }
  applyCheckRun(ctx, run, b)
  ctx.state.checkRunRecords.push(run)
  return { status: 201, body: checkRun(ctx.state, run) }
}

const updateCheckRun: Handler = (ctx) => {
  forbidden(ctx)
  const id = numberParam(ctx, 'check_run_id')
  const run = ctx.state.checkRunRecords.find((r) => r.id === id)
  if (!run) throw notFound()
  applyCheckRun(ctx, run, bodyOf<CheckRunBody>(ctx))
  return { status: 200, body: checkRun(ctx.state, run) }
}

/** Check runs on a sha (or a branch name, resolved through seeded branches and origin). */
const listForRef: Handler = async (ctx) => {
  const ref = stringParam(ctx, 'ref')
  const sha = /^[0-9a-f]{40}$/.test(ref)
    ? ref
    : (ctx.state.branches.get(ref) ?? (ctx.origin ? await ctx.origin.branchSha(ref) : undefined))
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`)
  const q = ctx.query
  let runs = ctx.state.checkRunRecords.filter((r) => r.headSha === sha)
  if (typeof q.check_name === 'string') runs = runs.filter((r) => r.name === q.check_name)
  if (typeof q.status === 'string') runs = runs.filter((r) => r.status === q.status)
  const page = paginate(
    ctx,
    [...runs].reverse().map((r) => checkRun(ctx.state, r)),
  )
  return { ...page, body: { total_count: runs.length, check_runs: page.body } }
}

const createStatus: Handler = (ctx) => {
  const b = bodyOf<{
    state: StatusRecord['state']
    target_url: string | null
    description: string | null
    context: string
  }>(ctx)
  if (b.description && b.description.length > 140) {
    throw validationFailed([
      {
        resource: 'Status',
        field: 'description',
        code: 'custom',
        message: 'description is too long (maximum is 140 characters)',
      },
    ])
  }
  const status: StatusRecord = {
    id: ctx.state.newId(),
    sha: String(ctx.params.sha),
    state: b.state ?? 'pending',
    context: b.context ?? 'default',
    description: b.description ?? null,
    targetUrl: b.target_url ?? null,
    creator: ctx.actor,
    createdAt: ctx.state.now(),
  }
  ctx.state.statusRecords.push(status)
  return { status: 201, body: commitStatus(ctx.state, status) }
}

export const checkHandlers: Record<string, Handler> = {
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
  'checks/list-for-ref': listForRef,
  'repos/create-commit-status': createStatus,
}
