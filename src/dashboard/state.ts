/**
 * What the dashboard remembers across runs, kept as hidden JSON in fixline's own comment on the
 * dashboard issue (found only when written by fixline's identity): the "not needed on this line"
 * decisions maintainers recorded with a tick, and the PRs opened from a tick (shown as links until
 * the fix lands). The issue body is never read back as state: anyone who may edit the issue can
 * write into it. Pure.
 */
import { hiddenJson } from '../markdown/escape.js'
import { isRecord } from '../payload.js'

export const STATE_MARKER = '<!-- fixline:dashboard-state -->'
const STATE_PREFIX = '<!-- fixline:dashboard-json '

/** "Not needed on `line`" for fix `sha`, recorded by `by` (a writer) at `at` (ISO 8601). */
export interface Decision {
  sha: string
  line: string
  by: string
  at: string
}

/** A PR fixline opened from a tick: `key` is the item's key (items.ts itemKey). */
export interface OpenedPr {
  key: string
  number: number
  url: string
}

export interface DashboardState {
  decisions: Decision[]
  opened: OpenedPr[]
}

/** At most this many decisions and opened PRs are kept (oldest dropped first): the comment stays small. */
export const MAX_DECISIONS = 400
export const MAX_OPENED = 200

export function emptyState(): DashboardState {
  return { decisions: [], opened: [] }
}

/** The state comment's body (after the marker, which comments.ts adds). */
export function encodeState(state: DashboardState): string {
  const kept: DashboardState = {
    decisions: state.decisions.slice(-MAX_DECISIONS),
    opened: state.opened.slice(-MAX_OPENED),
  }
  return [
    'fixline keeps the dashboard’s decisions here (edit them by ticking boxes in the issue).',
    `${STATE_PREFIX}${hiddenJson({ v: 1, ...kept })} -->`,
    '',
  ].join('\n')
}

/** The state in fixline's comment; anything malformed is dropped item by item (never thrown). */
export function decodeState(body: string | undefined): DashboardState {
  if (body === undefined) return emptyState()
  const start = body.indexOf(STATE_PREFIX)
  if (start < 0) return emptyState()
  const end = body.indexOf(' -->', start)
  if (end < 0) return emptyState()
  let data: unknown
  try {
    data = JSON.parse(body.slice(start + STATE_PREFIX.length, end))
  } catch {
    return emptyState()
  }
  if (!isRecord(data)) return emptyState()
  return {
    decisions: (Array.isArray(data.decisions) ? data.decisions : []).flatMap(decision),
    opened: (Array.isArray(data.opened) ? data.opened : []).flatMap(opened),
  }
}

function decision(v: unknown): Decision[] {
  if (!isRecord(v)) return []
  const { sha, line, by, at } = v
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return []
  if (typeof line !== 'string' || line === '' || typeof by !== 'string' || typeof at !== 'string')
    return []
  return [{ sha, line, by, at }]
}

function opened(v: unknown): OpenedPr[] {
  if (!isRecord(v)) return []
  const { key, number, url } = v
  if (typeof key !== 'string' || typeof url !== 'string') return []
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) return []
  return [{ key, number, url }]
}

/** The state with `added` decisions (a decision already there is kept as first recorded). */
export function withDecisions(state: DashboardState, added: readonly Decision[]): DashboardState {
  const has = new Set(state.decisions.map((d) => `${d.sha}:${d.line}`))
  const fresh = added.filter((d) => {
    const key = `${d.sha}:${d.line}`
    if (has.has(key)) return false
    has.add(key)
    return true
  })
  return { ...state, decisions: [...state.decisions, ...fresh] }
}

/** The state with `added` PRs (replacing an older entry for the same item). */
export function withOpened(state: DashboardState, added: readonly OpenedPr[]): DashboardState {
  const keys = new Set(added.map((o) => o.key))
  return { ...state, opened: [...state.opened.filter((o) => !keys.has(o.key)), ...added] }
}

/**
 * Opened PRs of items the fresh audit no longer lists (the fix landed, or the backport did) are
 * forgotten. Decisions are kept: they are what makes a fix "decided" instead of missing.
 */
export function pruneOpened(state: DashboardState, liveKeys: ReadonlySet<string>): DashboardState {
  return { ...state, opened: state.opened.filter((o) => liveKeys.has(o.key)) }
}

export function sameState(a: DashboardState, b: DashboardState): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
