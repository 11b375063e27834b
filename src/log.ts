/** Where jobs write their log: @actions/core in the action, the terminal in the CLI, a buffer in tests. */
export interface Logger {
  info(message: string): void
  debug(message: string): void
  warning(message: string, where?: Annotation): void
  error(message: string, where?: Annotation): void
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

export interface Annotation {
  title?: string
  file?: string
  startLine?: number
}

/** A logger that keeps lines in memory (tests, and the CLI's quiet mode). */
export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  return {
    lines,
    info: (m) => void lines.push(m),
    debug: (m) => void lines.push(`debug: ${m}`),
    warning: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`)
      return fn()
    },
  }
}
