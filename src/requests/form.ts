import type { BackportRequest, FormResult, Priority, Severity } from './types.js'

/**
 * Reads the rendered body of a backport-request issue (`### <label>\n\n<value>` sections, as GitHub
 * renders issue forms). Pure; never throws. Robust to edits: sections in any order, headings in any
 * case, CRLF, text before the first heading, unknown sections (ignored, or kept as part of the
 * free-text field above them), `_No response_`.
 */

export type FieldKey =
  | 'source'
  | 'commits'
  | 'targets'
  | 'severity'
  | 'priority'
  | 'security'
  | 'dataLoss'
  | 'customerImpact'
  | 'justification'

/** The headings of the issue form, exactly as the form's labels (see backport-request.yml). */
export const FORM_HEADINGS: Readonly<Record<FieldKey, string>> = {
  source: 'Source pull request',
  commits: 'Commits',
  targets: 'Target release lines',
  severity: 'Severity',
  priority: 'Priority',
  security: 'Security fix',
  dataLoss: 'Data-loss risk',
  customerImpact: 'Customer impact',
  justification: 'Justification',
}

const ALIASES: Readonly<Record<string, FieldKey>> = {
  'source pull request': 'source',
  'source pr': 'source',
  'pull request': 'source',
  commits: 'commits',
  'target release lines': 'targets',
  'target lines': 'targets',
  targets: 'targets',
  severity: 'severity',
  priority: 'priority',
  'security fix': 'security',
  security: 'security',
  'data loss risk': 'dataLoss',
  'data loss': 'dataLoss',
  'customer impact': 'customerImpact',
  justification: 'justification',
}

const FREE_TEXT: ReadonlySet<FieldKey> = new Set(['customerImpact', 'justification'])
const NO_RESPONSE = '_No response_'
const MAX_BODY = 65_536

export interface RepoRef {
  owner: string
  repo: string
}

