/**
 * Which targets a backport trigger yields, decided from the trigger and the PR's state. Pure.
 * Branch names here are only plausible; the job validates them with git and against the remote.
 */
import type { LabelRule } from '../config/types.js'
import { printable } from '../git/refs.js'
import type { BackportTrigger } from '../route.js'
import { isBranchName, labelForTarget, mapLabel } from './labels.js'

export interface TargetRequest {
  target: string
  /** The label that asked for this target, when it came from a label. */
  label?: string
}

export interface RejectedTarget {
  /** The branch when known, else the label or argument as given. */
  target: string
  message: string
}

export interface PrState {
  merged: boolean
  /** 'open' or 'closed'. */
  state: string
  labels: readonly string[]
}

export type TriggerPlan =
  /**
   * Backport now to these targets. `supported`: the supported-lines label (backport.supportedLabel)
   * asked for every supported line older than the base too; the job expands it (src/backport/supported.ts).
   */
  | {
      action: 'backport'
      targets: TargetRequest[]
      rejected: RejectedTarget[]
      supported?: string
    }
  /** The PR is open: add these labels so that the merge triggers the backports. */
  | {
      action: 'add-labels'
      labels: Array<{ target: string; label: string }>
      rejected: RejectedTarget[]
    }
  /** Nothing to do. `tell` when the reason belongs in a reply to the user (comment or dispatch). */
  | { action: 'skip'; reason: string; tell: boolean; failed: boolean }

/**
 * `supportedLabel`: the label meaning "every supported line older than the base"
 * (backport.supportedLabel; '' disables it). It is checked before the rules, so the default rule
 * never reads `backport-supported` as a branch named `supported`.
 */
export function planTrigger(
  trigger: BackportTrigger,
  pr: PrState,
  rules: readonly LabelRule[],
  prNumber: number,
  supportedLabel = '',
): TriggerPlan {
  const fromLabels = () => supportedFromLabels(pr.labels, rules, supportedLabel)
  const notMerged = `PR #${prNumber} is not merged: there is nothing to backport yet`
  switch (trigger.type) {
    case 'merged':
      if (!pr.merged) return { action: 'skip', reason: notMerged, tell: false, failed: false }
      return fromSelection(fromLabels(), `PR #${prNumber} has no backport labels`, false)
    case 'labeled': {
      if (!pr.merged) return { action: 'skip', reason: notMerged, tell: false, failed: false }
      if (supportedLabel !== '' && trigger.label === supportedLabel)
        return { action: 'backport', targets: [], rejected: [], supported: supportedLabel }
      const mapped = mapLabel(trigger.label, rules)
      if (mapped.kind === 'none')
        return {
          action: 'skip',
          reason: `label "${printable(trigger.label)}" is not a backport label`,
          tell: false,
          failed: false,
        }
      if (mapped.kind === 'invalid')
        return {
          action: 'backport',
          targets: [],
          rejected: [{ target: trigger.label, message: mapped.message }],
        }
      return {
        action: 'backport',
        targets: [{ target: mapped.branch, label: mapped.label }],
        rejected: [],
      }
    }
    case 'comment':
      return planComment(trigger.targets, pr, rules, prNumber, fromLabels)
    case 'dispatch':
      if (!pr.merged) return { action: 'skip', reason: notMerged, tell: true, failed: true }
      return fromSelection(
        trigger.targets.length > 0 ? targetsFromArgs(trigger.targets) : fromLabels(),
        `PR #${prNumber} has no backport labels and no targets were given`,
        true,
      )
  }
}

function planComment(
  args: readonly string[],
  pr: PrState,
  rules: readonly LabelRule[],
  prNumber: number,
  fromLabels: () => Selection,
): TriggerPlan {
  if (pr.merged) {
    return fromSelection(
      args.length > 0 ? targetsFromArgs(args) : fromLabels(),
      `PR #${prNumber} has no backport labels: name the target branches, e.g. \`/backport 1.x 2.x\``,
      true,
    )
  }
  if (pr.state !== 'open')
    return {
      action: 'skip',
      reason: `PR #${prNumber} was closed without being merged: there is nothing to backport`,
      tell: true,
      failed: false,
    }
  if (args.length === 0)
    return {
      action: 'skip',
      reason: 'name the target branches, e.g. `/backport 1.x 2.x`',
      tell: true,
      failed: false,
    }
  const selection = targetsFromArgs(args)
  const labels: Array<{ target: string; label: string }> = []
  const rejected = [...selection.rejected]
  for (const { target } of selection.targets) {
    const label = labelForTarget(target, rules)
    if (label === undefined)
      rejected.push({
        target,
        message: `no rule in backport.labels produces a label for branch ${target}: add a rule, or backport after the merge with \`/backport ${target}\``,
      })
    else labels.push({ target, label })
  }
  return { action: 'add-labels', labels, rejected }
}

interface Selection {
  targets: TargetRequest[]
  rejected: RejectedTarget[]
  supported?: string
}

function fromSelection(selection: Selection, emptyReason: string, tell: boolean): TriggerPlan {
  if (
    selection.targets.length === 0 &&
    selection.rejected.length === 0 &&
    selection.supported === undefined
  )
    return { action: 'skip', reason: emptyReason, tell, failed: false }
  return { action: 'backport', ...selection }
}

/** {@link targetsFromLabels}, with the supported-lines label taken out first (and noted) when present. */
export function supportedFromLabels(
  labels: readonly string[],
  rules: readonly LabelRule[],
  supportedLabel: string,
): Selection {
  if (supportedLabel === '' || !labels.includes(supportedLabel))
    return targetsFromLabels(labels, rules)
  const rest = targetsFromLabels(
    labels.filter((l) => l !== supportedLabel),
    rules,
  )
  return { ...rest, supported: supportedLabel }
}

/** Every label that a rule maps to a branch, deduplicated by branch (first label wins). */
export function targetsFromLabels(
  labels: readonly string[],
  rules: readonly LabelRule[],
): { targets: TargetRequest[]; rejected: RejectedTarget[] } {
  const targets: TargetRequest[] = []
  const rejected: RejectedTarget[] = []
  for (const label of labels) {
    const mapped = mapLabel(label, rules)
    if (mapped.kind === 'invalid') rejected.push({ target: label, message: mapped.message })
    else if (mapped.kind === 'target' && !targets.some((t) => t.target === mapped.branch))
      targets.push({ target: mapped.branch, label })
  }
  return { targets, rejected }
}

/** Branch names given as arguments (`/backport 1.x 2.x`, dispatch input), deduplicated. */
export function targetsFromArgs(args: readonly string[]): {
  targets: TargetRequest[]
  rejected: RejectedTarget[]
} {
  const targets: TargetRequest[] = []
  const rejected: RejectedTarget[] = []
  for (const arg of args) {
    if (!isBranchName(arg))
      rejected.push({
        target: printable(arg),
        message: `"${printable(arg)}" is not a valid branch name`,
      })
    else if (!targets.some((t) => t.target === arg)) targets.push({ target: arg })
  }
  return { targets, rejected }
}
