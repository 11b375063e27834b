/**
 * What YAML made of a scalar that is not a string (an unquoted build number), so that
 * build-format can say what it is: `null` and `~` are YAML null, `true` a boolean, `!!binary ...`
 * binary data, not "a YAML number". Pure.
 */
import type { Scalar } from 'yaml'
import type { YamlNotString } from '../model.js'

const CORE_TAG = 'tag:yaml.org,2002:'

/** The kind of a non-string scalar (with its explicit tag, if written), or undefined for a string. */
export function yamlNotString(node: Scalar): YamlNotString | undefined {
  const value: unknown = node.value
  if (typeof value === 'string') return undefined
  const tag = node.tag?.startsWith(CORE_TAG) ? `!!${node.tag.slice(CORE_TAG.length)}` : node.tag
  return { type: typeOf(value), ...(tag ? { tag } : {}) }
}

function typeOf(value: unknown): YamlNotString['type'] {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number' || typeof value === 'bigint') return 'number'
  if (value instanceof Uint8Array) return 'binary'
  if (value instanceof Date) return 'timestamp'
  return 'other'
}
