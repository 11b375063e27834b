/**
 * What is left out of the patches compared for fix evidence, and who leaves it out:
 *
 * - Vendored trees (`vendor/`, `node_modules/`, `third_party/`): git, by exclude pathspecs, so
 *   their files are never read. Only for those folders the tips have at their root
 *   (presentRoots): every pathspec item costs git a test of every tree entry it walks, even a
 *   literal one (measured on the 3,500-commit synthetic bench: +0.13 s of git CPU for three
 *   literal items, +0.35 s for each `**` glob, against 0.15 s for the whole diff), so items for
 *   folders a repository does not have would only cost. Vendored folders deeper down are dropped
 *   by the scanner (git reads them; they are rare in repositories that have releases).
 * - Bookkeeping paths (config `upgrade.bookkeeping`, the build-number file): the scanner drops
 *   their file sections by path (the config's own glob engine, so the globs mean exactly what the
 *   configuration reference says). They are small text files, so git reading them costs nothing,
 *   while a pathspec per glob would cost as above (`**\/CHANGELOG*` most of all).
 * - Binary files and files over LARGE_FILE_BYTES: git's own binary detection. No `--binary` and no
 *   `-a`, so git writes `Binary files a/x and b/x differ` instead of their content, and
 *   `core.bigFileThreshold` makes a large file binary on its size alone. The scanner drops that
 *   line: binary changes are not compared (built artifacts committed at release time would
 *   otherwise be "fixes" every other line lacks). Chosen over `diff.<driver>.binary` attributes,
 *   which need an attributes file and know binaries only by name.
 *
 * Plumbing (diff-tree) ignores the user's diff.* settings, so the patch text is the same on every
 * machine. Pure.
 */
import { globSource, wholeName, type NamePattern } from '../config/patterns.js'

/** Folders of other people's code: their changes are never a fix of this repository. */
export const VENDORED_DIRS = ['vendor', 'node_modules', 'third_party'] as const

/** Files larger than this are binary for the diff: git looks only at their size. */
export const LARGE_FILE_BYTES = 1024 * 1024

export const DIFF_ARGS = [
  '-c',
  `core.bigFileThreshold=${LARGE_FILE_BYTES}`,
  '-c',
  'core.quotePath=false',
  'diff-tree',
  '--stdin',
  '-p',
  '-r',
  '--root',
  '--always',
  '--no-renames',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
] as const

/** Environment of every evidence git process: a partial clone's missing objects are never fetched one by one. */
export const NO_LAZY_FETCH = { GIT_NO_LAZY_FETCH: '1' } as const

/** The diff's: and its output fully buffered (into a pipe git writes after every commit otherwise: 6x the reads). */
export const DIFF_ENV = { ...NO_LAZY_FETCH, GIT_FLUSH: '0' } as const

/** Exclude pathspecs (after `--`) for the vendored folders at the root of some tip. */
export function vendoredPathspecs(roots: Iterable<string>): string[] {
  return [...roots].map((d) => `:(top,exclude,literal)${d}`)
}

/** Pathspecs leaving out single files (objects missing from a partial clone). */
export function literalExcludes(paths: Iterable<string>): string[] {
  return [...paths].map((p) => `:(top,exclude,literal)${p}`)
}

/** `git cat-file --batch-check` lines asking which tips have which vendored folder at their root. */
export function rootQueries(tips: Iterable<string>): string[] {
  return [...tips].flatMap((t) => VENDORED_DIRS.map((d) => `${t}:${d}`))
}

/** The vendored folders that `--batch-check` output (for rootQueries) says exist as trees. */
export function presentRoots(output: string): string[] {
  const found = new Set<string>()
  output.split('\n').forEach((line, i) => {
    if (line.split(' ')[1] === 'tree') found.add(VENDORED_DIRS[i % VENDORED_DIRS.length] as string)
  })
  return VENDORED_DIRS.filter((d) => found.has(d))
}

/**
 * Which file sections the scanner drops: bookkeeping globs (`*` and `?` within a folder, `**`
 * across folders, from the repository root) and vendored folders at any depth.
 */
export function droppedPaths(bookkeeping: readonly string[]): (path: string) => boolean {
  const globs = [...new Set(bookkeeping)]
    .map((g) => wholeName(globSource(g)))
    .filter((g): g is NamePattern => g !== undefined)
  const vendored = new RegExp(`(?:^|/)(?:${VENDORED_DIRS.join('|')})/`)
  return (path) => vendored.test(path) || globs.some((g) => g.test(path))
}

/** The path of a `diff --git a/<p> b/<p>` header (quoted paths unquoted loosely). */
export function diffHeaderPath(line: string): string {
  const rest = line.slice('diff --git '.length)
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1)
    return rest.slice(3, end < 0 ? undefined : end).replace(/\\(.)/g, '$1')
  }
  const half = (rest.length - 1) / 2
  return Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)
    ? rest.slice(2, half)
    : rest.slice(2, rest.indexOf(' b/') > 0 ? rest.indexOf(' b/') : undefined)
}
