/**
 * Pushing backport branches. fixline only ever pushes branches it owns (`backport/...`), with an
 * explicit refspec, and turns GitHub's workflow-permission rejection into an actionable message.
 */
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { assertValidBranchName, isPlausibleRefName, printable } from '../git/refs.js'
import { assertRemote } from './fetch.js'

export const OWNED_PREFIX = 'backport/'
/** Every prefix fixline owns: backports and forward-ports (src/backport/kind.ts). */
export const OWNED_PREFIXES: readonly string[] = [OWNED_PREFIX, 'forwardport/']

/** Throws unless `branch` is a valid branch name that fixline owns (`backport/...`, `forwardport/...`). Returns it normalized. */
export async function assertOwnedBranch(git: Git, branch: string): Promise<string> {
  if (!OWNED_PREFIXES.some((p) => branch.startsWith(p) && branch.length > p.length))
    throw new Error(
      `refusing to touch branch "${printable(branch)}": fixline only pushes branches under ${OWNED_PREFIXES.join(' or ')}`,
    )
  const name = await assertValidBranchName(git, branch)
  if (name !== branch) throw new Error(`"${printable(branch)}" is not a valid branch name`)
  return name
}

/** The push was refused because the token may not change workflow files. */
export class WorkflowPermissionError extends Error {
  override readonly name = 'WorkflowPermissionError'
  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(
      `the token cannot push changes to ${file}: it lacks the \`workflows\` permission ` +
        `(use a GitHub App token with 'Workflows: write', or a PAT with the workflow scope)`,
      options,
    )
  }
}

/** The workflow file named in GitHub's rejection, e.g. "refusing to allow ... workflow `.github/workflows/x.yml` without ...". */
export function workflowFileFromRejection(stderr: string): string | undefined {
  return /create or update workflow `([^`]+)`/.exec(stderr)?.[1]
}

export interface PushOptions {
  /** Replace the remote branch (force-with-lease). */
  force: boolean
  /**
   * With force: the sha the remote branch must still have (from {@link remoteBranchHeads}). When
   * omitted, the current remote head is read first (one `git ls-remote`).
   */
  expectedSha?: string
}

/** Pushes the local `refs/heads/<branch>` (made by prepareBranch) to `refs/heads/<branch>` on the remote. */
export async function pushBranch(
  git: Git,
  remote: string,
  branch: string,
  options: PushOptions,
): Promise<void> {
  assertRemote(remote)
  await assertOwnedBranch(git, branch)
  const lease: string[] = []
  if (options.force) {
    const expected =
      options.expectedSha ?? (await remoteBranchHeads(git, remote, [branch])).get(branch)
    lease.push(`--force-with-lease=refs/heads/${branch}:${expected ?? ''}`)
  }
  try {
    await git.run([
      'push',
      '--quiet',
      '--no-verify',
      ...lease,
      remote,
      `refs/heads/${branch}:refs/heads/${branch}`,
    ])
  } catch (error) {
    if (error instanceof GitError && error.kind === 'workflow-permission') {
      throw new WorkflowPermissionError(
        workflowFileFromRejection(error.stderr) ?? 'a file under .github/workflows/',
        { cause: error },
      )
    }
    throw error
  }
}

/**
 * The current sha of each named branch on the remote (absent ones are missing from the map),
 * with ONE `git ls-remote --heads`.
 */
export async function remoteBranchHeads(
  git: Git,
  remote: string,
  branches: readonly string[],
): Promise<Map<string, string>> {
  assertRemote(remote)
  const heads = new Map<string, string>()
  if (branches.length === 0) return heads
  for (const b of branches)
    if (!isPlausibleRefName(b)) throw new Error(`"${printable(b)}" is not a valid branch name`)
  const wanted = new Set(branches)
  const lines = await git.lines([
    'ls-remote',
    '--heads',
    remote,
    ...branches.map((b) => `refs/heads/${b}`),
  ])
  for (const line of lines) {
    const [sha, ref] = line.split('\t')
    const name = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
    if (sha && name && wanted.has(name)) heads.set(name, sha)
  }
  return heads
}
