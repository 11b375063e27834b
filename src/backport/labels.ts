import { wholeName, type PatternMatch } from '../config/patterns.js'
/**
 * Label -> target branch rules (config.backport.labels) and the reverse (target -> label, for
 * `/backport 1.x` on an open PR). Pure: labels are outside input, so every result that names a
 * branch has passed the pure ref-name check; the job still validates it with git, checks it is a
 * release line and that it exists on the remote before anything is pushed.
 */
import type { LabelRule } from '../config/types.js'
import { isPlausibleRefName, printable } from '../git/refs.js'

export type LabelMapping =
  /** The label matched rule `rule` and names `branch` (a plausible ref name, not yet checked with git). */
  | { kind: 'target'; label: string; branch: string; rule: number }
  /** The label matched a rule but the branch it yields is unusable. */
  | { kind: 'invalid'; label: string; rule: number; message: string }
  /** No rule matches: not a backport label. */
  | { kind: 'none'; label: string }

type Part = { literal: string } | { group: string }

/** Splits a branch template into literals and `{name}` / `{1}` placeholders. `{{` and `}}` are literal braces. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = []
  let literal = ''
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string
    const next = template[i + 1]
    if ((ch === '{' && next === '{') || (ch === '}' && next === '}')) {
      literal += ch
      i++
    } else if (ch === '{') {
      const end = template.indexOf('}', i)
      const name = end < 0 ? '' : template.slice(i + 1, end)
      if (!/^(?:\d+|[A-Za-z_$][\w$]*)$/.test(name))
        throw new Error(`branch template "${template}" has a bad placeholder at position ${i + 1}`)
      if (literal) parts.push({ literal })
      literal = ''
      parts.push({ group: name })
      i = end
    } else {
      literal += ch
    }
  }
  if (literal) parts.push({ literal })
  return parts
}

/** Fills a template from a regex match; throws when a placeholder names a group the match lacks. */
export function renderBranchTemplate(template: string, match: PatternMatch): string {
  return parseTemplate(template)
    .map((part) => {
      if ('literal' in part) return part.literal
      const value = /^\d+$/.test(part.group)
        ? match[Number(part.group)]
        : match.groups?.[part.group]
      if (value === undefined) throw new Error(`the pattern does not capture {${part.group}}`)
      return value
    })
    .join('')
}

/** Maps one label through the rules, first matching rule wins. */
export function mapLabel(label: string, rules: readonly LabelRule[]): LabelMapping {
  for (const [index, rule] of rules.entries()) {
    const match = wholeName(rule.pattern)?.exec(label)
    if (!match) continue
    let branch: string
    try {
      branch = renderBranchTemplate(rule.branch, match)
    } catch (error) {
      return {
        kind: 'invalid',
        label,
        rule: index,
        message: `label ${printable(label)}: backport.labels[${index}]: ${(error as Error).message}`,
      }
    }
    if (!isBranchName(branch))
      return {
        kind: 'invalid',
        label,
        rule: index,
        message: `label ${printable(label)}: "${printable(branch)}" is not a valid branch name`,
      }
    return { kind: 'target', label, branch, rule: index }
  }
  return { kind: 'none', label }
}

/**
 * The pure ref-name check plus git's per-component rules (no component starting with a dot or
 * ending in `.lock`, no empty component, not `@`), so that what passes here also passes
 * `git check-ref-format --branch`, which the job runs as well.
 */
export function isBranchName(name: string): boolean {
  if (!isPlausibleRefName(name) || name === '@') return false
  return name
    .split('/')
    .every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'))
}

/**
 * A label that the rules map to `target` (for `/backport <target>` on an open PR), or undefined
 * when no rule can produce one. Every candidate is checked by mapping it forward.
 */
export function labelForTarget(target: string, rules: readonly LabelRule[]): string | undefined {
  for (const [index, rule] of rules.entries()) {
    for (const candidate of candidatesFor(target, rule)) {
      const mapped = mapLabel(candidate, rules)
      if (mapped.kind === 'target' && mapped.rule === index && mapped.branch === target)
        return candidate
    }
  }
  return undefined
}

function candidatesFor(target: string, rule: LabelRule): string[] {
  const out: string[] = []
  for (const values of solveTemplate(rule.branch, target)) {
    const example = exampleForPattern(rule.pattern, values)
    if (example !== undefined) out.push(example)
  }
  out.push(`backport-${target}`, `backport ${target}`, target)
  return [...new Set(out)]
}

/** Longest target solveTemplate tries, and its step budget: a `/backport` comment is outside input. */
const SOLVE_MAX_TARGET = 1024
const SOLVE_MAX_STEPS = 10_000

/**
 * The group values that make `template` render to `target`: the first solution with the shortest
 * groups first, or none. A depth-first search over the template's parts with a step budget, so a
 * long or crafted target costs a bounded time (a RegExp with backreferences and lazy groups, as
 * this once was, backtracks without bound). A repeated placeholder must take the same value.
 */
