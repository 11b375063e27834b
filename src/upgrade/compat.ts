/**
 * Declared compatibility logic (`upgrade.compatibility`, seed 004): besides the engine's own rule
 * (build higher, every migration kept), a plugin's compatibility-checking code can refuse upgrades,
 * e.g. 1.2 (which carries a fix) refusing 2.0 (which lacks it). A repository declares those refusals
 * in config; this module resolves them against the releases. Pure.
 *
 * - The upgrade matrix marks a refused upgrade blocked, with the declaration's reason (matrix.ts), so
 *   every rule that reads the matrix sees it: fix-loss and migration-order only judge allowed
 *   upgrades, fixLossPairs asks for the fixes of the upgrades that remain, and no-stranded-users
 *   reports a declaration that refuses a release's way to the newest release.
 * - A selector that names no release is a warning (rule `compatibility`): a typo refuses nothing.
 */
import type { CompatibilityDeclaration } from '../config/types.js'
import type { Finding } from './model.js'
import type { RuleContext } from './rules/context.js'
import { parseSelector, selectorList, selects, type Selector } from './selector.js'

export interface Refusal {
  reason: string
  /** Key path of the declaration, e.g. `upgrade.compatibility[0]`. */
  key: string
}

export interface Compatibility {
  /** False when nothing is declared: callers skip the per-pair test. */
  active: boolean
  /** The first declaration refusing the upgrade byBuild[i] -> byBuild[j], or undefined. */
  refusal(i: number, j: number): Refusal | undefined
}

const keyOf = (i: number): string => `upgrade.compatibility[${i}]`

function declarationsOf(ctx: RuleContext): readonly CompatibilityDeclaration[] {
  return ctx.options.compatibility ?? []
}

/** The valid selectors of a `from` or `to` value (invalid ones are reported by the rule, and ignored). */
function validSelectors(ctx: RuleContext, value: string | readonly string[]): Selector[] {
  const out: Selector[] = []
  for (const text of selectorList(value)) {
    const parsed = parseSelector(text, ctx.options.scheme)
    if (parsed.ok) out.push(parsed.selector)
  }
  return out
}

/** One flag per byBuild release: whether any of the selectors selects it. */
function mask(ctx: RuleContext, selectors: Selector[]): Uint8Array {
  const out = new Uint8Array(ctx.byBuild.length)
  ctx.byBuild.forEach((r, i) => {
    const release = { name: r.release.name, tag: r.release.tag, build: r.build }
    if (selectors.some((s) => selects(s, release, ctx.options.scheme))) out[i] = 1
  })
  return out
}

export function resolveCompatibility(ctx: RuleContext): Compatibility {
  const resolved = declarationsOf(ctx).map((d, i) => ({
    refusal: { reason: d.reason, key: keyOf(i) },
    from: mask(ctx, validSelectors(ctx, d.from)),
    to: mask(ctx, validSelectors(ctx, d.to)),
  }))
  return {
    active: resolved.length > 0,
    refusal(i, j) {
      for (const r of resolved) if (r.from[i] === 1 && r.to[j] === 1) return r.refusal
      return undefined
    },
  }
}

/** The matrix reason of a refused upgrade (the engine's own block, if any, appended by the caller). */
export function refusalReason(r: Refusal): string {
  return `refused by compatibility logic (${r.key}): ${r.reason}`
}

function selectorFinding(message: string): Finding {
  return { rule: 'compatibility', severity: 'warning', message }
}

/** Rule `compatibility`: selectors that are not valid, or that name no release, refuse nothing. */
export function compatibilityRule(ctx: RuleContext): Finding[] {
  const out: Finding[] = []
  const releases = ctx.releases.map((r) => ({
    name: r.release.name,
    tag: r.release.tag,
    build: r.build,
  }))
  declarationsOf(ctx).forEach((d, i) => {
    for (const side of ['from', 'to'] as const) {
      for (const text of selectorList(d[side])) {
        const parsed = parseSelector(text, ctx.options.scheme)
        const where = `${keyOf(i)}.${side} ${JSON.stringify(text)}`
        if (!parsed.ok) {
          out.push(
            selectorFinding(`${where} is not a release selector (${parsed.reason}): ignored`),
          )
          continue
        }
        if (!releases.some((r) => selects(parsed.selector, r, ctx.options.scheme)))
          out.push(
            selectorFinding(
              `${where} names no release (by name or build): it refuses nothing; check the spelling`,
            ),
          )
      }
    }
  })
  return out
}
