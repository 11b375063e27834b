/**
 * Content hashes that ignore whitespace and formatting, for content-stable: a migration reindented,
 * rewrapped or reformatted on one line (black, a SQL formatter) is the same migration. Pure.
 *
 * Every text: line endings unified, runs of whitespace made one space, and no space kept next to
 * punctuation, so `f( a,b )` and `f(a, b)` or a statement split over two lines compare equal. Python
 * (Delphix upgrade functions) also: `'` read as `"` and a trailing comma before a closing bracket
 * dropped, which is what formatters change there. SQL keeps its quotes: `'x'` is a string and `"x"`
 * a name. Comments and letter case count: a changed comment or keyword case is a real difference.
 */
import { createHash } from 'node:crypto'
import { canonicalId } from '../migration-id.js'
import type { Migration, UpgradeModel } from '../model.js'

export type FormatLanguage = 'python' | 'other'

export function normalizeFormatting(text: string, language: FormatLanguage = 'other'): string {
  let out = text
    .replace(/\r\n?/g, '\n')
    .replace(/\s+/g, ' ')
    .replace(/ ?([^\w\s]) ?/g, '$1')
    .trim()
  if (language === 'python') out = out.replace(/'/g, '"').replace(/,([)\]}])/g, '$1')
  return out
}

export function formatHash(text: string, language: FormatLanguage = 'other'): string {
  return createHash('sha256').update(normalizeFormatting(text, language)).digest('hex').slice(0, 16)
}

function everyMigration(model: UpgradeModel): Migration[][] {
  return [...model.releases.map((r) => r.migrations), ...model.lineHeads.map((h) => h.migrations)]
}

/**
 * Blob ids (content hashes of file layouts) worth reading: those of IDs that have more than one
 * content in the model. Identical content needs no second hash.
 */
export function differingContent(model: UpgradeModel): Set<string> {
  const byId = new Map<string, Set<string>>()
  for (const list of everyMigration(model))
    for (const m of list) {
      if (m.contentHash === '') continue
      const id = canonicalId(m.id)
      const hashes = byId.get(id)
      if (hashes) hashes.add(m.contentHash)
      else byId.set(id, new Set([m.contentHash]))
    }
  const out = new Set<string>()
  for (const hashes of byId.values()) if (hashes.size > 1) for (const h of hashes) out.add(h)
  return out
}

/** Sets formatHash on every migration whose content (blob) was read; unreadable blobs keep none. */
export function applyFormatHashes(
  model: UpgradeModel,
  texts: ReadonlyMap<string, string | undefined>,
): void {
  const hashes = new Map<string, string>()
  for (const [blob, text] of texts) if (text !== undefined) hashes.set(blob, formatHash(text))
  for (const list of everyMigration(model))
    for (const m of list) {
      const h = hashes.get(m.contentHash)
      if (h !== undefined) m.formatHash = h
    }
}
