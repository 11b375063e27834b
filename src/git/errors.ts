/** What went wrong in a git command, classified from its exit code and stderr. */
export type GitErrorKind =
  | 'conflict'
  | 'empty-commit'
  | 'not-found'
  | 'auth'
  | 'push-rejected'
  | 'workflow-permission'
  | 'bad-ref'
  | 'timeout'
  | 'unknown'

export class GitError extends Error {
  override readonly name = 'GitError'
  constructor(
    message: string,
    readonly kind: GitErrorKind,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Maps a failed git invocation to a typed error kind. Pure: tested without git. */
export function classifyGitFailure(args: readonly string[], stderr: string): GitErrorKind {
  const sub = args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''
  const err = stderr.toLowerCase()
  if (
    /refusing to allow .* to create or update workflow/.test(err) ||
    err.includes('`workflows` permission')
  )
    return 'workflow-permission'
  if (
    err.includes('authentication failed') ||
    err.includes('could not read username') ||
    /\b403\b/.test(err)
  )
    return 'auth'
  if (
    sub === 'push' &&
    (err.includes('[rejected]') ||
      err.includes('non-fast-forward') ||
      err.includes('failed to push'))
  )
    return 'push-rejected'
  if (
    sub === 'cherry-pick' &&
    (err.includes('the previous cherry-pick is now empty') || err.includes('nothing to commit'))
  )
    return 'empty-commit'
  if (sub === 'cherry-pick' && (err.includes('conflict') || err.includes('could not apply')))
    return 'conflict'
  if (
    err.includes('not a valid object name') ||
    err.includes("couldn't find remote ref") ||
    err.includes('unknown revision') ||
    err.includes('bad revision') ||
    err.includes('not our ref') ||
    err.includes('invalid reference')
  )
    return 'not-found'
  if (sub === 'check-ref-format') return 'bad-ref'
  return 'unknown'
}
