import type { GitHub } from './client.js'

export interface IssueRef {
  owner: string
  repo: string
  /** Issue or pull request number. */
  issue: number
}

export interface FoundComment {
  id: number
  body: string
  url: string
}

export interface MarkedCommentOptions extends IssueRef {
  /** Hidden HTML marker (e.g. `<!-- fixline:backport-comment -->`) that identifies fixline's comment. */
  marker: string
  /** The new body, or a function of the existing body (undefined when there is none yet). Must contain the marker. */
  body: string | ((existing: string | undefined) => string)
  /**
   * Only a comment by this login counts (fixline's own identity), when known. The body given
   * should start with the marker (it is prepended otherwise).
   */
  author?: string
}

/** fixline's comment carrying `marker` on an issue or PR, found through every page of comments. */
export async function findMarkedComment(
  github: GitHub,
  options: IssueRef & { marker: string; author?: string },
): Promise<FoundComment | undefined> {
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issue,
    per_page: 100,
  })
  // fixline's comments start with the marker and are written by fixline's identity, or, when that
  // is not known (a GitHub App token), by a bot account: a person who pastes the hidden marker and
  // state into a comment of their own is never read as fixline.
  const found = comments.find(
    (c) =>
      (c.body ?? '').startsWith(options.marker) &&
      (options.author !== undefined ? c.user?.login === options.author : c.user?.type === 'Bot'),
  )
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
  let body = typeof options.body === 'function' ? options.body(existing?.body) : options.body
  if (!body.includes(options.marker)) body = `${options.marker}\n${body}`
  const written = await writeComment(github, options, existing, body)
  return { ...written, url: written.url ?? '' }
}

/**
 * Writes fixline's comment: updates `existing` in place when its body changed (no call when it did
 * not), else creates one.
 */
export async function writeComment(
  github: GitHub,
  ref: IssueRef,
  existing: { id: number; body: string; url?: string } | undefined,
  body: string,
): Promise<{ id: number; url: string | undefined; created: boolean }> {
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
  const { data } = await github.rest.issues.createComment({
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issue,
    body,
  })
  return { id: data.id, url: data.html_url, created: true }
}

/** A plain new comment (replies such as a refused command). */
export async function createComment(
  github: GitHub,
  options: IssueRef & { body: string },
): Promise<{ id: number; url: string }> {
  const { data } = await github.rest.issues.createComment({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issue,
    body: options.body,
  })
  return { id: data.id, url: data.html_url }
}
