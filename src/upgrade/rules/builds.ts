/**
 * Build-number rules: build-format, build-unique, build-monotonic, line-range.
 * Releases with an invalid build are reported by build-format only and skipped by the others.
 * A build read from an unquoted YAML number (buildNotString) is an error, but when its text parses it
 * still takes part in the other rules and the matrix (it is what the author meant).
 */
import type { Finding, Release, YamlNotString } from '../model.js'
import { at, where, type LineInfo, type ReleaseInfo, type RuleContext } from './context.js'
import { highestBefore } from './previous.js'

const q = (s: string): string => JSON.stringify(s)

const YAML_TYPE: Record<YamlNotString['type'], string> = {
  number: 'a YAML number',
  null: 'YAML null (no value)',
  boolean: 'a YAML boolean',
  binary: 'YAML binary data',
  timestamp: 'a YAML timestamp',
  other: 'a YAML value that is not a string',
}

/** What YAML made of the build number, and how to write it instead. */
function notStringReason(rel: Release): string {
  const yaml = rel.buildYaml ?? { type: 'number' }
  const what = YAML_TYPE[yaml.type]
  if (yaml.tag)
    return `${q(rel.build)} tagged ${yaml.tag} is ${what}: drop the tag and quote the build number`
  if (yaml.type === 'number')
    return `an unquoted ${rel.build} is ${what} (1.10 would read as 1.1): quote it, buildNumber: ${q(rel.build)}`
  const written = rel.build ? `an unquoted ${rel.build}` : 'an empty value'
  return `${written} is ${what}, not a build number: write it as a quoted string, e.g. buildNumber: "1.0.0"`
}

export function buildFormat(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  for (const r of ctx.releases) {
    const rel = r.release
    if (rel.buildNotString) {
      out.push({
        rule: 'build-format',
        severity: 'error',
        message: `build number of ${rel.name} in ${where(rel.buildLocation)} is not a string: ${notStringReason(rel)}`,
        ...at(rel.buildLocation),
        releases: [rel.name],
      })
    }
    if (r.buildError !== undefined) {
      out.push({
        rule: 'build-format',
        severity: 'error',
        message: `${rel.name} (${where(rel.buildLocation)}): ${r.buildError}`,
        ...at(rel.buildLocation),
        releases: [rel.name],
      })
    }
  }
  return out
}

export function buildUnique(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  const rs = ctx.byBuild
  for (let i = 0; i < rs.length;) {
    let j = i + 1
    while (j < rs.length && ctx.compareBuild(rs[j] as ReleaseInfo, rs[i] as ReleaseInfo) === 0) j++
    // tags on one commit with one build are one build tagged twice
    if (new Set(rs.slice(i, j).map((r) => r.release.commit)).size > 1) {
      const group = rs.slice(i, j).sort((a, b) => a.modelIndex - b.modelIndex)
      const second = group[1] as ReleaseInfo
      const names = group.map(
        (r) =>
          `${r.release.name} (${r.line.line.branch}, build ${q(r.release.build)}, ${where(r.release.buildLocation)})`,
      )
      out.push({
        rule: 'build-unique',
        severity: 'error',
        message: `releases ${names.join(', ')} share build number ${(group[0] as ReleaseInfo).build}: every release needs its own build number`,
        ...at(second.release.buildLocation),
        releases: group.map((r) => r.release.name),
      })
    }
    i = j
  }
  return out
}

/**
 * Builds strictly increase along each line: every release's build is above the highest build among
 * its ancestor releases on the line (through `previous`, previous.ts). Two tags on one commit with
 * one build are one build tagged twice, not a regression.
 */
export function buildMonotonic(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  const memo = new Map<ReleaseInfo, ReleaseInfo | undefined>()
  for (const line of ctx.lines) {
    for (const r of line.releases) {
      const prev = highestBefore(r, ctx.compareBuild, memo)
      if (r.build === undefined || !prev || ctx.compareBuild(r, prev) > 0) continue
      const same = ctx.compareBuild(r, prev) === 0
      if (same && r.release.commit === prev.release.commit) continue
      out.push({
        rule: 'build-monotonic',
        severity: 'error',
        message:
          `${r.release.name} on ${line.line.branch} has build ${r.release.build}, ${same ? 'equal to' : 'below'} build ` +
          `${prev.release.build} of the previous release ${prev.release.name} (${where(r.release.buildLocation)}): ` +
          `builds must strictly increase along a line`,
        ...at(r.release.buildLocation),
        releases: [prev.release.name, r.release.name],
      })
    }
  }
  return out
}

function lowest(line: LineInfo): ReleaseInfo | undefined {
  let best: ReleaseInfo | undefined
  for (const r of line.releases)
    if (r.build !== undefined && (!best || r.buildPos < best.buildPos)) best = r
  return best
}

/** Every build of an older line stays below the first (lowest) build of the next newer line with releases. */
export function lineRange(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  const withReleases = ctx.lines.filter((l) => lowest(l) !== undefined)
  for (let i = 0; i + 1 < withReleases.length; i++) {
    const older = withReleases[i] as LineInfo
    const newer = withReleases[i + 1] as LineInfo
    const first = lowest(newer) as ReleaseInfo
    for (const r of older.releases) {
      if (r.build === undefined || ctx.compareBuild(r, first) < 0) continue
      out.push({
        rule: 'line-range',
        severity: 'error',
        message:
          `${r.release.name} on ${older.line.branch} has build ${r.release.build}, not below ${first.release.build} ` +
          `(${first.release.name}), the first build of the newer line ${newer.line.branch} (${where(r.release.buildLocation)}): ` +
          `builds of an older line must stay below the next line's first build`,
        ...at(r.release.buildLocation),
        releases: [r.release.name, first.release.name],
      })
    }
  }
  return out
}
