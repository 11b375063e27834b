import { Git } from './git.js'

/**
 * Validates a branch name with git itself (`git check-ref-format --branch`), plus the rules
 * fixline adds: no leading dash (could be read as an option) and no whitespace or control characters.
 * Returns the normalized name, or throws an Error whose message a user can act on.
 */
export async function assertValidBranchName(git: Git, name: string): Promise<string> {
  if (!isPlausibleRefName(name)) throw new Error(`"${printable(name)}" is not a valid branch name`)
  const known = validBranchNames.get(name)
  if (known !== undefined) return known
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
