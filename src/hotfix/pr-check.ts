/** The check run `fixline / hotfix` on a PR into a hotfix branch: its base release and the warnings. */
import { skipped, type JobDeps, type JobOutcome } from '../jobs.js'
import { publishCheck } from '../github/checks.js'
import { latestSuccessfulDeployment } from '../github/deployments.js'
import { latestRelease } from '../github/releases.js'
import { payloadDefaultBranch } from '../payload.js'
import type { HotfixTrigger } from '../route.js'
import { HOTFIX_CHECK_NAME, hotfixCheck, type HotfixPrFacts } from './decide.js'
import {
  commitsFromMain,
  ensureCommit,
  fetchHotfixState,
  fetchPrHead,
  isAncestor,
  mergeBase,
  remoteRef,
  resolveCommit,
} from './git-ops.js'
import { REMOTE, repoUrl } from './job-support.js'

type PrTrigger = Extract<HotfixTrigger, { type: 'pr' }>

/** The check run `fixline / hotfix` on a PR into a hotfix branch: its base release and the warnings. */
export async function checkHotfixPr(deps: JobDeps, trigger: PrTrigger): Promise<JobOutcome> {
  const prefix = deps.config.hotfix.branchPrefix
  if (!trigger.base.startsWith(prefix) || trigger.base.length === prefix.length)
    return skipped('hotfix', `${trigger.base} is not a hotfix branch`)
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload) ?? 'main'
  const hotfixRef = remoteRef(REMOTE, trigger.base)
  await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix)
  if (!(await resolveCommit(deps.git, hotfixRef)))
    return skipped('hotfix', `the branch ${trigger.base} no longer exists`)
  const facts = await hotfixPrFacts(deps, trigger, defaultBranch)
  const check = hotfixCheck(facts, repoUrl(deps))
  const posted = deps.dryRun ? '' : await postCheck(deps, trigger.headSha, check)
  return {
    job: 'hotfix',
    results: [
      {
        target: trigger.base,
        status: check.warnings.length === 0 ? 'success' : 'pending',
        message: check.title,
      },
    ],
    createdPullRequests: [],
    conclusion: check.conclusion,
    summary: `### fixline: ${HOTFIX_CHECK_NAME}\n\n${check.summary}${posted}`,
  }
}

/**
 * What the check decides on: where the hotfix was cut, the default branch's commits the PR brings,
 * and a deployment or release newer than the cut that neither the branch nor the PR has.
 */
async function hotfixPrFacts(
  deps: JobDeps,
  trigger: PrTrigger,
  defaultBranch: string,
): Promise<HotfixPrFacts> {
  const { owner, repo } = deps.ctx
  const prefix = deps.config.hotfix.branchPrefix
  const mainRef = remoteRef(REMOTE, defaultBranch)
  const hotfixRef = remoteRef(REMOTE, trigger.base)
  const head = await fetchPrHead(deps.git, REMOTE, trigger.pr, trigger.headSha)
  const cutSha = (await mergeBase(deps.git, hotfixRef, mainRef)) ?? ''
  const newer = async (sha: string | undefined): Promise<boolean> =>
    sha !== undefined &&
    sha !== cutSha &&
    (await isAncestor(deps.git, cutSha, sha)) &&
    !(await isAncestor(deps.git, sha, hotfixRef)) &&
    !(await isAncestor(deps.git, sha, head))
  const environment = deps.config.hotfix.environment
  const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment)
  const deployedSha = deployment && (await ensureCommit(deps.git, REMOTE, deployment.sha))
  const release = await latestRelease(deps.github, owner, repo)
  const releasedSha = release && (await resolveCommit(deps.git, `refs/tags/${release.tag}`))
  return {
    branch: trigger.base,
    release: trigger.base.slice(prefix.length),
    cutSha,
    defaultBranch,
    fromMain: await commitsFromMain(deps.git, head, hotfixRef, mainRef),
    ...(deployment && deployedSha && (await newer(deployedSha))
      ? {
          newerDeployment: {
            sha: deployedSha,
            environment,
            id: deployment.id,
            at: deployment.deployedAt,
            url:
              deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
          },
        }
      : {}),
    ...(release && releasedSha && (await newer(releasedSha))
      ? { newerRelease: { tag: release.tag, sha: releasedSha, url: release.url } }
      : {}),
  }
}

/** Publishes the check on the PR head; the summary's note on where it went. */
async function postCheck(
  deps: JobDeps,
  headSha: string,
  check: ReturnType<typeof hotfixCheck>,
): Promise<string> {
  const { owner, repo } = deps.ctx
  const published = await publishCheck(deps.github, {
    owner,
    repo,
    sha: headSha,
    name: HOTFIX_CHECK_NAME,
    conclusion: check.conclusion,
    title: check.title,
    summary: check.summary,
    annotations: [],
    detailsUrl: `${repoUrl(deps)}/actions/runs/${deps.ctx.runId}`,
    botLogin: deps.botLogin,
  })
  return published.kind === 'check-run'
    ? `\n[check run](${published.url})\n`
    : '\nposted as a commit status\n'
}
