/**
 * JSON for machines (`--format json`): conclusion, verdict, counts (with a per-rule summary), what
 * was not checked (`coverage`), every finding (in the order the other formats show them), lines,
 * releases, upgrades. Nothing is cut here: this is the full list the text and Markdown point to.
 */
import type { CheckResult, CoverageWarning } from '../model.js'
import { counts, inActionOrder, ruleSummary, verdict, type RuleCount } from './shared.js'

export interface JsonReport {
  conclusion: 'success' | 'failure'
  /** PASS, FAIL, or INCOMPLETE: nothing failed, but `coverage` says what was not checked. */
  verdict: 'PASS' | 'FAIL' | 'INCOMPLETE'
  summary: {
    errors: number
    warnings: number
    releases: number
    upgrades: number
    allowed: number
    losesFixes: number
    /** Findings waived in config; errors and warnings count only the others. */
    waived: number
    /** Rules with findings, in the order to act on them. */
    byRule: RuleCount[]
  }
  /** What the check could not see (no release, no migration, a shallow clone...). */
  coverage: CoverageWarning[]
  findings: {
    rule: string
    severity: string
    message: string
    file?: string
    line?: number
    releases?: string[]
    /** fix-loss: every commit the finding is about, with how it was matched (absent: lost). */
    commits?: { sha: string; subject: string; evidence?: string; counterpart?: string }[]
    /** fix-loss: commits of the pair per kind of evidence (patch-id, cherry-pick, svn-merge...). */
    evidence?: Record<string, number>
    /** Present when upgrade.waivers waives the finding. */
    waived?: { reason: string; until?: string; key: string }
  }[]
  lines: { branch: string; default: boolean; tip: string }[]
  releases: {
    name: string
    line: string
    tag: string | null
    commit: string
    build: string
    candidate: boolean
    migrations: string[]
  }[]
  upgrades: {
    from: string
    to: string
    allowed: boolean
    reason: string
    losesFixes?: boolean
    /** Present when the declared compatibility logic (upgrade.compatibility) refuses the upgrade. */
    compatibility?: { reason: string; key: string }
  }[]
}

export function toJsonReport(result: CheckResult): JsonReport {
  const { errors, warnings, releases, upgrades, allowed, losesFixes, waived } = counts(result)
  return {
    conclusion: result.conclusion,
    verdict: verdict(result),
    summary: {
      errors,
      warnings,
      releases,
      upgrades,
      allowed,
      losesFixes,
      waived,
      byRule: ruleSummary(result.findings),
    },
    coverage: (result.coverage ?? []).map((c) => ({ code: c.code, message: c.message })),
    findings: inActionOrder(result.findings).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      ...(f.file === undefined ? {} : { file: f.file }),
      ...(f.line === undefined ? {} : { line: f.line }),
      ...(f.releases === undefined ? {} : { releases: f.releases }),
      ...(f.commits === undefined ? {} : { commits: f.commits.map((c) => ({ ...c })) }),
      ...(f.evidence === undefined ? {} : { evidence: { ...f.evidence } }),
      ...(f.waived === undefined ? {} : { waived: { ...f.waived } }),
    })),
    lines: result.lines.map((l) => ({ branch: l.branch, default: l.isDefault, tip: l.tip })),
    releases: result.releases.map((r) => ({
      name: r.name,
      line: r.line,
      tag: r.tag ?? null,
      commit: r.commit,
      build: r.build,
      candidate: r.candidate === true,
      migrations: r.migrations.map((m) => m.id),
    })),
    upgrades: result.upgrades.map((u) => ({
      from: u.from,
      to: u.to,
      allowed: u.allowed,
      reason: u.reason,
      ...(u.losesFixes ? { losesFixes: true } : {}),
      ...(u.compatibility ? { compatibility: { ...u.compatibility } } : {}),
    })),
  }
}

/** Indented for people up to this many upgrades; compact beyond (30 lines x 40 releases: 720k upgrades). */
const INDENT_LIMIT = 10_000

export function renderJson(result: CheckResult): string {
  const indent = result.upgrades.length <= INDENT_LIMIT ? 2 : undefined
  return `${JSON.stringify(toJsonReport(result), null, indent)}\n`
}
