/**
 * What the check could not see, said out loud (issue 8: "loud when nothing, or the wrong thing, was
 * checked"): no release, no migration, `dirs` that match nothing, build numbers that never parse.
 * Each becomes a CoverageWarning that every renderer shows first, so a run that checked nothing never
 * reads as a bare PASS. The CLI adds `shallow` (cli/check.ts). Pure.
 *
 * One cause, one finding: when every release's build is invalid, the per-release build-format
 * findings are replaced by one `builds-invalid` warning naming the source and the fix; a release
 * whose build could not be read at all (a missing file or key) keeps only discovery's problem, not a
 * second "build number is empty".
 */
import type { Config } from '../../config/types.js'
import type { CheckResult, CoverageWarning, Finding, Release } from '../model.js'
import { parseBuild } from '../version.js'
import type { Layout } from './reader.js'

export interface CoverageInput {
  config: Config
  /** The layout and build source discovery resolved. */
  layout: Layout
  buildSource: string
  /** The file the build number comes from, if not the tag. */
  buildFile: string | undefined
  tags: { matching: number; onNoLine: number }
  unmatchedDirs: readonly string[]
  /** Migrations at each line head (a layout may find none in releases but some at the heads). */
  headMigrations: number
  /** The branches discovery took as lines. */
  lines: readonly string[]
}

const LAYOUT_FILES: Record<string, string> = {
  flyway: 'named V<version>__<name>.sql (or .java, .kt)',
  'golang-migrate': 'named <version>_<name>.up.sql',
  rails: 'named db/migrate/<timestamp>_<name>.rb',
  regex: 'whose name matches upgrade.migrations.pattern',
  manifest: 'listed in upgrade.migrations.manifest',
  delphix: 'with an upgrade decorator (@plugin.upgrade.<type>("<id>")) under srcDir',
}

const q = (s: string): string => JSON.stringify(s)

function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

/** The coverage warnings of a finished check, and its findings with repeats of one cause folded. */
export function applyCoverage(result: CheckResult, input: CoverageInput): CheckResult {
  const coverage: CoverageWarning[] = [...(result.coverage ?? [])]
  const released = result.releases.filter((r) => !r.candidate)
  const noReleases = noReleaseWarning(released.length, result, input)
  if (noReleases) coverage.push(noReleases)
  const noMigrations = noMigrationWarning(result.releases, input)
  if (noMigrations) coverage.push(noMigrations)
  const newest = input.config.lines.newest
  if (newest !== undefined && !input.lines.includes(newest))
    coverage.push({
      code: 'newest-missing',
      message:
        `lines.newest names ${q(newest)}, which is no branch of the repository, so no line is the newest ` +
        `(the default branch is a line only when lines.patterns names it): fix the name, or remove the key to use the default branch`,
    })
  if (input.unmatchedDirs.length > 0)
    coverage.push({
      code: 'dirs-unmatched',
      message:
        `upgrade.migrations.dirs ${input.unmatchedDirs.map(q).join(', ')} ${input.unmatchedDirs.length === 1 ? 'matches' : 'match'} ` +
        `no folder at any release or line head, so no migration there was read: an entry matches a folder at any depth ` +
        `(db/migration), from the root with a leading / , or as a glob (*/src/main/resources/db/migration)`,
    })
  const invalid = invalidBuilds(result.releases, input.config)
  let findings = result.findings.filter((f) => !repeatsUnreadBuild(f, result.releases))
  if (result.releases.length > 0 && invalid.size === result.releases.length) {
    coverage.push(buildsInvalidWarning(result.releases, invalid, input))
    findings = findings.filter((f) => !isInvalidBuildFinding(f, invalid))
  }
  if (coverage.length === 0 && findings.length === result.findings.length) return result
  return {
    ...result,
    findings,
    conclusion: findings.some(failing) ? 'failure' : 'success',
    coverage,
  }
}

/** An error that fails the check (a waived one does not). */
function failing(f: Finding): boolean {
  return f.severity === 'error' && !('waived' in f && f.waived)
}

function noReleaseWarning(
  released: number,
  result: CheckResult,
  input: CoverageInput,
): CoverageWarning | undefined {
  if (released > 0) return undefined
  const patterns = input.config.upgrade.tags.join(', ')
  const lines = result.lines.map((l) => l.branch)
  const why =
    input.tags.matching === 0
      ? `no tag matches upgrade.tags (${patterns})`
      : `${input.tags.onNoLine === 1 ? 'the one tag' : `all ${input.tags.onNoLine} tags`} matching upgrade.tags ${input.tags.onNoLine === 1 ? 'is' : 'are'} on no release line (${lines.length > 0 ? listed(lines) : 'none found'}; see the notes)`
  const fix =
    input.tags.matching === 0
      ? 'tag your releases, or set upgrade.tags to the names your tags use'
      : 'set lines.patterns to your release branches'
  const candidate = result.releases.length > 0 ? ': the candidate was compared with nothing' : ''
  return {
    code: 'no-releases',
    message: `no release found: ${why}, so no release was checked${candidate}; ${fix}`,
  }
}

