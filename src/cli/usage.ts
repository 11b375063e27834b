export const USAGE = `fixline: every fix, on every release line

Usage:
  fixline check [--repo DIR] [--ref REF] [--format text|json|markdown] [--config FILE]
      Checks build numbers and data migrations across all release lines.
      --ref REF checks REF (a commit or branch) as a candidate release, as a release PR would be.
      Warns, in every format, when nothing or only part was checked (no release, no migration,
      a shallow clone, build numbers that never parse).
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
  fixline help
      This text.

Exit codes:
  0  pass (check: no rule failure; warnings may still say what was not checked)
  1  rule failures (check, demo); hotfix start: another hotfix is open, or --push found the
     branch taken
  2  bad usage or config: an unknown option, a bad value, a --repo that is not a repository's
     folder, a --ref that is not a commit, an invalid config file
  3  internal failure: git failed or fixline hit a bug; the message says what failed
`
