import type { HandlerContext, Reply } from './types.js'

/** One page of `items` per per_page/page, with a Link header like GitHub's (Octokit's paginate follows it). */
export function paginate(ctx: HandlerContext, items: unknown[], maxPerPage = 100): Reply {
  const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? 30), 1), maxPerPage)
  const page = Math.max(Number(ctx.query.page ?? 1), 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const body = items.slice((page - 1) * perPage, page * perPage)
  const link = (p: number, rel: string): string => {
    const url = new URL(ctx.url)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(p))
    return `<${url.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
  return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}
