/** `fixline check`: the upgrade-safety check of a local repository. */
import type { Config } from '../config/types.js'
import type { Git } from '../git/git.js'
import { isShallowRepository } from '../git/commits.js'
import { GitError } from '../git/errors.js'
import type { CoverageWarning } from '../upgrade/model.js'
import { checkRepository, type RepoCheck } from '../upgrade/discovery/check-repo.js'
import { renderJson, renderMarkdown, renderText } from '../upgrade/render/index.js'
import type { Format } from './args.js'
import { commandArgs, formatFlag, loadConfig, openRepo, UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'

export async function runCheckCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, { values: ['repo', 'ref', 'format', 'config'], booleans: [] })
  const format = formatFlag(args.flags)
  const git = await openRepo(args.flags.get('repo') ?? io.cwd)
  const config = await loadConfig(git.cwd, io.cwd, args.flags.get('config'))
  const ref = args.flags.get('ref')
  const check = await checkLocal(git, config, ref)
  io.out(render(check, format))
  if (format === 'text') for (const note of check.discovery.notes) io.err(`note: ${note}\n`)
  return check.result.conclusion === 'failure' ? EXIT.failures : EXIT.ok
}

/** Runs the check; `ref` (optional) is checked as a candidate release. */
export async function checkLocal(
  git: Git,
  config: Config,
  ref: string | undefined,
): Promise<RepoCheck> {
  let candidate
  if (ref !== undefined) {
    let commit: string
    try {
      commit = await git.text(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
    } catch (error) {
      if (error instanceof GitError)
        throw new UsageError(`--ref ${JSON.stringify(ref)} is not a commit in this repository`, {
          cause: error,
        })
      throw error
    }
    candidate = { commit, name: ref }
  }
  const check = await checkRepository(git, config, {
    prefer: 'local',
    ...(candidate ? { candidate } : {}),
  })
  // The action unshallows its checkout (upgrade/job.ts); the CLI never fetches, so it says so.
  if (await isShallowRepository(git))
    check.result = {
      ...check.result,
      coverage: [...(check.result.coverage ?? []), SHALLOW],
    }
  return check
}

const SHALLOW: CoverageWarning = {
  code: 'shallow',
  message:
    'this clone is shallow: commits beyond its depth are missing, so releases, line ancestry and fixes ' +
    'from before the cut were not checked (or look lost); run git fetch --unshallow --tags first',
}

export function render(check: RepoCheck, format: Format): string {
  const text =
    format === 'json'
      ? renderJson(check.result)
      : format === 'markdown'
        ? renderMarkdown(check.result)
        : renderText(check.result)
  return text.endsWith('\n') ? text : `${text}\n`
}
