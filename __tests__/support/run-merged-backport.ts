/**
 * The backport action bundle (`node dist/index.js`) run on a merged PR's `pull_request_target
 * closed` event, as the runner runs it: a fresh fetch-depth 1 checkout of the world's origin, the
 * fake API, the fixture's isolated git config. Shared by the e2e tests and the fault benchmark.
 */
import { pullRequestClosedPayload } from './payloads.js'
import { runAction, type RunActionResult } from './run-action.js'
import type { MergeResult } from './git-fixture.js'
import { OWNER, REPO, type JobWorld } from './job-world.js'

export interface MergedRun {
  /** The merge as mergedPr made it (#5 unless `number`). */
  merge: MergeResult
  title: string
  labels: string[]
  number?: number
  /** Action inputs besides the token (api-timeout, git-timeout, ...). */
  inputs?: Record<string, string>
  timeoutMs?: number
  /** The bundle to run (default: this repository's dist/index.js). */
  bundle?: string
  /** Extra environment of the run (e.g. HTTPS_PROXY). */
  env?: Record<string, string>
}

export async function runMergedBackport(
  world: JobWorld,
  run: MergedRun,
): Promise<RunActionResult & { workspace: string; ms: number }> {
  const checkout = await world.fixture.checkoutClone({ depth: 1 })
  const payload = pullRequestClosedPayload({
    owner: OWNER,
    repo: REPO,
    number: run.number ?? 5,
    title: run.title,
    user: 'ada',
    headRef: `feature-${run.number ?? 5}`,
    headSha: run.merge.headSha,
    mergeCommitSha: run.merge.mergeCommitSha,
    commits: run.merge.commits,
    labels: run.labels,
  })
  const started = Date.now()
  const result = await runAction({
    eventName: 'pull_request_target',
    payload,
    inputs: { 'github-token': 'ghs_e2e-token', config: '.github/fixline.yml', ...run.inputs },
    apiUrl: world.server.url,
    workspace: checkout.cwd,
    repository: `${OWNER}/${REPO}`,
    // The fixture's isolated git config (no global identity or settings from this machine).
    env: {
      GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '',
      GIT_CONFIG_NOSYSTEM: '1',
      ...run.env,
    },
    ...(run.timeoutMs !== undefined ? { timeoutMs: run.timeoutMs } : {}),
    ...(run.bundle !== undefined ? { bundle: run.bundle } : {}),
  })
  return { ...result, workspace: checkout.cwd, ms: Date.now() - started }
}
