/**
 * What to do about a finding, in the words of the repository's migration engine. The seed's remedies
 * (a marker migration that blocks an upgrade, IDs unique across all object types) are the Delphix
 * engine's; Rails, Flyway and golang-migrate apply migrations differently, so the same finding needs
 * another remedy there:
 * - Rails runs every migration it has not recorded, in any order, and never refuses a database that
 *   holds migrations it lacks: a marker migration blocks nothing; a forward-port with the same ID works.
 * - Flyway, by default, applies only versions above the highest applied (a lower pending version
 *   fails validation unless `outOfOrder: true`), and validation refuses a database whose applied
 *   versions are missing (unless told to ignore them).
 * - golang-migrate keeps one current version: it never runs a version below it, and stops when the
 *   current version's file is missing.
 * Pure.
 */
import type { CheckOptions } from './context.js'

export type EngineKind = 'delphix' | 'flyway' | 'golang-migrate' | 'rails' | 'other'

/** The engine behind a discovered layout (absent: the Delphix engine of the design's worked example). */
export function engineKind(layout: string | undefined): EngineKind {
  if (layout === undefined || layout === 'delphix') return 'delphix'
  if (layout === 'flyway' || layout === 'golang-migrate' || layout === 'rails') return layout
  return 'other'
}

type AdviceOptions = Pick<CheckOptions, 'engine'> & { layout?: string }

/** Whether the engine runs IDs below the highest applied: golang-migrate never, Rails always, else `upgrade.engine`. */
export function appliesBelowHighest(options: AdviceOptions): boolean {
  const kind = engineKind(options.layout)
  if (kind === 'golang-migrate') return false
  if (kind === 'rails') return true
  return options.engine === 'set'
}

const COMPAT = 'refuse the upgrade in compatibility logic and declare it in upgrade.compatibility'

/**
 * fix-loss: release `from` may upgrade to `to` and would lose fixes. The clause after "would lose
 * fixes ...: " in the finding (the fix-loss rule calls this).
 */
export function fixLossRemedy(options: AdviceOptions, from: string, to: string): string {
  const release = `release the fix on ${to}'s line and point ${from} users at that release`
  switch (engineKind(options.layout)) {
    case 'rails':
      return `${release}: Rails runs any migration it has not recorded and never refuses a database holding migrations it lacks, so a marker migration blocks nothing`
    case 'golang-migrate':
      return `${release}: golang-migrate keeps one current version, so a marker migration in ${from} would make ${to}'s line skip every version below it; do not add one`
    case 'flyway':
      return (
        `${release}; a no-op migration in ${from} that ${to} lacks blocks the upgrade only while Flyway validates ` +
        `applied migrations (validateOnMigrate, the default), and on ${to}'s line it sorts below that line's versions, so it needs outOfOrder: true there`
      )
    case 'delphix':
      return `add a marker migration to ${from} that ${to} lacks (a no-op migration is fine), or ${COMPAT}`
    case 'other':
      return appliesBelowHighest(options)
        ? `add a marker migration to ${from} that ${to} lacks (a no-op is fine) if your engine refuses a database holding migrations it lacks, or ${COMPAT}`
        : `${release}: a linear engine runs only IDs above the highest applied, so a marker migration would make ${to}'s line skip its lower IDs`
  }
}

/**
 * forward-ported: migration `id`, shipped on an older line, is missing at the head of `newer`. The
 * clause after the colon.
 */
export function forwardPortAdvice(options: AdviceOptions, id: string, newer: string): string {
  const kind = engineKind(options.layout)
  if (kind === 'golang-migrate')
    return (
      `forward-port ${id} to ${newer} with the same version, as a no-op (databases at that version need its file to move on), ` +
      `and add its change again under a version above ${newer}'s highest, written to be idempotent: golang-migrate never runs a version below the current one`
    )
  if (appliesBelowHighest(options)) return 'forward-port it with the same ID'
  if (kind === 'flyway')
    return `forward-port it with the same version and run Flyway with outOfOrder: true: it sorts below ${newer}'s versions, so without it databases already past them skip it`
  return (
    `forward-port it with the same ID, and, since it sorts below ${newer}'s IDs and a linear engine skips it there, ` +
    `add its change again under an ID above them, written to be idempotent`
  )
}

/**
 * migration-order (a linear engine): upgrading `from` -> `to` would skip `id`, below `highest`. The
 * clause after the semicolon.
 */
export function migrationOrderAdvice(
  options: AdviceOptions,
  id: string,
  highest: string,
  to: string,
): string {
  switch (engineKind(options.layout)) {
    case 'flyway':
      return `run Flyway with outOfOrder: true so it applies pending versions below the highest applied, or add ${id}'s change again on ${to}'s line under a version above ${highest}, written to be idempotent`
    case 'golang-migrate':
      return `golang-migrate never runs a version below the current one: add ${id}'s change again on ${to}'s line under a version above ${highest}, written to be idempotent, and keep ${id} as it is`
    case 'rails':
      return 'Rails runs every migration it has not recorded, whatever its version: set upgrade.engine: set for this repository'
    default:
      return 'give the migration an ID above every ID shipped on older lines'
  }
}

/** migration-id: why two migrations may not share one ID. */
export function duplicateIdReason(layout: string | undefined): string {
  switch (engineKind(layout)) {
    case 'delphix':
      return 'IDs are compared numerically and must be unique across all object types'
    case 'flyway':
      return 'Flyway compares versions numerically and refuses two migrations with one version'
    case 'golang-migrate':
      return 'golang-migrate compares versions as numbers and refuses two migrations with one version'
    case 'rails':
      return 'Rails compares versions as numbers and refuses two migrations with one version'
    case 'other':
      return 'IDs are compared numerically and must be unique'
  }
}
