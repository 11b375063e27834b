/**
 * Config patterns match whole names: `^(?:pattern)$`, so `\d+\.x` cannot match `feature/1.x-old`.
 * Patterns are validated when the config is loaded; one that still does not compile matches nothing.
 */
export function wholeName(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`)
  } catch {
    return undefined
  }
}

/** Whether `branch` matches one of `lines.patterns` (see isReleaseLine for the default branch too). */
export function lineMatcher(patterns: readonly string[]): (branch: string) => boolean {
  const compiled = patterns.map(wholeName).filter((r): r is RegExp => r !== undefined)
  return (branch) => compiled.some((r) => r.test(branch))
}

/** The numbers a branch name carries, in order: `1.x` -> [1], `release/16.5` -> [16, 5], `main` -> []. */
export function lineVersion(branch: string): number[] {
  // At most 15 digits a part, so every part is an exact integer.
  return (branch.match(/\d+/g) ?? []).map((d) => Number(d.slice(0, 15)))
}

/** Orders line versions numerically part by part; a prefix sorts first ([1] < [1, 0] < [1, 1] < [2]). */
export function compareLineVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** Whether a branch is a release line: it matches `lines.patterns`, or it is the default branch when `lines.defaultBranch`. */
export function isReleaseLine(
  branch: string,
  lines: { patterns: readonly string[]; defaultBranch: boolean },
  defaultBranch: string | undefined,
): boolean {
  if (lineMatcher(lines.patterns)(branch)) return true
  return lines.defaultBranch && defaultBranch !== undefined && branch === defaultBranch
}
