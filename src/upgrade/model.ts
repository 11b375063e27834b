/**
 * The upgrade-safety model (DESIGN.md section 2). Discovery (git) fills it; rules, the upgrade
 * matrix and the renderers are pure functions over it.
 */
import type { EvidenceKind } from '../evidence/index.js'

/** A release line: a branch whose name matches a line pattern, or the default branch (newest). */
export interface Line {
  /** Branch name, e.g. `1.x`, `release/16.5`, `main`. */
  branch: string
  /** Numeric parts taken from the branch name ([1] for 1.x, [16, 5] for release/16.5); undefined for the default branch. */
  version: number[] | undefined
  /** The newest line: the default branch, or the branch `lines.newest` names. */
  isDefault: boolean
  /** Commit at the tip of the branch. */
  tip: string
}

/** Where something was read from, for messages and annotations. */
export interface SourceLocation {
  file: string
  line?: number
}

export interface Migration {
  /** ID exactly as written, e.g. `2019.10.15` or `01.02`. */
  id: string
  /** Object type for Delphix upgrade decorators (repository, source_config, linked_source, virtual_source, snapshot); undefined otherwise. */
  objectType?: string
  location: SourceLocation
  /** Hash of the migration's content (the decorated function's text, or the file), to compare across lines. */
  contentHash: string
  /**
   * Hash of the content with whitespace and formatting normalised (content-stable compares it when
   * set). Discovery sets it where raw hashes differ between lines; absent, contentHash counts.
   */
  formatHash?: string
}

/** A required-property view of a plugin schema, per object type (Delphix schema.json). */
export interface SchemaSummary {
  /** Object type (e.g. `virtualSource`, `repository`) -> its required property names and constraints. */
  objects: Record<
    string,
    {
      required: string[]
      properties: Record<
        string,
        {
          /** `type` as written; a list of types joined with `,` (`string,null`). */
          type?: string
          minimum?: number
          maximum?: number
          pattern?: string
          /** `enum` values, each as JSON text (`"a"`, `1`, `null`). */
          enum?: string[]
        }
      >
    }
  >
  location: SourceLocation
}

/** What YAML read an unquoted value as, when not a string (build-format names it). */
export interface YamlNotString {
  type: 'number' | 'null' | 'boolean' | 'binary' | 'timestamp' | 'other'
  /** The tag written before the value (`!!binary`, `!custom`), if any. */
  tag?: string
}

export interface Release {
  /** Tag name (`v1.2`), or `PR #12` for a candidate release. */
  name: string
  line: string
  /** Tag name, or undefined for a candidate release (release PR). */
  tag: string | undefined
  commit: string
  /** Build number exactly as read (raw string; YAML floats are reported by build-format). */
  build: string
  buildLocation: SourceLocation
  /** True when the raw value was not a string (e.g. an unquoted YAML float). */
  buildNotString?: boolean
  /** What YAML read it as, when not a string (absent: a number). */
  buildYaml?: YamlNotString
  /** The build number could not be read (a missing file or key): discovery reported why, once. */
  buildUnread?: boolean
  migrations: Migration[]
  schema?: SchemaSummary
  /** A release PR checked as if published. */
  candidate?: boolean
  /**
   * Names of the releases just before it on its line: its nearest ancestor releases there (one on a
   * linear line, more after a merge; [] for the first). Discovery sets it from the commit graph;
   * absent (a model built by hand), the release before it in model order.
   */
  previous?: string[]
  /** Its tag or build names a prerelease (`-rc1`, `.beta`): `upgrade.prereleases` decides how it counts. */
  prerelease?: boolean
}

/**
 * Commits of release A with no evidence in release X (src/evidence: patch ids, `cherry picked from`
 * trailers, svn merges, reverts, release-tool commits), bookkeeping excluded. Keyed
 * `${A.name}\u0000${X.name}`; filled by discovery only for pairs the rules ask about.
 */
export interface FixDiff {
  from: string
  to: string
  /** Commits present in `from` and missing in `to` (subject lines for messages). */
  missing: { sha: string; subject: string }[]
  /** Commits of `from` whose only evidence in `to` is a commit with the same subject and author ("probably ported"). */
  probable?: { sha: string; subject: string; counterpart: { sha: string; subject: string } }[]
  /** How many commits of `from` each kind of evidence accounted for (src/evidence). */
  evidence?: Partial<Record<EvidenceKind, number>>
}

export interface UpgradeModel {
  /** Oldest first, the newest line (isDefault) last: the rules take this order as given. */
  lines: Line[]
  releases: Release[]
  /** Fix differences between release pairs; see FixDiff. */
  fixDiffs: FixDiff[]
  /** Heads of lines (their tip content), for forward-ported checks: line branch -> migrations at the tip. */
  lineHeads: { line: string; commit: string; migrations: Migration[] }[]
}

export type Severity = 'error' | 'warning'

export type RuleId =
  | 'build-format'
  | 'build-unique'
  | 'build-monotonic'
  | 'line-range'
  | 'migration-id'
  | 'append-only'
  | 'forward-ported'
  | 'no-stranded-users'
  | 'fix-loss'
  | 'same-id-everywhere'
  | 'content-stable'
  | 'schema-needs-migration'
  | 'migration-order'
  /** upgrade.compatibility declarations that name no release (the refusals show in the matrix). */
  | 'compatibility'
  /** upgrade.waivers that expired or match no finding. */
  | 'waiver'

export interface Finding {
  rule: RuleId
  severity: Severity
  /** One line naming the releases, IDs and files involved. */
  message: string
  file?: string
  line?: number
  /** Release names involved, for the matrix and filtering. */
  releases?: string[]
  /** fix-loss: every commit the finding is about (all of them, where the message names a few). */
  commits?: FindingCommit[]
  /** fix-loss: how many commits of the pair each kind of evidence accounted for. */
  evidence?: Partial<Record<EvidenceKind, number>>
  /** Set when an upgrade.waivers entry waives it: still shown, no longer fails the check. */
  waived?: Waived
}

export interface Waived {
  reason: string
  /** Last day the waiver applies (YYYY-MM-DD). */
  until?: string
  /** The waiver's key path, e.g. `upgrade.waivers[0]`. */
  key: string
}

/** A commit named by a finding. */
export interface FindingCommit {
  sha: string
  subject: string
  /** How it was matched on the other side (`same-subject-author`: probably ported); absent when lost. */
  evidence?: EvidenceKind
  /** The commit of the other release it was matched with. */
  counterpart?: string
}

export interface Upgrade {
  from: string
  to: string
  allowed: boolean
  /** Why: "build lower", "missing 2019.10.15", "allowed", "allowed, loses fixes: ..." */
  reason: string
  /** Set when the engine would allow the upgrade but fixes would be lost. */
  losesFixes?: boolean
  /** Set when the declared compatibility logic (upgrade.compatibility) refuses the upgrade. */
  compatibility?: { reason: string; key: string }
}

export interface CheckResult {
  conclusion: 'success' | 'failure'
  findings: Finding[]
  releases: Release[]
  upgrades: Upgrade[]
  lines: Line[]
  /** What could not be checked (src/upgrade/discovery/coverage.ts): shown first in every format. */
  coverage?: CoverageWarning[]
}

/** Why the check saw less than the repository holds: no release, no migration, a shallow clone... */
export type CoverageCode =
  | 'no-releases'
  | 'no-migrations'
  | 'dirs-unmatched'
  | 'builds-invalid'
  | 'shallow'
  | 'newest-missing'

export interface CoverageWarning {
  code: CoverageCode
  /** One line: what was not checked, why, and what to change. */
  message: string
}
