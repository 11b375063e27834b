import { deployment, deploymentStatus } from '../factories/deployments.js'
import type { DeploymentRecord, DeploymentState } from '../records.js'
import { paginate } from './paginate.js'
import {
  ApiError,
  bodyOf,
  notFound,
  numberParam,
  Unimplemented,
  validationFailed,
  type Handler,
  type HandlerContext,
} from './types.js'

const SHA = /^[0-9a-f]{40}$/
/** Conclusions that let a deployment through its required contexts. */
const PASSING = new Set(['success', 'neutral', 'skipped'])

interface Resolved {
  sha: string
  /** The ref named a branch (auto_merge only ever merges into branches). */
  branch: boolean
}

/** A branch (seeded ones first), tag or sha, through origin when there is one. */
async function resolveRef(ctx: HandlerContext, ref: string): Promise<Resolved | undefined> {
  const name = ref.replace(/^refs\/heads\//, '')
  const seeded = ctx.state.branches.get(name)
  if (seeded) return { sha: seeded, branch: true }
  if (!ctx.origin) return SHA.test(ref) ? { sha: ref, branch: false } : undefined
  const branch = await ctx.origin.branchSha(name)
  if (branch) return { sha: branch, branch: true }
  const other = await ctx.origin.resolve(ref)
  return other ? { sha: other, branch: false } : undefined
}

/** Contexts (commit statuses and check runs on the sha, the newest of each) that are not green. */
function failingContexts(ctx: HandlerContext, sha: string, required: string[] | undefined) {
  const latest = new Map<string, string>()
  for (const s of ctx.state.statusRecords) if (s.sha === sha) latest.set(s.context, s.state)
  for (const r of ctx.state.checkRunRecords)
    if (r.headSha === sha)
      latest.set(r.name, r.status === 'completed' ? (r.conclusion ?? 'pending') : 'pending')
  return (required ?? [...latest.keys()])
    .map((context) => ({ context, state: latest.get(context) ?? 'missing' }))
    .filter((c) => !PASSING.has(c.state))
}

/** Whether GitHub's auto_merge would merge the default branch into `ref` (a branch behind it). */
async function behindDefault(ctx: HandlerContext, ref: string, to: Resolved): Promise<boolean> {
  const main = ctx.state.defaultBranch
  if (!to.branch || ref.replace(/^refs\/heads\//, '') === main) return false
  const base =
    ctx.state.branches.get(main) ?? (ctx.origin ? await ctx.origin.branchSha(main) : undefined)
  if (!base || base === to.sha) return false
  return ctx.origin ? !(await ctx.origin.isAncestor(base, to.sha)) : true
}

interface DeploymentBody {
  ref: string
  task: string
  auto_merge: boolean
  required_contexts: string[]
  payload: Record<string, unknown> | string
  environment: string
  description: string | null
  transient_environment: boolean
  production_environment: boolean
}

const createDeployment: Handler = async (ctx) => {
  const b = bodyOf<DeploymentBody>(ctx)
  const ref = b.ref ?? ''
  const to = await resolveRef(ctx, ref)
  if (!to) throw new ApiError(422, `No ref found for: ${ref}`)
  if (b.auto_merge !== false && (await behindDefault(ctx, ref, to))) {
    throw new Unimplemented(
      `auto_merge would merge ${ctx.state.defaultBranch} into ${ref} (GitHub: 202 "Auto-merged"); ` +
        'the fake never merges: pass auto_merge: false',
    )
  }
  const failing = failingContexts(ctx, to.sha, b.required_contexts)
  if (failing.length > 0) {
    throw new ApiError(409, `Conflict: Commit status checks failed for ${ref}.`, [
      { contexts: failing, resource: 'Deployment', field: 'required_contexts', code: 'invalid' },
    ])
  }
  const created = ctx.state.addDeployment({
    sha: to.sha,
    ref,
    task: b.task,
    environment: b.environment,
    payload: b.payload,
    description: b.description,
    creator: ctx.actor,
    transient: b.transient_environment,
    production: b.production_environment,
  })
  return { status: 201, body: deployment(ctx.state, created) }
}

const listDeployments: Handler = (ctx) => {
  const q = ctx.query
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
  const found = ctx.state.deployments({
    sha: text(q.sha),
    ref: text(q.ref),
    task: text(q.task),
    environment: text(q.environment),
  })
  return paginate(
    ctx,
    found.map((d) => deployment(ctx.state, d)),
  )
}

function deploymentOf(ctx: HandlerContext): DeploymentRecord {
  const found = ctx.state.deploymentStore.get(numberParam(ctx, 'deployment_id'))
  if (!found) throw notFound()
  return found
}

const getDeployment: Handler = (ctx) => ({
  status: 200,
  body: deployment(ctx.state, deploymentOf(ctx)),
})

const listStatuses: Handler = (ctx) => {
  const d = deploymentOf(ctx)
  return paginate(
    ctx,
    ctx.state.deploymentStatuses(d.id).map((s) => deploymentStatus(ctx.state, s)),
  )
}

interface StatusBody {
  state: DeploymentState
  target_url: string
  log_url: string
  description: string
  environment: string
  environment_url: string
  auto_inactive: boolean
}

/**
 * GitHub's auto_inactive (default true): a success marks every prior non-transient,
 * non-production deployment of the same environment whose newest status is success `inactive`.
 */
function inactivatePrior(ctx: HandlerContext, current: DeploymentRecord): void {
  const store = ctx.state.deploymentStore
  for (const d of store.list({ environment: current.environment })) {
    if (d.id === current.id || d.createdAt > current.createdAt) continue
    if (d.transientEnvironment || d.productionEnvironment) continue
    if (store.latestStatus(d.id)?.state !== 'success') continue
    store.addStatus(d.id, { state: 'inactive', creator: ctx.actor })
  }
}

const createStatus: Handler = (ctx) => {
  const d = deploymentOf(ctx)
  const b = bodyOf<StatusBody>(ctx)
  if (b.description !== undefined && b.description.length > 140) {
    throw validationFailed([
      {
        resource: 'DeploymentStatus',
        field: 'description',
        code: 'custom',
        message: 'description is too long (maximum is 140 characters)',
      },
    ])
  }
  const status = ctx.state.addDeploymentStatus(d.id, {
    state: b.state ?? 'pending',
    creator: ctx.actor,
    environment: b.environment,
    environmentUrl: b.environment_url,
    logUrl: b.log_url,
    targetUrl: b.target_url,
    description: b.description,
  })
  if (status.state === 'success' && b.auto_inactive !== false) inactivatePrior(ctx, d)
  return { status: 201, body: deploymentStatus(ctx.state, status) }
}

export const deploymentHandlers: Record<string, Handler> = {
  'repos/list-deployments': listDeployments,
  'repos/create-deployment': createDeployment,
  'repos/get-deployment': getDeployment,
  'repos/list-deployment-statuses': listStatuses,
  'repos/create-deployment-status': createStatus,
}
