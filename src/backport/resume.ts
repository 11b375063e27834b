/** The exact commands a human runs to finish a conflicted backport. Pure. */
import type { ConflictFile, ConflictKind } from './types.js'

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
  /** Each conflicting file with its kind: the steps say what to do about each kind. */
  conflicts: readonly ConflictFile[]
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
  const fix = [
    ...fixSteps(input.conflicts),
    '# then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)',
  ]
  const [remote, branch] = [q(input.remote), q(input.branch)]
  const commands = [`git fetch ${remote} ${q(input.base)}`]
  if (input.markersCommit) {
    commands.push(
      `git fetch ${remote} ${branch}`,
      `git checkout -B ${branch} FETCH_HEAD`,
      'git reset --hard HEAD~1',
      [...pick, input.failed, ...input.remaining].join(' '),
      ...fix,
      `git push ${q(`--force-with-lease=${input.branch}:${input.markersCommit}`)} ${remote} ${branch}`,
    )
  } else {
    commands.push(
      `git fetch ${remote} ${q(input.target)}`,
      `git checkout -B ${branch} FETCH_HEAD`,
      [...pick, ...input.applied, input.failed, ...input.remaining].join(' '),
      ...fix,
      `git push ${remote} ${branch}`,
    )
  }
  return commands
}

/** What to do, as shell comments, for the files of each kind of conflict (in the order they came). */
function fixSteps(conflicts: readonly ConflictFile[]): string[] {
  const byKind = new Map<ConflictKind, string[]>()
  for (const c of conflicts) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), shellWord(c.path)])
  return [...byKind].map(([kind, paths]) => {
    const files = paths.join(' ')
    switch (kind) {
      case 'both-modified':
      case 'added-on-both':
        return `# ${files}: resolve the conflict markers`
      case 'deleted-on-target':
        return `# ${files}: deleted or moved on the target (no markers): apply the fix's change where the code lives now, then git rm ${files}`
      case 'deleted-in-fix':
        return `# ${files}: the fix deletes it and the target changed it: git rm ${files}, unless the target's changes must stay`
      case 'renamed':
        return `# ${files}: a rename git could not carry over: keep the name the target uses and remove the other copy`
    }
  })
}

/** A word safe to paste into a POSIX shell: as is when plain, else single-quoted. */
export function shellWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = word.replace(/[\u0000-\u001f\u007f]/g, '?')
  if (/^[A-Za-z0-9._/@:+=,-]+$/.test(clean)) return clean
  return `'${clean.replace(/'/g, `'\\''`)}'`
}
