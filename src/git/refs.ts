import { Git } from './git.js'

/**
 * Validates a branch name by git's rules (`git check-ref-format --branch`), plus the rules
 * fixline adds: no leading dash (could be read as an option) and no whitespace or control characters.
 * A name that passes {@link passesGitBranchRules} costs no process; git itself judges the rest.
 * Returns the normalized name, or throws an Error whose message a user can act on.
 */
export async function assertValidBranchName(git: Git, name: string): Promise<string> {
  if (!isPlausibleRefName(name)) throw new Error(`"${printable(name)}" is not a valid branch name`)
  const known = validBranchNames.get(name)
  if (known !== undefined) return known
  // Names that pass git's own rules (below) need no process; git still decides every other one.
  if (passesGitBranchRules(name)) return name
  const result = await git.run(['check-ref-format', '--branch', name], { okCodes: [0, 1, 128] })
  if (result.exitCode !== 0)
    throw new Error(`"${printable(name)}" is not a valid branch name (git check-ref-format)`)
  const normalized = result.stdout.trim()
  validBranchNames.set(name, normalized)
  return normalized
}

/**
 * Names git already accepted in this process, normalized. The answer depends on the name alone:
 * `--branch` reads the repository only to expand `@{-N}`, which isPlausibleRefName rejects. A run
 * checks each backport branch name several times (validation, ownership, push): one process.
 */
const validBranchNames = new Map<string, string>()

/**
 * git's rules for `check-ref-format --branch <name>` (git-check-ref-format(1), refs.c
 * check_refname_component), for a name isPlausibleRefName accepted: not `-...` or `HEAD` or `@`,
 * no empty component (`a//b`), no component starting with `.` or ending with `.lock`, and
 * `refs/heads/<name>` free of the characters and sequences git refuses. True only when git would
 * accept the name unchanged; false sends the name to git.
 */
export function passesGitBranchRules(name: string): boolean {
  if (!isPlausibleRefName(name) || name === 'HEAD' || name === '@') return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{/.test(name)) return false
  return name
    .split('/')
    .every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'))
}

/** Cheap pure pre-check (also used where git is not at hand, e.g. in renderers). */
export function isPlausibleRefName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 250 &&
    !name.startsWith('-') &&
    !name.startsWith('/') &&
    // eslint-disable-next-line no-control-regex
    !/[\s\u0000-\u001f\u007f~^:?*[\\]/.test(name) &&
    !name.includes('..') &&
    !name.includes('@{') &&
    !name.endsWith('.lock') &&
    !name.endsWith('/') &&
    !name.endsWith('.')
  )
}

/** Makes a user-supplied string safe to echo in a message (no control characters, bounded length). */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?')
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean
}
