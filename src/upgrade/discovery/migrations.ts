/**
 * Migration IDs from file names (Flyway, golang-migrate, Rails, a configured regex) and from a
 * manifest file (a JSON or YAML list of IDs). Pure; garbage gives a problem, never an exception.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { globSource, wholeName, type NamePattern } from '../../config/patterns.js'
import type { Migration } from '../model.js'
import { lineAt, quote, firstLine, type DiscoveryProblem } from './problems.js'

export type FileLayout = 'flyway' | 'golang-migrate' | 'rails' | 'regex'

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * Flyway `V<version>__<description>.sql`, and Java or Kotlin migrations `V<version>__<Name>.java`
 * (`.kt`): `_` or `.` separate the version's parts (V1_1__x.sql is 1.1, V7_0_2018_04_03__Fix.java
 * is 7.0.2018.04.03).
 */
export function flywayId(path: string): string | undefined {
  const m = /^V(\d+(?:[._]\d+)*)__.*\.(?:sql|java|kt)$/.exec(baseName(path))
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

/** Folders of bundled third-party code: their migrations are not the repository's own. */
export const VENDORED = ['vendor', 'node_modules', 'third_party'] as const

/** Whether a path lies under a vendored folder (`vendor/`, `node_modules/`, `third_party/`) at any depth. */
export function isVendored(path: string): boolean {
  return VENDORED.some((v) => path.startsWith(`${v}/`) || path.includes(`/${v}/`))
}

/**
 * A matcher for `upgrade.migrations.dirs` entries. An entry matches a folder at any depth
 * (`db/migration` also matches `app/src/main/resources/db/migration`) or, starting with `/` or
 * `./`, from the repository root only; `*`, `**` and `?` are globs (`*` within one folder name).
 * A file matches when it lies anywhere under a matching folder. Files under vendored folders count
 * only when the entry itself names one. Globs run on config/patterns.ts (linear time).
 */
export function dirMatcher(dir: string): (path: string) => boolean {
  const rooted = /^\.?\//.test(dir)
  const clean = dir.replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '')
  if (clean === '' || clean === '.') return (path) => !isVendored(path)
  const ownVendor = isVendored(`${clean}/`)
  const keep = (path: string) => ownVendor || !isVendored(path)
  if (!/[*?]/.test(clean)) {
    const head = `${clean}/`
    const inner = `/${head}`
    return (path) => keep(path) && (path.startsWith(head) || (!rooted && path.includes(inner)))
  }
  const re = wholeName(`${rooted ? '' : '(?:.*/)?'}${globSource(clean)}/.*`)
  return (path) => keep(path) && re !== undefined && re.test(path)
}

/** Whether a path lies in one of the folders (any folder but vendored ones when none are given). */
export function inDirs(path: string, dirs: readonly string[]): boolean {
  return dirsMatcher(dirs)(path)
}

/** Whether a layout reads migration IDs from file names (flyway, golang-migrate, rails, regex). */
export function isFileLayout(layout: string): layout is FileLayout {
  return (
    layout === 'flyway' || layout === 'golang-migrate' || layout === 'rails' || layout === 'regex'
  )
}

/** The dirs entries under which no listing (path -> blob) has a file; each listing scanned once per entry at most. */
export function unmatchedDirs(
  dirs: readonly string[],
  listings: readonly ReadonlyMap<string, string>[],
): string[] {
  const distinct = [...new Set(listings)]
  return dirs.filter((d) => {
    const inside = dirMatcher(d)
    return !distinct.some((files) => {
      for (const path of files.keys()) if (inside(path)) return true
      return false
    })
  })
}

/** One matcher for every `dirs` entry (vendored folders excluded when none are given). */
export function dirsMatcher(dirs: readonly string[]): (path: string) => boolean {
  const known = matcherCache.get(dirs)
  if (known) return known
  const matchers = dirs.map(dirMatcher)
  const matcher =
    matchers.length === 0
      ? (path: string) => !isVendored(path)
      : (path: string) => matchers.some((m) => m(path))
  matcherCache.set(dirs, matcher)
  return matcher
}

const matcherCache = new WeakMap<readonly string[], (path: string) => boolean>()

/** Migrations of a file-name layout from a file listing (path -> blob id; the blob id is the content hash). */
export function migrationsFromFiles(
  files: ReadonlyMap<string, string>,
  layout: FileLayout,
  dirs: readonly string[],
  re?: NamePattern,
): Migration[] {
  const inside = dirsMatcher(dirs)
  const out: Migration[] = []
  for (const [path, blob] of files) {
    // The file name first: cheap, and it rules out nearly every path before the folder test.
    const id = idFromFileName(layout, path, re)
    if (id !== undefined && inside(path))
      out.push({ id, location: { file: path }, contentHash: blob })
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
