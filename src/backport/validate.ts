import { isReleaseLine, lineMatcher } from '../config/patterns.js'
/**
 * Checks requested targets before any git work: a valid branch name (git check-ref-format), a
 * configured release line, not the PR's own base, and present on the remote (one ls-remote for
 * every target and every backport branch). Rejections become failed rows with an actionable message.
 */
import { assertValidBranchName } from '../git/refs.js'
import type { JobDeps } from '../jobs.js'
import type { BackportEngine } from './engine.js'
import { REMOTE } from './engine.js'
import { portBranchName, type PortKind } from './kind.js'
import type { BackportRow } from './report.js'
import type { TargetRequest } from './triggers.js'

export interface ValidTarget extends TargetRequest {
  /** `backport/<n>-to-<target>`. */
  branch: string
  /** Head of the backport branch on the remote, when an earlier run pushed it. */
  existingHead: string | undefined
  /** The target branch's head on the remote when it was listed. */
  tip: string
}

export interface Validation {
  valid: ValidTarget[]
  rows: BackportRow[]
}

interface ValidationInput {
  /** Names the branch (`backport/...` by default, `forwardport/...`). */
  kind?: Pick<PortKind, 'name'>
  source: number
  baseRef: string
  requests: readonly TargetRequest[]
  defaultBranch: () => Promise<string | undefined>
}

export async function validateTargets(
  deps: JobDeps,
  engine: BackportEngine,
  input: ValidationInput,
): Promise<Validation> {
  const rows: BackportRow[] = []
  const named: TargetRequest[] = []
  for (const request of input.requests) {
    const rejection = await checkRequest(deps, input, request)
    if (rejection) rows.push(rejection)
    else named.push(request)
  }
  if (named.length === 0) return { valid: [], rows }
  const existing = await checkOnRemote(deps, engine, input, named)
  return { valid: existing.valid, rows: [...rows, ...existing.rows] }
}

/**
 * Checks one request without the remote: valid branch names (the target and its backport branch),
 * not the PR's own base (already applied), a configured release line. Undefined when it passes.
 */
async function checkRequest(
  deps: JobDeps,
  input: ValidationInput,
  request: TargetRequest,
): Promise<BackportRow | undefined> {
  const why = prefix(request)
  try {
    await assertValidBranchName(deps.git, request.target)
    await assertValidBranchName(deps.git, branchFor(input, input.source, request.target))
  } catch (error) {
    return failed(request.target, `${why}${(error as Error).message}`)
  }
  if (request.target === input.baseRef)
    return {
      target: request.target,
      status: 'already-applied',
      message: `${why}#${input.source} was merged into ${request.target} itself`,
    }
  // The default branch (an API call when the payload lacks it) is looked up only when no pattern matches.
  const patterns = lineMatcher(deps.config.lines.patterns)(request.target)
  if (!patterns && !isReleaseLine(request.target, deps.config.lines, await input.defaultBranch()))
    return failed(
      request.target,
      `${why}branch ${request.target} is not a release line (see lines.patterns in the config)`,
    )
  return undefined
}

/** One ls-remote for every target and its backport branch: missing targets fail, the rest are valid. */
async function checkOnRemote(
  deps: JobDeps,
  engine: BackportEngine,
  input: ValidationInput,
  named: readonly TargetRequest[],
): Promise<Validation> {
  const source = input.source
  const branches = named.flatMap((r) => [r.target, branchFor(input, source, r.target)])
  let heads: Map<string, string>
  try {
    heads = await engine.remoteBranchHeads(deps.git, REMOTE, branches)
  } catch (error) {
    const message = `cannot list the branches of ${REMOTE}: ${(error as Error).message}`
    return { valid: [], rows: named.map((r) => failed(r.target, `${prefix(r)}${message}`)) }
  }
  const valid: ValidTarget[] = []
  const rows: BackportRow[] = []
  for (const request of named) {
    const tip = heads.get(request.target)
    if (tip === undefined) {
      rows.push(
        failed(
          request.target,
          `${prefix(request)}branch ${request.target} does not exist on ${REMOTE}`,
        ),
      )
      continue
    }
    const branch = branchFor(input, source, request.target)
    valid.push({ ...request, branch, existingHead: heads.get(branch), tip })
  }
  return { valid, rows }
}

function branchFor(input: ValidationInput, source: number, target: string): string {
  return portBranchName(input.kind ?? { name: 'backport' }, source, target)
}

function prefix(request: TargetRequest): string {
  return request.label !== undefined ? `label ${request.label}: ` : ''
}

export function failed(target: string, message: string): BackportRow {
  return { target, status: 'failed', message, error: message }
}
