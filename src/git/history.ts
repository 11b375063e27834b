/**
 * Whole history for jobs that compare release lines back to where they forked (the upgrade check,
 * forward-ports on release, the audit): a bounded depth cannot be known in advance, so a shallow
 * checkout (fetch-depth 1) is unshallowed once and a full clone fetches only what is new.
 */
import { isShallowRepository } from './commits.js'
import type { Git } from './git.js'

/** Every branch of `remote` (into refs/remotes/<remote>/) and every tag, plus `extraRefspecs`. */
export async function fetchWholeHistory(
  git: Git,
  remote = 'origin',
  extraRefspecs: readonly string[] = [],
): Promise<void> {
  const shallow = await isShallowRepository(git)
  await git.run([
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    ...(shallow ? ['--unshallow'] : []),
    remote,
    `+refs/heads/*:refs/remotes/${remote}/*`,
    '+refs/tags/*:refs/tags/*',
    ...extraRefspecs,
  ])
}
