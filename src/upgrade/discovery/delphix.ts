import { isRecord } from '../../payload.js'
/**
 * Delphix plugin files: plugin_config.yml (buildNumber as a raw string, srcDir, schemaFile), upgrade
 * decorators in Python sources, and schema.json. Every input is outside input: garbage gives a
 * problem naming the file, never an exception. Pure.
 */
import { createHash } from 'node:crypto'
import { isScalar, parseDocument } from 'yaml'
import type { Migration, SchemaSummary, YamlNotString } from '../model.js'
import { formatHash } from './format-hash.js'
import { noBuildNumber, simplePluginConfig } from './plugin-config-fast.js'
import { lineAt, quote, firstLine, type DiscoveryProblem } from './problems.js'
import { yamlNotString } from './yaml-type.js'

export interface PluginConfig {
  /** The build number exactly as written (YAML source text for unquoted values), or undefined. */
  build: string | undefined
  buildNotString: boolean
  /** What YAML read the build number as, when not a string. */
  buildYaml?: YamlNotString
  buildLine: number | undefined
  srcDir: string | undefined
  schemaFile: string | undefined
  problems: DiscoveryProblem[]
}

/** Reads a plugin_config.yml. `file` is its path, for messages. */
export function parsePluginConfig(text: string, file: string): PluginConfig {
  return simplePluginConfig(text, file) ?? parsePluginConfigYaml(text, file)
}

/** parsePluginConfig with the full YAML parser (any YAML). */
export function parsePluginConfigYaml(text: string, file: string): PluginConfig {
  const out: PluginConfig = {
    build: undefined,
    buildNotString: false,
    buildLine: undefined,
    srcDir: undefined,
    schemaFile: undefined,
    problems: [],
  }
  let doc
  try {
    doc = parseDocument(text, { uniqueKeys: false })
  } catch (error) {
    out.problems.push({
      rule: 'build-format',
      severity: 'error',
      file,
      message: `${file} cannot be parsed: ${(error as Error).message}`,
    })
    return out
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!
    const line = e.linePos?.[0]?.line
    out.problems.push({
      rule: 'build-format',
      severity: 'error',
      file,
      ...(line ? { line } : {}),
      message: `${file} is not valid YAML: ${firstLine(e.message)}`,
    })
    return out
  }
  const node = doc.get('buildNumber', true)
  if (node === undefined || node === null) {
    const version = doc.get('version')
    out.problems.push(
      noBuildNumber(
        file,
        typeof version === 'string' || typeof version === 'number' ? String(version) : undefined,
      ),
    )
  } else if (isScalar(node)) {
    const range = node.range
    const raw = range ? text.slice(range[0], range[1]) : String(node.value)
    out.buildLine = range ? lineAt(text, range[0]) : undefined
    const yaml = yamlNotString(node)
    out.buildNotString = yaml !== undefined
    if (yaml) out.buildYaml = yaml
    out.build = out.buildNotString ? raw.trim() : String(node.value)
  } else {
    out.problems.push({
      rule: 'build-format',
      severity: 'error',
      file,
      message: `${file}: buildNumber must be a quoted string, not a list or mapping`,
    })
  }
  out.srcDir = stringKey(doc.get('srcDir'))
  out.schemaFile = stringKey(doc.get('schemaFile'))
  return out
}

