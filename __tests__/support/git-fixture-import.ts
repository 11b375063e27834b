/** fast-import streams and the deny-workflows hook for the git fixture (see git-fixture.ts). */
import type { Git } from '../../src/git/git.js'
import { readObjects } from '../../src/git/batch.js'

export interface StreamIdentity {
  name: string
  email: string
}

export interface StreamCommit {
  files: Record<string, string | null>
  message: string
  author?: StreamIdentity
}

const DEFAULT_AUTHOR: StreamIdentity = { name: 'Ada Author', email: 'ada@example.com' }

/** A fast-import stream adding `commits` to `ref`, the first one on top of `start`. */
export function importStream(
  ref: string,
  start: string,
  commits: readonly StreamCommit[],
  time: () => number,
): string {
  const parts: string[] = []
  commits.forEach((c, i) => {
    const t = time()
    const a = c.author ?? DEFAULT_AUTHOR
    parts.push(`commit ${ref}\nmark :${i + 1}\n`)
    parts.push(
      `author ${a.name} <${a.email}> ${t} +0000\ncommitter ${a.name} <${a.email}> ${t} +0000\n`,
    )
    parts.push(`data ${Buffer.byteLength(c.message)}\n${c.message}\n`)
    parts.push(i === 0 ? `from ${start}\n` : `from :${i}\n`)
    for (const [path, content] of Object.entries(c.files)) {
      if (content === null) parts.push(`D ${path}\n`)
      else parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`)
    }
    parts.push('\n')
  })
  return parts.join('')
}

export interface RebaseInput {
  base: string
  head: string
  /** The PR's non-merge commits, oldest first. */
  own: readonly string[]
  /** Scratch ref the rebased commits are written to. */
  ref: string
  committer: StreamIdentity
  time: () => number
}

/**
 * Rebases `own` onto `base` with one fast-import when the PR and the base changed disjoint paths
 * since they forked (then replaying each commit's file changes is exactly what a rebase gives).
 * Authors, author dates and messages are kept. Returns the new tip, or undefined when a real
 * cherry-pick is needed.
 */
export async function replayRebase(seed: Git, input: RebaseInput): Promise<string | undefined> {
  const forkPoint = await seed.text(['merge-base', input.base, input.head])
  const baseChanged = new Set(
    await seed.lines(['diff', '--name-only', '--no-renames', forkPoint, input.base]),
  )
  const changes = await changesByCommit(seed, input.own)
  for (const lines of changes.values())
    if (lines.some((l) => baseChanged.has(l.path))) return undefined
  const objects = await readObjects(seed, input.own)
  const parts: string[] = []
  input.own.forEach((sha, i) => {
    const body = objects.get(sha) ?? ''
    const author = /^author (.*)$/m.exec(body)?.[1] ?? ''
    const message = body.slice(body.indexOf('\n\n') + 2)
    const c = input.committer
    parts.push(
      `commit ${input.ref}\nmark :${i + 1}\nauthor ${author}\ncommitter ${c.name} <${c.email}> ${input.time()} +0000\n`,
    )
    parts.push(
      `data ${Buffer.byteLength(message)}\n${message}\n${i === 0 ? `from ${input.base}` : `from :${i}`}\n`,
    )
    parts.push(...(changes.get(sha) ?? []).map((l) => l.command), '\n')
  })
  await seed.run(['fast-import', '--quiet'], { input: parts.join('') })
  return seed.text(['rev-parse', input.ref])
}

/** Each commit's file changes against its parent as fast-import commands (one diff-tree process). */
async function changesByCommit(
  seed: Git,
  own: readonly string[],
): Promise<Map<string, Array<{ path: string; command: string }>>> {
  const raw = await seed.lines(['diff-tree', '-r', '--no-abbrev', '--no-renames', '--stdin'], {
    input: own.join('\n') + '\n',
  })
  const changes = new Map<string, Array<{ path: string; command: string }>>()
  let current: Array<{ path: string; command: string }> = []
  for (const line of raw) {
    if (!line.startsWith(':')) {
      current = []
      changes.set(line.trim(), current)
      continue
    }
    const [meta, path] = line.split('\t') as [string, string]
    const [, newMode, , newSha, status] = meta.split(' ')
    current.push({
      path,
      command: status === 'D' ? `D ${path}\n` : `M ${newMode} ${newSha} ${path}\n`,
    })
  }
  return changes
}

/**
 * Rejects like GitHub does when a GitHub App token without the workflows permission pushes
 * commits that touch .github/workflows/.
 */
export const PRE_RECEIVE = `#!/bin/sh
# Rejects like GitHub does when a GitHub App token without the workflows permission pushes
# commits that touch .github/workflows/.
zero=0000000000000000000000000000000000000000
status=0
while read old new ref; do
  [ "$new" = "$zero" ] && continue
  for c in $(git rev-list "$new" --not --all); do
    f=$(git diff-tree -r --root --no-commit-id --name-only "$c" -- .github/workflows/ | head -n 1)
    if [ -n "$f" ]; then
      echo "refusing to allow a GitHub App to create or update workflow \\\`$f\\\` without \\\`workflows\\\` permission" >&2
      status=1
      break
    fi
  done
done
exit $status
`
