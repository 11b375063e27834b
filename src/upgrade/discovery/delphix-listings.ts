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

/** Longest chain of listings sharing their bases' entries before one is flattened into its own map. */
const MAX_DEPTH = 32

/**
 * One listing's Python files and their decorators. A listing that only adds files keeps its base and
 * the added entries (no copy of the base's thousands of entries); iteration order is that of a Map
 * copied from the base with the additions set after, as before.
 */
export class DelphixListing {
  private flat: Map<string, Scan> | undefined

  constructor(
    readonly srcPrefix: string | undefined,
    readonly schemaPath: string | undefined,
    readonly schema:
      { schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } | undefined,
    /** The base whose entries come first, or undefined when `own` holds every entry. */
    private readonly base: DelphixListing | undefined,
    /** Entries after the base's (all entries without a base). */
    private readonly own: Map<string, Scan>,
  ) {
    this.depth = base ? base.depth + 1 : 0
  }

  readonly depth: number

  has(path: string): boolean {
    return this.own.has(path) || (this.base?.has(path) ?? false)
  }

  /** Python source path -> its decorators (built on first use when the listing shares its base's). */
  get perFile(): Map<string, Scan> {
    if (!this.base) return this.own
    this.flat ??= new Map(this.entries())
    return this.flat
  }

  /** The listings of the chain, root first. */
  private chain(): DelphixListing[] {
    const out: DelphixListing[] = [this]
    for (let l = this.base; l; l = l.base) out.push(l)
    return out.reverse()
  }

  *entries(): IterableIterator<[string, Scan]> {
    if (this.flat) return yield* this.flat.entries()
    for (const l of this.chain()) yield* l.own.entries()
  }

  /** Every file's decorators, in listing order. */
  scans(): Scan[] {
    if (this.flat) return [...this.flat.values()]
    const out: Scan[] = []
    for (const l of this.chain()) for (const s of l.own.values()) out.push(s)
    return out
  }
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
  return new DelphixListing(
    srcPrefix,
    schemaPath,
    schemaOf(schemaPath, files, input),
    undefined,
    perFile,
  )
}

function update(
  base: DelphixListing,
  changes: readonly TreeChange[],
  files: FileMap,
  input: ListingInput,
): DelphixListing {
  let schema = base.schema
  const scans: [string, Scan | undefined][] = []
  let onlyAdds = base.depth < MAX_DEPTH
  for (const ch of changes) {
    if (ch.path === base.schemaPath) schema = schemaOf(base.schemaPath, files, input)
    if (!isSource(ch.path, base.srcPrefix)) continue
    const blob = files.get(ch.path)
    const s = blob ? scan(ch.path, blob, input) : undefined
    scans.push([ch.path, s])
    if (onlyAdds && base.has(ch.path)) onlyAdds = false
  }
  if (onlyAdds) {
    const added = new Map<string, Scan>()
    for (const [path, s] of scans) {
      if (s) added.set(path, s)
      else added.delete(path)
    }
    return new DelphixListing(base.srcPrefix, base.schemaPath, schema, base, added)
  }
  const perFile = new Map(base.entries())
  for (const [path, s] of scans) {
    if (s) perFile.set(path, s)
    else perFile.delete(path)
  }
  return new DelphixListing(base.srcPrefix, base.schemaPath, schema, undefined, perFile)
}
