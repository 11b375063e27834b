import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { specSchemas, type SpecOperation, type SpecParameter } from './spec.js'

const cache = new Map<string, ValidateFunction>()
let instance: Ajv | undefined

/** One ajv per process; shared schemas are compiled once, on first use (inlineRefs: false). */
function ajv(): Ajv {
  if (!instance) {
    instance = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: false,
      logger: false,
      inlineRefs: false,
    })
    for (const [id, schema] of Object.entries(specSchemas())) instance.addSchema(schema, id)
  }
  return instance
}

function validator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let fn = cache.get(key)
  if (!fn) {
    fn = ajv().compile(schema)
    cache.set(key, fn)
  }
  return fn
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${JSON.stringify(e.params.allowedValues)})` : ''}`,
    )
}

function schemaType(schema: Record<string, unknown>): string | undefined {
  const t = schema.type
  if (typeof t === 'string') return t
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined
  return undefined
}

/** Query and path values arrive as strings: convert them to the type the spec declares. */
export function coerceParam(parameter: SpecParameter, raw: string): unknown {
  switch (schemaType(parameter.schema)) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw
    case 'array':
      return raw.split(',')
    default:
      return raw
  }
}

export interface ParsedParams {
  path: Record<string, unknown>
  query: Record<string, unknown>
  errors: string[]
}

/** Checks path and query parameters against the operation's parameter schemas. */
export function validateParams(
  operation: SpecOperation,
  path: Record<string, string>,
  query: URLSearchParams,
): ParsedParams {
  const out: ParsedParams = { path: {}, query: {}, errors: [] }
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue
    const raw =
      parameter.in === 'path' ? path[parameter.name] : (query.get(parameter.name) ?? undefined)
    if (raw === undefined) {
      if (parameter.required)
        out.errors.push(`${parameter.in} parameter "${parameter.name}" wasn't supplied`)
      continue
    }
    const value = coerceParam(parameter, raw)
    const fn = validator(`${operation.operationId}:param:${parameter.name}`, parameter.schema)
    if (!fn(value))
      out.errors.push(...describe(fn.errors, `${parameter.in} parameter "${parameter.name}"`))
    out[parameter.in][parameter.name] = value
  }
  return out
}

/** Checks a JSON request body against the operation's request body schema. */
export function validateBody(operation: SpecOperation, body: unknown): string[] {
  const spec = operation.requestBody
  if (!spec?.schema) return body === undefined ? [] : [`operation takes no request body`]
  if (body === undefined) return spec.required ? ['request body is required'] : []
  const fn = validator(`${operation.operationId}:body`, spec.schema)
  return fn(body) ? [] : describe(fn.errors, 'body')
}

/**
 * Checks a response body the fake produced against the spec's schema for that status.
 * A 2xx status the spec does not list is an error; undocumented error statuses are allowed.
 */
export function validateResponse(
  operation: SpecOperation,
  status: number,
  body: unknown,
): string[] {
  const response = operation.responses[String(status)]
  if (!response) return status < 300 ? [`status ${status} is not documented`] : []
  if (!response.schema) return []
  const fn = validator(`${operation.operationId}:response:${status}`, response.schema)
  return fn(body) ? [] : describe(fn.errors, `response ${status}`)
}
