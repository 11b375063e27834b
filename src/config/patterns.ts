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

/** Whether `branch` is a release line under `lines.patterns` (the default branch is decided by callers). */
export function lineMatcher(patterns: readonly string[]): (branch: string) => boolean {
  const compiled = patterns.map(wholeName).filter((r): r is RegExp => r !== undefined)
  return (branch) => compiled.some((r) => r.test(branch))
}