/** The sections of a rendered form body, by field; unknown headings are folded or dropped. */
export function formSections(body: string): Partial<Record<FieldKey, string>> {
  const lines = body.slice(0, MAX_BODY).replace(/\r\n?/g, '\n').split('\n')
  const sections: Partial<Record<FieldKey, string[]>> = {}
  let current: FieldKey | undefined
  let fence: string | undefined
  for (const line of lines) {
    const fenceMark = /^\s*(```+|~~~+)/.exec(line)?.[1]
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence)))
      fence = fence === undefined ? fenceMark : undefined
    const heading =
      fence === undefined && !fenceMark ? /^ {0,3}###\s+(.*?)\s*#*\s*$/.exec(line)?.[1] : undefined
    if (heading !== undefined) {
      const key = ALIASES[normalizeHeading(heading)]
      if (key && sections[key] === undefined) {
        current = key
        sections[key] = []
        continue
      }
      // An unknown (or repeated) heading: text typed into a free-text field stays with it; otherwise dropped.
      if (!(current && FREE_TEXT.has(current))) {
        current = undefined
        continue
      }
    }
    if (current) sections[current]?.push(line)
  }
  const out: Partial<Record<FieldKey, string>> = {}
  for (const [key, value] of Object.entries(sections) as [FieldKey, string[]][]) {
    const text = value.join('\n').trim()
    out[key] = text === NO_RESPONSE ? '' : text
  }
  return out
}

/** True when a body looks like the request form (at least the source and the targets headings). */
export function looksLikeRequestForm(body: string): boolean {
  const s = formSections(body)
  return s.targets !== undefined && (s.source !== undefined || s.commits !== undefined)
}

export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\(optional\)|\(required\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function parseRequestForm(body: string, repo?: RepoRef): FormResult {
  const s = formSections(body)
  const problems: string[] = []
  const pr = parsePrReference(s.source ?? '', repo, problems)
  const commits = parseCommits(s.commits ?? '', problems)
  if (pr === undefined && commits.length === 0 && !problems.length)
    problems.push(
      `"${FORM_HEADINGS.source}": give the merged pull request (#123 or its URL) or its commits`,
    )
  const targets = parseTargets(s.targets ?? '', problems)
  const severity = parseLevel(s.severity, 'S', 'severity', problems) as Severity
  const priority = parseLevel(s.priority, 'P', 'priority', problems) as Priority
  const security = parseYesNo(s.security, 'security', problems)
  const dataLoss = parseYesNo(s.dataLoss, 'dataLoss', problems)
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    request: {
      pr,
      commits,
      targets,
      severity,
      priority,
      security,
      dataLoss,
      customerImpact: s.customerImpact ?? '',
      justification: s.justification ?? '',
    },
  }
}

/** `#123`, `123`, `owner/repo#123`, `https://github.com/owner/repo/pull/123[/files...]`. */
export function parsePrReference(
  text: string,
  repo: RepoRef | undefined,
  problems: string[],
): number | undefined {
  const value = stripFences(text).trim().replace(/^`|`$/g, '')
  if (value === '') return undefined
  const label = `"${FORM_HEADINGS.source}"`
  let match = /^(?:#|GH-)?(\d{1,9})$/i.exec(value)
  if (match?.[1]) return positive(match[1], label, problems)
  match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d{1,9})$/.exec(value)
  match ??=
    /^https?:\/\/[^/\s]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pulls?\/(\d{1,9})(?:[/?#]\S*)?$/i.exec(
      value,
    )
  if (match?.[1] && match[2] && match[3]) {
    if (
      repo &&
      (match[1].toLowerCase() !== repo.owner.toLowerCase() ||
        match[2].toLowerCase() !== repo.repo.toLowerCase())
    ) {
      problems.push(
        `${label}: ${short(value)} is in ${match[1]}/${match[2]}, not in ${repo.owner}/${repo.repo}`,
      )
      return undefined
    }
    return positive(match[3], label, problems)
  }
  problems.push(
    `${label}: "${short(value)}" is not a pull request (write #123 or the pull request's URL)`,
  )
  return undefined
}

function positive(digits: string, label: string, problems: string[]): number | undefined {
  const n = Number(digits)
  if (n > 0) return n
  problems.push(`${label}: #${digits} is not a pull request number`)
  return undefined
}

function parseCommits(text: string, problems: string[]): string[] {
  const out: string[] = []
  for (const token of stripFences(text).split(/[\s,;]+/)) {
    const t = token.replace(/^[`*-]+|[`*.]+$/g, '')
    if (t === '') continue
    if (/^[0-9a-f]{7,40}$/i.test(t)) {
      if (!out.includes(t.toLowerCase())) out.push(t.toLowerCase())
    } else
      problems.push(
        `"${FORM_HEADINGS.commits}": "${short(t)}" is not a commit SHA (7 to 40 hex digits)`,
      )
  }
  return out
}

/** Ticked checkboxes (`- [x] 1.x`); a section with no checkboxes at all is read as a list of names. */
function parseTargets(text: string, problems: string[]): string[] {
  const lines = text.split('\n')
  const boxes = lines
    .map((l) => /^\s*[-*+]\s+\[([ xX])\]\s*(.*)$/.exec(l))
    .filter((m) => m !== null)
  const names: string[] = []
  if (boxes.length > 0) {
    for (const m of boxes) if (m[1] !== ' ') names.push(firstToken(m[2] ?? ''))
  } else {
    for (const token of stripFences(text).split(/[\s,;]+/))
      names.push(token.replace(/^[-*+`]+|[`]+$/g, ''))
  }
  const targets: string[] = []
  for (const name of names) {
    if (name === '') continue
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(name) || name.includes('..'))
      problems.push(`"${FORM_HEADINGS.targets}": "${short(name)}" is not a branch name`)
    else if (!targets.includes(name)) targets.push(name)
  }
  if (targets.length === 0 && problems.every((p) => !p.startsWith(`"${FORM_HEADINGS.targets}"`)))
    problems.push(`"${FORM_HEADINGS.targets}": tick at least one release line`)
  return targets
}

function firstToken(label: string): string {
  return (label.trim().split(/\s+/)[0] ?? '').replace(/^`|`$/g, '')
}

function parseLevel(
  text: string | undefined,
  letter: 'S' | 'P',
  key: FieldKey,
  problems: string[],
): string {
  const m = new RegExp(`^\\s*${letter}?([1-4])(?![0-9])`, 'i').exec(text ?? '')
  if (m?.[1]) return `${letter}${m[1]}`
  const got = text
    ? `"${short(text)}" is not one of ${letter}1-${letter}4`
    : `choose one of ${letter}1-${letter}4`
  problems.push(`"${FORM_HEADINGS[key]}": ${got}`)
  return `${letter}4`
}

function parseYesNo(text: string | undefined, key: FieldKey, problems: string[]): boolean {
  const value = (text ?? '').trim()
  if (/^(yes|y|true)\b/i.test(value)) return true
  if (/^(no|n|false)\b/i.test(value)) return false
  problems.push(
    `"${FORM_HEADINGS[key]}": ${value ? `"${short(value)}" is not` : 'answer'} Yes or No`,
  )
  return false
}

function stripFences(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*(```|~~~)/.test(l))
    .join('\n')
}

function short(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean
}

const SEVERITY_NAMES: Record<Severity, string> = {
  S1: 'Blocker',
  S2: 'Critical',
  S3: 'Major',
  S4: 'Low',
}
const PRIORITY_NAMES: Record<Priority, string> = {
  P1: 'Urgent',
  P2: 'High',
  P3: 'Medium',
  P4: 'Low',
}

/**
 * Renders a request the way GitHub renders the issue form (used to open request issues and in tests).
 * `lines` are the checkbox options (the ticked targets are added when missing).
 */
export function renderRequestForm(
  request: BackportRequest,
  lines: readonly string[] = request.targets,
): string {
  const options = [...lines, ...request.targets.filter((t) => !lines.includes(t))]
  const value = (v: string): string => (v.trim() === '' ? NO_RESPONSE : v)
  const sections: [string, string][] = [
    [FORM_HEADINGS.source, request.pr === undefined ? NO_RESPONSE : `#${request.pr}`],
    [
      FORM_HEADINGS.commits,
      request.commits.length ? '```text\n' + request.commits.join('\n') + '\n```' : NO_RESPONSE,
    ],
    [
      FORM_HEADINGS.targets,
      options.map((l) => `- [${request.targets.includes(l) ? 'X' : ' '}] ${l}`).join('\n'),
    ],
    [FORM_HEADINGS.severity, `${request.severity} - ${SEVERITY_NAMES[request.severity]}`],
    [FORM_HEADINGS.priority, `${request.priority} - ${PRIORITY_NAMES[request.priority]}`],
    [FORM_HEADINGS.security, request.security ? 'Yes' : 'No'],
    [FORM_HEADINGS.dataLoss, request.dataLoss ? 'Yes' : 'No'],
    [FORM_HEADINGS.customerImpact, value(request.customerImpact)],
    [FORM_HEADINGS.justification, value(request.justification)],
  ]
  return sections.map(([h, v]) => `### ${h}\n\n${v}`).join('\n\n')
}
