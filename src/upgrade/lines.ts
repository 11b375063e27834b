/**
 * The release lines of a repository as `fixline check` and `fixline plan` find them, for other jobs
 * (the fix audit, forward-ports): one `git for-each-ref`, the configured patterns, `lines.newest`
 * and `lines.order`. Also what those jobs need to leave release bookkeeping out of fix evidence:
 * the builds the release tags name, and the file holding the build number.
 */
import type { Config } from '../config/types.js'
import type { Git } from '../git/git.js'
import type { Line } from './model.js'
import { buildFromTag, compileTagPatterns } from './discovery/names.js'
import { buildFile, resolveLayout } from './discovery/reader.js'
import { readLineRefs } from './discovery/line-refs.js'

export type { Line } from './model.js'

export interface ReleaseLines {
  /** Oldest first, the newest line (default branch or `lines.newest`) last. */
  lines: Line[]
  /** Build numbers named by release tags (`upgrade.tags`): a version-only diff to one of them is a release bump. */
  releaseBuilds: string[]
  /** Whether `lines.newest` names a branch that does not exist (a typo): the newest line is then missing. */
  newestMissing: boolean
}

export interface ReleaseLineOptions {
  /** Which copy of a branch wins when both exist: origin's (the action, after a fetch) or the local one (the CLI). */
  prefer: 'remote' | 'local'
  /** The default branch when known (payload, CLI flag); guessed otherwise. */
  defaultBranch?: string
}

/** The release lines and release builds, with one `git for-each-ref`. */
export async function releaseLines(
  git: Git,
  config: Config,
  options: ReleaseLineOptions,
): Promise<ReleaseLines> {
  const { refs, lines } = await readLineRefs(git, config, options)
  const patterns = compileTagPatterns(config.upgrade.tags)
  const builds = new Set<string>()
  for (const tag of refs.tags.keys()) {
    const build = buildFromTag(tag, patterns)
    if (build !== undefined) builds.add(build)
  }
  const newest = config.lines.newest
  return {
    lines,
    releaseBuilds: [...builds],
    newestMissing: newest !== undefined && !lines.some((l) => l.branch === newest),
  }
}

/** Files whose presence decides where the build number lives (reader.ts resolveLayout). */
function buildCandidates(config: Config): string[] {
  const u = config.upgrade
  return [
    ...new Set([
      u.plugin.config,
      ...(u.build.file ? [u.build.file] : []),
      'VERSION',
      'package.json',
    ]),
  ]
}

/**
 * `upgrade.bookkeeping` plus the file holding the build number at `tip` when that file holds
 * nothing else a fix would change: the Delphix plugin config or `VERSION` (found as the check finds
 * them, with one `git ls-tree` when `upgrade.build.source` is `auto`). A `package.json` or
 * `upgrade.build.file` also holds dependencies, so it stays in: a bump of it to a release build is
 * left out by the evidence's version-only test (pass {@link ReleaseLines.releaseBuilds}), while a
 * dependency bump (a security fix) is still a fix.
 */
export async function bookkeepingGlobs(
  git: Git,
  config: Config,
  tip: string | undefined,
): Promise<string[]> {
  const globs = [...config.upgrade.bookkeeping]
  let source = config.upgrade.build.source === 'auto' ? undefined : config.upgrade.build.source
  if (source === undefined && tip !== undefined) {
    const present = await git.lines([
      'ls-tree',
      '--name-only',
      tip,
      '--',
      ...buildCandidates(config),
    ])
    source = resolveLayout(new Map(present.map((p) => [p, ''])), config).buildSource
  }
  const file =
    source === 'plugin-config' || source === 'version-file' ? buildFile(source, config) : undefined
  if (file && !globs.includes(file)) globs.push(file)
  return globs
}
