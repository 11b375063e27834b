/**
 * Reads what fix evidence needs of many commits with a constant number of git processes, never
 * holding a whole log: `git diff-tree --stdin -p` streams into the scanner, which streams the text
 * patches into ONE `git patch-id --stable`. When a partial clone lacks an object the diff needs,
 * git stops; the commits from there on are listed (`diff-tree --raw`, trees only), the missing
 * blobs found (`cat-file --batch-all-objects`), and the diff run again without those files, each
 * named in a problem. The count stays constant: 2 processes, or 7 when objects are missing.
 */
import { GitError } from '../git/errors.js'
import type { Git, GitProcess } from '../git/git.js'
import { missingProblems, parseRawChanges, splitByMissing } from './missing.js'
import {
  DIFF_ARGS,
  DIFF_ENV,
  droppedPaths,
  literalExcludes,
  NO_LAZY_FETCH,
  presentRoots,
  rootQueries,
  VENDORED_DIRS,
  vendoredPathspecs,
} from './pathspec.js'
import { PatchScanner, SCAN_FORMAT, type ScannedCommit } from './scanner.js'
import type { EvidenceProblem } from './types.js'

export interface PatchSink {
  commit(commit: ScannedCommit): void
  patchId(sha: string, id: string): void
  /** Drops what was read of these commits (a diff that broke off is read again). */
  forget(shas: readonly string[]): void
}

export interface ReadStats {
  /** Commits asked for. */
  commits: number
  /** Bytes git wrote (patch text after git's own exclusions), and bytes handed to patch-id. */
  bytesIn: number
  bytesOut: number
}

/** Whether a failed git's error output says an object is missing (a partial clone, a damaged repository). */
export function isMissingObject(stderr: string): boolean {
  return /could not fetch [0-9a-f]+ from promisor remote|unable to read [0-9a-f]{7,}|missing (?:blob|tree|object)|bad object|invalid object/i.test(
    stderr,
  )
}

export interface ReadOptions {
  /** Bookkeeping globs (pathspec.ts: droppedPaths). */
  bookkeeping: readonly string[]
  /** Commits whose root folders say which vendored trees git leaves out. */
  tips: readonly string[]
  /** The project's release builds (version-only.ts ownForm), when known. */
  ownVersions?: ReadonlySet<string>
}

/** What `drop` and `pathspecs` leave out of one diff. */
interface Exclusions {
  pathspecs: readonly string[]
  drop: (path: string) => boolean
  own?: ReadonlySet<string>
}

export async function readPatches(
  git: Git,
  commits: readonly string[],
  options: ReadOptions,
  sink: PatchSink,
): Promise<{ problems: EvidenceProblem[]; stats: ReadStats }> {
  const stats: ReadStats = { commits: commits.length, bytesIn: 0, bytesOut: 0 }
  const problems: EvidenceProblem[] = []
  if (commits.length === 0) return { problems, stats }
  const ex: Exclusions = {
    pathspecs: vendoredPathspecs(await vendoredRoots(git, options.tips)),
    drop: droppedPaths(options.bookkeeping),
    ...(options.ownVersions ? { own: options.ownVersions } : {}),
  }
  const broke = await withPatchIds(git, sink, (ids) =>
    streamDiff(git, commits, ex, { ids, sink, stats }),
  )
  if (broke === undefined) return { problems, stats }
  const rest = commits.slice(Math.max(0, commits.indexOf(broke)))
  sink.forget(rest)
  try {
    problems.push(...(await readAgain(git, rest, ex, { sink, stats })))
  } catch (error) {
    // Not even the trees can be read (a clone filtered by tree): say so, and compare the rest.
    if (!(error instanceof GitError) || !isMissingObject(error.stderr)) throw error
    sink.forget(rest)
    problems.push(unreadable(rest, rest[0] as string))
  }
  return { problems, stats }
}

function unreadable(commits: readonly string[], from: string): EvidenceProblem {
  return {
    kind: 'unreadable',
    message: `${commits.length} commit(s) from ${from.slice(0, 7)} on could not be read (objects missing from this clone) and were not compared`,
    commits: [...commits],
  }
}

/**
 * The commits from where a diff stopped on a missing object: listed (trees only), the missing
 * blobs found, and read again without them, in groups (missing.ts). Returns the warnings.
 */
async function readAgain(
  git: Git,
  commits: readonly string[],
  ex: Exclusions,
  out: { sink: PatchSink; stats: ReadStats },
): Promise<EvidenceProblem[]> {
  const listing = await git.text(
    [
      'diff-tree',
      '--stdin',
      '-r',
      '--raw',
      '-z',
      '--root',
      '--always',
      '--no-renames',
      '--',
    ].concat(ex.pathspecs),
    { input: commits.join('\n') + '\n', env: NO_LAZY_FETCH },
  )
  const raw = parseRawChanges(ex.drop, listing)
  const missing = await missingAmong(git, raw.blobs)
  const problems = missingProblems(raw, missing)
  await withPatchIds(git, out.sink, async (ids) => {
    for (const group of splitByMissing(commits, raw, missing)) {
      const pathspecs = [...ex.pathspecs, ...literalExcludes(group.paths)]
      const only = { ...ex, pathspecs }
      const stopped = await streamDiff(git, group.commits, only, { ids, ...out })
      if (stopped === undefined) continue
      const left = group.commits.slice(Math.max(0, group.commits.indexOf(stopped)))
      out.sink.forget(left)
      problems.push(unreadable(left, stopped))
    }
  })
  return problems
}

