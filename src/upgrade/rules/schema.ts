/**
 * schema-needs-migration (seed 004, "When Data Migrations Are Insufficient"): a release that adds a
 * required property, or tightens a constraint (higher minimum, lower maximum, new or changed pattern,
 * a changed or narrowed type, a new or narrowed enum) of an existing property, on an object type of
 * the plugin schema must add a migration for that object type, or existing objects no longer validate.
 * Two remedies: a new required property or a tighter bound takes a placeholder (the seed's advice); a
 * changed type or a narrowed enum takes a conversion (the migration converts each stored value).
 *
 * Compared with: the previous release on the line (previous.ts); for the first release of a line, the
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

/** What a schema change asks of stored data: a placeholder value, or a conversion of each value. */
export type ChangeKind = 'placeholder' | 'conversion'

export interface SchemaChange {
  text: string
  kind: ChangeKind
}

/** A changed type or a narrowed enum: stored values must be converted. */
function converted(name: string, before: Prop, after: Prop): SchemaChange[] {
  const out: SchemaChange[] = []
  if (before.type !== undefined && after.type !== undefined) {
    const old = types(before.type)
    const now = types(after.type)
    // integer values stay valid under number
    const kept = (t: string) => now.has(t) || (t === 'integer' && now.has('number'))
    if ([...old].some((t) => !kept(t))) {
      const narrower = [...now].every((t) => old.has(t))
      out.push({
        text: `${narrower ? 'narrows' : 'changes'} the type of ${name} from ${before.type} to ${after.type}`,
        kind: 'conversion',
      })
    }
  }
  if (after.enum !== undefined) {
    if (before.enum === undefined)
      out.push({ text: `restricts ${name} to ${listValues(after.enum)}`, kind: 'conversion' })
    else {
      const allowed = new Set(after.enum)
      const removed = before.enum.filter((v) => !allowed.has(v))
      if (removed.length > 0)
        out.push({
          text: `narrows the values of ${name}: removes ${listValues(removed)}`,
          kind: 'conversion',
        })
    }
  }
  return out
}

function listValues(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).join(', ')
  return values.length > max ? `${shown} and ${values.length - max} more` : shown
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
  if (after.pattern !== undefined && after.pattern !== before.pattern)
    return `sets a new pattern on ${name}`
  return undefined
}

/** What an object's schema change demands of existing data, in words; [] when nothing. */
export function schemaChanges(before: Obj, after: Obj): string[] {
  return schemaChangeList(before, after).map((c) => c.text)
}

/** schemaChanges with the remedy each change takes. */
export function schemaChangeList(before: Obj, after: Obj): SchemaChange[] {
  const out: SchemaChange[] = []
  const required = new Set(before.required)
  for (const p of after.required)
    if (!required.has(p)) out.push({ text: `adds required property ${p}`, kind: 'placeholder' })
  for (const [name, prop] of Object.entries(after.properties).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const old = before.properties[name]
    if (!old) continue
    const change = tightened(name, old, prop)
    if (change) out.push({ text: change, kind: 'placeholder' })
    out.push(...converted(name, old, prop))
  }
  return out
}

/** The migration to add for an object type's changes: a conversion, a placeholder, or both. */
export function schemaRemedy(type: string, changes: readonly SchemaChange[]): string {
  const convert = changes.some((c) => c.kind === 'conversion')
  const hold = changes.some((c) => c.kind === 'placeholder')
  const conversion =
    'converts each stored value to the new schema (the old type to the new one, a removed enum value to an allowed one)'
  const placeholder =
    'sets a placeholder (null, or 0 with the minimum relaxed) and make the plugin code raise a user-facing error on the placeholder'
  const what = [convert ? conversion : '', hold ? placeholder : ''].filter(Boolean).join(', and ')
  return `add @plugin.upgrade.${type}("<id>") that ${what}`
}

function predecessor(ctx: RuleContext, r: ReleaseInfo): ReleaseInfo | undefined {
  // the nearest of its previous releases (after a merge, the last on the line)
  if (r.previous.length > 0) return r.previous[r.previous.length - 1]
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
      const changes = schemaChangeList(old, now)
      if (changes.length === 0) continue
      if (added.some((m) => m.objectType === undefined || m.objectType === type)) continue
      out.push({
        rule: 'schema-needs-migration',
        severity: 'error',
        message:
          `${r.release.name} ${changes.map((c) => c.text).join(', ')} on ${name} (${where(after.location)}) compared with ${pred.release.name}, ` +
          `without a new ${type} migration: ${schemaRemedy(type, changes)}`,
        ...at(after.location),
        releases: [pred.release.name, r.release.name],
      })
    }
  }
  return out
}
