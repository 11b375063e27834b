import { GitError } from './git/errors.js'

/**
 * One line for a user: the error's message plus its cause's, unless the message already says it
 * or the cause is a GitError (whose stderr goes to the debug log, not into comments).
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause =
    error.cause instanceof Error &&
    !(error.cause instanceof GitError) &&
    !error.message.includes(error.cause.message)
      ? `: ${error.cause.message}`
      : ''
  return `${error.message}${cause}`
}
