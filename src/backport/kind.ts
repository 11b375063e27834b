/**
 * What differs between a backport and a forward-port: the branch, the PR title and labels, the
 * comment on the original PR and the words. Everything else (engine, commit selection, conflicts,
 * idempotency, reporting) is the same code, run-targets.ts parametrised by a {@link PortKind}. Pure.
 */
import type { Config } from '../config/types.js'

export interface PortKind {
  /** The job name, the branch prefix and the command: `backport` or `forwardport`. */
  name: 'backport' | 'forwardport'
  /** In sentences: "backport", "forward-port". */
  noun: string
  /** Title template with {target}, {title} and {number}. */
  title: string
  addLabels: readonly string[]
  copyLabels: readonly string[]
  /** Hidden marker of the one comment on the original PR (one per kind). */
  commentMarker: string
}

export const BACKPORT_COMMENT_MARKER = '<!-- fixline:backport-comment -->'
export const FORWARDPORT_COMMENT_MARKER = '<!-- fixline:forwardport-comment -->'

export function backportKind(config: Pick<Config, 'backport'>): PortKind {
  const b = config.backport
  return {
    name: 'backport',
    noun: 'backport',
    title: b.title,
    addLabels: b.addLabels,
    copyLabels: b.copyLabels,
    commentMarker: BACKPORT_COMMENT_MARKER,
  }
}

export function forwardportKind(config: Pick<Config, 'forwardport'>): PortKind {
  const f = config.forwardport
  return {
    name: 'forwardport',
    noun: 'forward-port',
    title: f.title,
    addLabels: f.addLabels,
    copyLabels: f.copyLabels,
    commentMarker: FORWARDPORT_COMMENT_MARKER,
  }
}

/** `backport/<n>-to-<target>` or `forwardport/<n>-to-<target>`. */
export function portBranchName(
  kind: Pick<PortKind, 'name'>,
  source: number,
  target: string,
): string {
  return `${kind.name}/${source}-to-${target}`
}

/** The backport config with the kind's title and labels (pr.ts opens and decorates the PR from it). */
export function prConfig(config: Config['backport'], kind: PortKind): Config['backport'] {
  return {
    ...config,
    title: kind.title,
    addLabels: [...kind.addLabels],
    copyLabels: [...kind.copyLabels],
  }
}
