/** What `/hotfix` starts from: the argument, else the deployment, the latest release, the newest release tag. */
import type { JobDeps } from '../jobs.js'
import { latestSuccessfulDeployment } from '../github/deployments.js'
import { latestRelease } from '../github/releases.js'
import { noBaseReply, problemReply, type HotfixBase } from './decide.js'
import { ensureCommit, newestReleaseTag, releaseTagsAt, resolveCommit } from './git-ops.js'
import { REMOTE, repoUrl } from './job-support.js'

/** What the hotfix starts from: the argument, else the deployment, the latest release, the newest release tag. */
export async function findBase(
  deps: JobDeps,
  from: string | undefined,
  mainRef: string,
): Promise<HotfixBase | { problem: string }> {
  const { owner, repo } = deps.ctx
  const tags = deps.config.upgrade.tags
  if (from !== undefined) {
    const sha = await resolveCommit(deps.git, from)
    if (!sha)
      return { problem: problemReply(`"${from}" names no tag or commit of this repository`) }
    const name = (await isTag(deps, from)) ? from : (await releaseTagsAt(deps.git, sha, tags))[0]
    return { source: 'argument', sha, name: name ?? sha.slice(0, 12), given: from }
  }
  const environment = deps.config.hotfix.environment
  const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment)
  if (deployment) {
    const sha = await ensureCommit(deps.git, REMOTE, deployment.sha)
    if (!sha)
      return {
        problem: problemReply(
          `the last successful deployment to ${environment} (${deployment.id}) is of commit ${deployment.sha}, which the repository does not have; name the base: /hotfix <tag or commit>`,
        ),
      }
    const name =
      (await releaseTagsAt(deps.git, sha, tags))[0] ??
      ((await isTag(deps, deployment.ref)) ? deployment.ref : sha.slice(0, 12))
    return {
      source: 'deployment',
      sha,
      name,
      environment,
      deploymentId: deployment.id,
      deployedAt: deployment.deployedAt,
      url: deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
    }
  }
  const release = await latestRelease(deps.github, owner, repo)
  if (release) {
    const sha = await resolveCommit(deps.git, `refs/tags/${release.tag}`)
    if (sha) return { source: 'release', sha, name: release.tag, url: release.url }
    deps.log.warning(`the latest release ${release.tag} has no tag in the repository`)
  }
  const tag = await newestReleaseTag(deps.git, mainRef, tags)
  if (tag) return { source: 'tag', sha: tag.sha, name: tag.tag }
  return { problem: noBaseReply(environment) }
}

async function isTag(deps: JobDeps, name: string): Promise<boolean> {
  return (await resolveCommit(deps.git, `refs/tags/${name}`)) !== undefined
}
