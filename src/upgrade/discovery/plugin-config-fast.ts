/**
 * A fast reader for the common shape of plugin_config.yml: top-level `key: value` lines (plain words
 * or one-line quoted strings) and `key:` followed by `  - item` lists, nothing else. Anything outside
 * that subset (comments, tabs, CR, flow or block scalars, anchors, duplicate keys, numbers, null or
 * booleans...) returns undefined and the full YAML parser decides. Same result as parsePluginConfig
 * on the subset, at a fraction of the cost (a repository has one config blob per release). Pure.
 */
import type { PluginConfig } from './delphix.js'
import type { DiscoveryProblem } from './problems.js'

/** A plain scalar that YAML's core schema reads as a string: starts with a letter, no spaces or indicators. */
const PLAIN = /^[A-Za-z_](?:[A-Za-z0-9_./-]|:(?=[A-Za-z0-9_./]))*$/
/** Any plain scalar of this shape is valid YAML (a string, a number...): for keys whose value is not read. */
const ANY_PLAIN = /^[A-Za-z0-9_](?:[A-Za-z0-9_./()-]|[: ](?=[A-Za-z0-9_./(]))*$/
/** Digits and dots: a number for YAML when at most one dot (`1`, `1.0`, `1.`), else a string (`0.1.0`). */
const DOTTED = /^[0-9][0-9.]*$/
const NUMBER = /^[0-9]+(?:\.[0-9]*)?$/
const NOT_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/
const DOUBLE = /^"([ !#-[\]-~]*)"$/
const SINGLE = /^'([ -&(-~]*)'$/
const ENTRY = /^([A-Za-z_][A-Za-z0-9_]{0,63}):(?: (.*))?$/
const ITEM = /^( {2})?- (.*)$/
const WANTED = new Set(['buildNumber', 'srcDir', 'schemaFile'])

/** The string a one-line value stands for, or undefined when it is not a plain or quoted string. */
function stringValue(value: string): string | undefined {
  if (PLAIN.test(value)) return NOT_STRING.test(value) ? undefined : value
  const quoted = DOUBLE.exec(value) ?? SINGLE.exec(value)
  return quoted ? quoted[1] : undefined
}

function isScalar(value: string): boolean {
  return stringValue(value) !== undefined || ANY_PLAIN.test(value)
}

/** The plugin config when `text` is in the simple subset, else undefined. */
export function simplePluginConfig(text: string, file: string): PluginConfig | undefined {
  if (text.length > 65_536 || text.includes('\r') || text.includes('\t')) return undefined
  const values = new Map<string, { value: string; line: number }>()
  /** Indent of the current list's items; '?' right after `key:`, undefined outside a list. */
  let list: string | undefined
  let buildNotString = false
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    if (line.length > 1000) return undefined
    const item = ITEM.exec(line)
    if (item) {
      const indent = item[1] ?? ''
      if (list === undefined || (list !== '?' && list !== indent) || !isScalar(item[2] as string))
        return undefined
      list = indent
      continue
    }
    const entry = ENTRY.exec(line)
    if (!entry) return undefined
    const key = entry[1] as string
    if (values.has(key)) return undefined
    const raw = entry[2]
    if (raw === undefined) {
      if (WANTED.has(key)) return undefined
      values.set(key, { value: '', line: i + 1 })
      list = '?'
      continue
    }
    list = undefined
    let value = stringValue(raw)
    if (value === undefined && key === 'buildNumber' && DOTTED.test(raw)) {
      value = raw
      buildNotString = NUMBER.test(raw)
    }
    if (value === undefined && (WANTED.has(key) || !ANY_PLAIN.test(raw))) return undefined
    values.set(key, { value: value ?? raw, line: i + 1 })
  }
  if (values.size === 0) return undefined
  const build = values.get('buildNumber')
  const trimmed = (key: string) => {
    const v = values.get(key)?.value.trim()
    return v ? v : undefined
  }
  return {
    build: build?.value,
    buildNotString,
    // Only unquoted numbers reach here as non-strings (null, booleans, tags go to the YAML parser).
    ...(buildNotString ? { buildYaml: { type: 'number' as const } } : {}),
    buildLine: build?.line,
    srcDir: trimmed('srcDir'),
    schemaFile: trimmed('schemaFile'),
    problems: build ? [] : [noBuildNumber(file, values.get('version')?.value)],
  }
}

/**
 * The one problem of a plugin_config.yml without buildNumber. With `version:` (SDKs before
 * buildNumber existed) it is a warning: the release predates build numbers and is not checked. The
 * message does not quote the version, so every release of that kind shares one finding.
 */
export function noBuildNumber(file: string, version: string | undefined): DiscoveryProblem {
  if (version === undefined)
    return { rule: 'build-format', severity: 'error', file, message: `${file} has no buildNumber` }
  return {
    rule: 'build-format',
    severity: 'warning',
    file,
    message:
      `${file} has no buildNumber, only version: (a plugin made with an SDK before buildNumber): ` +
      `releases without buildNumber are not checked; add buildNumber to check them`,
  }
}
