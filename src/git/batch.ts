import { spawn } from 'node:child_process'
import type { Git } from './git.js'
import { GitError } from './errors.js'

export interface BlobRequest {
  /** Any object expression: `<rev>:<path>` or an object id. */
  spec: string
}

/**
 * Reads many objects with one `git cat-file --batch` process. Returns a map from spec to content
 * (utf8), or undefined for objects that do not exist. One process however many files are read.
 */
export async function readObjects(
  git: Git,
  specs: readonly string[],
): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>()
  if (specs.length === 0) return out
  for (const s of specs) {
    if (s.includes('\n'))
      throw new GitError(
        `object spec contains a newline: ${JSON.stringify(s)}`,
        'bad-ref',
        ['cat-file'],
        null,
        '',
      )
  }
  const chunks: Buffer[] = []
  const stderr: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: git.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => stderr.push(c))
    child.on('error', (e) =>
      reject(
        new GitError(
          `could not run git cat-file: ${e.message}`,
          'unknown',
          ['cat-file'],
          null,
          '',
          { cause: e },
        ),
      ),
    )
    child.on('close', (code) => {
      if (code === 0) resolve()
      else
        reject(
          new GitError(
            `git cat-file --batch failed (exit ${code}): ${Buffer.concat(stderr).toString()}`,
            'unknown',
            ['cat-file', '--batch'],
            code,
            Buffer.concat(stderr).toString(),
          ),
        )
    })
    child.stdin.end(specs.join('\n') + '\n')
  })
  const buf = Buffer.concat(chunks)
  let pos = 0
  for (const spec of specs) {
    const nl = buf.indexOf(0x0a, pos)
    if (nl < 0)
      throw new GitError(
        'git cat-file --batch: truncated output',
        'unknown',
        ['cat-file', '--batch'],
        0,
        '',
      )
    const header = buf.subarray(pos, nl).toString('utf8')
    pos = nl + 1
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      out.set(spec, undefined)
      continue
    }
    const size = Number(header.split(' ')[2])
    if (!Number.isFinite(size))
      throw new GitError(
        `git cat-file --batch: unexpected header ${header}`,
        'unknown',
        ['cat-file'],
        0,
        '',
      )
    out.set(spec, buf.subarray(pos, pos + size).toString('utf8'))
    pos += size + 1
  }
  return out
}
