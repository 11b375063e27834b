/**
 * A repository described as steps (commits with file contents, tags, branches, cherry-picks), and
 * the runner that makes it a real git repository through the Git class: file contents go in with
 * `hash-object` + `update-index --index-info` + `checkout-index`, so nothing here writes files itself.
 */
import type { Git } from '../../git/git.js'

/** path -> content; null deletes the file. */
export type FileChanges = Record<string, string | null>

export type RepoStep =
  | { kind: 'commit'; message: string; files: FileChanges; mark?: string }
  | { kind: 'tag'; name: string; annotated?: boolean }
  | { kind: 'branch'; name: string }
  | { kind: 'checkout'; ref: string }
  /** `merge --no-ff` of a ref into the checked-out branch (no conflicts expected). */
  | { kind: 'merge'; ref: string; message?: string }
  /** `cherry-pick -x` of a marked commit; with `files`, the pick is amended with those changes (same -x trailer). */
  | { kind: 'cherry-pick'; mark: string; files?: FileChanges; message?: string }

export const DEMO_IDENTITY: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'Fixline Demo',
  GIT_AUTHOR_EMAIL: 'demo@fixline.invalid',
  GIT_COMMITTER_NAME: 'Fixline Demo',
  GIT_COMMITTER_EMAIL: 'demo@fixline.invalid',
}

/** Runs the steps in `git` (an initialised, empty repository on branch main). Returns the marks (name -> commit). */
export async function runRepoSteps(
  git: Git,
  steps: readonly RepoStep[],
): Promise<Map<string, string>> {
  const marks = new Map<string, string>()
  let tick = 0
  const env = () => {
    const date = `${1_560_000_000 + 3600 * ++tick} +0000`
    return { ...DEMO_IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  }
  for (const step of steps) {
    switch (step.kind) {
      case 'commit':
        await stage(git, step.files)
        await git.run(['commit', '-q', '--allow-empty', '-m', step.message], { env: env() })
        if (step.mark) marks.set(step.mark, await git.text(['rev-parse', 'HEAD']))
        break
      case 'tag':
        await git.run(
          step.annotated
            ? ['tag', '-a', '-m', `Release ${step.name}`, step.name]
            : ['tag', step.name],
          { env: env() },
        )
        break
      case 'branch':
        await git.run(['branch', step.name])
        break
      case 'checkout':
        await git.run(['checkout', '-q', step.ref])
        break
      case 'merge':
        await git.run(
          ['merge', '-q', '--no-ff', '-m', step.message ?? `Merge ${step.ref}`, step.ref],
          { env: env() },
        )
        break
      case 'cherry-pick': {
        const sha = marks.get(step.mark)
        if (!sha) throw new Error(`no commit marked "${step.mark}"`)
        if (!step.files) {
          await git.run(['cherry-pick', '-x', sha], { env: env() })
          break
        }
        await git.run(['cherry-pick', '-n', sha], { env: env() })
        await stage(git, step.files)
        const subject = step.message ?? (await git.text(['log', '-1', '--format=%B', sha]))
        await git.run(
          ['commit', '-q', '-m', `${subject.trim()}\n\n(cherry picked from commit ${sha})`],
          { env: env() },
        )
        break
      }
    }
  }
  return marks
}

async function stage(git: Git, files: FileChanges): Promise<void> {
  const rows: string[] = []
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      rows.push(`0 ${'0'.repeat(40)}\t${path}`)
      continue
    }
    const blob = await git.text(['hash-object', '-w', '--stdin'], { input: content })
    rows.push(`100644 ${blob}\t${path}`)
  }
  if (rows.length === 0) return
  await git.run(['update-index', '--index-info'], { input: rows.join('\n') + '\n' })
  await git.run(['checkout-index', '-a', '-f'])
  const deleted = Object.entries(files)
    .filter(([, c]) => c === null)
    .map(([p]) => p)
  if (deleted.length > 0) await git.run(['clean', '-q', '-f', '--', ...deleted])
}
