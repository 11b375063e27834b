/**
 * `fixline hotfix start|status` on a local clone: the same hotfix git logic as the action, with
 * "deployed" falling back to the newest release tag of the default branch (no GitHub needed).
 */
import { parseArgs } from './args.js'
import { loadConfig, openRepo, UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'
import type { Git } from '../git/git.js'
import { isPlausibleRefName, printable } from '../git/refs.js'
import { hotfixBranchName, isOpenHotfix } from '../hotfix/decide.js'
import {
  commitsSince,
  fetchHotfixState,
  hotfixBranchStates,
  newestReleaseTag,
  releaseTagsAt,
  remoteRef,
  resolveCommit,
} from '../hotfix/git-ops.js'
import { createRemoteBranch } from '../hotfix/remote-branches.js'

const SPEC = {
  values: ['repo', 'config', 'from', 'remote', 'default-branch'],
  booleans: ['force', 'push'],
}

export async function runHotfixCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPEC)
  if (!parsed.ok) throw new UsageError(parsed.error)
  const [sub, ...extra] = parsed.positionals
  if (sub !== 'start' && sub !== 'status')
    throw new UsageError(
      sub === undefined
        ? 'hotfix needs a subcommand: start or status'
        : `unknown hotfix subcommand ${JSON.stringify(sub.slice(0, 40))} (start or status)`,
    )
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`)
  if (sub === 'status') {
    for (const flag of ['from'])
      if (parsed.flags.has(flag)) throw new UsageError(`--${flag} is for hotfix start`)
    for (const flag of ['force', 'push'])
      if (parsed.booleans.has(flag)) throw new UsageError(`--${flag} is for hotfix start`)
  }
  const git = await openRepo(parsed.flags.get('repo') ?? io.cwd)
  const config = await loadConfig(git.cwd, io.cwd, parsed.flags.get('config'))
  const remote = parsed.flags.get('remote') ?? 'origin'
  if (!isPlausibleRefName(remote) || remote.includes('/'))
    throw new UsageError(`"${printable(remote)}" is not a remote name`)
  const remotes = await git.lines(['remote'])
  if (!remotes.includes(remote))
    throw new UsageError(`the repository has no remote "${printable(remote)}" (use --remote NAME)`)
  const defaultBranch =
    parsed.flags.get('default-branch') ?? (await remoteDefaultBranch(git, remote))
  if (!isPlausibleRefName(defaultBranch))
    throw new UsageError(`"${printable(defaultBranch)}" is not a branch name`)
  const prefix = config.hotfix.branchPrefix
  await fetchHotfixState(git, remote, defaultBranch, prefix)
  const mainRef = remoteRef(remote, defaultBranch)
  if (!(await resolveCommit(git, mainRef)))
    throw new UsageError(`${remote} has no branch ${defaultBranch} (use --default-branch NAME)`)
  const ctx = {
    git,
    remote,
    prefix,
    mainRef,
    defaultBranch,
    io,
    bookkeeping: config.upgrade.bookkeeping,
  }
  if (sub === 'status') return status(ctx)
  return start(ctx, {
    from: parsed.flags.get('from'),
    force: parsed.booleans.has('force'),
    push: parsed.booleans.has('push'),
    tags: config.upgrade.tags,
  })
}

interface Ctx {
  git: Git
  remote: string
  prefix: string
  mainRef: string
  defaultBranch: string
  io: CliIO
  /** `upgrade.bookkeeping`: paths whose changes are not part of a fix. */
  bookkeeping: readonly string[]
}

async function remoteDefaultBranch(git: Git, remote: string): Promise<string> {
  const r = await git.run(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], {
    okCodes: [0, 1, 128],
  })
  const ref = r.stdout.trim()
  const root = `refs/remotes/${remote}/`
  return r.exitCode === 0 && ref.startsWith(root) ? ref.slice(root.length) : 'main'
}

async function status(ctx: Ctx): Promise<number> {
  const states = await hotfixBranchStates(
    ctx.git,
    ctx.remote,
    ctx.prefix,
    ctx.mainRef,
    ctx.bookkeeping,
  )
  if (states.length === 0) {
    ctx.io.out(`No hotfix branch (${ctx.prefix}*) on ${ctx.remote}.\n`)
    return EXIT.ok
  }
  for (const s of states) {
    const open = isOpenHotfix(s)
    const what =
      s.ownCommits === 0
        ? open
          ? 'open: just cut, no commit yet'
          : 'done: merged back'
        : open
          ? `open: ${s.missingFromMain} of ${s.ownCommits} commit(s) not on ${ctx.defaultBranch}`
          : `done: all ${s.ownCommits} commit(s) on ${ctx.defaultBranch}`
    ctx.io.out(`${printable(s.branch)}  ${what}\n`)
    for (const c of s.missing) ctx.io.out(`  ${c.sha.slice(0, 12)} ${printable(c.subject)}\n`)
    for (const p of s.probable)
      ctx.io.out(
        `  ${p.commit.sha.slice(0, 12)} ${printable(p.commit.subject)} (probably ported: same subject and author as ${p.counterpart.sha.slice(0, 12)} on ${ctx.defaultBranch}, another patch)\n`,
      )
  }
  return EXIT.ok
}

async function start(
  ctx: Ctx,
  options: { from: string | undefined; force: boolean; push: boolean; tags: string[] },
): Promise<number> {
  const { git, io } = ctx
  const open = (
    await hotfixBranchStates(git, ctx.remote, ctx.prefix, ctx.mainRef, ctx.bookkeeping)
  ).filter(isOpenHotfix)
  if (open.length > 0 && !options.force) {
    io.err(
      `another hotfix is still open (not merged back): ${open.map((o) => printable(o.branch)).join(', ')}\n` +
        'Put the fix on that branch or finish it first; --force starts another anyway.\n',
    )
    return EXIT.failures
  }
  let sha: string | undefined
  let name: string | undefined
  let source: string
  if (options.from !== undefined) {
    sha = await resolveCommit(git, options.from)
    if (!sha) throw new UsageError(`"${printable(options.from)}" names no tag or commit`)
    name = (await resolveCommit(git, `refs/tags/${options.from}`))
      ? options.from
      : (await releaseTagsAt(git, sha, options.tags))[0]
    source = `--from ${printable(options.from)}`
  } else {
    const tag = await newestReleaseTag(git, ctx.mainRef, options.tags)
    if (!tag)
      throw new UsageError(
        `no release tag (upgrade.tags) on ${ctx.defaultBranch}: name the base with --from <tag or commit>`,
      )
    sha = tag.sha
    name = tag.tag
    source = `the newest release tag ${printable(tag.tag)} (a local clone cannot see deployments)`
  }
  const branch = hotfixBranchName(ctx.prefix, name, sha)
  if (await resolveCommit(git, `refs/heads/${branch}`))
    throw new UsageError(`the local branch ${printable(branch)} already exists`)
  await git.run(['branch', '--no-track', branch, sha])
  io.out(`Created ${printable(branch)} at ${sha.slice(0, 12)}, from ${source}.\n`)
  if (options.push) {
    const pushed = await createRemoteBranch(git, ctx.remote, ctx.prefix, branch, sha)
    if (pushed === 'taken') {
      io.err(`${ctx.remote} already has ${printable(branch)} at another commit: not pushed\n`)
      return EXIT.failures
    }
    io.out(
      pushed === 'created' ? `Pushed it to ${ctx.remote}.\n` : `${ctx.remote} already has it.\n`,
    )
  }
  const since = await commitsSince(git, sha, ctx.mainRef)
  if (since.length === 0) io.out(`Nothing has been merged to ${ctx.defaultBranch} since.\n`)
  else {
    io.out(`Not included (merged to ${ctx.defaultBranch} since, ${since.length}):\n`)
    for (const c of since) io.out(`  ${c.sha.slice(0, 12)} ${printable(c.subject)}\n`)
  }
  io.out(
    `Next: commit the fix on ${printable(branch)} (or open a PR into it), deploy its head, merge it back into ${ctx.defaultBranch}.\n`,
  )
  return EXIT.ok
}
