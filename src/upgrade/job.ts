import { payloadDefaultBranch } from '../payload.js'
/**
 * The upgrade-safety job: on a release PR (a PR into a line branch or a hotfix branch that changes
 * the build number) or a published release, discover the model from the repository, run the rules,
 * and post a check run `fixline / upgrade-safety` (or a commit status of that name when check runs
 * are forbidden).
 */
import { readObjects } from '../git/batch.js'
import { fetchWholeHistory } from '../git/history.js'
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import { publishCheck, type Published } from '../github/checks.js'
import { skipped, type JobDeps, type JobOutcome } from '../jobs.js'
import type { UpgradeTrigger } from '../route.js'
import { checkRepository } from './discovery/check-repo.js'
import type { Candidate } from './discovery/discover.js'
import { buildCandidates, releasePrVerdict } from './discovery/release-pr.js'
import { buildFromTag, compileTagPatterns } from './discovery/names.js'
import { annotations, CHECK_NAME, checkTitle, notesMarkdown, resultRows } from './job-report.js'
import { renderMarkdown } from './render/index.js'

const JOB = 'upgrade'

export async function runUpgradeJob(deps: JobDeps, trigger: UpgradeTrigger): Promise<JobOutcome> {
  // Decide first: most pull_request events are not release PRs and must not pay for a full fetch.
  const target = await resolveTarget(deps, trigger)
  if ('skip' in target) {
    deps.log.info(`upgrade safety: skipped: ${target.skip}`)
    return skipped(JOB, target.skip)
  }
  const check = await checkRepository(deps.git, deps.config, {
    prefer: 'remote',
    ...(defaultBranch(deps) ? { defaultBranch: defaultBranch(deps) } : {}),
    ...(target.candidate ? { candidate: target.candidate } : {}),
  })
  const { result, discovery } = check
  deps.log.info(
    `upgrade safety: ${result.releases.length} release(s) on ${result.lines.length} line(s), ${result.findings.length} finding(s), conclusion ${result.conclusion}`,
  )
  for (const note of discovery.notes) deps.log.info(`note: ${note}`)
  for (const c of result.coverage ?? []) deps.log.warning(`not checked: ${c.message}`)
  for (const f of result.findings) {
    const where = f.file
      ? { title: f.rule, file: f.file, ...(f.line ? { startLine: f.line } : {}) }
      : { title: f.rule }
    if (f.waived) deps.log.info(`waived ${f.rule} (${f.waived.reason}): ${f.message}`)
    else if (f.severity === 'error') deps.log.error(f.message, where)
    else deps.log.warning(f.message, where)
  }
  const markdown = renderMarkdown(result) + notesMarkdown(discovery.notes)
  let posted = ''
  if (deps.dryRun) posted = '\n_Dry run: no check run posted._\n'
  else if (target.sha) {
    const tags = new Set(
      result.releases.map((r) => r.tag).filter((t): t is string => t !== undefined),
    )
    const published = await publishCheck(deps.github, {
      owner: deps.ctx.owner,
      repo: deps.ctx.repo,
      sha: target.sha,
      name: CHECK_NAME,
      conclusion: result.conclusion,
      title: checkTitle(result),
      summary: markdown,
      annotations: annotations(result.findings, tags),
      detailsUrl: `${deps.ctx.serverUrl}/${deps.ctx.owner}/${deps.ctx.repo}/actions/runs/${deps.ctx.runId}`,
      botLogin: deps.botLogin,
    })
    posted = `\n${describePublished(published, target.sha)}\n`
    deps.log.info(describePublished(published, target.sha))
  }
  return {
    job: JOB,
    results: resultRows(result),
    createdPullRequests: [],
    conclusion: result.conclusion,
    summary: markdown + posted,
  }
}

async function isShallow(git: Git): Promise<boolean> {
  return (await git.text(['rev-parse', '--is-shallow-repository'])) === 'true'
}

type Target = { skip: string } | { sha: string | undefined; candidate?: Candidate }

