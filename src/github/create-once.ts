import { isTransient } from './failures.js'

export interface CreateOnceOptions<T> {
  /** What is being created, for the final error ("the backport comment on #12"). */
  what: string
  create: () => Promise<T>
  /** Finds what an earlier attempt created (its answer lost on the way), if anything. */
  find: () => Promise<T | undefined>
  /** Attempts at creating, in all (default 3). */
  attempts?: number
  /** Wait before attempt n (1-based), in ms (default 1 s, 4 s). */
  backoffMs?: (attempt: number) => number
}

export interface CreatedOnce<T> {
  value: T
  /** The create's answer was lost and the object was found afterwards: it was made by this run. */
  recovered: boolean
}

/**
 * Creates something exactly once across lost answers. The client never repeats a create by
 * itself (client.ts `isCreate`): when an attempt fails in a way that may have reached GitHub (no
 * answer in time, connection lost, a 5xx), this looks for what that attempt made before trying
 * again, so a 502 after the write does not make a twin.
 */
export async function createOnce<T>(options: CreateOnceOptions<T>): Promise<CreatedOnce<T>> {
  const attempts = options.attempts ?? 3
  const backoff = options.backoffMs ?? ((n: number) => (n - 1) ** 2 * 1000)
  let last: unknown
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      // Wait first: a create that GitHub is still applying after the client gave up is not
      // visible at once, and a find that runs too early would let the retry make a twin.
      await sleep(backoff(attempt))
      const found = await options.find()
      if (found !== undefined) return { value: found, recovered: true }
    }
    try {
      return { value: await options.create(), recovered: false }
    } catch (error) {
      if (!isTransient(error)) throw error
      last = error
    }
  }
  const found = await options.find()
  if (found !== undefined) return { value: found, recovered: true }
  throw new Error(
    `could not create ${options.what} after ${attempts} attempts: ${(last as Error).message}`,
    { cause: last },
  )
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
