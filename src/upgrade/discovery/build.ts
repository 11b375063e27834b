/** Build numbers from a VERSION file, package.json, or a configured YAML/JSON file and key. Pure. */
import { isScalar, parseDocument } from 'yaml'
import type { YamlNotString } from '../model.js'
import { lineAt, firstLine, type DiscoveryProblem } from './problems.js'
import { yamlNotString } from './yaml-type.js'

export interface BuildRead {
  build: string | undefined
  line?: number
  notString?: boolean
  /** What YAML read the build as, when not a string. */
  yaml?: YamlNotString
  problems: DiscoveryProblem[]
}

/** First non-empty line of a VERSION file. */
export function buildFromVersionFile(text: string, file: string): BuildRead {
  const lines = text.split(/\r?\n/)
  const index = lines.findIndex((l) => l.trim() !== '')
  if (index < 0)
    return {
      build: undefined,
      problems: [{ rule: 'build-format', severity: 'error', file, message: `${file} is empty` }],
    }
  return { build: (lines[index] as string).trim(), line: index + 1, problems: [] }
}

/** A dotted key (`a.b.c`) in a YAML or JSON document, read as the raw scalar text. */
export function buildFromKey(text: string, file: string, key: string): BuildRead {
  let doc
  try {
    doc = parseDocument(text, { uniqueKeys: false })
  } catch (error) {
    return {
      build: undefined,
      problems: [
        {
          rule: 'build-format',
          severity: 'error',
          file,
          message: `${file} cannot be parsed: ${(error as Error).message}`,
        },
      ],
    }
  }
  if (doc.errors.length > 0) {
    return {
      build: undefined,
      problems: [
        {
          rule: 'build-format',
          severity: 'error',
          file,
          message: `${file} is not valid YAML or JSON: ${firstLine(doc.errors[0]!.message)}`,
        },
      ],
    }
  }
  let node: unknown
  try {
    node = doc.getIn(key.split('.'), true)
  } catch {
    node = undefined
  }
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
    return {
      build: undefined,
      problems: [
        { rule: 'build-format', severity: 'error', file, message: `${file} has no "${key}" value` },
      ],
    }
  }
  const range = node.range
  const yaml = yamlNotString(node)
  const notString = yaml !== undefined
  const build = notString && range ? text.slice(range[0], range[1]).trim() : String(node.value)
  const line = range ? { line: lineAt(text, range[0]) } : {}
  return { build, ...line, notString, ...(yaml ? { yaml } : {}), problems: [] }
}

/** `version` of a package.json. */
export function buildFromPackageJson(text: string, file: string): BuildRead {
  return buildFromKey(text, file, 'version')
}
