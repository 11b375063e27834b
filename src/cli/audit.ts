/**
 * `fixline audit`: the fixes of older release lines missing on newer lines, from the local
 * repository (its branches, as `fixline check` finds them); with `--github` also what the API
 * knows (PR titles and links, "not needed" labels, backports never landed, conflict drafts waiting).
 * Exit 0 nothing missing, 1 fixes missing (or backports never landed), 2 bad usage, 3 internal.
 */
import { auditGitHub, auditLines, hasMissing, type AuditReport } from '../audit/index.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import { renderAuditJson, renderAuditMarkdown, renderAuditText } from './audit-render.js'
import { cliGitHub } from './backport-github.js'
import { commandArgs, formatFlag, loadConfig, openRepo, UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'

const SPEC = { values: ['repo', 'config', 'format', 'remote'], booleans: ['github'] }

export async function runAuditCommand(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const args = commandArgs(argv, SPEC)
  const format = formatFlag(args.flags)
  const remote = args.flags.get('remote') ?? 'origin'
  if (!isPlausibleRefName(remote) || remote.includes('/'))
    throw new UsageError(`"${printable(remote)}" is not a remote name`)
  const useApi = args.booleans.has('github')
  if (useApi && !(env.GITHUB_TOKEN || env.GH_TOKEN))
    throw new UsageError(
      '--github reads GitHub’s API and needs a token: set GITHUB_TOKEN or GH_TOKEN ' +
        '(for example GH_TOKEN=$(gh auth token)), or run without --github for the git-only audit',
    )
  const git = await openRepo(args.flags.get('repo') ?? io.cwd)
  const config = await loadConfig(git.cwd, io.cwd, args.flags.get('config'))
  if (useApi && !(await git.lines(['remote'])).includes(remote))
    throw new UsageError(`the repository has no remote "${printable(remote)}" (use --remote NAME)`)
  let report: AuditReport = await auditLines(git, config, { prefer: 'local' })
  if (useApi) {
    const api = await cliGitHub(git, remote, env, '--github')
    report = await auditGitHub(api.github, { owner: api.owner, repo: api.repo }, config, report)
  }
  io.out(
    format === 'json'
      ? renderAuditJson(report)
      : format === 'markdown'
        ? renderAuditMarkdown(report)
        : renderAuditText(report),
  )
  if (format === 'text' && !useApi)
    io.err(
      'note: git only: PR titles, "not needed" labels, backports never landed and conflict drafts need --github (with GITHUB_TOKEN or GH_TOKEN)\n',
    )
  return hasMissing(report) ? EXIT.failures : EXIT.ok
}
