/** The repository's refs and its release lines, with one `git for-each-ref` (config `lines.*`). */
import type { Config } from '../../config/types.js'
import type { Git } from '../../git/git.js'
import type { Line } from '../model.js'
import { parseRefs, REF_FORMAT, REF_PREFIXES, selectLines, type RefListing } from './refs.js'

export interface LineRefOptions {
  /** Which copy of a branch wins when both exist: origin's (the action, after a fetch) or the local one (the CLI). */
  prefer: 'remote' | 'local'
  defaultBranch?: string | undefined
}

export async function readLineRefs(
  git: Git,
  config: Config,
  options: LineRefOptions,
): Promise<{ refs: RefListing; lines: Line[] }> {
  const refs = parseRefs(
    await git.text(['for-each-ref', `--format=${REF_FORMAT}`, ...REF_PREFIXES]),
  )
  const lines = selectLines(refs, {
    patterns: config.lines.patterns,
    includeDefault: config.lines.defaultBranch,
    newest: config.lines.newest,
    order: config.lines.order,
    prefer: options.prefer,
    ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
  })
  return { refs, lines }
}