function noMigrationWarning(
  releases: readonly Release[],
  input: CoverageInput,
): CoverageWarning | undefined {
  const configured = input.config.upgrade.migrations.layout
  if (configured === 'none') return undefined
  const dirs = input.config.upgrade.migrations.dirs
  const under = dirs.length > 0 ? ` under ${dirs.map(q).join(', ')}` : ''
  if (configured === 'auto' && input.layout === 'none')
    return {
      code: 'no-migrations',
      message:
        `no migrations found: automatic detection found no ${input.config.upgrade.plugin.config}, and no Flyway, ` +
        `golang-migrate or Rails migration files${under} at the head of the newest line, so only build numbers ` +
        `were checked; set upgrade.migrations.layout (and dirs) to where they are, or layout: none if there are none`,
    }
  // `auto` picks regex whenever a pattern is configured, found or not: that is a configured layout too.
  if (configured === 'auto' && input.layout !== 'regex') return undefined
  const count = releases.reduce((n, r) => n + r.migrations.length, 0) + input.headMigrations
  if (count > 0) return undefined
  const files = LAYOUT_FILES[input.layout] ?? 'for that layout'
  return {
    code: 'no-migrations',
    message:
      `upgrade.migrations.layout is ${input.layout}, but no release and no line head has a migration ${files}${under}, ` +
      `so no migration was checked; check upgrade.migrations.dirs and the layout`,
  }
}

/** Release name -> why its build is invalid for the scheme. */
function invalidBuilds(releases: readonly Release[], config: Config): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of releases) {
    const parsed = parseBuild(r.build, config.upgrade.scheme)
    if (!parsed.ok) out.set(r.name, parsed.reason)
  }
  return out
}

/** The rule's "build number is empty" for a build discovery could not read (discovery said why). */
function repeatsUnreadBuild(f: Finding, releases: readonly Release[]): boolean {
  if (f.rule !== 'build-format' || f.releases?.length !== 1) return false
  const name = f.releases[0]
  return releases.some((r) => r.name === name && r.buildUnread === true)
}

function isInvalidBuildFinding(f: Finding, invalid: ReadonlyMap<string, string>): boolean {
  if (f.rule !== 'build-format' || f.releases?.length !== 1) return false
  const reason = invalid.get(f.releases[0] as string)
  return reason !== undefined && f.message.endsWith(reason)
}

function buildsInvalidWarning(
  releases: readonly Release[],
  invalid: ReadonlyMap<string, string>,
  input: CoverageInput,
): CoverageWarning {
  const read = releases.filter((r) => !r.buildUnread)
  const source = input.buildFile ?? (input.buildSource === 'tag' ? 'the tags' : input.buildSource)
  const samples = listed(read.map((r) => `${q(r.build)} at ${r.name}`))
  const what =
    read.length === 0
      ? `no release has a build number fixline can read from ${source} (see the build-format finding)`
      : `no release has a valid build number: ${source} gives ${samples}`
  const hint = buildHint(read, invalid, input)
  return {
    code: 'builds-invalid',
    message: `${what}, so no upgrade between releases was checked${hint ? `; ${hint}` : ''}`,
  }
}

/** What to change when every build read is invalid. */
function buildHint(
  read: readonly Release[],
  invalid: ReadonlyMap<string, string>,
  input: CoverageInput,
): string {
  const scheme = input.config.upgrade.scheme
  const fromFile = input.buildSource !== 'tag'
  const tagHint = fromFile ? ', or set upgrade.build.source: tag to take builds from the tags' : ''
  if (read.length === 0)
    return fromFile ? `set upgrade.build.source: tag to take builds from the tags instead` : ''
  const bare = read.map((r) => r.build.replace(/^[vV](?=\d)/, ''))
  const vPrefix = read.some((r) => /^[vV]\d/.test(r.build))
  if (vPrefix && bare.every((b) => parseBuild(b, scheme).ok))
    return fromFile
      ? `write the bare build in ${input.buildFile ?? input.buildSource} (${bare[0]}, not ${read[0]?.build})${tagHint}`
      : 'drop the leading v'
  const other = scheme === 'dotted' ? 'semver' : 'dotted'
  if (bare.every((b) => parseBuild(b, other).ok))
    return `these are ${other} builds: set upgrade.scheme: ${other}`
  return `${invalid.get(read[0]?.name ?? '') ?? 'fix the build source (upgrade.build)'}${tagHint}`
}
