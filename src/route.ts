import { obj, str, int } from './payload.js'
/**
 * Decides from the event name and payload which job runs. Pure: payloads are untrusted input,
 * so every field is checked before it is used.
 */
export type Route =
  | { job: 'backport'; trigger: BackportTrigger }
  | { job: 'upgrade'; trigger: UpgradeTrigger }
  | { job: 'requests'; trigger: RequestTrigger }
  | { job: 'hotfix'; trigger: HotfixTrigger }
  | { job: 'forwardport'; trigger: ForwardPortTrigger }
  | { job: 'dashboard'; trigger: DashboardTrigger }
  | { job: 'none'; reason: string }

export type BackportTrigger =
  | { type: 'merged'; pr: number }
  | { type: 'labeled'; pr: number; label: string }
  | {
      type: 'comment'
      pr: number
      commentId: number
      user: string
      targets: string[]
      commentBody: string
    }
  | { type: 'dispatch'; pr: number; targets: string[] }

/** `/forwardport [line...]` on a merged PR, or a release published from an older line (forwardport.onRelease). */
export type ForwardPortTrigger =
  | { type: 'comment'; pr: number; commentId: number; user: string; lines: string[] }
  | { type: 'release'; tag: string }

export type UpgradeTrigger =
  | { type: 'release-pr'; pr: number; base: string; headSha: string; baseSha: string }
  | { type: 'release'; tag: string; sha: string | undefined }
  | { type: 'dispatch'; ref: string }

export type RequestTrigger =
  | { type: 'issue'; issue: number; action: 'opened' | 'edited' | 'reopened' }
  | { type: 'issue-labeled'; issue: number; label: string; user: string }
  | {
      type: 'command'
      issue: number
      commentId: number
      user: string
      command: 'approve' | 'reject'
      argument: string
    }
  | { type: 'backport-merged'; pr: number; headRef: string }

/** `/hotfix [<tag-or-commit>] [--force]` on an issue or PR, or workflow_dispatch's `hotfix` input. */
export type HotfixTrigger =
  | { type: 'command'; issue: number; commentId: number; user: string; args: string[] }
  | { type: 'dispatch'; user: string; args: string[] }
  | { type: 'pr'; pr: number; base: string; headSha: string }
  | { type: 'release'; tag: string }
  | { type: 'deployment'; sha: string; environment: string }
  | { type: 'merged'; pr: number; base: string }
  | { type: 'schedule' }

/**
 * The release lines audit and its dashboard: on `schedule`, on `workflow_dispatch` with
 * `job: audit`, and on an edit of the dashboard issue (a box ticked: `body` is the issue's body
 * after the edit, `before` the body before it, both outside input).
 */
export type DashboardTrigger =
  | { type: 'schedule' }
  | { type: 'dispatch' }
  | { type: 'edited'; issue: number; user: string; body: string; before: string | undefined }

/** The hidden marker the dashboard issue's body starts with (src/dashboard/render.ts writes it). */
export const DASHBOARD_MARKER = '<!-- fixline:dashboard -->'

/**
 * What routing takes from the config. Every option may only ADD routes (never remove one), so an
 * event that routes to nothing under {@link WIDEST_ROUTE_OPTIONS} routes to nothing whatever the
 * config says: the action then finishes without reading the config (main.ts).
 */
export interface RouteOptions {
  /** `hotfix.branchPrefix`: PRs into such a branch get the hotfix check. */
  hotfixPrefix?: string
  /** `forwardport.onRelease`: a published release also routes to the forward-port job. */
  forwardPortOnRelease?: boolean
}

