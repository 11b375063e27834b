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
import { DIFF_ARGS, excludePathspecs, literalExcludes, NO_LAZY_FETCH } from './pathspec.js'
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

export async function readPatches(
  git: Git,
  commits: readonly string[],
  bookkeeping: readonly string[],
  sink: PatchSink,
): Promise<{ problems: EvidenceProblem[]; stats: ReadStats }> {
  const stats: ReadStats = { commits: commits.length, bytesIn: 0, bytesOut: 0 }
  const problems: EvidenceProblem[] = []
  if (commits.length === 0) return { problems, stats }
  const excludes = excludePathspecs(bookkeeping)
  const broke = await withPatchIds(git, sink, (ids) =>
    streamDiff(git, commits, excludes, ids, sink, stats),
  )
  if (broke === undefined) return { problems, stats }
  const rest = commits.slice(Math.max(0, commits.indexOf(broke)))
  sink.forget(rest)
  const raw = parseRawChanges(
    await git.text(
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
        ...excludes,
      ],
      { input: rest.join('\n') + '\n', env: NO_LAZY_FETCH },
    ),
  )
  const missing = await missingAmong(git, raw.blobs)
  problems.push(...missingProblems(raw, missing))
  await withPatchIds(git, sink, async (ids) => {
    for (const group of splitByMissing(rest, raw, missing)) {
      const stopped = await streamDiff(
        git,
        group.commits,
        [...excludes, ...literalExcludes(group.paths)],
        ids,
        sink,
        stats,
      )
      if (stopped !== undefined) {
        const left = group.commits.slice(Math.max(0, group.commits.indexOf(stopped)))
        sink.forget(left)
        problems.push({
          kind: 'unreadable',
          message: `${left.length} commit(s) from ${stopped.slice(0, 7)} on could not be read (objects missing) and were not compared`,
          commits: left,
        })
      }
    }
    return undefined
  })
  return { problems, stats }
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
  pathspecs: readonly string[],
  ids: GitProcess,
  sink: PatchSink,
  stats: ReadStats,
): Promise<string | undefined> {
  if (commits.length === 0) return undefined
  const reported = new Set<string>()
  const scanner = new PatchScanner((c) => {
    reported.add(c.sha)
    sink.commit(c)
  })
  const forward = (out: Buffer) => {
    if (out.length > 0 && !ids.write(out)) {
      diff.pause()
      void ids.drained().then(() => diff.resume())
    }
  }
  const diff: GitProcess = git.start(
    [...DIFF_ARGS, `--format=${SCAN_FORMAT}`, '--', ...pathspecs],
    {
      env: NO_LAZY_FETCH,
      onStdout: (chunk) => forward(scanner.push(chunk)),
    },
  )
  await writeLines(diff, commits)
  try {
    await diff.done
  } catch (error) {
    if (!(error instanceof GitError) || !isMissingObject(error.stderr)) throw error
    stats.bytesIn += scanner.bytesIn
    return scanner.current ?? commits.find((c) => !reported.has(c))
  }
  forward(scanner.end())
  stats.bytesIn += scanner.bytesIn
  stats.bytesOut += scanner.bytesOut
  await ids.drained()
  return undefined
}

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
