/**
 * Delphix migrations per file listing, computed incrementally along the diff-tree plan: a listing
 * whose base has the same srcDir and schema file copies the base's per-file results and re-reads
 * only the files that changed. Pure (over blobs already read).
 */
import type { Config } from '../../config/types.js'
import type { Migration, SchemaSummary } from '../model.js'
import type { DiscoveryProblem } from './problems.js'
import { relativeTo, secondPhasePaths, type ParseCache } from './reader.js'
import type { PlanStep } from './targets.js'
import type { FileMap, TreeChange } from './trees.js'

interface Scan {
  migrations: Migration[]
  problems: DiscoveryProblem[]
}

export interface DelphixListing {
  srcPrefix: string | undefined
  schemaPath: string | undefined
  /** Python source path -> its decorators. */
  perFile: Map<string, Scan>
  schema: { schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } | undefined
}

export interface ListingInput {
  plan: readonly PlanStep[]
  changes: ReadonlyMap<string, readonly TreeChange[]>
  states: ReadonlyMap<string, FileMap>
  blobs: ReadonlyMap<string, string | undefined>
  cache: ParseCache
  config: Config
}

export function delphixListings(input: ListingInput): WeakMap<FileMap, DelphixListing> {
  const out = new WeakMap<FileMap, DelphixListing>()
  const byCommit = new Map<string, DelphixListing>()
  const cfgPath = input.config.upgrade.plugin.config
  for (const step of input.plan) {
    const files = input.states.get(step.commit)
    if (!files) continue
    const blob = files.get(cfgPath)
    const text = blob ? input.blobs.get(blob) : undefined
    if (!blob || text === undefined) continue
    const plugin = input.cache.pluginConfig(cfgPath, blob, text)
    const srcPrefix = plugin.srcDir !== undefined ? relativeTo(cfgPath, plugin.srcDir) : undefined
    const schemaPath = plugin.schemaFile ? relativeTo(cfgPath, plugin.schemaFile) : undefined
    const base = step.base ? byCommit.get(step.base) : undefined
    const listing =
      base && base.srcPrefix === srcPrefix && base.schemaPath === schemaPath
        ? update(base, input.changes.get(step.commit) ?? [], files, input)
        : full(files, srcPrefix, schemaPath, input, plugin)
    byCommit.set(step.commit, listing)
    out.set(files, listing)
  }
  return out
}

function isSource(path: string, prefix: string | undefined): boolean {
  return (
    prefix !== undefined && path.endsWith('.py') && (prefix === '' || path.startsWith(`${prefix}/`))
  )
}

function scan(path: string, blob: string, input: ListingInput): Scan | undefined {
  return input.cache.python(path, blob, () => input.blobs.get(blob))
}

function schemaOf(
  path: string | undefined,
  files: FileMap,
  input: ListingInput,
): DelphixListing['schema'] {
  const blob = path ? files.get(path) : undefined
  const text = blob ? input.blobs.get(blob) : undefined
  return path && blob && text !== undefined
    ? input.cache.schemaSummary(path, blob, text)
    : undefined
}

function full(
  files: FileMap,
  srcPrefix: string | undefined,
  schemaPath: string | undefined,
  input: ListingInput,
  plugin: Parameters<typeof secondPhasePaths>[1],
): DelphixListing {
  const perFile = new Map<string, Scan>()
  for (const path of secondPhasePaths(files, plugin, input.config)) {
    if (path === schemaPath) continue
    const s = scan(path, files.get(path) as string, input)
    if (s) perFile.set(path, s)
  }
  return { srcPrefix, schemaPath, perFile, schema: schemaOf(schemaPath, files, input) }
}

function update(
  base: DelphixListing,
  changes: readonly TreeChange[],
  files: FileMap,
  input: ListingInput,
): DelphixListing {
  const perFile = new Map(base.perFile)
  let schema = base.schema
  for (const ch of changes) {
    if (ch.path === base.schemaPath) schema = schemaOf(base.schemaPath, files, input)
    if (!isSource(ch.path, base.srcPrefix)) continue
    const blob = files.get(ch.path)
    const s = blob ? scan(ch.path, blob, input) : undefined
    if (s) perFile.set(ch.path, s)
    else perFile.delete(ch.path)
  }
  return { ...base, perFile, schema }
}
