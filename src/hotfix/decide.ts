/**
 * Hotfix decisions over plain data: the command's arguments, which source says what is deployed,
 * the branch name, whether another hotfix is still open, and the replies. No I/O.
 */
import { boundList } from '../markdown/bound.js'
import { codeSpan, inline, prose } from '../markdown/escape.js'
import { isPlausibleRefName, printable } from '../git/refs.js'

export interface HotfixArgs {
  /** A release tag or commit to start from instead of what is deployed. */
  from: string | undefined
  force: boolean
}

/**
 * `/hotfix [<tag-or-commit>] [--force]` (also the `hotfix` input of workflow_dispatch, where
 * `start`, `true` or an empty value mean "no base given"). Returns a problem for anything else.
 */
export function parseHotfixArgs(args: readonly string[]): HotfixArgs | { problem: string } {
  let from: string | undefined
  let force = false
  for (const [i, arg] of args.entries()) {
    if (arg === '--force' || arg === '-f') force = true
    else if (arg.startsWith('-'))
      return { problem: `unknown option "${printable(arg)}" (only --force)` }
    else if (i === 0 && (arg === 'start' || arg === 'true')) continue
    else if (from !== undefined) return { problem: 'give at most one release tag or commit' }
    else if (!isPlausibleRefName(arg))
      return { problem: `"${printable(arg)}" is not a tag or commit name` }
    else from = arg
  }
  return { from, force }
}

/** Where the hotfix starts and which source decided it. */
export type HotfixBase =
  | { source: 'argument'; sha: string; name: string; given: string }
  | {
      source: 'deployment'
      sha: string
      name: string
      environment: string
      deploymentId: number
      deployedAt: string
      url: string
    }
  | { source: 'release'; sha: string; name: string; url: string }
  | { source: 'tag'; sha: string; name: string }

/** `hotfix/<release>`, or `hotfix/<short sha>` for a base without a tag. */
export function hotfixBranchName(
  prefix: string,
  releaseName: string | undefined,
  sha: string,
): string {
  return `${prefix}${releaseName ?? sha.slice(0, 12)}`
}

/** One hotfix branch on the remote, with what tells whether it is done. */
export interface HotfixBranchState {
  branch: string
  /** Commits of the branch (not on main by ancestry). */
  ownCommits: number
  /** Of those, commits with no fix evidence on main (src/evidence: patch-id, trailers, ...). */
  missingFromMain: number
  /** Of those, commits whose only evidence is a commit of main with the same subject and author. */
  probablyPorted?: number
  /** Its tip is a commit of main's first-parent history: cut and nothing committed yet. */
  tipOnMainline: boolean
}

/** Open: just cut (no commit of its own yet), or some commit of it is not on main. */
export function isOpenHotfix(b: HotfixBranchState): boolean {
  if (b.ownCommits === 0) return b.tipOnMainline
  return b.missingFromMain > 0
}

export interface PullLink {
  number: number
  url: string
}

export interface CommitLine {
  sha: string
  subject: string
}

const SUBJECT_MAX = 200

function commitRows(commits: readonly CommitLine[], serverRepoUrl: string): string[] {
  const { shown, more } = boundList(commits, 50)
  const rows = shown.map(
    (c) =>
      `- [\`${c.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${c.sha}) ${inline(c.subject, SUBJECT_MAX)}`,
  )
  if (more) rows.push(`- ${more}`)
  return rows
}

/** A hotfix commit whose only match on the default branch is one with the same subject and author. */
export interface ProbablyPorted {
  commit: CommitLine
  counterpart: CommitLine
}

