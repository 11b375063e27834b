/** A Git that counts the processes it starts (the audit's `stats.gitProcesses`). */
import type { Git } from '../git/git.js'

export interface CountingGit {
  git: Git
  /** Processes started through `git` so far. */
  count(): number
}

/**
 * `git` with `run` and `start` counted: every other method (text, lines...) goes through them.
 * The wrapper inherits everything else from `git` (its folder, environment, observer).
 */
export function countingGit(git: Git): CountingGit {
  let n = 0
  const counted = Object.create(git) as Git
  counted.run = (args, options) => {
    n++
    return git.run(args, options)
  }
  counted.start = (args, options) => {
    n++
    return git.start(args, options)
  }
  return { git: counted, count: () => n }
}