export function solveTemplate(template: string, target: string): Array<Record<string, string>> {
  let parts: Part[]
  try {
    parts = parseTemplate(template)
  } catch {
    return []
  }
  if (target.length > SOLVE_MAX_TARGET) return []
  const values = new Map<string, string>()
  let steps = 0
  const solve = (index: number, pos: number): boolean => {
    if (++steps > SOLVE_MAX_STEPS) return false
    const part = parts[index]
    if (part === undefined) return pos === target.length
    if ('literal' in part)
      return target.startsWith(part.literal, pos) && solve(index + 1, pos + part.literal.length)
    const known = values.get(part.group)
    if (known !== undefined)
      return target.startsWith(known, pos) && solve(index + 1, pos + known.length)
    // A new placeholder: one character or more, shortest first.
    for (let end = pos + 1; end <= target.length; end++) {
      values.set(part.group, target.slice(pos, end))
      if (solve(index + 1, end)) return true
      if (steps > SOLVE_MAX_STEPS) break
    }
    values.delete(part.group)
    return false
  }
  return solve(0, 0) ? [Object.fromEntries(values)] : []
}

/**
 * A string the pattern would match with the given group values, generated from the pattern's
 * source for the common shapes (anchors, literals, escapes, classes, groups, alternation,
 * quantifiers). Undefined for shapes it does not know; callers verify the result anyway.
 */
export function exampleForPattern(
  pattern: string,
  values: Record<string, string>,
): string | undefined {
  const state = { src: pattern, pos: 0, group: 0 }
  try {
    const text = generateSequence(state, values)
    return state.pos === pattern.length ? text : undefined
  } catch {
    return undefined
  }
}

interface GenState {
  src: string
  pos: number
  group: number
}

function generateSequence(s: GenState, values: Record<string, string>): string {
  let out = ''
  let chosen = false
  while (s.pos < s.src.length) {
    const ch = s.src[s.pos] as string
    if (ch === ')') break
    if (ch === '|') {
      // First alternative wins: skip the rest of this sequence.
      chosen = true
      s.pos++
      skipAlternative(s)
      continue
    }
    if (chosen) break
    let atom = generateAtom(s, values)
    const q = s.src[s.pos]
    if (q === '?' || q === '*') {
      s.pos++
      atom = ''
    } else if (q === '+') {
      s.pos++
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.src.slice(s.pos))
      if (!m) throw new Error('quantifier')
      s.pos += m[0].length
      atom = atom.repeat(Number(m[1]))
    }
    if (s.src[s.pos] === '?') s.pos++ // lazy quantifier
    out += atom
  }
  return out
}

function skipAlternative(s: GenState): void {
  let depth = 0
  while (s.pos < s.src.length) {
    const ch = s.src[s.pos]
    if (ch === '\\') s.pos += 2
    else if (ch === '[') skipClass(s)
    else {
      if (ch === '(') {
        depth++
        if (
          (s.src.startsWith('(?<', s.pos) || s.src.startsWith('(?P<', s.pos)) &&
          !s.src.startsWith('(?<=', s.pos) &&
          !s.src.startsWith('(?<!', s.pos)
        )
          s.group++
        else if (!s.src.startsWith('(?', s.pos)) s.group++
      } else if (ch === ')') {
        if (depth === 0) return
        depth--
      }
      s.pos++
    }
  }
}

function skipClass(s: GenState): string {
  const start = s.pos
  s.pos++
  if (s.src[s.pos] === '^') throw new Error('negated class')
  let first: string | undefined
  while (s.pos < s.src.length && s.src[s.pos] !== ']') {
    let ch = s.src[s.pos] as string
    if (ch === '\\') {
      ch = unescapeChar(s.src[s.pos + 1] ?? '')
      s.pos++
    }
    first ??= ch
    s.pos++
  }
  if (s.src[s.pos] !== ']' || first === undefined || start === s.pos) throw new Error('class')
  s.pos++
  return first
}

function generateAtom(s: GenState, values: Record<string, string>): string {
  const ch = s.src[s.pos] as string
  if (ch === '^' || ch === '$') {
    s.pos++
    return ''
  }
  if (ch === '\\') {
    const next = s.src[s.pos + 1] ?? ''
    s.pos += 2
    if (/[bB]/.test(next)) return ''
    return unescapeChar(next)
  }
  if (ch === '[') return skipClass(s)
  if (ch === '(') return generateGroup(s, values)
  if (ch === '.') {
    s.pos++
    return 'x'
  }
  s.pos++
  return ch
}

function generateGroup(s: GenState, values: Record<string, string>): string {
  const rest = s.src.slice(s.pos)
  let name: string | undefined
  if (rest.startsWith('(?:')) s.pos += 3
  else if (/^\(\?[=!]|^\(\?<[=!]/.test(rest)) throw new Error('lookaround')
  else if (rest.startsWith('(?<') || rest.startsWith('(?P<')) {
    // `(?P<name>...)` is RE2's spelling of a named group.
    const m = /^\(\?P?<([A-Za-z_$][\w$]*)>/.exec(rest)
    if (!m?.[1]) throw new Error('group name')
    name = m[1]
    s.pos += m[0].length
    s.group++
  } else {
    s.pos++
    s.group++
  }
  const number = String(s.group)
  const capturing = name !== undefined || !rest.startsWith('(?')
  const inner = generateSequence(s, values)
  if (s.src[s.pos] !== ')') throw new Error('unclosed group')
  s.pos++
  if (!capturing) return inner
  return (name !== undefined ? values[name] : undefined) ?? values[number] ?? inner
}

function unescapeChar(ch: string): string {
  if (ch === 'd') return '0'
  if (ch === 'w') return 'x'
  if (ch === 's') return ' '
  if (ch === 'S' || ch === 'D' || ch === 'W') return 'x'
  if (ch === 'n' || ch === 't' || ch === 'r') throw new Error('control')
  return ch
}