/**
 * The vendored folders (pathspec.ts) some tip has at its root: one `git cat-file --batch-check`
 * of `<tip>:vendor` and the like. When it cannot tell (trees missing from the clone), all of them.
 */
async function vendoredRoots(git: Git, tips: readonly string[]): Promise<string[]> {
  if (tips.length === 0) return []
  try {
    const out = await git.text(['cat-file', '--batch-check'], {
      input: rootQueries(new Set(tips)).join('\n') + '\n',
      env: NO_LAZY_FETCH,
    })
    return presentRoots(out)
  } catch (error) {
    if (error instanceof GitError && isMissingObject(error.stderr)) return [...VENDORED_DIRS]
    throw error
  }
}

/** Runs `body` with a `git patch-id --stable` process whose ids go to the sink; closes it after. */
async function withPatchIds<T>(
  git: Git,
  sink: PatchSink,
  body: (ids: GitProcess) => Promise<T>,
): Promise<T> {
  const lines = new LineSplitter((line) => {
    const [id, sha] = line.split(' ')
    if (id && sha) sink.patchId(sha, id)
  })
  const ids = git.start(['patch-id', '--stable'], {
    onStdout: (c) => lines.push(c),
    env: NO_LAZY_FETCH,
  })
  let result: T
  try {
    result = await body(ids)
  } catch (error) {
    ids.kill()
    await ids.done.catch(() => undefined)
    throw error
  }
  ids.end()
  await ids.done
  lines.end()
  return result
}

/**
 * Streams `git diff-tree --stdin -p` of `commits` through the scanner into patch-id. Returns
 * undefined when done, or the commit to start again from when git stopped on a missing object.
 */
async function streamDiff(
  git: Git,
  commits: readonly string[],
  ex: Exclusions,
  to: { ids: GitProcess; sink: PatchSink; stats: ReadStats },
): Promise<string | undefined> {
  const { ids, sink, stats } = to
  if (commits.length === 0) return undefined
  const reported = new Set<string>()
  const scanner = new PatchScanner(
    (c) => {
      reported.add(c.sha)
      sink.commit(c)
    },
    ex.drop,
    ex.own,
  )
  // git flushes after each commit (about 1 KB): patch-id gets the text in blocks of WRITE_BLOCK,
  // not a write per commit (a write costs about 35 µs: a second over 50,000 commits).
  let pending: Buffer[] = []
  let size = 0
  const flush = () => {
    if (size === 0) return
    const out = Buffer.concat(pending, size)
    pending = []
    size = 0
    if (!ids.write(out)) {
      diff.pause()
      void ids.drained().then(() => diff.resume())
    }
  }
  const forward = (out: Buffer) => {
    if (out.length === 0) return
    pending.push(out)
    size += out.length
    if (size >= WRITE_BLOCK) flush()
  }
  const diff: GitProcess = git.start(
    [...DIFF_ARGS, `--format=${SCAN_FORMAT}`, '--', ...ex.pathspecs],
    {
      env: DIFF_ENV,
      onStdout: (chunk) => forward(scanner.push(chunk)),
    },
  )
  await writeLines(diff, commits)
  try {
    await diff.done
  } catch (error) {
    if (!(error instanceof GitError) || !isMissingObject(error.stderr)) throw error
    flush() // the commits before the broken one are whole
    stats.bytesIn += scanner.bytesIn
    return scanner.current ?? commits.find((c) => !reported.has(c))
  }
  forward(scanner.end())
  flush()
  stats.bytesIn += scanner.bytesIn
  stats.bytesOut += scanner.bytesOut
  await ids.drained()
  return undefined
}

const WRITE_BLOCK = 256 * 1024

/** Writes one line per item to a process's stdin, waiting whenever the pipe is full, then closes it. */
async function writeLines(proc: GitProcess, items: readonly string[]): Promise<void> {
  const BATCH = 2000
  for (let i = 0; i < items.length; i += BATCH) {
    if (!proc.write(items.slice(i, i + BATCH).join('\n') + '\n')) await proc.drained()
  }
  proc.end()
}

/**
 * Which of `wanted` (blob ids) this repository lacks: one `git cat-file --batch-all-objects`
 * listing, streamed and checked against the set (`--batch-check` on a missing object of a partial
 * clone fails instead of answering "missing").
 */
async function missingAmong(git: Git, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const missing = new Set(wanted)
  if (missing.size === 0) return missing
  const lines = new LineSplitter((line) => void missing.delete(line.trim()))
  const list = git.start(
    ['cat-file', '--batch-all-objects', '--batch-check=%(objectname)', '--unordered'],
    {
      onStdout: (c) => lines.push(c),
      env: NO_LAZY_FETCH,
    },
  )
  list.end()
  await list.done
  lines.end()
  return missing
}

/** Calls back with each complete line of a stream of chunks. */
class LineSplitter {
  private carry = ''
  constructor(private readonly onLine: (line: string) => void) {}
  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('utf8')
    const parts = text.split('\n')
    this.carry = parts.pop() ?? ''
    for (const p of parts) if (p.length > 0) this.onLine(p)
  }
  end(): void {
    if (this.carry.length > 0) this.onLine(this.carry)
    this.carry = ''
  }
}
