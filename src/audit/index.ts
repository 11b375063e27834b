/**
 * The fix audit (issue 10): which fixes of an older release line are missing on newer lines, which
 * backports were asked for and never landed, which conflict drafts wait. Entry points:
 * - {@link auditLines}(git, config, options): the report from git alone;
 * - {@link auditGitHub}(github, repo, config, report, options): adds what the API knows (PRs,
 *   "not needed" labels, unlanded backports, waiting conflict drafts).
 */
export type * from './types.js'
export { auditLines, linePairs, type AuditOptions } from './audit-lines.js'
export { auditGitHub, MAX_LOOKUPS, type AuditGitHubOptions } from './audit-github.js'
export { hasMissing, notNeededTrailer, prFromSubject } from './decisions.js'
