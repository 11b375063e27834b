/**
 * Publishing a check result: a check run (annotations in batches of 50: create, then updates), or
 * a commit status of the same name when the token may not create check runs (403).
 */
import { CHECK_TEXT_LIMIT, fitBody } from '../markdown/bound.js'
import { shorten } from '../markdown/escape.js'
import type { GitHub } from './client.js'
import { createOnce } from './create-once.js'

export interface CheckAnnotation {
  path: string
  startLine: number
  level: 'failure' | 'warning' | 'notice'
  message: string
  title?: string
}

export interface CheckPublication {
  owner: string
  repo: string
  sha: string
  name: string
  conclusion: 'success' | 'failure' | 'neutral'
  title: string
  /** Markdown; cut to the 65,535 characters GitHub takes (markdown/bound.ts `fitBody`). */
  summary: string
  annotations: readonly CheckAnnotation[]
  /** Link for the commit status fallback (the workflow run). */
  detailsUrl?: string
  /**
   * fixline's identity (`github-actions[bot]`, `<app-slug>[bot]`): its own check run of this name
   * on this commit is updated in place, so a re-run leaves one.
   */
  botLogin: string
}

export type Published =
  | { kind: 'check-run'; id: number; url: string; annotations: number }
  | { kind: 'status'; state: 'success' | 'failure' }

export const ANNOTATIONS_PER_REQUEST = 50
const DESCRIPTION_MAX = 140

export async function publishCheck(github: GitHub, p: CheckPublication): Promise<Published> {
  const batches = chunk(p.annotations.map(toApi), ANNOTATIONS_PER_REQUEST)
  const output = (annotations: ReturnType<typeof toApi>[]) => ({
    title: p.title.slice(0, 250),
    summary: fitBody(p.summary, CHECK_TEXT_LIMIT),
    annotations,
  })
  let created: { id: number; url: string }
  try {
    // The same result already posted on this commit (a re-run, or a create whose answer was lost)
    // is not posted again; a different result is a new check run, the one GitHub shows.
    const find = () => findSameCheckRun(github, p, output(batches[0] ?? []).summary)
    const existing = await find()
    if (existing) return { kind: 'check-run', ...existing, annotations: p.annotations.length }
    created = (
      await createOnce({
        what: `the check run "${p.name}"`,
        create: async () => {
          const { data } = await github.rest.checks.create({
            owner: p.owner,
            repo: p.repo,
            name: p.name,
            head_sha: p.sha,
            status: 'completed',
            conclusion: p.conclusion,
            completed_at: new Date().toISOString(),
            ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
            output: output(batches[0] ?? []),
          })
          return { id: data.id, url: data.html_url ?? '' }
        },
        find: () => findSameCheckRun(github, p, output(batches[0] ?? []).summary, true),
      })
    ).value
  } catch (error) {
    if (statusOf(error) !== 403)
      throw new Error(`could not create the check run "${p.name}"`, { cause: error })
    return publishStatus(github, p)
  }
  for (const batch of batches.slice(1)) {
    await github.rest.checks.update({
      owner: p.owner,
      repo: p.repo,
      check_run_id: created.id,
      output: output(batch),
    })
  }
  return {
    kind: 'check-run',
    id: created.id,
    url: created.url,
    annotations: p.annotations.length,
  }
}

/**
 * fixline's own newest check run of this name on the commit when it shows this same result: same
 * conclusion, title and summary, and (unless `partial`: a create whose answer was lost, whose
 * remaining annotations are still to send) every annotation.
 */
async function findSameCheckRun(
  github: GitHub,
  p: CheckPublication,
  summary: string,
  partial = false,
): Promise<{ id: number; url: string } | undefined> {
  const slug = p.botLogin.replace(/\[bot\]$/, '')
  const runs = await github.paginate(github.rest.checks.listForRef, {
    owner: p.owner,
    repo: p.repo,
    ref: p.sha,
    check_name: p.name,
    per_page: 100,
  })
  const newest = runs.find((r) => r.head_sha === p.sha && r.app?.slug === slug)
  if (
    !newest ||
    newest.conclusion !== p.conclusion ||
    newest.output.title !== p.title.slice(0, 250) ||
    newest.output.summary !== summary ||
    (!partial && newest.output.annotations_count !== p.annotations.length)
  )
    return undefined
  return { id: newest.id, url: newest.html_url ?? '' }
}

async function publishStatus(github: GitHub, p: CheckPublication): Promise<Published> {
  const state = p.conclusion === 'failure' ? 'failure' : 'success'
  await github.rest.repos.createCommitStatus({
    owner: p.owner,
    repo: p.repo,
    sha: p.sha,
    state,
    context: p.name,
    description: shorten(p.title.replace(/\s+/g, ' '), DESCRIPTION_MAX),
    ...(p.detailsUrl ? { target_url: p.detailsUrl } : {}),
  })
  return { kind: 'status', state }
}

function toApi(a: CheckAnnotation) {
  return {
    path: a.path,
    start_line: Math.max(1, a.startLine),
    end_line: Math.max(1, a.startLine),
    annotation_level: a.level,
    message: a.message.slice(0, 64_000),
    ...(a.title ? { title: a.title.slice(0, 255) } : {}),
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function statusOf(error: unknown): number | undefined {
  const s = (error as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : undefined
}
