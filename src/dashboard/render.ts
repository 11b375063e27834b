/**
 * The body of the "Release lines dashboard" issue. Pure. Every box is rendered unticked (a tick is
 * an edit fixline acts on, then renders again); outside text (titles, subjects, branch names,
 * authors) is escaped; every list is cut at `maxItems` with "and N more" (the job summary has the
 * whole list); the body as a whole fits GitHub's limit. No timestamp of the run: the body changes
 * only when what it shows changes, so an unchanged dashboard is never edited.
 */
import type { MissingFix, UnlandedBackport, WaitingDraft } from '../audit/types.js'
import { boundList, COMMENT_LIMIT, fitBody } from '../markdown/bound.js'
import { codeSpan, fenced, inline, isSafeLink, mermaidLabel } from '../markdown/escape.js'
import { DASHBOARD_MARKER } from '../route.js'
import { itemKey, itemMarker } from './items.js'

export { DASHBOARD_MARKER }
import type { DashboardView, HotfixView, LineItems, LineSafety } from './view.js'
import { itemsByLine } from './view.js'

export interface RenderOptions {
  /** Most items shown per list (`dashboard.maxItems`). */
  maxItems: number
}

const MORE = ' (the job summary of the latest fixline run lists them all)'

/**
 * Most checkboxes on the whole dashboard. Each carries a hidden id (about 80 characters) that
 * `fitBody` never cuts, so the boxes of many lines together are bounded too: each list with boxes
 * gets an equal share (at least one item), whatever `maxItems` says.
 */
export const MAX_BOXES = 300

export function renderDashboard(view: DashboardView, options: RenderOptions): string {
  const lines = itemsByLine(view.audit)
  const out: string[] = [
    DASHBOARD_MARKER,
    'fixline keeps this issue up to date: for every release line, newest first, the fixes it lacks and what waits for a maintainer.',
    'Tick a box to act (write permission needed): **open** opens the forward-port PR (or the backport PR), **not needed** records that the fix is not needed on that line; the box then gives way to the PR’s link or the decision.',
    '',
  ]
  out.push(...warningsPart(view))
  out.push(...graphPart(lines), '')
  out.push(...awaitingPart(view, options.maxItems))
  const lists = lines.reduce(
    (n, l) => n + (l.missing.length > 0 ? 2 : 0) + (l.unlanded.length > 0 ? 1 : 0),
    0,
  )
  const boxMax = Math.min(options.maxItems, Math.max(1, Math.floor(MAX_BOXES / Math.max(1, lists))))
  for (const items of lines) out.push(...linePart(view, items, options.maxItems, boxMax))
  return fitBody(
    `${out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
    COMMENT_LIMIT,
  )
}

function warningsPart(view: DashboardView): string[] {
  const all = [...view.audit.warnings, ...view.warnings]
  if (all.length === 0) return []
  const { shown, more } = boundList(all, 10, MORE)
  return [
    '> [!WARNING]',
    '> Not everything could be checked:',
    ...shown.map((w) => `> - ${inline(w, 300)}`),
    ...(more ? [`> - ${more}`] : []),
    '',
  ]
}

/** A Mermaid graph of the lines, oldest to newest, each with its counts. */
export function graphPart(lines: readonly LineItems[]): string[] {
  if (lines.length === 0) return ['_No release line found._']
  const oldestFirst = [...lines].reverse()
  const nodes = oldestFirst.map((l, i) => {
    const counts = [
      `${l.missing.length} missing`,
      ...(l.unlanded.length > 0 ? [`${l.unlanded.length} unlanded`] : []),
      ...(l.drafts.length > 0 ? [`${l.drafts.length} drafts`] : []),
    ]
    return `  l${i}["${mermaidLabel(l.line)}<br/>${counts.join(', ')}"]`
  })
  const edges = oldestFirst.slice(1).map((_l, i) => `  l${i} --> l${i + 1}`)
  return [fenced(['graph LR', ...nodes, ...edges].join('\n'), 'mermaid')]
}

function awaitingPart(view: DashboardView, max: number): string[] {
  if (view.awaiting === undefined || view.awaiting.length === 0) return []
  const { shown, more } = boundList(view.awaiting, max, MORE)
  return [
    `## Backport requests awaiting approval (${view.awaiting.length})`,
    '',
    ...shown.map((r) => `- #${r.number} ${inline(r.title, 200)}`),
    ...(more ? [`- ${more}`] : []),
    '',
  ]
}

function linePart(view: DashboardView, items: LineItems, max: number, boxMax: number): string[] {
  const newest = items.rank === 0 ? ' (newest)' : ''
  const out = [`## ${codeSpan(items.line)}${newest}`, '']
  out.push(
    safetyLine(
      view.safety?.find((s) => s.line === items.line),
      view.safety !== undefined,
    ),
  )
  out.push(...hotfixPart(view, items.line))
  out.push(...missingPart(view, items, boxMax))
  out.push(...decidedPart(items, max))
  out.push(...unlandedPart(view, items.line, items.unlanded, boxMax))
  out.push(...draftsPart(items.drafts, max))
  if (
    items.missing.length + items.decided.length + items.unlanded.length + items.drafts.length ===
    0
  )
    out.push('', 'Nothing missing, nothing waiting.')
  out.push('')
  return out
}

