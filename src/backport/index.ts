/**
 * What the other jobs use of the backport job, in one place: forward-ports run the same targets
 * with another kind, backport requests run approved targets, the audit reads the labels, the
 * dashboard finishes requests. No other job imports its other files; the local CLI's
 * `fixline backport` (this job run by hand, src/cli/backport*.ts) uses the engine's files directly.
 */
export { refuseNonWriter } from './command-permission.js'
export { defaultEngine } from './default-engine.js'
export type { BackportEngine } from './engine.js'
export { runBackportTargets } from './job.js'
export { outcome } from './job-outcome.js'
export { forwardportKind } from './kind.js'
export { mapLabel, labelForTarget } from './labels.js'
export { loadPull } from './load-pull.js'
export { reportOnPr } from './pr-report.js'
export type { BackportRow } from './report.js'
export { backportTargets } from './run-targets.js'
export type { PullInfo } from './source.js'
export { expandSupported } from './supported.js'
export type { RejectedTarget, TargetRequest, TriggerPlan } from './triggers.js'
export { failed } from './validate.js'