/** The "probably ported" commits, each with its counterpart on the default branch (empty: none). */
export function probablyPortedRows(
  probable: readonly ProbablyPorted[],
  defaultBranch: string,
  serverRepoUrl: string,
): string[] {
  if (probable.length === 0) return []
  const { shown, more } = boundList(probable, 50)
  const link = (c: CommitLine): string =>
    `[\`${c.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${c.sha})`
  return [
    `Probably ported (only the subject and author match a commit of ${codeSpan(defaultBranch, 100)}, not the patch; check by hand):`,
    '',
    ...shown.map(
      (p) =>
        `- ${link(p.commit)} ${inline(p.commit.subject, SUBJECT_MAX)} (like ${link(p.counterpart)})`,
    ),
    ...(more ? [`- ${more}`] : []),
  ]
}

export function describeBase(base: HotfixBase, serverRepoUrl: string): string {
  const commit = `[\`${base.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${base.sha})`
  switch (base.source) {
    case 'argument':
      return `${codeSpan(base.given, 100)} (${commit}), as asked`
    case 'deployment':
      return `the last successful deployment to ${codeSpan(base.environment, 100)} ([deployment ${base.deploymentId}](${base.url}), ${inline(base.deployedAt, 40)}): ${codeSpan(base.name, 100)} at ${commit}`
    case 'release':
      return `the latest release [${inline(base.name, 100)}](${base.url}) at ${commit} (no successful deployment was found)`
    case 'tag':
      return `the newest release tag ${codeSpan(base.name, 100)} at ${commit} (no successful deployment and no GitHub release were found)`
  }
}

export function startedReply(input: {
  branch: string
  branchUrl: string
  base: HotfixBase
  defaultBranch: string
  notIncluded: readonly CommitLine[]
  serverRepoUrl: string
  forced: boolean
}): string {
  const lines = [
    `### Hotfix branch [${inline(input.branch, 200)}](${input.branchUrl}) created`,
    '',
    `It starts at ${describeBase(input.base, input.serverRepoUrl)}, not at ${codeSpan(input.defaultBranch, 100)}.`,
  ]
  if (input.forced) lines.push('', 'Started with `--force` while another hotfix is open.')
  lines.push('')
  if (input.notIncluded.length === 0)
    lines.push(`Nothing has been merged to ${codeSpan(input.defaultBranch, 100)} since.`)
  else {
    lines.push(
      `**Not included** (merged to ${codeSpan(input.defaultBranch, 100)} since, ${input.notIncluded.length} commit${input.notIncluded.length === 1 ? '' : 's'}):`,
      '',
      ...commitRows(input.notIncluded, input.serverRepoUrl),
    )
  }
  lines.push(
    '',
    '**Next steps**',
    '',
    `1. Open the fix as a pull request into ${codeSpan(input.branch, 200)} (not ${codeSpan(input.defaultBranch, 100)}).`,
    `2. Once it is merged, deploy the head of ${codeSpan(input.branch, 200)}.`,
    `3. Merge ${codeSpan(input.branch, 200)} back into ${codeSpan(input.defaultBranch, 100)}.`,
  )
  return lines.join('\n') + '\n'
}

export function refusedOpenReply(input: {
  open: readonly { branch: string; url: string; pulls: readonly PullLink[] }[]
}): string {
  const rows = input.open.map((o) => {
    const pulls = o.pulls.map((p) => `[#${p.number}](${p.url})`).join(', ')
    return `- [${inline(o.branch, 200)}](${o.url})${pulls ? `: ${pulls}` : ': no open pull request yet'}`
  })
  return (
    [
      '`/hotfix`: another hotfix is still open (not merged back), so no branch was created:',
      '',
      ...rows,
      '',
      'Put the fix on that branch, or finish it first. To start a second hotfix anyway, comment `/hotfix --force`.',
    ].join('\n') + '\n'
  )
}

export function noBaseReply(environment: string): string {
  return (
    [
      '`/hotfix`: cannot tell what is deployed, so no branch was created.',
      '',
      `There is no successful deployment to ${codeSpan(environment, 100)}, no GitHub release and no release tag on the default branch.`,
      'Name the base: `/hotfix <release tag or commit>` (or the `hotfix` input of workflow_dispatch).',
    ].join('\n') + '\n'
  )
}