/** The options that route the most events: the prefix '' matches every branch. */
export const WIDEST_ROUTE_OPTIONS: Readonly<RouteOptions> = {
  hotfixPrefix: '',
  forwardPortOnRelease: true,
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function routeEvent(
  eventName: string,
  payload: Record<string, unknown>,
  options: RouteOptions = {},
): Route[] {
  if (PR_EVENTS.has(eventName)) return routePullRequest(payload, options.hotfixPrefix ?? 'hotfix/')
  if (eventName === 'issue_comment') return routeComment(payload)
  if (eventName === 'issues') return routeIssue(payload)
  if (eventName === 'release') return routeRelease(payload, options.forwardPortOnRelease === true)
  if (eventName === 'deployment_status') return routeDeploymentStatus(payload)
  if (eventName === 'schedule')
    return [
      { job: 'hotfix', trigger: { type: 'schedule' } },
      { job: 'dashboard', trigger: { type: 'schedule' } },
    ]
  if (eventName === 'workflow_dispatch') return routeDispatch(payload)
  return [{ job: 'none', reason: `event "${eventName}" is not one fixline handles` }]
}

function routePullRequest(payload: Record<string, unknown>, hotfixPrefix: string): Route[] {
  const action = str(payload.action)
  const pr = obj(payload.pull_request)
  const number = int(pr?.number ?? payload.number)
  if (!pr || number === undefined)
    return [{ job: 'none', reason: 'the payload has no pull_request' }]
  const merged = pr.merged === true
  const headRef = str(obj(pr.head)?.ref) ?? ''
  const routes: Route[] = []
  if (action === 'closed' && merged) {
    routes.push({ job: 'backport', trigger: { type: 'merged', pr: number } })
    const base = str(obj(pr.base)?.ref)
    if (base && base.startsWith(hotfixPrefix) && base.length > hotfixPrefix.length)
      routes.push({ job: 'hotfix', trigger: { type: 'merged', pr: number, base } })
    if (headRef.startsWith('backport/'))
      routes.push({ job: 'requests', trigger: { type: 'backport-merged', pr: number, headRef } })
  } else if (action === 'labeled' && merged) {
    const label = str(obj(payload.label)?.name)
    if (label) routes.push({ job: 'backport', trigger: { type: 'labeled', pr: number, label } })
  } else if (action === 'opened' || action === 'synchronize' || action === 'reopened') {
    const base = str(obj(pr.base)?.ref)
    const headSha = str(obj(pr.head)?.sha)
    const baseSha = str(obj(pr.base)?.sha)
    if (base && headSha && baseSha)
      routes.push({
        job: 'upgrade',
        trigger: { type: 'release-pr', pr: number, base, headSha, baseSha },
      })
    if (base && headSha && base.startsWith(hotfixPrefix) && base.length > hotfixPrefix.length)
      routes.push({ job: 'hotfix', trigger: { type: 'pr', pr: number, base, headSha } })
  }
  return routes.length > 0
    ? routes
    : [{ job: 'none', reason: `pull_request "${action ?? '?'}" needs no work` }]
}

/** Parses `/backport 1.x 2.x` (first line of a comment). Undefined when the comment is not a command. */
export function parseSlashCommand(body: string): { command: string; args: string[] } | undefined {
  const first = body.replace(/\r/g, '').trimStart().split('\n')[0] ?? ''
  const match = /^\/([a-z][a-z-]*)(?:\s+(.*))?$/.exec(first.trim())
  if (!match?.[1]) return undefined
  const args = (match[2] ?? '').split(/[\s,]+/).filter((a) => a.length > 0)
  return { command: match[1], args }
}

function routeComment(payload: Record<string, unknown>): Route[] {
  if (str(payload.action) !== 'created')
    return [{ job: 'none', reason: 'only new comments carry commands' }]
  const issue = obj(payload.issue)
  const comment = obj(payload.comment)
  const number = int(issue?.number)
  const commentId = int(comment?.id)
  const user = str(obj(comment?.user)?.login)
  const body = str(comment?.body)
  if (number === undefined || commentId === undefined || !user || body === undefined)
    return [{ job: 'none', reason: 'the comment payload is incomplete' }]
  const parsed = parseSlashCommand(body)
  if (!parsed) return [{ job: 'none', reason: 'the comment is not a fixline command' }]
  const isPr = obj(issue?.pull_request) !== undefined
  if (parsed.command === 'backport' && isPr)
    return [
      {
        job: 'backport',
        trigger: {
          type: 'comment',
          pr: number,
          commentId,
          user,
          targets: parsed.args,
          commentBody: body,
        },
      },
    ]
  if (parsed.command === 'forwardport' && isPr)
    return [
      {
        job: 'forwardport',
        trigger: { type: 'comment', pr: number, commentId, user, lines: parsed.args },
      },
    ]
  if (parsed.command === 'hotfix')
    return [
      {
        job: 'hotfix',
        trigger: { type: 'command', issue: number, commentId, user, args: parsed.args },
      },
    ]
  // On an issue: a backport request. On a PR: a release manager's answer to a /backport held for approval.
  if (parsed.command === 'approve' || parsed.command === 'reject')
    return [
      {
        job: 'requests',
        trigger: {
          type: 'command',
          issue: number,
          commentId,
          user,
          command: parsed.command,
          argument: parsed.args.join(' '),
        },
      },
    ]
  return [{ job: 'none', reason: `/${parsed.command} is not a command here` }]
}

function routeIssue(payload: Record<string, unknown>): Route[] {
  const action = str(payload.action)
  const number = int(obj(payload.issue)?.number)
  if (number === undefined) return [{ job: 'none', reason: 'the payload has no issue' }]
  if (obj(obj(payload.issue)?.pull_request))
    return [{ job: 'none', reason: 'pull requests are not requests' }]
  const body = str(obj(payload.issue)?.body) ?? ''
  // The dashboard (its author is checked through the API by the job): a tick, never a request.
  if (body.startsWith(DASHBOARD_MARKER)) return routeDashboardEdit(payload, number, body)
  if (action === 'opened' || action === 'edited' || action === 'reopened')
    return [{ job: 'requests', trigger: { type: 'issue', issue: number, action } }]
  if (action === 'labeled') {
    const label = str(obj(payload.label)?.name)
    const user = str(obj(payload.sender)?.login)
    if (label && user)
      return [{ job: 'requests', trigger: { type: 'issue-labeled', issue: number, label, user } }]
  }
  return [{ job: 'none', reason: `issues "${action ?? '?'}" needs no work` }]
}

function routeDashboardEdit(
  payload: Record<string, unknown>,
  issue: number,
  body: string,
): Route[] {
  const user = str(obj(payload.sender)?.login)
  if (str(payload.action) !== 'edited' || !user)
    return [{ job: 'none', reason: 'the dashboard issue changes only by edits' }]
  const before = str(obj(obj(payload.changes)?.body)?.from)
  return [{ job: 'dashboard', trigger: { type: 'edited', issue, user, body, before } }]
}

function routeRelease(payload: Record<string, unknown>, forwardPort: boolean): Route[] {
  const release = obj(payload.release)
  const tag = str(release?.tag_name)
  if (str(payload.action) !== 'published' || !tag)
    return [{ job: 'none', reason: 'only published releases are checked' }]
  return [
    { job: 'upgrade', trigger: { type: 'release', tag, sha: undefined } },
    { job: 'hotfix', trigger: { type: 'release', tag } },
    ...(forwardPort
      ? [{ job: 'forwardport' as const, trigger: { type: 'release' as const, tag } }]
      : []),
  ]
}

function routeDeploymentStatus(payload: Record<string, unknown>): Route[] {
  const state = str(obj(payload.deployment_status)?.state)
  const deployment = obj(payload.deployment)
  const sha = str(deployment?.sha)
  const environment =
    str(obj(payload.deployment_status)?.environment) ?? str(deployment?.environment)
  if (state !== 'success' || !sha || !/^[0-9a-f]{40}$/.test(sha) || !environment)
    return [{ job: 'none', reason: `deployment_status "${state ?? '?'}" needs no work` }]
  return [{ job: 'hotfix', trigger: { type: 'deployment', sha, environment } }]
}

function routeDispatch(payload: Record<string, unknown>): Route[] {
  const inputs = obj(payload.inputs) ?? {}
  const pr = int(typeof inputs.pr === 'string' ? Number(inputs.pr) : inputs.pr)
  if (pr !== undefined && pr > 0) {
    const targets = (str(inputs.targets) ?? '').split(/[\s,]+/).filter((t) => t.length > 0)
    return [{ job: 'backport', trigger: { type: 'dispatch', pr, targets } }]
  }
  const hotfix = inputs.hotfix
  if (typeof hotfix === 'string' ? hotfix.trim() !== '' && hotfix !== 'false' : hotfix === true) {
    const args =
      typeof hotfix === 'string' ? hotfix.split(/[\s,]+/).filter((a) => a.length > 0) : []
    const user = str(obj(payload.sender)?.login) ?? ''
    return [{ job: 'hotfix', trigger: { type: 'dispatch', user, args } }]
  }
  const job = str(inputs.job)
  if (job === 'audit' || job === 'dashboard')
    return [{ job: 'dashboard', trigger: { type: 'dispatch' } }]
  if (job === 'check' || job === 'upgrade-safety') {
    return [{ job: 'upgrade', trigger: { type: 'dispatch', ref: str(inputs.ref) ?? 'HEAD' } }]
  }
  return [
    {
      job: 'none',
      reason:
        'workflow_dispatch needs the input "pr" (a PR number to backport), "hotfix" (start a hotfix), "job: check" or "job: audit"',
    },
  ]
}
