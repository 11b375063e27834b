import { createHash } from 'node:crypto'

/** A stable 40-hex sha for a seed string (for commits the tests do not create with git). */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

/** A stable positive id for a login, so the same user always has the same id. */
export function userId(login: string): number {
  return (
    (parseInt(createHash('sha1').update(login.toLowerCase()).digest('hex').slice(0, 7), 16) %
      90_000_000) +
    1_000_000
  )
}

export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`
}

/** The inverse of nodeId, for GraphQL ids; undefined when the id is not ours. */
export function parseNodeId(prefix: string, id: string): string | undefined {
  const head = `${prefix}_kwDO`
  return id.startsWith(head)
    ? Buffer.from(id.slice(head.length), 'base64url').toString()
    : undefined
}
