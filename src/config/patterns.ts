/**
 * The one place where regular expressions from the config (lines.patterns,
 * backport.labels[].pattern, backport.copyLabels, upgrade.migrations.pattern) and those built from
 * config text (upgrade.tags templates, upgrade.bookkeeping globs) are compiled and run. Callers get
 * a {@link NamePattern} and never construct a RegExp from config themselves.
 *
 * Engine: re2js, a pure-JavaScript port of RE2. The patterns come from maintainers, but the names
 * they run on come from anyone who can label a pull request or push a branch or tag, and
 * JavaScript's backtracking RegExp takes exponential time on `(a+)+` or `(\d+\.?)+x` (ReDoS: a
 * 44-character label stalls the run for minutes). RE2 matches in time linear in the name, so a
 * 10,000-character name takes milliseconds whatever the pattern. Chosen over:
 * - the native `re2` addon: a compiled `.node` file that a bundler cannot put into the
 *   dist/ the runner executes, and whose install downloads or builds a binary (7 MB);
 * - rejecting nested quantifiers when the config loads: a heuristic that misses other
 *   super-linear shapes (`(a|a)*`, `.*.*.*x`) and still runs the backtracking engine.
 * Cost: re2js adds about 225 KB to each bundle, and a match takes about 0.3 µs against 0.06 µs for
 * RegExp; compiling takes about 60 µs, so compiled patterns are cached.
 *
 * Syntax is RE2's: what JavaScript regular expressions write, including named groups
 * `(?<name>...)`, without lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences (`\1`,
 * `\k<name>`), which no linear-time engine can run; also no `\uXXXX` (write `\x{XXXX}`).
 */
import { RE2JS } from 're2js'

/** A match: groups by number (0 is the whole match) and by name; undefined where a group did not take part. */
export interface PatternMatch {
  readonly [group: number]: string | undefined
  readonly groups?: Readonly<Record<string, string | undefined>> | undefined
}

/** A compiled pattern: the subset of RegExp that callers use (a RegExp is one too). */
export interface NamePattern {
  test(text: string): boolean
  exec(text: string): PatternMatch | null
}

/**
 * The most instructions a compiled pattern may have. Matching costs at most (instructions x name
 * length) steps: 2,000 keeps a 64 KB name well under a second, and is far above real patterns
 * (the default label rule has 19, a 300-way alternation about 1,250).
 */
export const MAX_PROGRAM_SIZE = 2000

const cache = new Map<string, RE2JS | string>()

/** The compiled pattern, or the reason it cannot be one. Cached: the same source compiles once. */
function compile(source: string): RE2JS | string {
  const known = cache.get(source)
  if (known !== undefined) return known
  let result: RE2JS | string
  try {
    result = RE2JS.compile(source)
    if (result.programSize() > MAX_PROGRAM_SIZE)
      result = `is too complex (${result.programSize()} instructions, at most ${MAX_PROGRAM_SIZE})`
  } catch (error) {
    result = syntaxMessage(source, error)
  }
  if (cache.size >= 1000) cache.clear()
  cache.set(source, result)
  return result
}

