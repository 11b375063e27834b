/** A problem found while reading a file or a ref: turned into a finding or a warning by the caller. Pure. */
import type { RuleId, Severity } from '../model.js'

export interface DiscoveryProblem {
  /** The rule the problem belongs to (build-format for unreadable build numbers, migration-id for unreadable IDs...). */
  rule: RuleId
  severity: Severity
  message: string
  file?: string
  line?: number
  /** About one release (a missing file), not about a file's content: the message gets the release's name. */
  perRelease?: boolean
}

/** The first line of a YAML parser message, without its position suffix (the line is reported separately). */
export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '')
}

/** 1-based line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Short, printable quote of untrusted text for messages. */
export function quote(text: string, max = 60): string {
  const clean = [...text]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max - 3)}...` : clean)
}
