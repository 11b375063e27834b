import { parseNodeId } from '../ids.js'
import type { FakeGitHubState } from '../state.js'
import type { Reply } from './types.js'

/** What a GraphQL request could not be served with: the server turns it into a 501 and a problem. */
export class GraphqlUnimplemented extends Error {}

interface GraphqlBody {
  query?: unknown
  variables?: Record<string, unknown>
}

const METHODS = ['MERGE', 'SQUASH', 'REBASE'] as const

/** An argument of the mutation call: inline string, bare enum, or a $variable. */
function findArgument(
  call: string,
  variables: Record<string, unknown>,
  name: string,
): string | undefined {
  const key = `(?<![$\\w])${name}\\s*:\\s*`
  const inline = new RegExp(`${key}"([^"]*)"`).exec(call)?.[1]
  if (inline) return inline
  const bareEnum = new RegExp(`${key}([A-Z]+)\\b`).exec(call)?.[1]
  if (bareEnum) return bareEnum
  const variable = new RegExp(`${key}\\$(\\w+)`).exec(call)?.[1]
  const value = variable ? variables[variable] : variables[name]
  return typeof value === 'string' ? value : undefined
}

function autoMerge(
  state: FakeGitHubState,
  query: string,
  variables: Record<string, unknown>,
  enable: boolean,
  actor: string,
): Reply {
  const mutation = enable ? 'enablePullRequestAutoMerge' : 'disablePullRequestAutoMerge'
  query = query.slice(query.indexOf(mutation))
  const id = findArgument(query, variables, 'pullRequestId') ?? ''
  const pr = state.pullRequest(Number(parseNodeId('PR', id) ?? NaN))
  const error = (message: string): Reply => ({
    status: 200,
    body: {
      data: { [mutation]: null },
      errors: [{ type: 'UNPROCESSABLE', path: [mutation], message }],
    },
  })
  if (!pr)
    return {
      status: 200,
      body: {
        data: { [mutation]: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: [mutation],
            message: `Could not resolve to a node with the global id of '${id}'`,
          },
        ],
      },
    }
  if (state.autoMergeFailure) return error(state.autoMergeFailure)
  if (pr.state !== 'open')
    return error('Pull request is not in the correct state to enable auto-merge')
  const method = (findArgument(query, variables, 'mergeMethod') ?? 'MERGE').toUpperCase()
  if (!METHODS.includes(method as (typeof METHODS)[number]))
    return error(`Invalid merge method ${method}`)
  pr.pull.autoMerge = enable
    ? { mergeMethod: method.toLowerCase() as 'merge' | 'squash' | 'rebase', enabledBy: actor }
    : null
  const request = enable ? { enabledAt: state.now(), mergeMethod: method } : null
  return {
    status: 200,
    body: {
      data: {
        [mutation]: {
          clientMutationId: null,
          pullRequest: { id, number: pr.number, autoMergeRequest: request },
        },
      },
    },
  }
}

/** POST /graphql: only the auto-merge mutations fixline uses. */
export function handleGraphql(state: FakeGitHubState, body: unknown, actor: string): Reply {
  const b = (body && typeof body === 'object' ? body : {}) as GraphqlBody
  const query = typeof b.query === 'string' ? b.query : ''
  const variables = b.variables ?? {}
  if (/\benablePullRequestAutoMerge\s*\(/.test(query))
    return autoMerge(state, query, variables, true, actor)
  if (/\bdisablePullRequestAutoMerge\s*\(/.test(query))
    return autoMerge(state, query, variables, false, actor)
  const first =
    /\b(?:query|mutation)\b[^{]*\{\s*(\w+)/.exec(query)?.[1] ??
    /\{\s*(\w+)/.exec(query)?.[1] ??
    'unknown'
  throw new GraphqlUnimplemented(`graphql ${first}`)
}
