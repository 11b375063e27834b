/**
 * The dashboard issue and fixline's state comment on it: found only when fixline's identity wrote
 * them, created once, written only when their text changes.
 */
import { commentIdentity, type JobDeps } from '../jobs.js'
import { findMarkedComment, writeComment } from '../github/comments.js'
import {
  createMarkedIssue,
  findMarkedIssue,
  updateMarkedIssue,
  type MarkedIssue,
  type MarkedIssueRef,
} from '../github/marked-issue.js'
import { DASHBOARD_MARKER } from './render.js'
import {
  decodeState,
  emptyState,
  encodeState,
  sameState,
  STATE_MARKER,
  type DashboardState,
} from './state.js'

export interface Loaded {
  issue: MarkedIssue | undefined
  state: DashboardState
  /** fixline's state comment, when there is one. */
  comment: { id: number; body: string } | undefined
}

function issueRef(deps: JobDeps): MarkedIssueRef {
  return {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    marker: DASHBOARD_MARKER,
    author: deps.botLogin,
  }
}

/** The dashboard issue (fixline's own) and the state in fixline's comment on it. */
export async function loadDashboard(deps: JobDeps): Promise<Loaded> {
  const issue = await findMarkedIssue(deps.github, issueRef(deps))
  if (!issue) return { issue, state: emptyState(), comment: undefined }
  const comment = await findMarkedComment(deps.github, {
    owner: deps.ctx.owner,
    repo: deps.ctx.repo,
    issue: issue.number,
    ...commentIdentity(deps, STATE_MARKER),
  })
  return { issue, state: decodeState(comment?.body), comment }
}

export type IssueAction = 'created' | 'updated' | 'unchanged'

/** Creates the dashboard once or updates it in place when its title or body changed. */
export async function writeDashboard(
  deps: JobDeps,
  issue: MarkedIssue | undefined,
  body: string,
): Promise<{ issue: MarkedIssue; action: IssueAction }> {
  const title = deps.config.dashboard.title
  if (!issue) {
    const created = await createMarkedIssue(deps.github, issueRef(deps), title, body)
    return { issue: created, action: 'created' }
  }
  const changed = await updateMarkedIssue(deps.github, issueRef(deps), issue, { title, body })
  return {
    issue: { ...issue, title, body, state: 'open' },
    action: changed ? 'updated' : 'unchanged',
  }
}

/** Writes the state comment when the state changed (none is written while there is no state). */
export async function writeState(
  deps: JobDeps,
  issueNumber: number,
  loaded: Pick<Loaded, 'state' | 'comment'>,
  state: DashboardState,
): Promise<void> {
  if (sameState(loaded.state, state) && loaded.comment) return
  if (!loaded.comment && state.decisions.length === 0 && state.opened.length === 0) return
  await writeComment(
    deps.github,
    {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      issue: issueNumber,
      ...commentIdentity(deps, STATE_MARKER),
    },
    loaded.comment,
    encodeState(state),
  )
}