function safetyLine(safety: LineSafety | undefined, checked: boolean): string {
  if (!checked) return 'Upgrade safety: not checked in this run.'
  if (!safety || safety.release === undefined || safety.conclusion === 'none')
    return 'Upgrade safety: no release on this line yet.'
  const verdict = safety.conclusion === 'success' ? '✅ passes' : '❌ fails'
  return `Upgrade safety of its newest release ${codeSpan(safety.release)}: ${verdict}.`
}

function hotfixPart(view: DashboardView, line: string): string[] {
  if (view.hotfixes === undefined || line !== view.defaultBranch) return []
  const hotfixes = view.hotfixes.filter((h) => h.open || h.ownCommits > 0)
  if (hotfixes.length === 0) return []
  return ['', '**Hotfixes**', '', ...hotfixes.map((h) => `- ${hotfixLine(h, line)}`)]
}

function hotfixLine(h: HotfixView, line: string): string {
  if (!h.open) return `${codeSpan(h.branch)}: merged back into ${codeSpan(line)}`
  if (h.ownCommits === 0) return `${codeSpan(h.branch)}: open, no commit yet`
  return `${codeSpan(h.branch)}: open, ${h.missingFromMain} of ${h.ownCommits} commit(s) not merged back into ${codeSpan(line)}`
}

function missingPart(view: DashboardView, items: LineItems, max: number): string[] {
  if (items.missing.length === 0) return []
  const { shown, more } = boundList(items.missing, max, MORE)
  return [
    '',
    `**Fixes missing here (${items.missing.length})**`,
    '',
    ...shown.flatMap((f) => missingItem(view, f, items.line)),
    ...(more ? [`- ${more}`] : []),
  ]
}

/** A fix missing on `line`: its "open" box (or its PR's link) and its "not needed" box. */
function missingItem(view: DashboardView, f: MissingFix, line: string): string[] {
  const what = fixText(f)
  const port = f.openPorts?.find((p) => p.line === line)
  const opened =
    view.opened.get(itemKey({ kind: 'port', sha: f.sha, line })) ??
    (port ? { number: port.pr, url: port.url ?? '' } : undefined)
  const first = opened
    ? `- ${prLink(opened.number, opened.url)} opened for ${what}`
    : f.pr
      ? `- [ ] ${itemMarker({ kind: 'port', sha: f.sha, line })} **open** the forward-port of ${what}`
      : `- ${what}: no PR found, forward-port it by hand (\`fixline backport ${f.sha.slice(0, 12)} --to\` ${codeSpan(line)})`
  return [
    first,
    `  - [ ] ${itemMarker({ kind: 'skip', sha: f.sha, line })} **not needed** on ${codeSpan(line)}`,
  ]
}

function fixText(f: MissingFix): string {
  const pr = f.pr ? ` (#${f.pr.number})` : ''
  const subject = inline(f.subject.replace(/\s*\(#\d+\)\s*$/, ''), 120)
  return `${codeSpan(f.sha.slice(0, 7))} ${subject}${pr} from ${codeSpan(f.line)}, by ${inline(f.author, 60)}, ${inline(f.date.slice(0, 10))}`
}

function decidedPart(items: LineItems, max: number): string[] {
  if (items.decided.length === 0) return []
  const { shown, more } = boundList(items.decided, max, MORE)
  return [
    '',
    `**Not needed here (${items.decided.length})**`,
    '',
    ...shown.map((f) => {
      const d = f.decided.find((x) => x.line === items.line)
      const by = d?.by ? ` by ${inline(d.by, 60)}` : ''
      return `- ${fixText(f)}: decided${by} (${d?.how ?? 'dashboard'})`
    }),
    ...(more ? [`- ${more}`] : []),
  ]
}

function unlandedPart(
  view: DashboardView,
  line: string,
  unlanded: readonly UnlandedBackport[],
  max: number,
): string[] {
  if (unlanded.length === 0) return []
  const { shown, more } = boundList(unlanded, max, MORE)
  return [
    '',
    `**Backports asked for and never landed (${unlanded.length})**`,
    '',
    ...shown.map((u) => {
      const what = `#${u.pr} ${inline(u.title, 120)} (label ${codeSpan(u.label)})`
      const opened = view.opened.get(itemKey({ kind: 'backport', pr: u.pr, line }))
      return opened
        ? `- ${prLink(opened.number, opened.url)} opened for ${what}`
        : `- [ ] ${itemMarker({ kind: 'backport', pr: u.pr, line })} **open** the backport of ${what}`
    }),
    ...(more ? [`- ${more}`] : []),
  ]
}

function draftsPart(drafts: readonly WaitingDraft[], max: number): string[] {
  if (drafts.length === 0) return []
  const { shown, more } = boundList(drafts, max, MORE)
  return [
    '',
    `**Conflict drafts waiting (${drafts.length})**`,
    '',
    ...shown.map(
      (d) =>
        `- #${d.pr} ${inline(d.title, 120)}: waiting ${d.ageDays} day${d.ageDays === 1 ? '' : 's'}`,
    ),
    ...(more ? [`- ${more}`] : []),
  ]
}

function prLink(number: number, url: string): string {
  return isSafeLink(url) ? `[PR #${number}](${url})` : `PR #${number}`
}
