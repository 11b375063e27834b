/** The exact commands a human runs to finish a conflicted backport. Pure. */

export interface ResumeInput {
  remote: string
  /** Branch the PR was merged into (holds every commit to pick). */
  base: string
  target: string
  branch: string
  /** The commit that conflicted and the ones after it, oldest first. */
  failed: string
  remaining: readonly string[]
  /** Commits that applied before the conflict (only re-picked when no branch was kept). */
  applied: readonly string[]
  conflictingFiles: readonly string[]
  mainline?: 1
  /** The markers commit at the branch tip (draft-pr mode); undefined when no branch was made. */
  markersCommit?: string
}

/**
 * draft-pr mode: check out the pushed branch, drop the markers commit, redo the failing pick
 * (so git shows the conflict for real) and the rest, push with a lease on the markers commit.
 * comment mode: start a fresh branch from the target and redo every pick.
 */
export function resumeCommands(input: ResumeInput): string[] {
  const q = shellWord
  const pick = [
    'git',
    'cherry-pick',
    '-x',
    ...(input.mainline ? ['-m', String(input.mainline)] : []),
  ]
  const files = input.conflictingFiles.map(q).join(' ')
  const fix = `# resolve the conflicts in ${files}, then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)`
  const [remote, branch] = [q(input.remote), q(input.branch)]
  const commands = [`git fetch ${remote} ${q(input.base)}`]
  if (input.markersCommit) {
    commands.push(
      `git fetch ${remote} ${branch}`,
      `git checkout -B ${branch} FETCH_HEAD`,
      'git reset --hard HEAD~1',
      [...pick, input.failed, ...input.remaining].join(' '),
      fix,
      `git push ${q(`--force-with-lease=${input.branch}:${input.markersCommit}`)} ${remote} ${branch}`,
    )
  } else {
    commands.push(
      `git fetch ${remote} ${q(input.target)}`,
      `git checkout -B ${branch} FETCH_HEAD`,
      [...pick, ...input.applied, input.failed, ...input.remaining].join(' '),
      fix,
      `git push ${remote} ${branch}`,
    )
  }
  return commands
}

/** A word safe to paste into a POSIX shell: as is when plain, else single-quoted. */
export function shellWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = word.replace(/[\u0000-\u001f\u007f]/g, '?')
  if (/^[A-Za-z0-9._/@:+=,-]+$/.test(clean)) return clean
  return `'${clean.replace(/'/g, `'\\''`)}'`
}
