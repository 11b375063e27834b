/**
 * Forward-ports on release (`forwardport.onRelease`): a release published from a line that is not
 * the newest gets forward-port PRs for every fix it brought (since the previous release on its
 * line) that a newer line lacks: one run of the forward-port targets per source PR, with only the
 * lines that lack it. Commits no PR could be found for are listed in the summary, never ported.
 */
import { messageOf } from '../errors.js'
import { fetchWholeHistory } from '../git/history.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import { skipped, type JobDeps, type JobOutcome, type TargetResult } from '../jobs.js'
import { boundList } from '../markdown/bound.js'
import { codeSpan, inline } from '../markdown/escape.js'
import { payloadDefaultBranch } from '../payload.js'
import { releaseSpan } from '../upgrade/release-span.js'
import { releaseFixes, type ReleaseFixes } from './fixes.js'

const JOB = 'forwardport'

export type RunTargets = (pr: number, lines: string[]) => Promise<JobOutcome>

export async function forwardPortsOnRelease(
  deps: JobDeps,
  tag: string,
  runTargets: RunTargets,
): Promise<JobOutcome> {
  if (!isPlausibleRefName(tag)) return skipped(JOB, `"${printable(tag)}" is not a valid tag name`)
  await fetchWholeHistory(deps.git)
  const defaultBranch = payloadDefaultBranch(deps.ctx.payload)
  const span = await releaseSpan(deps.git, deps.config, tag, {
    ...(defaultBranch ? { defaultBranch } : {}),
  })
  if ('problem' in span) return skipped(JOB, span.problem)
  const at = span.lines.findIndex((l) => l.branch === span.line)
  const newer = span.lines.slice(at + 1).map((l) => l.branch)
  if (newer.length === 0)
    return skipped(JOB, `${tag} is a release of ${span.line}, the newest line: nothing newer`)
  const fixes = await releaseFixes(deps.git, span, newer, deps.config.upgrade.bookkeeping)
  deps.log.info(
    `release ${tag} of ${span.line}: ${fixes.byPr.size} PR(s) with fixes missing on ${newer.join(', ')}; ${fixes.noPr.length} commit(s) without a PR`,
  )
  const outcomes: { pr: number; outcome: JobOutcome }[] = []
  for (const [pr, lines] of [...fixes.byPr].sort((a, b) => a[0] - b[0])) {
    try {
      outcomes.push({ pr, outcome: await runTargets(pr, lines) })
    } catch (error) {
      const message = `forward-porting #${pr} failed: ${messageOf(error)}`
      deps.log.error(message)
      outcomes.push({ pr, outcome: failedOutcome(message) })
    }
  }
  return combine(tag, span.line, outcomes, fixes)
}

function failedOutcome(message: string): JobOutcome {
  return {
    job: JOB,
    results: [{ target: JOB, status: 'failed', message, error: message }],
    createdPullRequests: [],
    conclusion: 'failure',
    summary: '',
  }
}

const RANK = { failure: 3, neutral: 2, success: 1, skipped: 0 } as const

/** One outcome for the release: every PR's rows (target `#<pr> -> <line>`), created PRs, one summary. */
function combine(
  tag: string,
  line: string,
  outcomes: readonly { pr: number; outcome: JobOutcome }[],
  fixes: ReleaseFixes,
): JobOutcome {
  const results: TargetResult[] = outcomes.flatMap(({ pr, outcome }) =>
    outcome.results.map((r) => ({ ...r, target: `#${pr} -> ${r.target}` })),
  )
  let conclusion: JobOutcome['conclusion'] = outcomes.length === 0 ? 'success' : 'skipped'
  for (const { outcome } of outcomes)
    if (RANK[outcome.conclusion] > RANK[conclusion]) conclusion = outcome.conclusion
  const parts = [`## fixline forward-ports of release ${codeSpan(tag)} (${codeSpan(line)})`, '']
  if (outcomes.length === 0 && fixes.noPr.length === 0)
    parts.push('Every fix of this release is already on every newer line.', '')
  for (const { outcome } of outcomes) if (outcome.summary) parts.push(outcome.summary)
  if (fixes.noPr.length > 0) {
    const { shown, more } = boundList(fixes.noPr, 50, ' commits')
    parts.push(
      '### Commits without a pull request (not forward-ported)',
      '',
      ...shown.map(
        (c) =>
          `- ${c.sha.slice(0, 12)} ${inline(c.subject, 200)}: missing on ${c.lines.map((l) => codeSpan(l)).join(', ')}`,
      ),
      ...(more ? [`- ${more}`] : []),
      '',
    )
  }
  return {
    job: JOB,
    results,
    createdPullRequests: outcomes.flatMap(({ outcome }) => outcome.createdPullRequests),
    conclusion,
    summary: parts.join('\n'),
  }
}
