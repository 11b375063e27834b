/**
 * schema-needs-migration (seed 004, "When Data Migrations Are Insufficient"): a release that adds a
 * required property, or tightens a constraint (higher minimum, lower maximum, narrower type, new or
 * changed pattern) of an existing property, on an object type of the plugin schema must add a migration
 * for that object type, or existing objects no longer validate.
 *
 * Compared with: the previous release on the line (model order); for the first release of a line, the
 * highest-build release below it on an older line (where its users come from). Object types that did
 * not exist before are skipped (no stored data). Schema names map to decorator types:
 * virtualSourceDefinition / virtualSource -> virtual_source, repositoryDefinition -> repository, ...;
 * snapshotParameters (not stored) is skipped. A migration without an object type (non-Delphix layouts)
 * counts for every type.
 */
import type { Finding, Migration, SchemaSummary } from '../model.js'
import { at, diffRanks, findRank, where, type ReleaseInfo, type RuleContext } from './context.js'

type Obj = SchemaSummary['objects'][string]
type Prop = Obj['properties'][string]

/** virtualSourceDefinition -> virtual_source; undefined for objects that are not stored. */
export function objectTypeOf(schemaName: string): string | undefined {
  const base = schemaName.replace(/Definition$/, '')
  const snake = base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
  return snake === 'snapshot_parameters' ? undefined : snake
}

function types(t: string | undefined): Set<string> {
  return new Set((t ?? '').split(/[\s,|[\]"]+/).filter(Boolean))
}

function tightened(name: string, before: Prop, after: Prop): string | undefined {
  if (
    after.minimum !== undefined &&
    (before.minimum === undefined || after.minimum > before.minimum)
  ) {
    return `raises the minimum of ${name} to ${after.minimum}${before.minimum === undefined ? '' : ` (was ${before.minimum})`}`
  }
  if (
    after.maximum !== undefined &&
    (before.maximum === undefined || after.maximum < before.maximum)
  ) {
    return `lowers the maximum of ${name} to ${after.maximum}${before.maximum === undefined ? '' : ` (was ${before.maximum})`}`
  }
  if (before.type !== undefined && after.type !== undefined) {
    const old = types(before.type)
    const now = types(after.type)
    if ([...old].some((t) => !now.has(t)))
      return `narrows the type of ${name} from ${before.type} to ${after.type}`
  }
  if (after.pattern !== undefined && after.pattern !== before.pattern)
    return `sets a new pattern on ${name}`
  return undefined
}

/** What an object's schema change demands of existing data, in words; [] when nothing. */
export function schemaChanges(before: Obj, after: Obj): string[] {
  const out: string[] = []
  const required = new Set(before.required)
  for (const p of after.required) if (!required.has(p)) out.push(`adds required property ${p}`)
  for (const [name, prop] of Object.entries(after.properties).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const old = before.properties[name]
    const change = old ? tightened(name, old, prop) : undefined
    if (change) out.push(change)
  }
  return out
}

function predecessor(ctx: RuleContext, r: ReleaseInfo): ReleaseInfo | undefined {
  if (r.posOnLine > 0) return r.line.releases[r.posOnLine - 1]
  if (r.buildPos < 0) return undefined
  for (let i = r.buildPos - 1; i >= 0; i--) {
    const p = ctx.byBuild[i] as ReleaseInfo
    if (p.line.order < r.line.order && ctx.compareBuild(p, r) < 0) return p
  }
  return undefined
}

export function schemaNeedsMigration(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  for (const r of ctx.releases) {
    const after = r.release.schema
    const pred = after ? predecessor(ctx, r) : undefined
    const before = pred?.release.schema
    if (!after || !pred || !before) continue
    const added = diffRanks(r.ids, pred.ids).map((k) => r.migs[findRank(r.ids, k)] as Migration)
    for (const name of Object.keys(after.objects).sort()) {
      const type = objectTypeOf(name)
      const old = before.objects[name]
      const now = after.objects[name] as Obj
      if (!type || !old) continue
      const changes = schemaChanges(old, now)
      if (changes.length === 0) continue
      if (added.some((m) => m.objectType === undefined || m.objectType === type)) continue
      out.push({
        rule: 'schema-needs-migration',
        severity: 'error',
        message:
          `${r.release.name} ${changes.join(', ')} on ${name} (${where(after.location)}) compared with ${pred.release.name}, ` +
          `without a new ${type} migration: add @plugin.upgrade.${type}("<id>") that sets a placeholder ` +
          `(null, or 0 with the minimum relaxed) and make the plugin code raise a user-facing error on the placeholder`,
        ...at(after.location),
        releases: [pred.release.name, r.release.name],
      })
    }
  }
  return out
}
