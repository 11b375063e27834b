import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorBody } from './factories/common.js'
import { applies, faultReply, type FaultKind, type Faults } from './faults.js'
import { handleGraphql, GraphqlUnimplemented } from './handlers/graphql.js'
import { handlers } from './handlers/index.js'
import { ApiError, Unimplemented, type Reply } from './handlers/types.js'
import { OriginRepo } from './origin.js'
import { matchRoute, type SpecOperation } from './spec.js'
import { FakeGitHubState } from './state.js'
import { validateBody, validateParams, validateResponse, type ParsedParams } from './validation.js'

export interface FakeGitHubOptions {
  owner: string
  repo: string
  defaultBranch?: string
  /** A bare git repository: POST /pulls checks that head and base exist there, GET /branches reads it. */
  originPath?: string
}

export interface RecordedCall {
  method: string
  /** Request path without the query (still percent-encoded). */
  path: string
  /** The spec's operationId ("pulls/create"), "graphql", or null when unknown. */
  operation: string | null
  query: Record<string, string>
  body: unknown
  /** Status sent; 0 when no answer was sent (a 'hang' or 'reset' fault). */
  status: number
  /** Set when an injected fault shaped this call's answer. */
  fault?: FaultKind
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL / Octokit's baseUrl. */
  url: string
  state: FakeGitHubState
  calls: RecordedCall[]
  /** Fault injection: add(fault), clear(), injected(). The same object as state.faults. */
  faults: Faults
  /** Unimplemented operations, invalid requests, invalid responses, missing tokens: tests assert []. */
  problems(): string[]
  /** The recorded calls of one operation ("pulls/create", "graphql"). */
  callsTo(operation: string): RecordedCall[]
  /** Stops the server, destroying open sockets (hung requests included) instead of waiting. */
  close(): Promise<void>
}

interface Exchange {
  method: string
  url: URL
  headers: IncomingMessage['headers']
  body: unknown
}

/** How a request was answered: `reply` is undefined when a fault sent no answer at all. */
interface Outcome {
  operation: string | null
  reply: Reply | undefined
  fault?: FaultKind
}

class Fake {
  readonly state: FakeGitHubState
  readonly calls: RecordedCall[] = []
  readonly problems: string[] = []
  readonly origin: OriginRepo | undefined
  /** Responses held open by 'hang' faults: destroyed on close. */
  readonly hung = new Set<ServerResponse>()

  constructor(options: FakeGitHubOptions) {
    this.state = new FakeGitHubState(options.owner, options.repo, options.defaultBranch ?? 'main')
    this.origin = options.originPath ? new OriginRepo(options.originPath) : undefined
  }

  async answer(ex: Exchange): Promise<Outcome> {
    const where = `${ex.method} ${ex.url.pathname}`
    if (!ex.headers.authorization) {
      this.problems.push(`missing authorization: ${where}`)
      return { operation: null, reply: { status: 401, body: errorBody('Requires authentication') } }
    }
    const actor = this.state.loginFor(ex.headers.authorization)
    if (ex.method === 'POST' && ex.url.pathname === '/graphql')
      return this.withFault('graphql', ex, () => this.graphql(ex, actor))
    const match = matchRoute(ex.method, ex.url.pathname)
    if (!match) {
      this.problems.push(`unimplemented: ${where}`)
      return {
        operation: null,
        reply: { status: 501, body: errorBody(`fake GitHub does not implement ${where}`) },
      }
    }
    return this.operation(match.operation, match.params, ex, actor)
  }

  /**
   * Answers through the first armed fault of `operation` matching the request, if any: without
   * calling `apply` ('error', 'rate-limit', 'hang', 'reset'), or after it ('lost-answer', and
   * 'hang'/'reset' with `apply`), so that a lost write goes through the normal handler path.
   */
  private async withFault(
    operation: string,
    ex: Exchange,
    apply: () => Reply | Promise<Reply>,
  ): Promise<Outcome> {
    const call = {
      method: ex.method,
      path: ex.url.pathname,
      query: Object.fromEntries(ex.url.searchParams),
      body: ex.body,
    }
    const fault = this.state.faults.take(operation, call)
    if (!fault) return { operation, reply: await apply() }
    const applied = applies(fault) ? await apply() : undefined
    const reply = fault.kind === 'hang' || fault.kind === 'reset' ? undefined : faultReply(fault)
    this.state.faults.record({
      operation,
      kind: fault.kind,
      method: ex.method,
      path: ex.url.pathname,
      status: reply?.status ?? 0,
      applied: applied !== undefined,
      ...(applied ? { appliedStatus: applied.status } : {}),
    })
    return { operation, reply, fault: fault.kind }
  }

