import type { ErrorObject } from 'ajv'
import { parseDocument } from 'yaml'
import schema from '../../fixline.schema.json' with { type: 'json' }
import { declarationProblems } from './declarations.js'
import { globSource, patternProblem, tagPatternSource } from './patterns.js'
// The schema's validator, generated at build time (ajv standalone code): never compiled at start.
import { validate } from './schema-validator.generated.js'
import { ConfigError, type Config, type ConfigProblem } from './types.js'

/**
 * Parses and validates the text of `.github/fixline.yml`. `undefined` (no file) and an empty file
 * both give the defaults. Throws a {@link ConfigError} listing every problem with its key path.
 */
export function parseConfig(text: string | undefined, file = '.github/fixline.yml'): Config {
  let data: unknown = {}
  if (text !== undefined && text.trim() !== '') {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
    if (doc.errors.length > 0) {
      throw new ConfigError(
        file,
        doc.errors.map((e) => ({ path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
      )
    }
    data = doc.toJS() ?? {}
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(file, [
      {
        path: '',
        message:
          'must be a mapping of keys (lines, backport, upgrade, requests, forwardport, hotfix)',
      },
    ])
  }
  const copy = structuredClone(data)
  if (!validate(copy)) throw new ConfigError(file, describeErrors(validate.errors ?? []))
  const config = copy as Config
  const problems = [...checkRegexes(config), ...declarationProblems(config)]
  if (problems.length > 0) throw new ConfigError(file, problems)
  return config
}

/** The defaults, as an empty file gives them. */
export function defaultConfig(): Config {
  return parseConfig(undefined)
}

function describeErrors(errors: readonly ErrorObject[]): ConfigProblem[] {
  const seen = new Set<string>()
  const out: ConfigProblem[] = []
  for (const e of errors) {
    const problem = describeError(e)
    const key = `${problem.path}\u0000${problem.message}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(problem)
    }
  }
  return out
}

function describeError(e: ErrorObject): ConfigProblem {
  const path = pointerToPath(e.instancePath)
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const allowed = Object.keys(subschemaAt(e.schemaPath)?.properties ?? {})
      return {
        path: joinPath(path, key),
        message: `unknown key "${key}"${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
      }
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      }
    case 'type':
      return { path, message: `must be ${String(params.type)}` }
    case 'required':
      return { path, message: `missing required key "${String(params.missingProperty)}"` }
    default:
      return { path, message: e.message ?? 'is not valid' }
  }
}

function pointerToPath(pointer: string): string {
  let path = ''
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    path = /^\d+$/.test(part) ? `${path}[${part}]` : joinPath(path, part)
  }
  return path
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
}

function subschemaAt(schemaPath: string): SchemaNode | undefined {
  let node: unknown = schema
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node as SchemaNode | undefined
}

function checkRegexes(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const check = (path: string, source: string | undefined, use: 'whole' | 'search') => {
    const message = source === undefined ? undefined : patternProblem(source, use)
    if (message !== undefined) problems.push({ path, message })
  }
  config.lines.patterns.forEach((p, i) => check(`lines.patterns[${i}]`, p, 'whole'))
  config.backport.labels.forEach((r, i) =>
    check(`backport.labels[${i}].pattern`, r.pattern, 'whole'),
  )
  config.backport.copyLabels.forEach((p, i) => check(`backport.copyLabels[${i}]`, p, 'search'))
  config.forwardport.copyLabels.forEach((p, i) =>
    check(`forwardport.copyLabels[${i}]`, p, 'search'),
  )
  check('upgrade.migrations.pattern', config.upgrade.migrations.pattern, 'search')
  // Built from config text (always valid syntax), but they may still be too large to run.
  config.upgrade.tags.forEach((t, i) => check(`upgrade.tags[${i}]`, tagPatternSource(t), 'whole'))
  config.upgrade.bookkeeping.forEach((g, i) =>
    check(`upgrade.bookkeeping[${i}]`, globSource(g), 'whole'),
  )
  if (config.upgrade.build.source === 'file' && !config.upgrade.build.file)
    problems.push({
      path: 'upgrade.build.file',
      message: 'is required when upgrade.build.source is "file"',
    })
  if (config.upgrade.migrations.layout === 'regex' && !config.upgrade.migrations.pattern)
    problems.push({
      path: 'upgrade.migrations.pattern',
      message: 'is required when upgrade.migrations.layout is "regex"',
    })
  if (config.upgrade.migrations.layout === 'manifest' && !config.upgrade.migrations.manifest)
    problems.push({
      path: 'upgrade.migrations.manifest',
      message: 'is required when upgrade.migrations.layout is "manifest"',
    })
  return problems
}
