/**
 * A replayed file listing that does not copy its base: a materialized ancestor listing plus the
 * operations since (in order), copied into the Map itself only when iterated, or once the
 * operations pile up. get/has answer from the last operation on a path, else from the ancestor.
 * Iteration order is that of copying the base and applying the operations, as a plain Map would.
 * Read-only once built: set/delete/clear throw (children share their ancestor's entries). Pure.
 */

/** Set `path` to `blob`, or delete it (`blob` null). */
export type ReplayOp = readonly [path: string, blob: string | null]

/** Operations kept before a listing is copied into its own entries. */
const MAX_OPS = 256

export class ReplayedMap extends Map<string, string> {
  private loaded = false
  private root: ReadonlyMap<string, string> | undefined
  private ops: readonly ReplayOp[] = []
  /** Path -> blob of its last operation (null: deleted). */
  private last = new Map<string, string | null>()

  /** The listing of `base` (undefined: empty) after `own`. */
  static replay(
    base: ReadonlyMap<string, string> | undefined,
    own: readonly ReplayOp[],
  ): ReplayedMap {
    const m = new ReplayedMap()
    if (base instanceof ReplayedMap && !base.loaded) {
      m.root = base.root
      m.ops = base.ops.concat(own)
      m.last = new Map(base.last)
    } else {
      m.root = base
      m.ops = own
    }
    for (const [path, blob] of own) m.last.set(path, blob)
    if (m.root === undefined || m.ops.length > MAX_OPS) m.load()
    return m
  }

  private load(): void {
    if (this.loaded) return
    this.loaded = true
    if (this.root) for (const [path, blob] of this.root) super.set(path, blob)
    for (const [path, blob] of this.ops) {
      if (blob === null) super.delete(path)
      else super.set(path, blob)
    }
    this.root = undefined
    this.ops = []
    this.last = new Map()
  }

  override get(path: string): string | undefined {
    if (this.loaded) return super.get(path)
    const blob = this.last.get(path)
    if (blob !== undefined) return blob === null ? undefined : blob
    return this.root?.get(path)
  }

  override has(path: string): boolean {
    if (this.loaded) return super.has(path)
    const blob = this.last.get(path)
    if (blob !== undefined) return blob !== null
    return this.root?.has(path) ?? false
  }

  override get size(): number {
    this.load()
    return super.size
  }

  override keys(): MapIterator<string> {
    this.load()
    return super.keys()
  }

  override values(): MapIterator<string> {
    this.load()
    return super.values()
  }

  override entries(): MapIterator<[string, string]> {
    this.load()
    return super.entries()
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    this.load()
    return super[Symbol.iterator]()
  }

  override forEach(
    fn: (value: string, key: string, map: Map<string, string>) => void,
    thisArg?: unknown,
  ): void {
    this.load()
    super.forEach(fn, thisArg)
  }

  override set(): this {
    throw new TypeError('a replayed file listing is read-only')
  }

  override delete(): boolean {
    throw new TypeError('a replayed file listing is read-only')
  }

  override clear(): void {
    throw new TypeError('a replayed file listing is read-only')
  }
}
