import {
  globSource,
  lineMatcher,
  tagPatternSource,
  wholeName,
  type NamePattern,
} from '../../config/patterns.js'
/**
 * Names of refs: which branches are release lines (and their version), which tags are releases
 * (and the build number they carry). Pure.
 */

/** Whether a branch name is a release line under the configured patterns (regexes on whole names). */
export function isLineBranch(branch: string, patterns: readonly string[]): boolean {
  return lineMatcher(patterns)(branch)
}

/** Whether a line version is a prefix of a build's numbers (line 1 -> build 1.1 yes, 2.0 no). */
export function versionIsPrefixOf(version: readonly number[], build: string): boolean {
  const parts = (build.match(/\d+/g) ?? []).map(Number)
  if (version.length === 0 || version.length > parts.length) return false
  return version.every((v, i) => parts[i] === v)
}

/**
 * Compiles tag patterns (`v{build}`, `{build}`, `release-{build}`) into whole-name patterns
 * (config/patterns.ts runs them in linear time: tag names are outside input). A pattern too large
 * to run (the config check refuses it) is left out.
 */
export function compileTagPatterns(patterns: readonly string[]): NamePattern[] {
  return patterns
    .map((p) => wholeName(tagPatternSource(p)))
    .filter((re): re is NamePattern => re !== undefined)
}

/** The build number a tag names, or undefined when the tag is not a release tag. First pattern wins. */
export function buildFromTag(tag: string, patterns: readonly NamePattern[]): string | undefined {
  for (const re of patterns) {
    const m = re.exec(tag)
    if (m?.[1] !== undefined) return m[1]
  }
  return undefined
}

/** Simple glob (`*`, `**`, `?`) to a whole-path pattern over slash-separated paths (linear time). */
export function globToRegex(glob: string): NamePattern {
  return wholeName(globSource(glob)) ?? { test: () => false, exec: () => null }
}
