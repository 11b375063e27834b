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
  const output = await git.text(['ls-remote', '--symref', 'origin', 'HEAD', 'refs/heads/*'])
  const parsed = parseLsRemote(output)
  return orderLines(parsed.branches, config, defaultBranch ?? parsed.defaultBranch)
}
