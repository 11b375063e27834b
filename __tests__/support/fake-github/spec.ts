import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One operation of the trimmed OpenAPI description (written by scripts/trim-openapi.mjs). */
export interface SpecParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: Record<string, unknown>
}

export interface SpecOperation {
  operationId: string
  method: string
  path: string
  parameters: SpecParameter[]
  requestBody: { required: boolean; schema: Record<string, unknown> | null } | null
  responses: Record<string, { schema: Record<string, unknown> | null }>
}

interface TrimmedSpec {
  operations: SpecOperation[]
  /** Shared subschemas, referenced from operations as { "$ref": "<id>" }. */
  schemas: Record<string, Record<string, unknown>>
}

export interface RouteMatch {
  operation: SpecOperation
  params: Record<string, string>
}

interface CompiledRoute {
  operation: SpecOperation
  pattern: RegExp
  names: string[]
  literals: number
}

const SPEC_FILE = fileURLToPath(new URL('../openapi/github-trimmed.json', import.meta.url))

let routes: CompiledRoute[] | undefined
let sharedSchemas: TrimmedSpec['schemas'] = {}

function compile(operation: SpecOperation): CompiledRoute {
  const names: string[] = []
  let literals = 0
  const source = operation.path
    .split('/')
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)
      if (param?.[1]) {
        names.push(param[1])
        return '([^/]+)'
      }
      if (segment !== '') literals++
      return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
    })
    .join('/')
  return { operation, pattern: new RegExp(`^${source}$`), names, literals }
}

function loadRoutes(): CompiledRoute[] {
  if (!routes) {
    const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as TrimmedSpec
    sharedSchemas = spec.schemas ?? {}
    // Most literal segments first, so /releases/latest wins over a parameter in the same place.
    routes = spec.operations.map(compile).sort((a, b) => b.literals - a.literals)
  }
  return routes
}

/** Finds the spec operation for a method and a raw (still percent-encoded) path. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  for (const route of loadRoutes()) {
    if (route.operation.method !== method.toUpperCase()) continue
    const found = route.pattern.exec(rawPath)
    if (!found) continue
    const params: Record<string, string> = {}
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(found[i + 1] ?? '')
    })
    return { operation: route.operation, params }
  }
  return undefined
}

/** The shared subschemas operations refer to by id. */
export function specSchemas(): TrimmedSpec['schemas'] {
  loadRoutes()
  return sharedSchemas
}

/** All operations of the trimmed spec (for tests and diagnostics). */
export function specOperations(): SpecOperation[] {
  return loadRoutes().map((r) => r.operation)
}
