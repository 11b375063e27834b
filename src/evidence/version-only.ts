/**
 * Version-only diffs: a release tool's bump (`<version>1.2.3-SNAPSHOT</version>` ->
 * `<version>1.2.3</version>`) changes nothing but version strings, so it is bookkeeping wherever
 * it lives. A diff is version-only when every run of removed lines is followed by as many added
 * lines, and each removed/added pair differs only in version-like tokens. Pure.
 */

/** Dotted versions with an optional suffix: `1.2`, `v1.2.3`, `1.2.3-SNAPSHOT`, `5.0.1.RELEASE`, `2.0.0-rc.1`. */
const VERSION = /\bv?\d+(?:\.\d+)+(?:[-+~.][0-9A-Za-z]+)*/g
/** Lines naming a version or build may change a plain number too (`versionCode 41`, `"buildNumber": 17`). */
const KEYWORD = /version|build|release|revision/i
const NUMBER = /\b\d+\b/g
/** Longer lines, or more pairs, are not a version bump. */
const MAX_LINE = 400
const MAX_PAIRS = 2000

/**
 * Whether `removed` and `added` differ, and only in version-like tokens. With `own` (the
 * project's release builds), every token that changed must be one of them (`1.2.3-SNAPSHOT` is
 * 1.2.3's): a dependency bump (`<version>2.14.1</version>` -> `2.17.1`, a security fix) or a
 * changed constant (`1.5` -> `1.2`) is a change like any other, not a release tool's bump.
 */
export function versionOnlyPair(
  removed: string,
  added: string,
  own?: ReadonlySet<string>,
): boolean {
  if (removed === added || removed.length > MAX_LINE || added.length > MAX_LINE) return false
  if (normalize(removed) !== normalize(added)) return false
  return own === undefined || changedTokensAreOwn(removed, added, own)
}

function changedTokensAreOwn(removed: string, added: string, own: ReadonlySet<string>): boolean {
  const a = tokens(removed)
  const b = tokens(added)
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && !(own.has(ownForm(a[i] as string)) && own.has(ownForm(b[i] as string))))
      return false
  return true
}

function tokens(line: string): string[] {
  const versions = line.match(VERSION) ?? []
  const rest = line.replace(VERSION, '\u0000')
  return KEYWORD.test(rest) ? [...versions, ...(rest.match(NUMBER) ?? [])] : versions
}

/** A version token as a release build: no `v`, no suffix, no trailing `.0` parts (`v1.2.0-SNAPSHOT` -> `1.2`). */
export function ownForm(token: string): string {
  const core = /^v?(\d+(?:\.\d+)*)/.exec(token)?.[1] ?? token
  return core.replace(/(?:\.0+)+$/, '').replace(/(^|\.)0+(\d)/g, '$1$2')
}

function normalize(line: string): string {
  const out = line.replace(VERSION, '\u0000')
  return KEYWORD.test(out) ? out.replace(NUMBER, '\u0000') : out
}

/**
 * Follows the content lines of one commit's text diff (as written, with their `+`, `-` or ` `
 * prefix) and says whether all of it was version-only. `fail()` for anything else (a new or
 * deleted file, a binary file).
 */
export class VersionOnlyTracker {
  /**
   * Without the project's builds nothing is a version-only bump: telling the project's own version
   * from a dependency's (a security fix) needs them, and a fix must never pass for bookkeeping.
   */
  constructor(private readonly own?: ReadonlySet<string>) {
    this.ok = own !== undefined && own.size > 0
  }

  private ok: boolean
  private pairs = 0
  private readonly removed: string[] = []
  private readonly added: string[] = []

  /** False once the diff cannot be version-only: callers stop feeding lines. */
  get candidate(): boolean {
    return this.ok
  }

  fail(): void {
    this.ok = false
    this.removed.length = 0
    this.added.length = 0
  }

  /** A content line of a hunk. */
  line(text: string): void {
    if (!this.ok) return
    const c = text.charAt(0)
    if (c === '-') {
      if (this.added.length > 0) this.close()
      this.removed.push(text.slice(1))
    } else if (c === '+') this.added.push(text.slice(1))
    else if (c !== '\\') this.close()
  }

  /** The end of a hunk or a file. */
  close(): void {
    if (!this.ok) return
    const n = this.removed.length
    if (n !== this.added.length || this.pairs + n > MAX_PAIRS) return this.fail()
    for (let i = 0; i < n; i++)
      if (!versionOnlyPair(this.removed[i] as string, this.added[i] as string, this.own))
        return this.fail()
    this.pairs += n
    this.removed.length = 0
    this.added.length = 0
  }

  /** The verdict at the end of the commit: at least one pair, all version-only. */
  result(): boolean {
    this.close()
    return this.ok && this.pairs > 0
  }
}
