/**
 * Generated histories for the fix-evidence tests: a `1.x` line and `main` that differ by one
 * commit of every class of evidence (see kinds.test.ts), built in a fixture's seed.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createFixture, type Fixture, type Identity } from '../../support/git-fixture.js'
import type { Git } from '../../../src/git/git.js'
import { CommitGraph, GRAPH_FORMAT } from '../../../src/upgrade/discovery/graph.js'

export const OTHER: Identity = { name: 'Otto Other', email: 'otto@example.com' }

/** 40 numbered lines; `edit(n, text)` replaces line n. */
export function lines(edits: Record<number, string> = {}): string {
  const out: string[] = []
  for (let n = 1; n <= 40; n++) out.push(edits[n] ?? `line ${n}: value = ${n * 7}`)
  return out.join('\n') + '\n'
}

export const POM = (version: string, tag: string) =>
  `<project>\n  <artifactId>app</artifactId>\n  <version>${version}</version>\n  <scm>\n    <tag>${tag}</tag>\n  </scm>\n</project>\n`
export const GRADLE = (version: string) =>
  `plugins { id 'java' }\n\nversion = '${version}'\ngroup = 'org.example'\n`

/** Random-looking text that does not compress away: `bytes` long, in lines of 80. */
export function bulk(seed: number, bytes: number): string {
  const out: string[] = []
  let x = seed * 2654435761
  let size = 0
  while (size < bytes) {
    let line = ''
    while (line.length < 80) {
      x = (x * 1103515245 + 12345) >>> 0
      line += x.toString(36)
    }
    out.push(line)
    size += line.length + 1
  }
  return out.join('\n') + '\n'
}

/** Bytes with NUL in them (git's binary test). */
export function binary(seed: number, bytes: number): string {
  return `\u0000PNG${bulk(seed, bytes)}`
}

export async function graphOf(git: Git): Promise<CommitGraph> {
  return new CommitGraph(
    await git.text(['log', '--topo-order', `--format=${GRAPH_FORMAT}`, '--all']),
  )
}

export interface Sides {
  fixture: Fixture
  /** Commit shas by name (see buildSides). */
  c: Record<string, string>
}

/**
 * main and 1.x from one base. On 1.x: a fix picked to main with -x and another patch (`picked`),
 * a fix ported by hand with the same patch (`hand`), an svn merge of two trunk revisions
 * (`svnMerge`), a merge naming a revision that main's subject names (`svnNamed`), a commit and its
 * revert (`debug`, `revert`), a maven release commit (`maven`), a version-only bump (`bump`), a
 * fix main has under the same subject and author with another patch (`weak`), a fix main lacks
 * (`lost`), and changes only to a vendored tree, a large generated file and a binary
 * (`vendored`, `large`, `binary`). On main: their counterparts (`*Main`).
 */
export async function buildSides(): Promise<Sides> {
  const f = await createFixture()
  const c: Record<string, string> = {}
  const app: Record<number, string> = {}
  const put = async (
    name: string,
    edits: Record<number, string>,
    message: string,
    extra: Record<string, string> = {},
    author?: Identity,
  ) => {
    Object.assign(app, edits)
    c[name] = await f.commit(
      { 'src/app.txt': lines(app), ...extra },
      message,
      author ? { author } : {},
    )
  }
  await f.commit(
    {
      'src/app.txt': lines(),
      'pom.xml': POM('1.0.0-SNAPSHOT', 'HEAD'),
      'build.gradle': GRADLE('1.0.0'),
    },
    'Initial import',
  )
  await f.branch('1.x')
  await f.checkout('1.x')
  await put('picked', { 5: 'line 5: value = overflow-safe' }, 'Fix overflow in the counter')
  await put('hand', { 10: 'line 10: value = parsed' }, 'Fix the parser')
  await put(
    'svnMerge',
    { 15: 'line 15: widget fixed', 16: 'line 16: gadget fixed' },
    'Merged r21541 and r21542 to 1.x\n\ngit-svn-id: https://svn.example.org/repo/branches/1.x@21600 6f0d4a4e-0000-0000-0000-000000000000',
  )
  await put('svnNamed', { 35: 'line 35: frobnicator on 1.x' }, 'Merged r21700 from trunk')
  await put('debug', { 20: 'line 20: debug logging' }, 'Add debug logging')
  await f.seed.run(['revert', '--no-edit', c.debug as string], { env: { GIT_EDITOR: 'true' } })
  c.revert = await f.seed.text(['rev-parse', 'HEAD'])
  delete app[20]
  c.maven = await f.commit(
    { 'pom.xml': POM('1.1', 'v1.1') },
    '[maven-release-plugin] prepare release v1.1',
  )
  c.bump = await f.commit({ 'build.gradle': GRADLE('1.0.1') }, 'Bump version')
  await put('weak', { 25: 'line 25: timeout = 30s' }, 'Fix the timeout (#12)', {}, OTHER)
  await put('lost', { 30: 'line 30: only on 1.x' }, 'Fix a crash only 1.x has')
  c.vendored = await f.commit(
    { 'vendor/lib/util.js': bulk(1, 60_000), 'third_party/x/y.c': bulk(2, 40_000) },
    'Update vendored libraries',
  )
  c.large = await f.commit({ 'dist/bundle.js': bulk(3, 1_300_000) }, 'Regenerate the bundle')
  c.binary = await f.commit({ 'assets/logo.png': binary(4, 50_000) }, 'New logo')
  await f.checkout('main')
  const main: Record<number, string> = {}
  const onMain = async (
    name: string,
    edits: Record<number, string>,
    message: string,
    author?: Identity,
  ) => {
    Object.assign(main, edits)
    c[name] = await f.commit({ 'src/app.txt': lines(main) }, message, author ? { author } : {})
  }
  // `cherry-pick -x`, then amended with one more line: the trailer stays, the patch differs.
  await f.seed.run(['cherry-pick', '-x', c.picked as string])
  Object.assign(main, { 5: 'line 5: value = overflow-safe', 6: 'line 6: and checked' })
  await writeFile(join(f.seed.cwd, 'src/app.txt'), lines(main))
  await f.seed.run(['commit', '-q', '-a', '--amend', '--no-edit'])
  c.pickedMain = await f.seed.text(['rev-parse', 'HEAD'])
  await onMain('handMain', { 10: 'line 10: value = parsed' }, 'Port the parser fix')
  await onMain(
    'r21541',
    { 15: 'line 15: widget fixed on trunk' },
    'Fix the widget\n\ngit-svn-id: https://svn.example.org/repo/trunk@21541 6f0d4a4e-0000-0000-0000-000000000000',
  )
  await onMain(
    'r21542',
    { 16: 'line 16: gadget fixed on trunk' },
    'Fix the gadget\n\ngit-svn-id: https://svn.example.org/repo/trunk@21542 6f0d4a4e-0000-0000-0000-000000000000',
  )
  await onMain('r21700', { 35: 'line 35: frobnicator on trunk' }, 'r21700: fix the frobnicator')
  await onMain(
    'weakMain',
    { 25: 'line 25: timeout = 60s', 26: 'line 26: retries = 3' },
    '[main] Fix the timeout (#15)',
    OTHER,
  )
  return { fixture: f, c }
}
