import type { GitHub } from './client.js'

/** Adds labels to an issue or PR in one call (GitHub creates labels that do not exist yet). No call for none. */
export async function addLabels(
  github: GitHub,
  owner: string,
  repo: string,
  issue: number,
  labels: readonly string[],
): Promise<void> {
  const unique = [...new Set(labels)]
  if (unique.length === 0) return
  await github.rest.issues.addLabels({ owner, repo, issue_number: issue, labels: unique })
}