function stringKey(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const DECORATOR =
  /^([ \t]*)@\s*[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*?\s*\.\s*upgrade\s*\.\s*([A-Za-z_]\w*)\s*\(\s*(.*)$/
const LITERAL = /^(?:[rRuU]?)(['"])((?:(?!\1)[^\\\n]|\\.)*)\1\s*[,)]/
export const OBJECT_TYPES = [
  'repository',
  'source_config',
  'linked_source',
  'virtual_source',
  'snapshot',
] as const

export interface DecoratorScan {
  migrations: Migration[]
  problems: DiscoveryProblem[]
}

/** Finds `@<anything>.upgrade.<object_type>("<id>")` decorators in a Python source. */
export function scanDecorators(text: string, file: string): DecoratorScan {
  const lines = text.split(/\r?\n/)
  const out: DecoratorScan = { migrations: [], problems: [] }
  for (let i = 0; i < lines.length; i++) {
    const m = DECORATOR.exec(lines[i] as string)
    if (!m) continue
    const [, indent = '', objectType = '', rest = ''] = m
    const lit = LITERAL.exec(rest.trimStart())
    if (!lit) {
      out.problems.push({
        rule: 'migration-id',
        severity: 'error',
        file,
        line: i + 1,
        message: `${file}:${i + 1}: the upgrade decorator's ID is not a string literal (${quote(rest.trim())})`,
      })
      continue
    }
    if (!(OBJECT_TYPES as readonly string[]).includes(objectType)) {
      out.problems.push({
        rule: 'migration-id',
        severity: 'warning',
        file,
        line: i + 1,
        message: `${file}:${i + 1}: unknown upgrade object type ${quote(objectType)} (expected ${OBJECT_TYPES.join(', ')})`,
      })
    }
    const id = lit[2] ?? ''
    out.migrations.push({
      id,
      objectType,
      location: { file, line: i + 1 },
      ...hashes(functionText(lines, i, indent.length)),
    })
  }
  return out
}

/** The decorated function: from the first line after the decorators to the end of its body. */
function functionText(lines: readonly string[], decoratorLine: number, indent: number): string {
  let i = decoratorLine + 1
  while (i < lines.length && /^\s*@/.test(lines[i] as string)) i++
  const body: string[] = []
  for (let j = i; j < lines.length; j++) {
    const line = lines[j] as string
    const blank = line.trim() === '' || line.trim().startsWith('#')
    const depth = line.length - line.trimStart().length
    if (j > i && !blank && depth <= indent) break
    body.push(line.trimEnd())
  }
  while (body.length > 0 && (body[body.length - 1] as string).trim() === '') body.pop()
  return body.join('\n')
}

/** The content hash of an upgrade function and its hash with formatting ignored (format-hash.ts). */
function hashes(text: string): { contentHash: string; formatHash: string } {
  return { contentHash: hashText(text), formatHash: formatHash(text, 'python') }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** A JSON schema `type`: a name, or a list of names joined with `,`; undefined for anything else. */
function typeText(type: unknown): string | undefined {
  if (typeof type === 'string') return type
  if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string'))
    return type.join(',')
  return undefined
}

/** Summarises a Delphix schema.json: required properties and constraints per `<object>Definition`. */
export function summarizeSchema(
  text: string,
  file: string,
): { schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return {
      schema: undefined,
      problems: [
        {
          rule: 'schema-needs-migration',
          severity: 'warning',
          file,
          message: `${file} is not valid JSON, so schema changes cannot be checked: ${(error as Error).message}`,
        },
      ],
    }
  }
  if (!isRecord(data))
    return {
      schema: undefined,
      problems: [
        {
          rule: 'schema-needs-migration',
          severity: 'warning',
          file,
          message: `${file} is not a JSON object`,
        },
      ],
    }
  const objects: SchemaSummary['objects'] = {}
  for (const [key, def] of Object.entries(data)) {
    if (!isRecord(def)) continue
    const name = key.replace(/Definition$/, '')
    const required = Array.isArray(def.required)
      ? def.required.filter((r): r is string => typeof r === 'string')
      : []
    const properties: SchemaSummary['objects'][string]['properties'] = {}
    if (isRecord(def.properties)) {
      for (const [prop, spec] of Object.entries(def.properties)) {
        if (!isRecord(spec)) continue
        const type = typeText(spec.type)
        properties[prop] = {
          ...(type !== undefined ? { type } : {}),
          ...(Array.isArray(spec.enum) ? { enum: spec.enum.map((v) => JSON.stringify(v)) } : {}),
          ...(typeof spec.minimum === 'number' ? { minimum: spec.minimum } : {}),
          ...(typeof spec.maximum === 'number' ? { maximum: spec.maximum } : {}),
          ...(typeof spec.pattern === 'string' ? { pattern: spec.pattern } : {}),
        }
      }
    }
    objects[name] = { required, properties }
  }
  return { schema: { objects, location: { file } }, problems: [] }
}