  private graphql(ex: Exchange, actor: string): Reply {
    try {
      return handleGraphql(this.state, ex.body, actor)
    } catch (error) {
      if (!(error instanceof GraphqlUnimplemented)) throw error
      this.problems.push(`unimplemented: ${error.message}`)
      return { status: 501, body: errorBody(`fake GitHub does not implement ${error.message}`) }
    }
  }

  private async operation(
    op: SpecOperation,
    rawParams: Record<string, string>,
    ex: Exchange,
    actor: string,
  ): Promise<Outcome> {
    const operation = op.operationId
    const { owner, repo } = rawParams
    if (
      owner !== undefined &&
      repo !== undefined &&
      `${owner}/${repo}`.toLowerCase() !== `${this.state.owner}/${this.state.repo}`.toLowerCase()
    ) {
      return { operation, reply: { status: 404, body: errorBody('Not Found') } }
    }
    const parsed = validateParams(op, rawParams, ex.url.searchParams)
    const errors = [...parsed.errors, ...validateBody(op, ex.body)]
    if (errors.length > 0) {
      this.problems.push(
        `invalid request: ${ex.method} ${op.path} (${op.operationId}): ${errors.join('; ')}`,
      )
      const reply = { status: 422, body: errorBody(`Invalid request.\n\n${errors.join('\n')}`) }
      return { operation, reply }
    }
    return this.withFault(operation, ex, () => this.handle(op, parsed, ex, actor))
  }

  private async handle(
    op: SpecOperation,
    parsed: ParsedParams,
    ex: Exchange,
    actor: string,
  ): Promise<Reply> {
    const handler = handlers[op.operationId]
    if (!handler) {
      this.problems.push(`unimplemented: ${ex.method} ${op.path} (${op.operationId})`)
      return { status: 501, body: errorBody(`fake GitHub does not implement ${op.operationId}`) }
    }
    const reply = await this.run(op, () =>
      handler({
        state: this.state,
        params: parsed.path,
        query: parsed.query,
        body: ex.body,
        url: ex.url,
        origin: this.origin,
        actor,
      }),
    )
    const invalid = validateResponse(op, reply.status, reply.body)
    if (invalid.length > 0)
      this.problems.push(
        `invalid response: ${op.operationId} ${reply.status}: ${invalid.join('; ')}`,
      )
    return reply
  }

  private async run(op: SpecOperation, call: () => Reply | Promise<Reply>): Promise<Reply> {
    try {
      return await call()
    } catch (error) {
      if (error instanceof ApiError)
        return { status: error.status, body: errorBody(error.message, error.errors) }
      if (error instanceof Unimplemented) {
        this.problems.push(`unimplemented: ${op.operationId}: ${error.message}`)
        return { status: 501, body: errorBody(`fake GitHub: ${error.message}`) }
      }
      this.problems.push(
        `fake crashed: ${op.operationId}: ${error instanceof Error ? error.stack : String(error)}`,
      )
      return { status: 500, body: errorBody('fake GitHub crashed') }
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    ...reply.headers,
  }
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end()
    return
  }
  res
    .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(reply.body))
}

async function serve(
  fake: Fake,
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', base)
  const text = await readBody(req)
  let body: unknown = text
  let outcome: Outcome | undefined
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch (error) {
    fake.problems.push(
      `bad request: ${method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
    )
    outcome = { operation: null, reply: { status: 400, body: errorBody('Problems parsing JSON') } }
  }
  outcome ??= await fake.answer({ method, url, headers: req.headers, body })
  fake.calls.push({
    method,
    path: url.pathname,
    operation: outcome.operation,
    query: Object.fromEntries(url.searchParams),
    body,
    status: outcome.reply?.status ?? 0,
    ...(outcome.fault ? { fault: outcome.fault } : {}),
  })
  if (outcome.reply) send(res, outcome.reply)
  else if (outcome.fault === 'reset') req.socket.resetAndDestroy()
  else {
    // 'hang': no answer until the client gives up or the server closes.
    fake.hung.add(res)
    res.once('close', () => fake.hung.delete(res))
  }
}

/** Starts the fake GitHub API on 127.0.0.1 (random port). Close it in afterEach/afterAll. */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const fake = new Fake(options)
  let base = ''
  const server = createServer((req, res) => {
    serve(fake, base, req, res).catch((error: unknown) => {
      fake.problems.push(
        `fake crashed: ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`,
      )
      if (!res.headersSent) send(res, { status: 500, body: errorBody('fake GitHub crashed') })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    state: fake.state,
    calls: fake.calls,
    faults: fake.state.faults,
    problems: () => [...fake.problems],
    callsTo: (operation) => fake.calls.filter((c) => c.operation === operation),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of fake.hung) res.socket?.destroy()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
