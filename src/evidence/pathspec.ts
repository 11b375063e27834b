/**
 * What git leaves out of the patches it writes for fix evidence, so that fixline never reads it:
 * bookkeeping paths (config `upgrade.bookkeeping` and the build-number file) and vendored trees
 * (`vendor/`, `node_modules/`, `third_party/` at any depth) as exclude pathspecs; binary files and
 * files over LARGE_FILE_BYTES by git's own binary detection (see DIFF_ARGS). Pure.
 */

/** Folders of other people's code: their changes are never a fix of this repository. */
export const VENDORED_DIRS = ['vendor', 'node_modules', 'third_party'] as const

/**
 * Files larger than this are "binary" for diff (`core.bigFileThreshold`): git looks only at their
 * size and writes one `Binary files ... differ` line (generated bundles, data dumps, built docs).
 */
export const LARGE_FILE_BYTES = 1024 * 1024

/**
 * Binary files: no `--binary` and no `-a`, so git writes `Binary files a/x and b/x differ` instead
 * of their content, and the scanner drops that line (binary changes are not compared: built
 * artifacts committed at release time would otherwise be "fixes" that every other line lacks).
 * Chosen over `diff.<driver>.binary` attributes, which need a file of attributes and know
 * binaries only by name; and pathspecs cannot select binaries. Plumbing (diff-tree) ignores the
 * user's diff.* settings, so the patch text is the same on every machine.
 */
export const DIFF_ARGS = [
  '-c',
  `core.bigFileThreshold=${LARGE_FILE_BYTES}`,
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

/** The pathspecs (after `--`): the whole tree, less vendored trees and bookkeeping globs. */
export function excludePathspecs(bookkeeping: readonly string[]): string[] {
  return [
    ':/',
    ...VENDORED_DIRS.map((d) => `:(top,exclude,glob)**/${d}/**`),
    ...[...new Set(bookkeeping)].map((g) => `:(top,exclude,glob)${gitGlob(g)}`),
  ]
}

/** Pathspecs leaving out single files (objects missing from a partial clone). */
export function literalExcludes(paths: Iterable<string>): string[] {
  return [...paths].map((p) => `:(top,exclude,literal)${p}`)
}

/**
 * A bookkeeping glob (`*` and `?` within a folder, `**` across folders, everything else literal)
 * as a git glob pathspec: git's wildmatch reads `*`, `?` and `**` the same way, and `[`, `]` and
 * `\` are escaped so that they stay literal. One difference: a `**` inside a name (`a**b`) matches
 * within one folder in git, across folders in the config's own matcher.
 */
export function gitGlob(glob: string): string {
  return glob.replace(/[[\]\\]/g, (c) => `\\${c}`)
}
