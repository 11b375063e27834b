/**
 * Migration IDs from file names (Flyway, golang-migrate, Rails, a configured regex) and from a
 * manifest file (a JSON or YAML list of IDs). Pure; garbage gives a problem, never an exception.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import type { NamePattern } from '../../config/patterns.js'
import type { Migration } from '../model.js'
import { lineAt, quote, firstLine, type DiscoveryProblem } from './problems.js'

export type FileLayout = 'flyway' | 'golang-migrate' | 'rails' | 'regex'

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Flyway `V<id>__<description>.sql`: `_` or `.` separate the ID's parts (V1_1__x.sql is 1.1). */
export function flywayId(path: string): string | undefined {
  const m = /^V(\d+(?:[._]\d+)*)__.*\.sql$/.exec(baseName(path))
  return m?.[1]?.replace(/_/g, '.')
}

/** golang-migrate `<id>_<title>.up.sql`. */
export function golangMigrateId(path: string): string | undefined {
  return /^(\d+)_.*\.up\.sql$/.exec(baseName(path))?.[1]
}

/** Rails `db/migrate/<timestamp>_<name>.rb`. */
export function railsId(path: string): string | undefined {
  if (!/(^|\/)db\/migrate\/[^/]+$/.test(path)) return undefined
  return /^(\d+)_\w+\.rb$/.exec(baseName(path))?.[1]
}

/** A configured regex on file names: group `id`, else the first group, else the whole match. */
export function regexId(path: string, re: NamePattern): string | undefined {
  const m = re.exec(baseName(path))
  if (!m) return undefined
  return m.groups?.id ?? m[1] ?? m[0]
}

export function idFromFileName(
  layout: FileLayout,
  path: string,
  re?: NamePattern,
): string | undefined {
  switch (layout) {
    case 'flyway':
      return flywayId(path)
    case 'golang-migrate':
      return golangMigrateId(path)
    case 'rails':
      return railsId(path)
    case 'regex':
      return re ? regexId(path, re) : undefined
  }
}

/** Whether a path lies in one of the folders (any folder when none are given). */
export function inDirs(path: string, dirs: readonly string[]): boolean {
  if (dirs.length === 0) return true
  return dirs.some((d) => {
    const dir = d.replace(/^\.\//, '').replace(/\/+$/, '')
    return dir === '' || dir === '.' || path.startsWith(`${dir}/`)
  })
}

/** Migrations of a file-name layout from a file listing (path -> blob id; the blob id is the content hash). */
export function migrationsFromFiles(
  files: ReadonlyMap<string, string>,
  layout: FileLayout,
  dirs: readonly string[],
  re?: NamePattern,
): Migration[] {
  const out: Migration[] = []
  for (const [path, blob] of files) {
    if (!inDirs(path, dirs)) continue
    const id = idFromFileName(layout, path, re)
    if (id !== undefined) out.push({ id, location: { file: path }, contentHash: blob })
  }
  return out
}

/** A manifest: a JSON or YAML list of IDs (or `{migrations: [...]}`); entries may be `{id: ...}`. */
export function parseManifest(
  text: string,
  file: string,
): { migrations: Migration[]; problems: DiscoveryProblem[] } {
  const list = manifestList(text, file)
  if ('problem' in list) return { migrations: [], problems: [list.problem] }
  const migrations: Migration[] = []
  const problems: DiscoveryProblem[] = []
  for (const item of list.items) {
    const entry = manifestEntry(item, text, file)
    if ('problem' in entry) problems.push(entry.problem)
    else migrations.push(entry.migration)
  }
  return { migrations, problems }
}

function manifestProblem(file: string, message: string, line?: number): DiscoveryProblem {
  return { rule: 'migration-id', severity: 'error', file, ...(line ? { line } : {}), message }
}

/** The manifest's list of entries (the document, or its `migrations` key), or why there is none. */
function manifestList(
  text: string,
  file: string,
): { items: unknown[] } | { problem: DiscoveryProblem } {
  let doc
  try {
    doc = parseDocument(text)
  } catch (error) {
    return {
      problem: manifestProblem(file, `${file} cannot be parsed: ${(error as Error).message}`),
    }
  }
  if (doc.errors.length > 0)
    return {
      problem: manifestProblem(
        file,
        `${file} is not valid JSON or YAML: ${firstLine(doc.errors[0]!.message)}`,
      ),
    }
  let list: unknown = doc.contents
  if (isMap(list)) list = list.get('migrations', true)
  if (!isSeq(list))
    return {
      problem: manifestProblem(
        file,
        `${file} must be a list of migration IDs (or a mapping with a "migrations" list)`,
      ),
    }
  return { items: list.items as unknown[] }
}

/** One manifest entry (a scalar, or a mapping with `id`) as a migration, keeping unquoted numbers as written. */
function manifestEntry(
  item: unknown,
  text: string,
  file: string,
): { migration: Migration } | { problem: DiscoveryProblem } {
  const node = isMap(item) ? (item.get('id', true) as Node | undefined) : (item as Node)
  const line = node?.range ? lineAt(text, node.range[0]) : undefined
  if (!isScalar(node) || node.value === null || typeof node.value === 'object' || !node.range)
    return {
      problem: manifestProblem(
        file,
        `${file}${line ? `:${line}` : ''}: a manifest entry is not an ID`,
        line,
      ),
    }
  const raw =
    typeof node.value === 'string' ? node.value : text.slice(node.range[0], node.range[1]).trim()
  if (raw.length > 200)
    return {
      problem: manifestProblem(
        file,
        `${file}:${line}: manifest entry ${quote(raw)} is too long`,
        line,
      ),
    }
  return { migration: { id: raw, location: { file, ...(line ? { line } : {}) }, contentHash: '' } }
}
