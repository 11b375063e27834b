import { checkHandlers } from './checks.js'
import { deploymentHandlers } from './deployments.js'
import { issueListHandlers } from './issue-lists.js'
import { issueHandlers } from './issues.js'
import { milestoneHandlers } from './milestones.js'
import { pullHandlers } from './pulls.js'
import { releaseHandlers } from './releases.js'
import { repoHandlers } from './repos.js'
import type { Handler } from './types.js'

/** operationId -> handler. An operation of the spec without an entry here answers 501. */
export const handlers: Record<string, Handler> = {
  ...pullHandlers,
  ...issueHandlers,
  ...issueListHandlers,
  ...milestoneHandlers,
  ...repoHandlers,
  ...checkHandlers,
  ...releaseHandlers,
  ...deploymentHandlers,
}
