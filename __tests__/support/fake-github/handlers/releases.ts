import { release } from '../factories/checks.js'
import { paginate } from './paginate.js'
import { bodyOf, notFound, stringParam, validationFailed, type Handler } from './types.js'

/** The newest published release that is neither a draft nor a prerelease. */
const getLatestRelease: Handler = (ctx) => {
  const published = ctx.state.releases.filter(
    (r) => !r.draft && !r.prerelease && r.publishedAt !== null,
  )
  const latest = published
    .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id - b.id)
    .at(-1)
  if (!latest) throw notFound()
  return { status: 200, body: release(ctx.state, latest) }
}

/** Newest first (created_at), drafts included (the token has push access). */
const listReleases: Handler = (ctx) =>
  paginate(
    ctx,
    [...ctx.state.releases]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((r) => release(ctx.state, r)),
  )

const getReleaseByTag: Handler = (ctx) => {
  const tag = stringParam(ctx, 'tag')
  const found = ctx.state.releases.find((r) => r.tagName === tag && !r.draft)
  if (!found) throw notFound()
  return { status: 200, body: release(ctx.state, found) }
}

interface ReleaseBody {
  tag_name: string
  target_commitish: string
  name: string
  body: string
  draft: boolean
  prerelease: boolean
}

/** A release record only: the fake creates no tag in origin. One release per tag. */
const createRelease: Handler = (ctx) => {
  const b = bodyOf<ReleaseBody>(ctx)
  const tag = b.tag_name ?? ''
  if (ctx.state.releases.some((r) => r.tagName === tag))
    throw validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }])
  const created = ctx.state.addRelease({
    tag,
    targetCommitish: b.target_commitish,
    name: b.name,
    body: b.body,
    draft: b.draft,
    prerelease: b.prerelease,
    author: ctx.actor,
  })
  return { status: 201, body: release(ctx.state, created) }
}

export const releaseHandlers: Record<string, Handler> = {
  'repos/get-latest-release': getLatestRelease,
  'repos/get-release-by-tag': getReleaseByTag,
  'repos/list-releases': listReleases,
  'repos/create-release': createRelease,
}
