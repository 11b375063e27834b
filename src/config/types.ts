/** The validated, fully defaulted `.github/fixline.yml` (see fixline.schema.json for each key). */
export interface Config {
  lines: {
    patterns: string[]
    defaultBranch: boolean
    /** The newest line, instead of the default branch (git-flow: `develop`). */
    newest?: string
    /** Where lines sort, oldest first: branch names and `{numbered}` (config/patterns.ts). */
    order: string[]
  }
  backport: {
    labels: LabelRule[]
    mergeCommits: 'own-commits' | 'mainline'
    conflicts: 'draft-pr' | 'comment'
    /** A conflict fails the step instead of a neutral conclusion. */
    failOnConflict: boolean
    conflictLabel: string
    /** The label meaning every supported line older than the base ('' disables it). */
    supportedLabel: string
    title: string
    copyLabels: string[]
    addLabels: string[]
    copyAssignees: boolean
    /** `true` = `original`, `false` = `off`; `target-line`: the target line's open milestone (src/backport/milestone.ts). */
    copyMilestone: boolean | 'original' | 'target-line' | 'off'
    requestReviewers: boolean
    autoMerge: 'off' | 'merge' | 'squash' | 'rebase'
  }
  upgrade: {
    scheme: 'dotted' | 'semver'
    tags: string[]
    build: {
      source: 'auto' | 'plugin-config' | 'file' | 'version-file' | 'package-json' | 'tag'
      file?: string
      key?: string
    }
    plugin: { config: string }
    migrations: {
      layout:
        'auto' | 'delphix' | 'flyway' | 'golang-migrate' | 'rails' | 'regex' | 'manifest' | 'none'
      dirs: string[]
      pattern?: string
      manifest?: string
    }
    engine: 'set' | 'linear'
    bookkeeping: string[]
    /** Severity of content-stable findings (formatting-only differences ignored), or off. */
    contentChange: 'warning' | 'error' | 'off'
    /** Prerelease tags and builds (`-rc1`, `-beta`): checked, checked as warnings, or left out. */
    prereleases: 'check' | 'warn' | 'ignore'
    /** Upgrades the plugin's compatibility logic refuses (src/upgrade/compat.ts). */
    compatibility: CompatibilityDeclaration[]
    /** Findings judged harmless (src/upgrade/waivers.ts). */
    waivers: WaiverDeclaration[]
  }
  requests: {
    window: number
    supportedLines: string[]
    releaseManagers: { users: string[]; teams: string[] }
    approval: 'outside-window' | 'always' | 'never'
    labels: {
      request: string
      approved: string
      rejected: string
      awaitingApproval: string
      exception: string
      security: string
      patch: string
    }
  }
  forwardport: {
    /** Forward-port PR title template: {target}, {title}, {number}. */
    title: string
    addLabels: string[]
    copyLabels: string[]
    /** Open forward-ports for the fixes of a release published from an older line. */
    onRelease: boolean
  }
  hotfix: {
    branchPrefix: string
    /** The deployment environment whose last successful deployment a hotfix starts from. */
    environment: string
    /** What ships a hotfix and so opens its merge-back PR. */
    mergeBackOn: Array<'release' | 'deployment' | 'merged-pr'>
    /** Label of merge-back PRs. */
    mergeBackLabel: string
    /** Delete a hotfix branch whose commits are all on the default branch when it ships. */
    deleteMergedBranch: boolean
    /** Remind a hotfix not merged back after this many days (0: never). */
    remindAfterDays: number
  }
  audit: {
    /** Label on a fix's PR meaning "not needed on any newer line". */
    notNeededLabel: string
    /** Conflict drafts open longer than this many days are listed as waiting. */
    conflictDraftDays: number
    /** How far back merged PRs are read for unlanded backports. */
    lookbackDays: number
  }
  dashboard: {
    /** Write the "Release lines dashboard" issue (false: the scheduled audit writes its job summary only). */
    enabled: boolean
    /** Title of the dashboard issue. */
    title: string
    /** Most items shown per list on the dashboard ("… and N more"; the job summary has them all). */
    maxItems: number
  }
}

/** `upgrade.compatibility[]`: installed releases `from` may not upgrade to releases `to`. */
export interface CompatibilityDeclaration {
  /** Release selector(s) (src/upgrade/selector.ts): names, builds or build ranges. */
  from: string | string[]
  to: string | string[]
  reason: string
}

/** `upgrade.waivers[]`: findings of `rule` that name every listed release and ID are waived. */
export interface WaiverDeclaration {
  rule: string
  releases?: string[]
  ids?: string[]
  reason: string
  /** Last day (YYYY-MM-DD, UTC) the waiver applies. */
  until?: string
}

export interface LabelRule {
  pattern: string
  branch: string
}

export interface ConfigProblem {
  /** Dotted key path, e.g. `backport.labels[0].pattern` (empty for the whole file). */
  path: string
  message: string
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
    options?: { cause?: unknown },
  ) {
    super(
      `${file} is not valid:\n${problems.map((p) => `  - ${p.path || '(top level)'}: ${p.message}`).join('\n')}`,
      options,
    )
  }
}