export function problemReply(problem: string): string {
  return `\`/hotfix\`: ${prose(problem, 2_000)}; nothing was done.\n`
}

/** What the hotfix PR check knows, as plain data. */
export interface HotfixPrFacts {
  branch: string
  release: string
  /** Where the hotfix branch left the default branch. */
  cutSha: string
  defaultBranch: string
  /** Deployed or released since the cut, on the default branch's side (not the hotfix itself). */
  newerDeployment?: { sha: string; environment: string; id: number; at: string; url: string }
  newerRelease?: { tag: string; sha: string; url: string }
  /** Commits the PR brings from the default branch that the hotfix base does not have. */
  fromMain: readonly CommitLine[]
}

export const HOTFIX_CHECK_NAME = 'fixline / hotfix'

export function hotfixCheck(
  f: HotfixPrFacts,
  serverRepoUrl: string,
): { conclusion: 'success' | 'neutral'; title: string; summary: string; warnings: string[] } {
  const warnings: string[] = []
  const sections: string[] = []
  const commit = (sha: string) => `[\`${sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${sha})`
  if (f.newerDeployment) {
    const d = f.newerDeployment
    warnings.push('newer-deployment')
    sections.push(
      `⚠️ **A newer deployment happened after this hotfix branch was cut**: [deployment ${d.id}](${d.url}) to ${codeSpan(d.environment, 100)} of ${commit(d.sha)} (${inline(d.at, 40)}). The hotfix would roll production back to ${codeSpan(f.release, 100)} plus the fix. Consider rolling the fix into the regular release as a normal change instead.`,
    )
  }
  if (f.newerRelease) {
    const r = f.newerRelease
    warnings.push('newer-release')
    sections.push(
      `⚠️ **A newer release was published after this hotfix branch was cut**: [${inline(r.tag, 100)}](${r.url}) at ${commit(r.sha)}. Consider rolling the fix into the regular release instead.`,
    )
  }
  if (f.fromMain.length > 0) {
    warnings.push('brings-main')
    sections.push(
      [
        `⚠️ **This pull request brings in ${f.fromMain.length} commit${f.fromMain.length === 1 ? '' : 's'} from ${codeSpan(f.defaultBranch, 100)}** that the hotfix base ${codeSpan(f.release, 100)} does not have: they would ship with the hotfix. Rebase the fix onto ${codeSpan(f.branch, 200)} (or cherry-pick only the fix).`,
        '',
        ...commitRows(f.fromMain, serverRepoUrl),
      ].join('\n'),
    )
  }
  const head = `Hotfix of ${codeSpan(f.release, 100)}: branch ${codeSpan(f.branch, 200)}, cut from ${commit(f.cutSha)}.`
  const summary =
    [head, '', ...(sections.length > 0 ? sections : ['No warnings.'])].join('\n\n') + '\n'
  const title =
    warnings.length === 0
      ? `Hotfix of ${oneLineName(f.release)}`
      : `Hotfix of ${oneLineName(f.release)}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
  return { conclusion: warnings.length === 0 ? 'success' : 'neutral', title, summary, warnings }
}

function oneLineName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 100)
}

/** What shipped a hotfix: the events `hotfix.mergeBackOn` may list. */
export type ShipEvent = 'release' | 'deployment' | 'merged-pr'

export function mergeBackTitle(release: string, defaultBranch: string): string {
  return `Merge hotfix ${oneLineName(release)} back into ${oneLineName(defaultBranch)}`
}

export function mergeBackBody(input: {
  branch: string
  release: string
  defaultBranch: string
  shippedBy: string
  missing: readonly CommitLine[]
  probable?: readonly ProbablyPorted[]
  conflicts: readonly string[]
  serverRepoUrl: string
}): string {
  const main = codeSpan(input.defaultBranch, 100)
  const probable = probablyPortedRows(
    input.probable ?? [],
    input.defaultBranch,
    input.serverRepoUrl,
  )
  const lines = [
    `The hotfix ${codeSpan(input.release, 100)} shipped (${input.shippedBy}), and ${input.missing.length} commit${input.missing.length === 1 ? '' : 's'} of ${codeSpan(input.branch, 200)} ${input.missing.length === 1 ? 'is' : 'are'} not on ${main} (no fix evidence: no patch-equivalent commit, no \`cherry picked from\` trailer, not a revert pair or release bookkeeping):`,
    '',
    ...commitRows(input.missing, input.serverRepoUrl),
    '',
    ...(probable.length > 0 ? [...probable, ''] : []),
    `Merge this pull request (a merge commit keeps the history of what was deployed) so that the next regular release of ${main} keeps the fix.`,
  ]
  if (input.conflicts.length > 0) {
    const { shown, more } = boundList(input.conflicts, 100)
    const mergeBranch = `merge-back/${input.release}`
    lines.push(
      '',
      `### Conflicts`,
      '',
      `Merging ${codeSpan(input.branch, 200)} into ${main} conflicts in:`,
      '',
      ...shown.map((f) => `- ${codeSpan(f, 300)}`),
      ...(more ? [`- ${more}`] : []),
      '',
      'To finish by hand (without changing the hotfix branch, which is what was deployed):',
      '',
    )
    if ([mergeBranch, input.defaultBranch, input.branch].every(shellSafe))
      lines.push(
        '```sh',
        'git fetch origin',
        `git switch -c ${mergeBranch} origin/${input.defaultBranch}`,
        `git merge origin/${input.branch}`,
        '# resolve the conflicts in the files above, then',
        'git commit',
        `git push origin ${mergeBranch}`,
        '```',
        '',
        `then open a pull request from that branch into ${main} and close this one.`,
      )
    else
      lines.push(
        `merge ${codeSpan(input.branch, 200)} into a new branch from ${main}, resolve the conflicts, push it and open a pull request from it into ${main}; then close this one.`,
      )
  }
  return lines.join('\n') + '\n'
}

