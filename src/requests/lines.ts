/** The release lines of the repository (src/lines/discover.ts, shared with the backport job). */
export { discoverLines } from '../lines/discover.js'

export { payloadDefaultBranch } from '../payload.js'
