/**
 * What a commit message says about where the commit came from: cherry-pick trailers, reverts, svn
 * revisions (git-svn-id and merge messages naming revisions) and release-tool commits. Pure.
 */

export interface MessageFacts {
  /** First non-empty line. */
  subject: string
  /** Commits named by `(cherry picked from commit <sha>)` trailers (possibly abbreviated). */
  pickedFrom: string[]
  /** The commit named by `This reverts commit <sha>`. */
  reverts?: string
  /** This commit's own svn revision: its `git-svn-id: <url>@<rev>` trailer, or the one revision its subject names (`r21541: ...`). */
  svnRevision?: number
  /** Revisions a merge-style subject says the commit carries ("Merged r21541 and r21542 to 5.0-stable"). */
  svnMerged: number[]
  /** Made by a release tool (`[maven-release-plugin] prepare release ...`, `... prepare for next development iteration`). */
  releaseTool: boolean
}

const PICKED = /^\(cherry picked from commit ([0-9a-f]{7,64})\)$/
const REVERTS = /\bThis reverts commit ([0-9a-f]{7,64})\b/
const SVN_ID = /^git-svn-id: \S+@(\d{1,9}) [0-9a-fA-F-]{8,}$/
/** A subject that says it carries other revisions: "Merged r1 and r2 to 5.0-stable", "Backport r7 from trunk". */
const MERGE_SUBJECT = /^(?:\[[^\]]{0,40}\]\s*)?(?:svn\s+)?(?:merged?|backport(?:ed)?|ported)\b/i
const RELEASE_TOOL = [
  /^\[maven-release-plugin\]/i,
  /^\[gradle release plugin\]/i,
  /\bprepare (?:for )?(?:the )?next development iteration\b/i,
  /^Setting version to \S+$/, // sbt-release
]
/** The most revisions one range in a merge message expands to ("Merged revisions 100-200"). */
const MAX_RANGE = 1000

export function messageFacts(message: string): MessageFacts {
  const lines = message.split('\n').map((l) => l.trim())
  const subject = lines.find((l) => l.length > 0) ?? ''
  const pickedFrom: string[] = []
  let svnRevision: number | undefined
  for (const line of lines) {
    const pick = PICKED.exec(line)
    if (pick) pickedFrom.push(pick[1] as string)
    const svn = SVN_ID.exec(line)
    if (svn) svnRevision = Number(svn[1])
  }
  const reverts = REVERTS.exec(message)?.[1]
  const svnMerged = mergedRevisions(subject)
  if (svnRevision === undefined && svnMerged.length === 0 && !reverts)
    svnRevision = namedRevision(subject)
  return {
    subject,
    pickedFrom,
    ...(reverts ? { reverts } : {}),
    ...(svnRevision !== undefined ? { svnRevision } : {}),
    svnMerged,
    releaseTool: RELEASE_TOOL.some((re) => re.test(subject)),
  }
}

/**
 * Revisions named by a merge-style subject, up to the first `from`/`to`/`into`/`via`/`onto`:
 * `r123`, `r1-r5`, `r1:5`; bare numbers only after the word "revision(s)" (svnmerge.py's
 * "Merged revisions 1234-1236,1240 via svnmerge from ...").
 */
export function mergedRevisions(subject: string): number[] {
  if (!MERGE_SUBJECT.test(subject)) return []
  const head = subject.split(/\s(?:from|to|into|via|onto)\s/i)[0] ?? ''
  const bare = /\brevisions?\b/i.test(head)
  const token = bare
    ? /\br?(\d{1,9})(?:\s*[-:]\s*r?(\d{1,9}))?\b/g
    : /\br(\d{1,9})(?:\s*[-:]\s*r?(\d{1,9}))?\b/g
  const out = new Set<number>()
  for (const m of head.matchAll(token)) {
    const first = Number(m[1])
    const last = m[2] === undefined ? first : Number(m[2])
    if (last < first || last - first > MAX_RANGE) out.add(first)
    else for (let r = first; r <= last; r++) out.add(r)
  }
  return [...out]
}

/** The one svn revision a subject names (`r21541: fix ...`, `Fix x (r21541)`), if exactly one. */
function namedRevision(subject: string): number | undefined {
  const all = [...subject.matchAll(/\br(\d{1,9})\b/g)]
  return all.length === 1 ? Number(all[0]?.[1]) : undefined
}

/**
 * The key under which "same subject, same author" is looked up: the subject without leading
 * `[...]` tags (`[1.x]`, `[backport 5.0]`) or a trailing pull request number (`(#123)`, which a
 * squash-merged backport PR changes), whitespace collapsed, lower case; and the author's email.
 * Empty when the subject is.
 */
export function subjectKey(subject: string, email: string): string {
  const s = subject
    .replace(/^(?:\[[^\]]{0,40}\]\s*)+/, '')
    .replace(/\s*\(#\d+\)$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  return s === '' ? '' : `${s}\u0000${email.toLowerCase()}`
}