/** Names written into a shell command as they are: only characters no shell or Markdown reads. */
function shellSafe(name: string): boolean {
  return /^[A-Za-z0-9._/+-]+$/.test(name) && isPlausibleRefName(name)
}

export const REMINDER_MARKER = '<!-- fixline:hotfix-reminder -->'

/** Whole days from `since` to `now` (ISO timestamps); 0 for unreadable dates. */
export function daysBetween(since: string, now: number): number {
  const t = Date.parse(since)
  return Number.isFinite(t) ? Math.floor((now - t) / 86_400_000) : 0
}

/** Due when the hotfix has waited at least `afterDays` (0: reminders are off). */
export function reminderDue(waitedDays: number, afterDays: number): boolean {
  return afterDays > 0 && waitedDays >= afterDays
}

export function reminderBody(input: {
  branch: string
  defaultBranch: string
  days: number
  missing: readonly CommitLine[]
  mergeBack: PullLink | undefined
  serverRepoUrl: string
}): string {
  const main = codeSpan(input.defaultBranch, 100)
  return (
    [
      `⏰ The hotfix ${codeSpan(input.branch, 200)} has waited ${input.days} day${input.days === 1 ? '' : 's'} and is still not merged back into ${main}: ${input.missing.length} commit${input.missing.length === 1 ? '' : 's'} would be lost in the next regular release.`,
      '',
      ...commitRows(input.missing, input.serverRepoUrl),
      '',
      input.mergeBack
        ? `Merge [#${input.mergeBack.number}](${input.mergeBack.url}) (or finish it by hand if it conflicts).`
        : `Merge ${codeSpan(input.branch, 200)} back into ${main}.`,
    ].join('\n') + '\n'
  )
}
