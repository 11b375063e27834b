import type { Config } from './config/types.js'
import type { Git } from './git/git.js'
import type { GitHub } from './github/client.js'
import type { RunContext } from './github/context.js'
import type { Logger } from './log.js'
import { prose } from './markdown/escape.js'

/** What every job gets: parsed inputs, the two I/O boundaries, and a logger. */
export interface JobDeps {
  config: Config
  ctx: RunContext
  github: GitHub
  /** Git in the workspace checkout, already carrying the token (GIT_CONFIG_*) and bot identity env. */
  git: Git
  dryRun: boolean
  log: Logger
  /**
   * The login fixline acts as ("github-actions[bot]", or the App's "<slug>[bot]" from the
   * `bot-login` input): only comments by it are read back as state or edited.
   */
  botLogin: string
}

/** fixline's identity for a comment carrying `marker` (see github/comments.ts). */
export function commentIdentity(
  deps: Pick<JobDeps, 'botLogin' | 'log'>,
  marker: string,
): { marker: string; author: string; warn: (message: string) => void } {
  return { marker, author: deps.botLogin, warn: (m) => deps.log.warning(m) }
}

/** One row per target (a backport target branch, a request, a check). */
export interface TargetResult {
  target: string
  status:
    | 'created'
    | 'updated'
    | 'already-applied'
    | 'conflict'
    | 'failed'
    | 'skipped'
    | 'success'
    | 'failure'
    | 'pending'
  message: string
  pullRequest?: { number: number; url: string }
  /** Set when the result is a failure: the job then fails. */
  error?: string
}

export interface CreatedPullRequest {
  number: number
  url: string
  target: string
  draft: boolean
}

/** What a job returns; main.ts turns it into outputs, a job summary and the step's pass/fail. */
export interface JobOutcome {
  job: string
  results: TargetResult[]
  createdPullRequests: CreatedPullRequest[]
  conclusion: 'success' | 'failure' | 'neutral' | 'skipped'
  /** Markdown for the job summary. */
  summary: string
}

export function skipped(job: string, reason: string): JobOutcome {
  return {
    job,
    results: [],
    createdPullRequests: [],
    conclusion: 'skipped',
    summary: `fixline (${job}): ${prose(reason, 2_000)}\n`,
  }
}
