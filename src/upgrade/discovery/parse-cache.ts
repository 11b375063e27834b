/**
 * Caches of parses per (path, blob): a file shared by a thousand releases is parsed once. Pure.
 */
import type { Migration, SchemaSummary } from '../model.js'
import { parsePluginConfig, scanDecorators, summarizeSchema, type PluginConfig } from './delphix.js'
import type { DelphixListing } from './delphix-listings.js'
import type { DiscoveryProblem } from './problems.js'
import type { FileMap } from './trees.js'

/** Caches of parses per (path, blob): keyed by blob id first (no string building on the hot path). */
export class ParseCache {
  private readonly plugin = new Map<string, { path: string; value: PluginConfig }>()
  private readonly decorators = new Map<
    string,
    { path: string; value: { migrations: Migration[]; problems: DiscoveryProblem[] } }
  >()
  private readonly schema = new Map<
    string,
    { path: string; value: { schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } }
  >()
  private readonly other = new Map<string, { path: string; value: unknown }>()
  /** File listing -> its Delphix migrations (see delphix-listings.ts), when computed. */
  delphix: WeakMap<FileMap, DelphixListing> | undefined

  pluginConfig(path: string, blob: string, text: string): PluginConfig {
    return memo(this.plugin, path, blob, () => parsePluginConfig(text, path))
  }
  /** Decorators of a Python file; `text` is only asked for on a cache miss (undefined when the blob was not read). */
  python(
    path: string,
    blob: string,
    text: () => string | undefined,
  ): { migrations: Migration[]; problems: DiscoveryProblem[] } | undefined {
    const hit = this.decorators.get(blob)
    if (hit && hit.path === path) return hit.value
    const content = text()
    return content === undefined
      ? undefined
      : memo(this.decorators, path, blob, () => scanDecorators(content, path))
  }
  schemaSummary(path: string, blob: string, text: string) {
    return memo(this.schema, path, blob, () => summarizeSchema(text, path))
  }
  any<T>(kind: string, path: string, blob: string, make: () => T): T {
    return memo(
      this.other as Map<string, { path: string; value: T }>,
      `${kind}\0${path}`,
      blob,
      make,
    )
  }
}

function memo<T>(
  map: Map<string, { path: string; value: T }>,
  path: string,
  blob: string,
  make: () => T,
): T {
  const hit = map.get(blob)
  if (hit && hit.path === path) return hit.value
  const key = hit ? `${blob}\0${path}` : blob
  const again = hit ? map.get(key) : undefined
  if (again) return again.value
  const value = make()
  map.set(key, { path, value })
  return value
}
