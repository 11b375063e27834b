import type { OriginRepo } from '../origin.js'
import type { FakeGitHubState } from '../state.js'

/** What a handler gets: the request, already matched and validated against the spec. */
export interface HandlerContext {
  state: FakeGitHubState
  /** Path parameters, converted to the spec's types (pull_number is a number). */
  params: Record<string, unknown>
  /** Query parameters, converted to the spec's types. */
  query: Record<string, unknown>
  /** The parsed JSON body (valid per the spec when the handler runs). */
  body: unknown
  /** Full request URL on the fake server (for Link headers). */
  url: URL
  origin: OriginRepo | undefined
  /** Login the request's token acts as (state.setTokenLogin, else state.actor). */
  actor: string
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>

/** A GitHub-style error answer (404, 403, 422...). */
export class ApiError extends Error {
  readonly status: number
  readonly errors: unknown[] | undefined

  constructor(status: number, message: string, errors?: unknown[]) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.errors = errors
  }
}

/**
 * A request the fake cannot answer as GitHub would (e.g. a deployment that would auto-merge):
 * answered 501 and reported as an "unimplemented" problem, never silently approximated.
 */
export class Unimplemented extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'Unimplemented'
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found')

export const validationFailed = (errors: unknown[]): ApiError =>
  new ApiError(422, 'Validation Failed', errors)

/** GitHub's answer to an issue or pull request title over 256 characters (code points). */
export function assertTitleLength(title: string): void {
  if (Array.from(title).length > 256)
    throw validationFailed([
      {
        resource: 'Issue',
        code: 'custom',
        field: 'title',
        message: 'title is too long (maximum is 256 characters)',
      },
    ])
}

export function numberParam(ctx: HandlerContext, name: string): number {
  const value = ctx.params[name]
  if (typeof value !== 'number') throw notFound()
  return value
}

export function stringParam(ctx: HandlerContext, name: string): string {
  const value = ctx.params[name]
  if (typeof value !== 'string') throw notFound()
  return value
}

/** The body as an object with the fields an operation reads (validated by the spec beforehand). */
export function bodyOf<T>(ctx: HandlerContext): Partial<T> {
  return (ctx.body && typeof ctx.body === 'object' ? ctx.body : {}) as Partial<T>
}
