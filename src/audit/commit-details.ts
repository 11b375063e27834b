/** Author, date and message of the fixes the audit lists: one `git log --no-walk --stdin` for all of them. */
import type { Git } from '../git/git.js'

export interface CommitDetails {
  sha: string
  author: string
  authorEmail: string
  /** Strict ISO 8601 author date. */
  date: string
  subject: string
  message: string
}

const FORMAT = '--format=%x1e%H%x00%an%x00%ae%x00%aI%x00%B'

/** Details of `shas` (known commits), by sha, with one git process (none for no commit). */
export async function commitDetails(
  git: Git,
  shas: readonly string[],
): Promise<Map<string, CommitDetails>> {
  const out = new Map<string, CommitDetails>()
  if (shas.length === 0) return out
  const text = await git.text(['log', '--no-walk=unsorted', '--stdin', '--no-color', FORMAT], {
    input: shas.join('\n') + '\n',
  })
  for (const record of text.split('\x1e')) {
    const [sha = '', author = '', authorEmail = '', date = '', ...rest] = record.split('\0')
    if (!/^[0-9a-f]{40,64}$/.test(sha.trim())) continue
    const message = rest.join('\0').replace(/\n+$/, '')
    const subject = message.split('\n').find((l) => l.trim().length > 0) ?? ''
    out.set(sha.trim(), {
      sha: sha.trim(),
      author,
      authorEmail,
      date,
      subject: subject.trim(),
      message,
    })
  }
  return out
}
