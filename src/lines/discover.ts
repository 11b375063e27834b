import type { Config } from '../config/types.js'
import type { Git } from '../git/git.js'
import { orderLines, parseLsRemote, type ReleaseLine } from './window.js'

/**
 * The release lines of the repository, newest first: one `git ls-remote --symref origin HEAD
 * refs/heads/*` (branches and the default branch in one round trip; works from a shallow checkout).
 * `defaultBranch` (from the event payload) wins over the remote's HEAD when given.
 */
export async function discoverLines(
  git: Git,
  config: Pick<Config, 'lines'>,
  defaultBranch?: string,
): Promise<ReleaseLine[]> {
  return (await discoverLinesAndDefault(git, config, defaultBranch)).lines
}

/** {@link discoverLines}, with the default branch it used (the payload's, else the remote's HEAD). */
export async function discoverLinesAndDefault(
  git: Git,
  config: Pick<Config, 'lines'>,
  defaultBranch?: string,
): Promise<{ lines: ReleaseLine[]; defaultBranch: string | undefined }> {
  const output = await git.text(['ls-remote', '--symref', 'origin', 'HEAD', 'refs/heads/*'])
  const parsed = parseLsRemote(output)
  const head = defaultBranch ?? parsed.defaultBranch
  return { lines: orderLines(parsed.branches, config, head), defaultBranch: head }
}
