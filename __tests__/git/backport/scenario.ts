/** Shared scenario builders for the backport engine's git tests. */
import { expect } from 'vitest'
import type { Git } from '../../../src/git/git.js'
import type { Fixture } from '../../support/git-fixture.js'

/** app.txt with ten numbered lines; `change` replaces some of them. */
export function app(change: Record<number, string> = {}): string {
  const lines: string[] = []
  for (let i = 1; i <= 10; i++) lines.push(change[i] ?? `line ${i}`)
  return lines.join('\n') + '\n'
}

/** main and 1.x share "initial"; each then gets a commit of its own. Both pushed. */
export async function releaseLines(fx: Fixture, extraMain = 1, historyLength = 40): Promise<void> {
  await fx.commit({ 'app.txt': app(), 'README.md': 'readme\n' }, 'initial')
  // Some history, so that a bounded-depth fetch does not reach the root (the clone stays shallow).
  const history = Array.from({ length: historyLength }, (_, i) => ({
    files: { 'history.txt': `${i}\n` },
    message: `history ${i}`,
  }))
  await fx.importCommits('main', history)
  await fx.branch('1.x')
  for (let i = 1; i <= extraMain; i++)
    await fx.commit({ [`main-${i}.txt`]: `${i}\n` }, `main work ${i}`)
  await fx.checkout('1.x')
  await fx.commit({ 'CHANGELOG.md': '1.x\n' }, '1.x work')
  await fx.checkout('main')
  await fx.push(['main', '1.x'])
}

export type Change = [files: Record<string, string | null>, message: string]

/** A PR branch from main with the given commits, opened as #n; seed goes back to main. */
export async function openPr(
  fx: Fixture,
  n: number,
  changes: Change[],
  branch = `feature-${n}`,
): Promise<string[]> {
  await fx.branch(branch, 'main')
  await fx.checkout(branch)
  const shas: string[] = []
  for (const [files, message] of changes) shas.push(await fx.commit(files, message))
  await fx.openPr(n, branch, 'main')
  await fx.checkout('main')
  return shas
}

/** Everything about a checkout that must not change while fixline works in it. */
export async function snapshot(ws: Git): Promise<string> {
  const parts = await Promise.all([
    ws.text(['rev-parse', 'HEAD']),
    ws.text(['symbolic-ref', 'HEAD']),
    ws.text(['status', '--porcelain', '--untracked-files=all']),
    ws.text(['worktree', 'list', '--porcelain']),
  ])
  return parts.join('\n--\n')
}

export async function expectShallow(ws: Git, maxCommits: number): Promise<void> {
  expect(await ws.text(['rev-parse', '--is-shallow-repository'])).toBe('true')
  expect(Number(await ws.text(['rev-list', '--count', '--all']))).toBeLessThanOrEqual(maxCommits)
}

export interface CommitView {
  subject: string
  body: string
  author: string
  committer: string
}

export async function commitView(git: Git, rev: string): Promise<CommitView> {
  const [subject, author, committer, ...body] = (
    await git.text(['log', '-1', '--format=%s%n%an%n%cn%n%b', rev])
  ).split('\n')
  return {
    subject: subject ?? '',
    author: author ?? '',
    committer: committer ?? '',
    body: body.join('\n'),
  }
}

/** Splits one resume command into argv (the engine's commands use plain words for these tests). */
export function argv(command: string): string[] {
  const words = command.split(' ')
  expect(words[0]).toBe('git')
  return words.slice(1)
}
