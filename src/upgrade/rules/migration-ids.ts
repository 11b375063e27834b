/**
 * migration-id: every ID is valid, and unique in canonical form across all object types within a
 * release ("1.2" on repository and "01.02" on virtual_source are the same ID). A problem that persists
 * over several releases (same IDs, object types and files; lines may move) is reported once, at its
 * first release, with how many later releases carry it.
 */
import type { Finding, Migration } from '../model.js'
import { parseMigrationId } from '../migration-id.js'
import { duplicateIdReason } from './advice.js'
import { at, where, type RuleContext } from './context.js'

interface Seen {
  finding: Finding
  releases: string[]
}

function describe(m: Migration): string {
  const type = m.objectType ? `${m.objectType}, ` : ''
  return `${JSON.stringify(m.id)} (${type}${where(m.location)})`
}

function more(s: Seen): void {
  const extra = s.releases.length - 1
  if (extra > 0) s.finding.message += ` (also in ${extra} later release${extra === 1 ? '' : 's'})`
  s.finding.releases = s.releases
}

export function migrationId(ctx: RuleContext): Finding[] {
  const seen = new Map<string, Seen>()
  const note = (key: string, release: string, make: () => Finding): void => {
    const s = seen.get(key)
    if (s) s.releases.push(release)
    else seen.set(key, { finding: make(), releases: [release] })
  }
  for (const r of ctx.releases) {
    const name = r.release.name
    for (const m of ctx.invalidIds.size === 0 ? [] : r.release.migrations) {
      if (!ctx.invalidIds.has(m.id)) continue
      const parsed = parseMigrationId(m.id)
      const reason = parsed.ok ? '' : parsed.reason
      note(`invalid\u0000${m.id}\u0000${m.location.file}`, name, () => ({
        rule: 'migration-id',
        severity: 'error',
        message: `${reason} in ${name} (${m.objectType ? `${m.objectType}, ` : ''}${where(m.location)})`,
        ...at(m.location),
      }))
    }
    for (const group of r.duplicates) {
      const key = `dup\u0000${group.map((m) => `${m.id}@${m.objectType ?? ''}@${m.location.file}`).join('\u0000')}`
      const [first, ...rest] = group as [Migration, ...Migration[]]
      note(key, name, () => ({
        rule: 'migration-id',
        severity: 'error',
        message:
          `migration ID ${rest.map(describe).join(', ')} duplicates ${describe(first)} in ${name}: ` +
          duplicateIdReason(ctx.options.layout),
        ...at((rest[0] as Migration).location),
      }))
    }
  }
  const out: Finding[] = []
  for (const s of seen.values()) {
    more(s)
    out.push(s.finding)
  }
  return out
}
