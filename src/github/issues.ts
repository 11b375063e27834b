import type { GitHub } from './client.js'

export interface IssueInfo {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  /** Issues and pull requests share numbers; true for a pull request. */
  isPullRequest: boolean
  author: string | undefined
}

export async function getIssue(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
): Promise<IssueInfo> {
  const { data } = await github.rest.issues.get({ owner, repo, issue_number: number })
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    labels: data.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : [])),
    isPullRequest: data.pull_request !== undefined && data.pull_request !== null,
    author: data.user?.login,
  }
}

/** Closes an issue with a reason (`completed`, or `not_planned` for a rejected request). */
export async function closeIssue(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
  reason: 'completed' | 'not_planned',
): Promise<void> {
  await github.rest.issues.update({
    owner,
    repo,
    issue_number: number,
    state: 'closed',
    state_reason: reason,
  })
}

/** Removes a label; a label that is not there (404) is fine. */
export async function removeLabel(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
  name: string,
): Promise<void> {
  try {
    await github.rest.issues.removeLabel({ owner, repo, issue_number: number, name })
  } catch (error) {
    if ((error as { status?: number }).status !== 404)
      throw new Error(`cannot remove the label ${name} from #${number}`, { cause: error })
  }
}

/** Open issues (not PRs) carrying a label, newest first, at most `limit` (one page per 100). */
export async function openIssuesWithLabelInfo(
  github: GitHub,
  owner: string,
  repo: string,
  label: string,
  limit = 100,
): Promise<{ number: number; title: string; url: string }[]> {
  const out: { number: number; title: string; url: string }[] = []
  for await (const page of github.paginate.iterator(github.rest.issues.listForRepo, {
    owner,
    repo,
    labels: label,
    state: 'open',
    per_page: 100,
  })) {
    for (const i of page.data)
      if (!i.pull_request) out.push({ number: i.number, title: i.title, url: i.html_url })
    if (out.length >= limit) break
  }
  return out.slice(0, limit)
}

/** The numbers of the open issues carrying a label (see openIssuesWithLabelInfo). */
export async function openIssuesWithLabel(
  github: GitHub,
  owner: string,
  repo: string,
  label: string,
  limit = 100,
): Promise<number[]> {
  return (await openIssuesWithLabelInfo(github, owner, repo, label, limit)).map((i) => i.number)
}

/** The merged pull requests that contain a commit (to resolve a request given by commits). */
export async function mergedPullsForCommit(
  github: GitHub,
  owner: string,
  repo: string,
  sha: string,
): Promise<number[]> {
  const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  })
  return data.filter((p) => p.merged_at !== null && p.merged_at !== undefined).map((p) => p.number)
}

export async function reopenIssue(
  github: GitHub,
  owner: string,
  repo: string,
  number: number,
): Promise<void> {
  await github.rest.issues.update({ owner, repo, issue_number: number, state: 'open' })
}
