import * as core from '@actions/core'
import type { Logger } from '../log.js'

/** The action's logger: @actions/core, with annotations where a file and line are known. */
export function coreLogger(): Logger {
  return {
    info: (m) => core.info(m),
    debug: (m) => core.debug(m),
    warning: (m, where) => core.warning(m, where ?? {}),
    error: (m, where) => core.error(m, where ?? {}),
    group: (title, fn) => core.group(title, fn),
  }
}