async function resolveTarget(deps: JobDeps, trigger: UpgradeTrigger): Promise<Target> {
  switch (trigger.type) {
    case 'release-pr':
      return releasePrTarget(deps, trigger)
    case 'release': {
      const patterns = compileTagPatterns(deps.config.upgrade.tags)
      if (!isPlausibleRefName(trigger.tag) || buildFromTag(trigger.tag, patterns) === undefined)
        return {
          skip: `tag "${printable(trigger.tag)}" does not match the release tag patterns (${deps.config.upgrade.tags.join(', ')})`,
        }
      await fetchWholeHistory(deps.git)
      return { sha: trigger.sha ?? (await commitOf(deps.git, `refs/tags/${trigger.tag}`)) }
    }
    case 'dispatch':
      if (!isPlausibleRefName(trigger.ref) && trigger.ref !== 'HEAD')
        return { skip: `"${printable(trigger.ref)}" is not a valid ref` }
      await fetchWholeHistory(deps.git)
      return { sha: undefined }
  }
}

async function releasePrTarget(
  deps: JobDeps,
  t: Extract<UpgradeTrigger, { type: 'release-pr' }>,
): Promise<Target> {
  if (!/^[0-9a-f]{40,64}$/.test(t.headSha) || !/^[0-9a-f]{40,64}$/.test(t.baseSha))
    return { skip: 'the pull request payload has no valid head/base commit' }
  const prRef = `+refs/pull/${t.pr}/head:refs/remotes/origin/fixline-pr-${t.pr}`
  await ensureCommit(deps.git, t.headSha, prRef)
  await ensureCommit(deps.git, t.baseSha, t.baseSha)
  const paths = buildCandidates(deps.config).map((c) => c.path)
  const specs = [t.baseSha, t.headSha].flatMap((sha) => paths.map((p) => `${sha}:${p}`))
  const read = await readObjects(deps.git, specs)
  const at = (sha: string) => new Map(paths.map((p) => [p, read.get(`${sha}:${p}`)]))
  const verdict = releasePrVerdict(
    t.base,
    defaultBranch(deps),
    deps.config,
    at(t.baseSha),
    at(t.headSha),
  )
  if (!verdict.release) return { skip: `PR #${t.pr} is not a release PR: ${verdict.reason}` }
  await fetchWholeHistory(deps.git, 'origin', [prRef])
  // Into a hotfix branch: a release of the line the hotfix was cut from (discovery finds it).
  deps.log.info(
    `PR #${t.pr} is a release PR: ${verdict.file} ${verdict.previous ?? '(none)'} -> ${verdict.build}; checking it as a release of ${verdict.hotfix ? `the line hotfix branch ${t.base} was cut from` : t.base}`,
  )
  const name = `PR #${t.pr}`
  return {
    sha: t.headSha,
    candidate: verdict.hotfix
      ? { commit: t.headSha, name, ...(verdict.build ? { build: verdict.build } : {}) }
      : { commit: t.headSha, line: t.base, name },
  }
}

/**
 * Fetches `refspec` when `sha` is not in the repository yet (a fork's PR head is not under
 * refs/heads). Only that commit in a shallow checkout: deciding whether the PR is a release PR
 * reads two files, and a full checkout must not become shallow.
 */
async function ensureCommit(git: Git, sha: string, refspec: string): Promise<void> {
  const has = await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [0, 1, 128] })
  if (has.exitCode === 0) return
  const depth = (await isShallow(git)) ? ['--depth=1'] : []
  await git.run(['fetch', '--quiet', '--no-tags', ...depth, 'origin', refspec])
}

async function commitOf(git: Git, ref: string): Promise<string> {
  try {
    return await git.text(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
  } catch (error) {
    if (error instanceof GitError)
      throw new Error(`${ref} is not in the repository after fetching tags`, { cause: error })
    throw error
  }
}

function defaultBranch(deps: JobDeps): string | undefined {
  return payloadDefaultBranch(deps.ctx.payload)
}

function describePublished(p: Published, sha: string): string {
  return p.kind === 'check-run'
    ? `Posted check run "${CHECK_NAME}" on ${sha.slice(0, 7)} with ${p.annotations} annotation(s).`
    : `Check runs are not permitted for this token: posted the commit status "${CHECK_NAME}" (${p.state}) on ${sha.slice(0, 7)}.`
}
