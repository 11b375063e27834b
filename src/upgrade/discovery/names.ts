import { lineMatcher } from '../../config/patterns.js'
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

const BUILD_RE = '[0-9][0-9A-Za-z.+_-]*'

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Compiles tag patterns (`v{build}`, `{build}`, `release-{build}`) into anchored regexes. */
export function compileTagPatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map(
    (p) => new RegExp(`^${p.split('{build}').map(escapeRegex).join(`(${BUILD_RE})`)}$`),
  )
}

/** The build number a tag names, or undefined when the tag is not a release tag. First pattern wins. */
export function buildFromTag(tag: string, patterns: readonly RegExp[]): string | undefined {
  for (const re of patterns) {
    const m = re.exec(tag)
    if (m?.[1] !== undefined) return m[1]
  }
  return undefined
}

/** Simple glob (`*`, `**`, `?`) to a regex over slash-separated paths. */
export function globToRegex(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else out += escapeRegex(c)
  }
  return new RegExp(`^${out}$`)
}
