#!/usr/bin/env node
import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);
import{a as s,b as o}from"./chunks/chunk-LMR6DHEU.js";import{a as t}from"./chunks/chunk-QEYVAOUP.js";var a=`fixline: every fix, on every release line

Usage:
  fixline check [--repo DIR] [--ref REF] [--format text|json|markdown] [--config FILE]
      Checks build numbers and data migrations across all release lines.
      --ref REF checks REF (a commit or branch) as a candidate release, as a release PR would be.
      Warns, in every format, when nothing or only part was checked (no release, no migration,
      a shallow clone, build numbers that never parse).
  fixline backport <PR number | commit...> --to <line>... [--push] [--open-pr]
                   [--repo DIR] [--remote NAME] [--config FILE]
  fixline backport --continue [--to <line>...] [--repo DIR]
  fixline backport --abort [--to <line>...] [--repo DIR]
      Cherry-picks (-x) a merged PR (squash, rebase or merge commit, selected as the action does)
      or the commits given by sha (in that order) onto each line, as the local branch
      backport/<PR>-to-<line> (commits: backport/<first sha, 12 characters>-to-<line>). One row
      per target; every target is attempted. A PR number reads the PR through GitHub's API
      (GITHUB_TOKEN or GH_TOKEN; owner/repo from the remote's URL; GITHUB_API_URL for another
      server); commits given by sha need no API, only the remote's git.
      --to LINE         a target line; repeat it, list them (--to 1.x,2.x) or follow it with
                        several (--to 1.x 2.x)
      --push            pushes each finished branch to the remote (git's credentials)
      --open-pr         --push, then opens the PR exactly as the action would (title, body,
                        labels); needs a PR number
      --remote NAME     the GitHub repository's remote (default origin)
      --repo DIR        the clone (default: the current folder)
      --config FILE     the config (default <repo>/.github/fixline.yml)
      --continue        after a conflict: once the files are resolved and staged (git add) in
                        the worktree it printed, commits the pick, picks the rest, finishes
                        (push, PR) the stopped targets, or only those named with --to
      --abort           removes the stopped targets' worktrees and branches
      On a conflict the target stops in a worktree under .git/fixline/worktrees/ (the path,
      the conflicting files and the earlier commits the line may lack are printed).
      Example: fixline backport 1234 --to 1.x --to 2.x --open-pr
               fixline backport 0123abcd 4567ef01 --to 1.x
  fixline plan [--repo DIR] [--config FILE]
      Lists release lines (newest first), the maintenance window, releases per line and the upgrade matrix.
  fixline demo [--variant NAME] [--keep] [--format text|json|markdown]
      Builds the worked example as a real git repository in a temp folder and checks it.
      --variant shows a mistake fixline catches: no-marker-1.2 (fix-loss), no-marker-2.1
      (stranded users), unquoted-build, duplicate-id. Exit 1 when the check fails.
  fixline hotfix start [--from TAG-OR-COMMIT] [--force] [--push] [--repo DIR] [--config FILE]
                       [--remote NAME] [--default-branch NAME]
      Creates the local branch hotfix/<release> at the newest release tag of the default branch
      (or --from), lists what was merged since and is left out, and refuses while another hotfix
      is open (exit 1) unless --force. --push also creates it on the remote (git's credentials).
  fixline hotfix status [--repo DIR] [--config FILE] [--remote NAME] [--default-branch NAME]
      Lists the remote's hotfix branches: open or done, and their commits missing from the default branch.
  fixline audit [--repo DIR] [--config FILE] [--format text|json|markdown] [--github] [--remote NAME]
      Lists the fixes of older release lines missing on newer lines (patch-id and cherry-pick
      trailers, bookkeeping left out), and those decided not needed (Forward-port: not-needed
      trailer). --github also reads the API (GITHUB_TOKEN or GH_TOKEN; the repository from
      --remote's URL, default origin): PR titles, the audit.notNeededLabel label, backports never
      landed, conflict drafts waiting. Exit 1 when a fix is missing or a backport never landed.
  fixline help
      This text.

Exit codes:
  0  pass (check: no rule failure; warnings may still say what was not checked)
  1  rule failures (check, demo); hotfix start: another hotfix is open, or --push found the
     branch taken
     backport: a target conflicted (stopped for --continue) or failed
     audit: a fix of an older line is missing on a newer line, or a backport never landed
  2  bad usage or config: an unknown option, a bad value, a --repo that is not a repository's
     folder, a --ref that is not a commit, an invalid config file; backport: no token for a PR
     number, a PR that is not merged, a backport already stopped (--continue or --abort it)
     audit: --github without GITHUB_TOKEN or GH_TOKEN, a remote that names no GitHub repository
  3  internal failure: git failed or fixline hit a bug; the message says what failed
`;var l={check:t(async()=>(await import("./chunks/check-63DN3EQF.js")).runCheckCommand,"check"),backport:t(async()=>(await import("./chunks/backport-SLHQUPD2.js")).runBackportCommand,"backport"),plan:t(async()=>(await import("./chunks/plan-2QC5KC3K.js")).runPlanCommand,"plan"),demo:t(async()=>(await import("./chunks/demo-MSBEPQWX.js")).runDemoCommand,"demo"),hotfix:t(async()=>(await import("./chunks/hotfix-HMIK3FGJ.js")).runHotfixCommand,"hotfix"),audit:t(async()=>(await import("./chunks/audit-TMQIXBTD.js")).runAuditCommand,"audit")};async function c(d,r=s()){let[e,...i]=d;if(e===void 0||e==="help"||e==="--help"||e==="-h")return(e===void 0?r.err:r.out)(a),e===void 0?o.usage:o.ok;let n=Object.hasOwn(l,e)?l[e]:void 0;if(!n)return r.err(`fixline: unknown command ${JSON.stringify(e.slice(0,40))}

${a}`),o.usage;if(i.includes("--help")||i.includes("-h"))return r.out(a),o.ok;try{return await(await n())(i,r)}catch(h){let{describeCliError:m}=await import("./chunks/context-FE2WVAYP.js"),{message:f,code:p,usage:u}=m(h);return r.err(`fixline ${e}: ${f}
`),u&&r.err(`Run "fixline help" for usage.
`),p}}t(c,"runCli");process.exitCode=await c(process.argv.slice(2));
