/**
 * What a conflict means, for people: each conflicting file with its kind and the advice for it,
 * and the prerequisite hint (earlier commits of the source line the target lacks). One plain-text
 * renderer (the CLI, logs), the Markdown for the backport PR's body, and the short text of the
 * results row. Pure; Markdown goes through markdown/escape.ts and markdown/bound.ts.
 */
import { boundList } from '../markdown/bound.js'
import { codeSpan, inline } from '../markdown/escape.js'
import { KIND_LABEL, kindAdvice } from './conflict-kinds.js'
import type { ConflictOutcome, Prerequisite, PrerequisiteBackport } from './types.js'

/** Conflicting files listed in a PR body. */
const BODY_FILES = 100

type Hinted = Pick<ConflictOutcome, 'conflicts' | 'prerequisites' | 'markersCommitted'>

const short = (sha: string): string => sha.slice(0, 12)

/** How a prerequisite's backport to the target stands, in words. */
export function backportState(b: PrerequisiteBackport, target: string): string {
  switch (b.state) {
    case 'open':
      return `backport to ${target} open (#${b.number})`
    case 'merged':
      return `backport to ${target} merged (#${b.number})`
    case 'closed':
      return `backport to ${target} missing (#${b.number} was closed unmerged)`
    case 'missing':
      return `backport to ${target} missing`
    case 'unknown':
      return `backport to ${target} not known`
  }
}

function prText(p: Prerequisite): string {
  if (!p.pr) return 'no PR known'
  return `PR #${p.pr.number}${p.pr.url ? ` ${p.pr.url}` : ''}`
}

/**
 * The conflict explained as plain text, one item a line (for the CLI and logs): the conflicting
 * files with their kind and advice, then the prerequisite hint. No Markdown; outside text is
 * printed as is (the caller's terminal, not a web page).
 */
export function renderConflictHint(outcome: Hinted, target: string, source?: string): string {
  const lines = ['Conflicting files:']
  for (const f of outcome.conflicts)
    lines.push(
      `  ${f.path}: ${KIND_LABEL[f.kind]}: ${kindAdvice(f.kind, outcome.markersCommitted)}`,
    )
  lines.push(...prerequisiteText(outcome.prerequisites, target, source))
  return lines.join('\n')
}

function prerequisiteText(
  hint: ConflictOutcome['prerequisites'],
  target: string,
  source = 'the source line',
): string[] {
  if (hint.unavailable !== undefined)
    return [`Earlier commits the target may lack: could not be worked out (${hint.unavailable})`]
  if (hint.commits.length === 0)
    return [
      `No earlier commit of ${source} that touched these files is missing on ${target}: the conflict comes from changes made on ${target} itself.`,
    ]
  const lines = [
    `Earlier commits of ${source} that touched these files and are not on ${target} (newest first; backport them first or port their changes by hand):`,
  ]
  for (const p of hint.commits)
    lines.push(
      `  ${short(p.sha)} ${p.subject} (${prText(p)}; ${backportState(p.backport, target)}; ${p.files.join(', ')})`,
    )
  if (hint.more > 0) lines.push(`  … and ${hint.more} more`)
  return lines
}

/** The PR body's Markdown: conflicting files with kinds and advice, then the prerequisite hint. */
export function conflictBodyLines(outcome: Hinted, target: string, source: string): string[] {
  const files = boundList(outcome.conflicts, BODY_FILES, ' files')
  const lines = [
    'Conflicting files:',
    ...files.shown.map(
      (f) =>
        `- ${codeSpan(f.path)}: **${KIND_LABEL[f.kind]}**: ${inline(kindAdvice(f.kind, outcome.markersCommitted))}`,
    ),
  ]
  if (files.more) lines.push(`- ${files.more}`)
  lines.push('', ...prerequisiteMarkdown(outcome.prerequisites, target, source))
  return lines
}

function prerequisiteMarkdown(
  hint: ConflictOutcome['prerequisites'],
  target: string,
  source: string,
): string[] {
  if (hint.unavailable !== undefined)
    return [
      `Earlier commits ${codeSpan(target)} may lack: could not be worked out (${inline(hint.unavailable, 300)}).`,
    ]
  if (hint.commits.length === 0)
    return [
      `No earlier commit of ${codeSpan(source)} that touched these files is missing on ${codeSpan(target)}.`,
    ]
  const lines = [
    `**Earlier changes ${codeSpan(target)} lacks.** These commits of ${codeSpan(source)} touched the conflicting files and have no equivalent on ${codeSpan(target)} (newest first); backporting them first often makes this pick clean:`,
    '',
  ]
  for (const p of hint.commits) {
    const pr = p.pr
      ? p.pr.url
        ? `[#${p.pr.number}](${p.pr.url}) ${inline(p.pr.title, 200)}`
        : `#${p.pr.number} ${inline(p.pr.title, 200)}`
      : inline(p.subject, 200)
    lines.push(
      `- ${short(p.sha)} ${pr}: ${inline(backportState(p.backport, target))} (${p.files.map((f) => codeSpan(f, 200)).join(', ')})`,
    )
  }
  if (hint.more > 0) lines.push(`- … and ${hint.more} more`)
  return lines
}

/** The short text for a results row: the files with their kinds, and the prerequisites by PR. */
export function conflictRowText(outcome: Hinted, target: string): string {
  const files = outcome.conflicts.map((f) => `${f.path} (${KIND_LABEL[f.kind]})`).join(', ')
  const hint = outcome.prerequisites
  if (hint.commits.length === 0) return files
  const names = hint.commits.map((p) => {
    const name = p.pr ? `#${p.pr.number}` : short(p.sha)
    const state = p.backport.state === 'unknown' ? '' : ` (backport ${p.backport.state})`
    return `${name}${state}`
  })
  const more = hint.more > 0 ? ` and ${hint.more} more` : ''
  return `${files}; it may need earlier changes ${target} lacks: ${names.join(', ')}${more}`
}
