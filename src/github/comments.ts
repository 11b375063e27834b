import type { GitHub } from './client.js'
import { createOnce } from './create-once.js'

export interface IssueRef {
  owner: string
  repo: string
  /** Issue or pull request number. */
  issue: number
}

/** Which comment is fixline's: it starts with `marker` and was written by `author`, fixline's identity. */
export interface CommentIdentity {
  /** Hidden HTML marker (e.g. `<!-- fixline:backport-comment -->`) that starts fixline's comment. */
  marker: string
  /** The login fixline acts as (the `bot-login` input, `github-actions[bot]` by default). */
  author: string
  /** Told about comments by anyone else that carry the marker (they are ignored). */
  warn?: (message: string) => void
}

export interface FoundComment {
  id: number
  body: string
  url: string
}

export interface MarkedCommentOptions extends IssueRef, CommentIdentity {
  /** The new body, or a function of the existing body (undefined when there is none yet). */
  body: string | ((existing: string | undefined) => string)
}

/**
 * fixline's comment carrying `marker` on an issue or PR, found through every page of comments.
 * Only a comment by fixline's own identity counts: another account (a person, another app's bot)
 * that posts the hidden marker and state is never read as fixline, never edited, and is named in
 * the log.
 */
export async function findMarkedComment(
  github: GitHub,
  options: IssueRef & CommentIdentity,
): Promise<FoundComment | undefined> {
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issue,
    per_page: 100,
  })
  const marked = comments.filter((c) => (c.body ?? '').startsWith(options.marker))
  for (const c of marked)
    if (c.user?.login !== options.author)
      options.warn?.(
        `ignored comment ${c.id} on #${options.issue} by ${c.user?.login ?? 'an unknown account'}: it carries fixline's marker but fixline acts as ${options.author}`,
      )
  const found = marked.find((c) => c.user?.login === options.author)
  return found ? { id: found.id, body: found.body ?? '', url: found.html_url } : undefined
}

/**
 * Creates fixline's marked comment once and updates it in place afterwards (one list call, then one
 * update or create). Returns the comment and whether it was created.
 */
export async function upsertMarkedComment(
  github: GitHub,
  options: MarkedCommentOptions,
): Promise<{ id: number; url: string; created: boolean }> {
  const existing = await findMarkedComment(github, options)
  const body = withMarker(
    options.marker,
    typeof options.body === 'function' ? options.body(existing?.body) : options.body,
  )
  const written = await writeComment(github, options, existing, body)
  return { ...written, url: written.url ?? '' }
}

/**
 * Writes fixline's comment: updates `existing` in place when its body changed (no call when it did
 * not), else creates it exactly once (a create whose answer was lost is found by its marker, not
 * posted twice).
 */
export async function writeComment(
  github: GitHub,
  ref: IssueRef & CommentIdentity,
  existing: { id: number; body: string; url?: string } | undefined,
  text: string,
): Promise<{ id: number; url: string | undefined; created: boolean }> {
  const body = withMarker(ref.marker, text)
  if (existing) {
    if (existing.body === body) return { id: existing.id, url: existing.url, created: false }
    const { data } = await github.rest.issues.updateComment({
      owner: ref.owner,
      repo: ref.repo,
      comment_id: existing.id,
      body,
    })
    return { id: data.id, url: data.html_url, created: false }
  }
  const { value } = await createOnce({
    what: `fixline's comment on #${ref.issue}`,
    create: async () => {
      const { data } = await github.rest.issues.createComment({
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issue,
        body,
      })
      checkIdentity(ref.author, data.user?.login)
      return { id: data.id, url: data.html_url }
    },
    find: () => findMarkedComment(github, ref),
  })
  return { ...value, created: true }
}

/**
 * A reply fixline posts once per `key` (the id of the command's comment, a refused label and
 * user): a second delivery of the same event, or a retry after a lost answer, finds it and
 * writes nothing. Returns whether it posted.
 */
export async function replyOnce(
  github: GitHub,
  ref: IssueRef & Omit<CommentIdentity, 'marker'> & { key: string; body: string },
): Promise<boolean> {
  const marker = `<!-- fixline:reply ${ref.key.replace(/[^A-Za-z0-9_.@/-]/g, '_')} -->`
  const identity = { ...ref, marker }
  if (await findMarkedComment(github, identity)) return false
  await writeComment(github, identity, undefined, ref.body)
  return true
}

export class IdentityMismatchError extends Error {
  override readonly name = 'IdentityMismatchError'
}

/**
 * fixline finds its own comments by the identity it is told it acts as: when GitHub says the token
 * belongs to someone else, every later run would miss this comment and post another. Stop and say
 * how to set the identity instead.
 */
function checkIdentity(expected: string, actual: string | undefined): void {
  if (actual === undefined || actual === expected) return
  throw new IdentityMismatchError(
    `the token acts as ${actual}, but fixline's identity is ${expected}: fixline reads back only its own comments, so set the input bot-login to ${actual} (with actions/create-github-app-token: bot-login: \${{ steps.<id>.outputs.app-slug }}[bot])`,
  )
}

function withMarker(marker: string, body: string): string {
  return body.startsWith(marker) ? body : `${marker}\n${body}`
}
