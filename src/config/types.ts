/** The validated, fully defaulted `.github/fixline.yml` (see fixline.schema.json for each key). */
export interface Config {
  lines: {
    patterns: string[]
    defaultBranch: boolean
  }
  backport: {
    labels: LabelRule[]
    mergeCommits: 'own-commits' | 'mainline'
    conflicts: 'draft-pr' | 'comment'
    conflictLabel: string
    title: string
    copyLabels: string[]
    addLabels: string[]
    copyAssignees: boolean
    copyMilestone: boolean
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
    contentChange: 'warning' | 'error'
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
  hotfix: {
    branchPrefix: string
    /** The deployment environment whose last successful deployment a hotfix starts from. */
    environment: string
    forwardPort: boolean
  }
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
