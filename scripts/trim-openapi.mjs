#!/usr/bin/env node
// Trims GitHub's dereferenced OpenAPI description down to the operations fixline uses.
// Input:  node_modules/@octokit/openapi/generated/api.github.com.deref.json (~73 MB, parsed once)
// Output: __tests__/support/openapi/github-trimmed.json
// To add an operation: add a [METHOD, path] pair to OPERATIONS and re-run `npm run openapi:trim`.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.deref.json')
const TARGET = join(root, '__tests__/support/openapi/github-trimmed.json')

const R = '/repos/{owner}/{repo}'
/** [method, path template] of every operation the fake server knows. */
export const OPERATIONS = [
  ['get', `${R}`],
  ['get', `${R}/pulls`],
  ['post', `${R}/pulls`],
  ['get', `${R}/pulls/{pull_number}`],
  ['patch', `${R}/pulls/{pull_number}`],
  ['get', `${R}/pulls/{pull_number}/commits`],
  ['put', `${R}/pulls/{pull_number}/merge`],
  ['get', `${R}/pulls/{pull_number}/reviews`],
  ['get', `${R}/pulls/{pull_number}/requested_reviewers`],
  ['post', `${R}/pulls/{pull_number}/requested_reviewers`],
  ['get', `${R}/issues`],
  ['post', `${R}/issues`],
  ['get', `${R}/issues/{issue_number}`],
  ['patch', `${R}/issues/{issue_number}`],
  ['get', `${R}/issues/{issue_number}/comments`],
  ['post', `${R}/issues/{issue_number}/comments`],
  ['patch', `${R}/issues/comments/{comment_id}`],
  ['get', `${R}/issues/{issue_number}/labels`],
  ['post', `${R}/issues/{issue_number}/labels`],
  ['delete', `${R}/issues/{issue_number}/labels/{name}`],
  ['post', `${R}/issues/{issue_number}/assignees`],
  ['get', `${R}/milestones`],
  ['post', `${R}/issues/comments/{comment_id}/reactions`],
  ['get', `${R}/collaborators/{username}/permission`],
  ['get', `${R}/branches`],
  ['get', `${R}/branches/{branch}`],
  ['get', `${R}/commits/{ref}/check-runs`],
  ['get', `${R}/commits/{commit_sha}/pulls`],
  ['get', `${R}/labels/{name}`],
  ['post', `${R}/labels`],
  ['post', `${R}/check-runs`],
  ['patch', `${R}/check-runs/{check_run_id}`],
  ['post', `${R}/statuses/{sha}`],
  ['get', `${R}/releases`],
  ['get', `${R}/releases/latest`],
  ['get', `${R}/releases/tags/{tag}`],
  ['post', `${R}/releases`],
  ['get', `${R}/deployments`],
  ['post', `${R}/deployments`],
  ['get', `${R}/deployments/{deployment_id}`],
  ['get', `${R}/deployments/{deployment_id}/statuses`],
  ['post', `${R}/deployments/{deployment_id}/statuses`],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}'],
]

/** Keys that only document; dropped everywhere except as property names. */
const DROP = new Set([
  'description',
  'example',
  'examples',
  'summary',
  'externalDocs',
  'title',
  'x-github',
  'x-githubEnterpriseOnly',
  'x-multi-segment',
  'deprecated',
  'tags',
  'servers',
])

function strip(value, isPropertyMap = false) {
  if (Array.isArray(value)) return value.map((v) => strip(v))
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [key, child] of Object.entries(value)) {
    if (!isPropertyMap && (DROP.has(key) || key.startsWith('x-'))) continue
    // Children of `properties` / `patternProperties` are schemas keyed by field name.
    out[key] = strip(child, !isPropertyMap && (key === 'properties' || key === 'patternProperties'))
  }
  return isPropertyMap ? out : denullable(out)
}

/** OpenAPI 3.0 `nullable: true` -> plain JSON Schema, so ajv needs no OpenAPI mode. */
function denullable(schema) {
  if (!('nullable' in schema)) return schema
  const { nullable, ...rest } = schema
  if (nullable !== true) return rest
  if (typeof rest.type === 'string') {
    const out = { ...rest, type: [rest.type, 'null'] }
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) out.enum = [...rest.enum, null]
    return out
  }
  return { anyOf: [{ type: 'null' }, rest] }
}

/**
 * The dereferenced spec repeats big schemas (simple-user, repository...) hundreds of times, and
 * ajv would compile every copy. Every schema of MIN_SHARED+ characters becomes one entry of
 * `schemas`, referenced as { "$ref": "<id>" }, so ajv compiles it once per process.
 */
const MIN_SHARED = 300
const shared = new Map()

function share(schema) {
  if (Array.isArray(schema) || schema === null || typeof schema !== 'object') return schema
  const out = {}
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(child).map(([name, s]) => [name, share(s)]))
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems') {
      out[key] = child.map(share)
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = Array.isArray(child) ? child.map(share) : share(child)
    } else {
      out[key] = child
    }
  }
  const text = JSON.stringify(out)
  if (text.length < MIN_SHARED) return out
  const id = `s_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`
  shared.set(id, out)
  return { $ref: id }
}

function jsonSchemaOf(content) {
  if (!content) return undefined
  const media =
    content['application/json'] ?? content['application/scim+json'] ?? Object.values(content)[0]
  return media?.schema ? share(strip(media.schema)) : undefined
}

function trimOperation(method, path, op) {
  const parameters = (op.parameters ?? []).map((p) => ({
    name: p.name,
    in: p.in,
    required: Boolean(p.required),
    schema: share(strip(p.schema ?? {})),
  }))
  const responses = {}
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    responses[status] = { schema: jsonSchemaOf(response.content) ?? null }
  }
  const body = op.requestBody
    ? {
        required: Boolean(op.requestBody.required),
        schema: jsonSchemaOf(op.requestBody.content) ?? null,
      }
    : null
  return {
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    parameters,
    requestBody: body,
    responses,
  }
}

function main() {
  const started = Date.now()
  const spec = JSON.parse(readFileSync(SOURCE, 'utf8'))
  const operations = []
  const missing = []
  for (const [method, path] of OPERATIONS) {
    const op = spec.paths?.[path]?.[method]
    if (!op) missing.push(`${method.toUpperCase()} ${path}`)
    else operations.push(trimOperation(method, path, op))
  }
  if (missing.length > 0) {
    console.error(`Operations not found in the spec:\n  ${missing.join('\n  ')}`)
    process.exit(1)
  }
  const schemas = Object.fromEntries([...shared.entries()].sort(([a], [b]) => a.localeCompare(b)))
  const out = {
    source: '@octokit/openapi api.github.com.deref.json',
    openapi: spec.openapi,
    operations,
    schemas,
  }
  mkdirSync(dirname(TARGET), { recursive: true })
  const text = JSON.stringify(out)
  writeFileSync(TARGET, text + '\n')
  console.log(
    `Wrote ${operations.length} operations (${shared.size} shared schemas), ${(text.length / 1024).toFixed(0)} KiB, to ${TARGET} in ${Date.now() - started} ms`,
  )
}

// Run only when executed (`node scripts/trim-openapi.mjs`), not when OPERATIONS is imported.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
