/** Where the CLI writes (the terminal, or buffers in tests). */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** Folder the command runs in (for a default --repo). */
  cwd: string
}

export function processIO(): CliIO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
  }
}

/** An IO that keeps output in memory (tests). */
export function bufferIO(cwd: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) }
}

/**
 * Exit codes: 0 pass, 1 rule failures, 2 bad usage or config (the user can fix the command line or
 * the config file), 3 an internal failure (git failed, a bug: nothing the command line can fix).
 */
export const EXIT = { ok: 0, failures: 1, usage: 2, internal: 3 } as const
