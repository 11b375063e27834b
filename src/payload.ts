import { isPlausibleRefName } from './git/refs.js'
/** Readers for untrusted JSON (webhook payloads, API responses): a value of the right type, or undefined. */

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return isRecord(v) ? v : undefined
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined
}

/** The repository's default branch as the event payload gives it (every repository event carries it). */
export function payloadDefaultBranch(payload: Record<string, unknown>): string | undefined {
  const name = str(obj(payload.repository)?.default_branch)
  return name !== undefined && isPlausibleRefName(name) ? name : undefined
}
