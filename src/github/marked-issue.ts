/**
 * An issue fixline owns (the release lines dashboard): found by a hidden marker at the start of its
 * body AND fixline's identity as its author (an imitation by anyone else is never read or edited),
 * created exactly once, and updated in place only when its body changes.
 */
import { fitTitle } from '../markdown/bound.js'
import type { GitHub } from './client.js'
import { createOnce } from './create-once.js'

export interface MarkedIssueRef {
  owner: string
  repo: string
  /** Hidden marker the body starts with. */
  marker: string
  /** fixline's login: only issues it opened count. */
  author: string
}

export interface MarkedIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  url: string
}

/**
 * fixline's marked issue: open ones first, else the most recently closed one (so a closed dashboard
 * is reopened, not duplicated). Lists only issues opened by fixline's identity (`creator`), then
 * checks the author again.
 */
export async function findMarkedIssue(
  github: GitHub,
  ref: MarkedIssueRef,
): Promise<MarkedIssue | undefined> {
  const issues = await github.paginate(github.rest.issues.listForRepo, {
    owner: ref.owner,
    repo: ref.repo,
    creator: ref.author,
    state: 'all',
    per_page: 100,
  })
  const mine = issues
    .filter((i) => !i.pull_request && i.user?.login === ref.author)
    .filter((i) => (i.body ?? '').startsWith(ref.marker))
    .map((i) => ({
      number: i.number,
      title: i.title,
      body: i.body ?? '',
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      url: i.html_url,
    }))
  const open = mine.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number)
  if (open[0]) return open[0]
  return mine.sort((a, b) => b.number - a.number)[0]
}

/** Opens the marked issue once (a create whose answer was lost is found, not repeated). */
export async function createMarkedIssue(
  github: GitHub,
  ref: MarkedIssueRef,
  title: string,
  body: string,
): Promise<MarkedIssue> {
  const { value } = await createOnce({
    what: `the issue "${title}"`,
    create: async () => {
      const { data } = await github.rest.issues.create({
        owner: ref.owner,
        repo: ref.repo,
        title: fitTitle(title),
        body,
      })
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        state: 'open' as const,
        url: data.html_url,
      }
    },
    find: () => findMarkedIssue(github, ref),
  })
  return value
}

/** Writes the body (and title, reopening a closed issue); no call when nothing would change. */
export async function updateMarkedIssue(
  github: GitHub,
  ref: MarkedIssueRef,
  issue: MarkedIssue,
  change: { title: string; body: string },
): Promise<boolean> {
  const title = fitTitle(change.title)
  if (issue.body === change.body && issue.state === 'open' && issue.title === title) return false
  await github.rest.issues.update({
    owner: ref.owner,
    repo: ref.repo,
    issue_number: issue.number,
    body: change.body,
    ...(title !== issue.title ? { title } : {}),
    ...(issue.state === 'closed' ? { state: 'open' as const } : {}),
  })
  return true
}
