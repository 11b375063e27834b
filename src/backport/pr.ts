/**
 * The backport PR on GitHub: finding the one an earlier run opened, opening a new one and
 * decorating it (labels, assignees, milestone, reviewers, auto-merge) as configured. Each optional
 * step costs an API call only when it is configured and has something to do.
 */
import { fitTitle, TITLE_LIMIT } from '../markdown/bound.js'
import { searchPattern } from '../config/patterns.js'
import type { Config } from '../config/types.js'
import type { GitHub } from '../github/client.js'
import { addLabels } from '../github/labels.js'
import {
  createPull,
  enableAutoMerge,
  findPullsByHead,
  requestReviewers,
  reviewerLogins,
  setAssigneesAndMilestone,
  type CreatedPull,
  type PullSummary,
} from '../github/pulls.js'
import { listOpenMilestones, type MilestoneSummary } from '../github/milestones.js'
import { mapLabel } from './labels.js'
import { chooseMilestone, milestoneMode } from './milestone.js'
import type { PullInfo } from './source.js'

type BackportConfig = Config['backport']

/** `backport/<source>-to-<target>`: the PR number, or for the local CLI's commits a short sha. */
export function backportBranchName(source: number | string, target: string): string {
  return `backport/${source}-to-${target}`
}

/**
 * `config.backport.title` with {target}, {title} and {number} filled in. A long source title is
 * cut (with "…") so that the whole stays within GitHub's title limit and the template's own parts,
 * such as the PR number, are kept.
 */
export function backportTitle(
  template: string,
  values: { target: string; title: string; number: number },
): string {
  const fill = (title: string) =>
    template.replace(/\{(target|title|number)\}/g, (_m, key: 'target' | 'title' | 'number') =>
      key === 'title' ? title : String(values[key]),
    )
  const full = fill(values.title)
  const over = Array.from(full).length - TITLE_LIMIT
  const uses = template.match(/\{title\}/g)?.length ?? 0
  if (over <= 0 || uses === 0) return full
  const keep = Array.from(values.title).length - Math.ceil(over / uses)
  return keep > 0 ? fill(fitTitle(values.title, keep)) : full
}

/**
 * Configured labels plus the source PR's labels that match copyLabels (never a backport label:
 * the backport PR's own merge must not trigger more backports), plus the conflict label.
 */
export function backportLabels(
  config: BackportConfig,
  sourceLabels: readonly string[],
  conflict: boolean,
): string[] {
  const copy = config.copyLabels.flatMap((p) => searchPattern(p) ?? [])
  const copied = sourceLabels.filter(
    (l) =>
      copy.some((re) => re.test(l)) &&
      l !== config.supportedLabel &&
      mapLabel(l, config.labels).kind === 'none',
  )
  return [...new Set([...config.addLabels, ...copied, ...(conflict ? [config.conflictLabel] : [])])]
}

/** The PR an earlier run opened from `branch`: an open one first, then a merged one, then a closed one. */
export async function findBackportPr(
  github: GitHub,
  owner: string,
  repo: string,
  branch: string,
): Promise<PullSummary | undefined> {
  const pulls = await findPullsByHead(github, owner, repo, branch)
  return pulls.find((p) => p.state === 'open') ?? pulls.find((p) => p.merged) ?? pulls[0]
}

export interface OpenBackportInput {
  github: GitHub
  owner: string
  repo: string
  config: BackportConfig
  source: PullInfo
  target: string
  branch: string
  body: string
  conflict: boolean
  /** fixline's own login: never requested as a reviewer. */
  botLogin?: string
  /** The open milestones, listed at most once per run (`copyMilestone: target-line`). */
  milestones?: () => Promise<MilestoneSummary[]>
}

/** Opens the backport PR, then applies the configured decorations. Decoration failures become warnings. */
export async function openBackportPr(
  input: OpenBackportInput,
): Promise<{ pull: CreatedPull; warnings: string[] }> {
  const { github, owner, repo, config, source } = input
  const title = backportTitle(config.title, {
    target: input.target,
    title: source.source.title,
    number: source.source.number,
  })
  const warnings: string[] = []
  const request = { owner, repo, head: input.branch, base: input.target, title, body: input.body }
  const pull = await createPull(github, { ...request, draft: input.conflict }).catch(
    async (error: unknown) => {
      // Draft PRs are not available on every plan: fall back to a regular PR (it keeps the label).
      if (!input.conflict || !/draft/i.test((error as Error).message)) throw error
      warnings.push('draft pull requests are not available in this repository: opened a regular PR')
      return createPull(github, { ...request, draft: false })
    },
  )
  const attempt = async (what: string, step: () => Promise<void>) => {
    try {
      await step()
    } catch (error) {
      warnings.push(`could not ${what} on #${pull.number}: ${(error as Error).message}`)
    }
  }
  await attempt('add labels', () =>
    addLabels(
      github,
      owner,
      repo,
      pull.number,
      backportLabels(config, source.labels, input.conflict),
    ),
  )
  await attempt('set assignees/milestone', async () => {
    const milestone = await chooseMilestone(
      milestoneMode(config.copyMilestone),
      source.milestone,
      input.target,
      input.milestones ?? (() => listOpenMilestones(github, owner, repo)),
    )
    await setAssigneesAndMilestone(github, {
      owner,
      repo,
      number: pull.number,
      ...(config.copyAssignees ? { assignees: source.assignees } : {}),
      ...(milestone !== undefined ? { milestone } : {}),
    })
  })
  if (config.requestReviewers)
    await attempt('request reviewers', () => requestOriginalReviewers(input, pull.number))
  if (config.autoMerge !== 'off' && !input.conflict) {
    const method = config.autoMerge
    await attempt('enable auto-merge', () => enableAutoMerge(github, pull.nodeId, method))
  }
  return { pull, warnings }
}

async function requestOriginalReviewers(input: OpenBackportInput, number: number): Promise<void> {
  const { github, owner, repo, source } = input
  const reviewed = await reviewerLogins(github, owner, repo, source.source.number)
  const skip = new Set([input.botLogin, source.author].filter((l): l is string => !!l))
  const reviewers = [...new Set([...source.requestedReviewers, ...reviewed])].filter(
    (l) => !skip.has(l) && !l.endsWith('[bot]'),
  )
  await requestReviewers(github, { owner, repo, number, reviewers, teams: source.requestedTeams })
}
