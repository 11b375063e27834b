import { milestone } from '../factories/issues.js'
import { paginate } from './paginate.js'
import type { Handler } from './types.js'

/**
 * `issues/list-milestones`: `state` open (default), closed or all; GitHub's default order is
 * `due_on` ascending, and the fake's milestones have no due date, so they come by number (with
 * `direction: desc` reversed).
 */
const listMilestones: Handler = (ctx) => {
  const state = typeof ctx.query.state === 'string' ? ctx.query.state : 'open'
  const found = [...ctx.state.milestones.values()]
    .filter((m) => state === 'all' || m.state === state)
    .sort((a, b) => a.number - b.number)
  if (ctx.query.direction === 'desc') found.reverse()
  return paginate(
    ctx,
    found.map((m) => milestone(ctx.state, m)),
  )
}

export const milestoneHandlers: Record<string, Handler> = {
  'issues/list-milestones': listMilestones,
}
