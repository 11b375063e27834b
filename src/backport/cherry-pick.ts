/**
 * The cherry-pick sequence of one backport, run inside a worktree: one `git cherry-pick -x`
 * process for all commits, skipping picks that come out empty, stopping at the first conflict.
 * Never resolves a conflict by itself (no `-X theirs`).
 */
import type { Git } from '../git/git.js'
import { GitError } from '../git/errors.js'
import { headCommit } from '../git/ref-files.js'
import { hasMarkers, KIND_LABEL, parseUnmerged } from './conflict-kinds.js'
import type { ConflictFile, PickedCommit } from './types.js'

export type PickRun =
  | {
      status: 'done'
      picked: PickedCommit[]
      /** The worktree's HEAD after the picks: the last commit created, undefined when none was. */
      head?: string
    }
  | {
      status: 'conflict'
      /** Commits handled before the failing one (result undefined when empty). */
      picked: PickedCommit[]
      failed: { sha: string; subject: string }
      remaining: string[]
      conflictingFiles: string[]
      /** Each conflicting file with the kind of its conflict (index stages). */
      conflicts: ConflictFile[]
    }

export interface PickInput {
  /** Commits to pick, oldest first. */
  commits: readonly string[]
  /** Subject of each commit (for the outcome). */
  subjects: ReadonlyMap<string, string>
  mainline?: 1
  /** The commit (sha) the worktree starts at; read from its HEAD when absent. */
  start?: string
}

const EMPTY = /previous cherry-pick is now empty|nothing to commit/i

/** Runs the picks in `wt` (a worktree at the target tip). */
export async function runPicks(wt: Git, input: PickInput): Promise<PickRun> {
  if (input.commits.length === 0) return { status: 'done', picked: [] }
  const start = input.start ?? (await headCommit(wt))
  const mainline = input.mainline ? ['-m', String(input.mainline)] : []
  const skipped = new Set<string>()
  let step = await wt.run(['cherry-pick', '-x', ...mainline, ...input.commits], { okCodes: [0, 1] })
  while (step.exitCode !== 0) {
    const stopped = await wt.run(['rev-parse', '-q', '--verify', 'CHERRY_PICK_HEAD'], {
      okCodes: [0, 1],
    })
    const sha = stopped.stdout.trim()
    if (stopped.exitCode !== 0 || !input.commits.includes(sha))
      throw unexpected(step.stderr || step.stdout)
    const conflicts = parseUnmerged(await wt.text(['ls-files', '-u', '-z']))
    const conflicting = conflicts.map((c) => c.path)
    if (conflicting.length > 0) {
      const index = input.commits.indexOf(sha)
      const before = input.commits.slice(0, index)
      return {
        status: 'conflict',
        picked: await mapResults(wt, start, before, skipped, input.subjects),
        failed: { sha, subject: input.subjects.get(sha) ?? '' },
        remaining: input.commits.slice(index + 1),
        conflictingFiles: conflicting,
        conflicts,
      }
    }
    if (!EMPTY.test(`${step.stderr}\n${step.stdout}`)) throw unexpected(step.stderr || step.stdout)
    skipped.add(sha)
    step = await wt.run(['cherry-pick', '--skip'], { okCodes: [0, 1] })
  }
  const picked = await mapResults(wt, start, input.commits, skipped, input.subjects)
  const head = picked.findLast((p) => p.result !== undefined)?.result
  return { status: 'done', picked, ...(head ? { head } : {}) }
}

/** Pairs the sources that applied (in order) with the commits created since `start`. */
async function mapResults(
  wt: Git,
  start: string,
  sources: readonly string[],
  skipped: ReadonlySet<string>,
  subjects: ReadonlyMap<string, string>,
): Promise<PickedCommit[]> {
  const applied = sources.filter((s) => !skipped.has(s))
  const created = await createdSince(wt, start, applied.length)
  if (created.length !== applied.length)
    throw new Error(
      `cherry-pick made ${created.length} commits for ${applied.length} applied picks`,
    )
  let next = 0
  return sources.map((source) => ({
    source,
    result: skipped.has(source) ? undefined : created[next++],
    subject: subjects.get(source) ?? '',
  }))
}

/**
 * The commits made since `start` (a sha), oldest first: none when nothing applied, HEAD (read
 * from its file) for one pick, the most common backport, else `git rev-list`.
 */
async function createdSince(wt: Git, start: string, applied: number): Promise<string[]> {
  if (applied === 0) return []
  if (applied === 1) {
    const head = await headCommit(wt)
    if (head !== start) return [head]
  }
  return wt.lines(['rev-list', '--reverse', `${start}..HEAD`])
}

function unexpected(detail: string): Error {
  const text = detail.trim().split('\n').slice(-6).join('\n')
  return new GitError(
    `git cherry-pick stopped unexpectedly: ${text}`,
    'unknown',
    ['cherry-pick'],
    1,
    detail,
  )
}

/**
 * Turns the stopped pick into one commit holding the conflict markers (draft-pr mode), authored
 * and committed by the bot (the committer identity of `wt`). Its message names each file's kind
 * (a file the target deleted holds the fix's whole version and no markers). Returns the new commit.
 */
export async function commitConflictMarkers(
  wt: Git,
  failed: string,
  files: readonly ConflictFile[],
): Promise<string> {
  const ident = await wt.text(['var', 'GIT_COMMITTER_IDENT'])
  const match = /^(.*) <([^>]*)>/.exec(ident)
  if (!match) throw new Error(`unexpected committer identity: ${ident}`)
  await wt.run(['cherry-pick', '--quit'])
  await wt.run(['add', '-A'])
  const message = [
    `${hasMarkers(files) ? 'Conflict markers' : 'Conflict'} from ${failed} (resolve before merging)`,
    '',
    'Conflicting files:',
    ...files.map((f) => `- ${f.path} (${KIND_LABEL[f.kind]})`),
  ].join('\n')
  await wt.run(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message], {
    env: { GIT_AUTHOR_NAME: match[1] ?? '', GIT_AUTHOR_EMAIL: match[2] ?? '' },
  })
  return headCommit(wt)
}