function syntaxMessage(source: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(
    /^error parsing regexp: /,
    '',
  )
  const hint =
    /\(\?<?[=!]/.test(source) || /\\[1-9]|\\k</.test(source)
      ? ' (lookaround and backreferences cannot run in linear time, so fixline does not accept them)'
      : ''
  return `is not a valid regular expression (RE2 syntax): ${reason}${hint}`
}

function wrap(re: RE2JS): NamePattern {
  return {
    test: (text) => re.test(text),
    exec: (text) => re.exec(text) as PatternMatch | null,
  }
}

/**
 * Why `source` cannot be a config pattern (a message to follow the key path, e.g. "is not a valid
 * regular expression (RE2 syntax): ..."), or undefined when it is fine. `whole`: matched against whole
 * names (lines.patterns, label rules), else searched anywhere (copyLabels, migrations.pattern).
 */
export function patternProblem(source: string, use: 'whole' | 'search'): string | undefined {
  const plain = compile(source)
  if (typeof plain === 'string') return plain
  const whole = use === 'whole' ? compile(anchored(source)) : plain
  return typeof whole === 'string' ? whole : undefined
}

function anchored(pattern: string): string {
  return `^(?:${pattern})$`
}

/**
 * Config patterns match whole names: `^(?:pattern)$`, so `\d+\.x` cannot match `feature/1.x-old`.
 * Patterns are validated when the config is loaded; one that still does not compile matches nothing.
 */
export function wholeName(pattern: string): NamePattern | undefined {
  // `a)|(b` is no pattern, though `^(?:a)|(b)$` compiles.
  if (typeof compile(pattern) === 'string') return undefined
  const re = compile(anchored(pattern))
  return typeof re === 'string' ? undefined : wrap(re)
}

/** A pattern that matches anywhere in the text, as RegExp does (copyLabels, migrations.pattern). */
export function searchPattern(pattern: string): NamePattern | undefined {
  const re = compile(pattern)
  return typeof re === 'string' ? undefined : wrap(re)
}

/** The characters RE2 and RegExp treat specially, escaped. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** What `{build}` stands for in a tag pattern. */
const BUILD_RE = '[0-9][0-9A-Za-z.+_-]*'

/** The regex source of a tag pattern (`v{build}`, `release-{build}`): literal text, `{build}` as group 1. */
export function tagPatternSource(template: string): string {
  return template.split('{build}').map(escapeRegex).join(`(${BUILD_RE})`)
}

/** The regex source of a simple glob (`*`, `**`, `?`) over slash-separated paths. */
export function globSource(glob: string): string {
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
  return out
}

/** Whether `branch` matches one of `lines.patterns` (see isReleaseLine for the default branch too). */
export function lineMatcher(patterns: readonly string[]): (branch: string) => boolean {
  const compiled = patterns.map(wholeName).filter((r): r is NamePattern => r !== undefined)
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

/** In `lines.order`: every line whose name has numbers, ordered by them. */
export const NUMBERED_LINES = '{numbered}'

/** What the line order reads from `lines` (the config keys). */
export interface LineConfig {
  patterns: readonly string[]
  defaultBranch: boolean
  /** `lines.newest`: the newest line, instead of the default branch. */
  newest?: string | undefined
  /** `lines.order`: names placed oldest first, `{numbered}` standing for the lines with numbers. */
  order?: readonly string[] | undefined
}

/** The newest line: `lines.newest`, else the default branch when `lines.defaultBranch`. */
export function newestLine(
  lines: LineConfig,
  defaultBranch: string | undefined,
): string | undefined {
  return lines.newest ?? (lines.defaultBranch ? defaultBranch : undefined)
}

/** Whether a branch is named in `lines.order` (which makes it a line, whatever the patterns). */
export function isOrderedLine(branch: string, lines: Pick<LineConfig, 'order'>): boolean {
  return branch !== NUMBERED_LINES && (lines.order ?? []).includes(branch)
}

/**
 * Whether a branch is a release line: it matches `lines.patterns`, `lines.order` names it, or it is
 * the newest line (`lines.newest`, else the default branch when `lines.defaultBranch`).
 */
export function isReleaseLine(
  branch: string,
  lines: LineConfig,
  defaultBranch: string | undefined,
): boolean {
  if (lineMatcher(lines.patterns)(branch) || isOrderedLine(branch, lines)) return true
  return branch === newestLine(lines, defaultBranch)
}

/**
 * The place of a line (not the newest) in `lines.order`: its own index when listed; else lines with
 * numbers at `{numbered}` (after every listed name when absent), lines without numbers before all.
 */
function orderGroup(branch: string, version: readonly number[], order: readonly string[]): number {
  const listed = order.indexOf(branch)
  if (listed >= 0 && branch !== NUMBERED_LINES) return listed
  if (version.length === 0) return -1
  const numbered = order.indexOf(NUMBERED_LINES)
  return numbered >= 0 ? numbered : order.length
}

/**
 * Orders lines other than the newest one, oldest first: by their place in `lines.order` (names
 * listed before `{numbered}` are older than every line with numbers, names after it newer; a line
 * without numbers that is not listed is the oldest), then by the numbers in their names, then by name.
 */
export function compareLineNames(
  a: { branch: string; version: readonly number[] },
  b: { branch: string; version: readonly number[] },
  order: readonly string[] = [],
): number {
  const ga = orderGroup(a.branch, a.version, order)
  const gb = orderGroup(b.branch, b.version, order)
  if (ga !== gb) return ga < gb ? -1 : 1
  const c = compareLineVersions(a.version, b.version)
  if (c !== 0) return c
  return a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0
}
