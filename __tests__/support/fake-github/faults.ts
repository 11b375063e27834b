/**
 * Fault injection for the fake GitHub API: deliberate failures a test switches on to exercise
 * timeouts, retries and idempotent writes. Injected faults are never reported as problems.
 */
import { errorBody } from './factories/common.js'
import type { Reply } from './handlers/types.js'

export type FaultKind = 'lost-answer' | 'error' | 'hang' | 'reset' | 'rate-limit'

/** What a fault's `match` sees of a request (body already parsed from JSON). */
export interface FaultCall {
  method: string
  /** Request path without the query (still percent-encoded). */
  path: string
  query: Record<string, string>
  body: unknown
}

export interface Fault {
  /** Spec operationId ('issues/create-comment', 'pulls/create', ...) or 'graphql'. */
  operation: string
  /**
   * - 'lost-answer': the request is applied (validation and handler as usual), then answered
   *   `status` (default 502): GitHub made the write but the answer was lost.
   * - 'error': answers `status` (default 502) without applying.
   * - 'hang': never answers (the socket stays open until the client gives up or the server closes).
   * - 'reset': destroys the socket without an answer (ECONNRESET on the client).
   * - 'rate-limit': answers 429 (or 403 with `status: 403`) with retry-after and an exhausted
   *   x-ratelimit-* budget, without applying.
   */
  kind: FaultKind
  /** How many matching requests it affects (default 1); Infinity allowed. */
  times?: number
  status?: number
  /** Seconds, for 'rate-limit' (default 1). */
  retryAfter?: number
  /** Seconds from now for x-ratelimit-reset, for 'rate-limit' (default: retryAfter). */
  resetIn?: number
  /** Error message of the answer ('error', 'lost-answer', 'rate-limit'). */
  message?: string
  /** Extra response headers ('error', 'lost-answer', 'rate-limit'). */
  headers?: Record<string, string>
  /** For 'hang' and 'reset': apply the request before giving no answer (default false). */
  apply?: boolean
  /** Only requests for which this returns true are affected (default: every request of the operation). */
  match?: (call: FaultCall) => boolean
}

/** A fault that fired on one request. */
export interface InjectedFault {
  operation: string
  kind: FaultKind
  method: string
  path: string
  /** Status sent: 0 when no answer was sent ('hang', 'reset'). */
  status: number
  /** Whether the request changed state ('lost-answer', or 'hang'/'reset' with `apply`). */
  applied: boolean
  /** The status the handler produced when applied (e.g. 201 behind a lost 502). */
  appliedStatus?: number
  /** Wall-clock time it fired (ms since the epoch). */
  at: number
}

interface Armed {
  fault: Fault
  remaining: number
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The faults switched on for a fake server, and the record of those that fired. */
export class Faults {
  private armed: Armed[] = []
  private fired: InjectedFault[] = []

  /** Arms a fault; faults on the same operation fire in the order they were added. */
  add(fault: Fault): void {
    const times = fault.times ?? 1
    if (!(times > 0)) throw new Error(`fake GitHub: fault times must be > 0, got ${times}`)
    if (
      fault.kind === 'rate-limit' &&
      fault.status !== undefined &&
      ![403, 429].includes(fault.status)
    )
      throw new Error(`fake GitHub: a rate-limit fault answers 403 or 429, not ${fault.status}`)
    this.armed.push({ fault, remaining: times })
  }

  /** Disarms every fault (what already fired stays in injected()). */
  clear(): void {
    this.armed = []
  }

  /** Every fault that fired, oldest first. */
  injected(): InjectedFault[] {
    return [...this.fired]
  }

  /** The first armed fault matching this request, consumed; undefined when none applies. */
  take(operation: string, call: FaultCall): Fault | undefined {
    const found = this.armed.find(
      (a) => a.fault.operation === operation && (a.fault.match?.(call) ?? true),
    )
    if (!found) return undefined
    found.remaining--
    if (found.remaining <= 0) this.armed = this.armed.filter((a) => a !== found)
    return found.fault
  }

  /** Records a fault that fired. */
  record(entry: Omit<InjectedFault, 'at'>): void {
    this.fired.push({ ...entry, at: Date.now() })
  }
}

/** Whether the request reaches the handler before the fault's answer (or lack of one). */
export function applies(fault: Fault): boolean {
  return (
    fault.kind === 'lost-answer' ||
    ((fault.kind === 'hang' || fault.kind === 'reset') && fault.apply === true)
  )
}

/** The answer of an 'error', 'lost-answer' or 'rate-limit' fault. */
export function faultReply(fault: Fault): Reply {
  if (fault.kind === 'rate-limit') {
    const status = fault.status ?? 429
    const retryAfter = fault.retryAfter ?? 1
    const reset = Math.floor(Date.now() / 1000) + (fault.resetIn ?? retryAfter)
    const message =
      fault.message ??
      (status === 429
        ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        : 'API rate limit exceeded for installation ID 1.')
    return {
      status,
      body: errorBody(message),
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
        ...fault.headers,
      },
    }
  }
  const status = fault.status ?? 502
  return {
    status,
    body: errorBody(fault.message ?? STATUS_TEXT[status] ?? 'Injected fault'),
    headers: fault.headers,
  }
}
