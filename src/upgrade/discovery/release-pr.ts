/**
 * Is a pull request a release PR? Its base is a line, or a hotfix branch (`hotfix.branchPrefix`),
 * and its head changes the build number. Pure.
 */
import type { Config } from '../../config/types.js'
import { buildFromKey, buildFromPackageJson, buildFromVersionFile } from './build.js'
import { parsePluginConfig } from './delphix.js'
import { isReleaseLine } from '../../config/patterns.js'

/** Files that may hold the build number, in `auto` order, with their reader. */
export function buildCandidates(
  config: Config,
): { path: string; read: (text: string) => string | undefined }[] {
  const u = config.upgrade
  const all = {
    'plugin-config': {
      path: u.plugin.config,
      read: (t: string) => parsePluginConfig(t, u.plugin.config).build,
    },
    file: u.build.file
      ? {
          path: u.build.file,
          read: (t: string) => buildFromKey(t, u.build.file ?? '', u.build.key ?? 'version').build,
        }
      : undefined,
    'version-file': {
      path: 'VERSION',
      read: (t: string) => buildFromVersionFile(t, 'VERSION').build,
    },
    'package-json': {
      path: 'package.json',
      read: (t: string) => buildFromPackageJson(t, 'package.json').build,
    },
  }
  if (u.build.source === 'tag') return []
  if (u.build.source !== 'auto') return all[u.build.source] ? [all[u.build.source]!] : []
  return [all['plugin-config'], all.file, all['version-file'], all['package-json']].filter(
    (c) => c !== undefined,
  )
}

/** The build number at a commit from the files read there (path -> text, undefined when absent). */
export function buildAt(
  files: ReadonlyMap<string, string | undefined>,
  config: Config,
): { path: string; build: string | undefined } | undefined {
  for (const c of buildCandidates(config)) {
    const text = files.get(c.path)
    if (text !== undefined) return { path: c.path, build: c.read(text) }
  }
  return undefined
}

export type ReleasePrVerdict =
  | {
      release: true
      build: string
      previous: string | undefined
      file: string
      /** The base is a hotfix branch, not a line: the release belongs to the line it was cut from. */
      hotfix: boolean
    }
  | { release: false; reason: string }

export function releasePrVerdict(
  base: string,
  defaultBranch: string | undefined,
  config: Config,
  baseFiles: ReadonlyMap<string, string | undefined>,
  headFiles: ReadonlyMap<string, string | undefined>,
): ReleasePrVerdict {
  const line = isReleaseLine(base, config.lines, defaultBranch)
  const hotfix = !line && isHotfixBranch(base, config.hotfix.branchPrefix)
  if (!line && !hotfix)
    return {
      release: false,
      reason: `the base branch ${base} is not a release line or a hotfix branch`,
    }
  const head = buildAt(headFiles, config)
  if (!head)
    return {
      release: false,
      reason:
        'no build-number file at the head (with tag-based build numbers, release PRs cannot be recognised)',
    }
  const before = buildAt(baseFiles, config)
  if (before && before.path === head.path && before.build === head.build)
    return {
      release: false,
      reason: `the build number is unchanged (${head.build ?? 'unreadable'} in ${head.path})`,
    }
  return {
    release: true,
    build: head.build ?? '',
    previous: before?.build,
    file: head.path,
    hotfix,
  }
}

/** Whether `branch` is a hotfix branch: under the prefix, with a name after it. */
export function isHotfixBranch(branch: string, prefix: string): boolean {
  return prefix.length > 0 && branch.startsWith(prefix) && branch.length > prefix.length
}
