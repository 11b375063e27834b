/** Shared pieces of the webhook payload builders (__tests__/support/payloads.ts). */
import { createRequire } from 'node:module'
import { simpleUser } from './factories/common.js'
import { userId } from './ids.js'

export type Json = Record<string, unknown>

export interface Definition {
  name: string
  examples: Json[]
}

export const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples',
) as Definition[]

export interface RepoArgs {
  owner?: string
  repo?: string
  defaultBranch?: string
}

const EXAMPLE_FULL_NAME = 'Codertocat/Hello-World'

/** A deep copy of the first example of `event` with `action` (any example when action is undefined). */
export function exampleOf(
  event: string,
  action?: string,
  pick: (e: Json) => boolean = () => true,
): Json {
  const found = definitions
    .find((d) => d.name === event)
    ?.examples.find((e) => (action === undefined || e.action === action) && pick(e))
  if (!found) throw new Error(`no @octokit/webhooks-examples example for ${event}.${action ?? '*'}`)
  return structuredClone(found)
}

function deepReplace(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to)
  if (Array.isArray(value)) return value.map((v) => deepReplace(v, from, to))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepReplace(v, from, to)]))
  return value
}

/** Moves an example to owner/repo: every URL, the repository object, the sender. */
export function retarget(payload: Json, args: RepoArgs, sender: string): Json {
  const owner = args.owner ?? 'acme'
  const repo = args.repo ?? 'widgets'
  const full = (payload.repository as Json | undefined)?.full_name
  const out = deepReplace(
    payload,
    typeof full === 'string' ? full : EXAMPLE_FULL_NAME,
    `${owner}/${repo}`,
  ) as Json
  const repository = out.repository as Json
  Object.assign(repository, {
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: simpleUser(owner),
    default_branch: args.defaultBranch ?? 'main',
    id: userId(`${owner}/${repo}`),
  })
  delete out.organization
  delete out.installation
  out.sender = simpleUser(sender)
  return out
}

export function labelObject(owner: string, repo: string, name: string): Json {
  const id = userId(`label:${name}`)
  return {
    id,
    node_id: `LA_${id}`,
    url: `https://api.github.com/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  }
}
