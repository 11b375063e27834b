/** Command-line flags: `--name value`, `--name=value`, boolean `--flag`. Pure. */

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[]
  /** Flags that take none. */
  booleans: readonly string[]
}

export type ParsedArgs =
  | { ok: true; flags: Map<string, string>; booleans: Set<string>; positionals: string[] }
  | { ok: false; error: string }

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const flags = new Map<string, string>()
  const booleans = new Set<string>()
  const positionals: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '')
    if (spec.booleans.includes(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` }
      booleans.add(name)
      continue
    }
    if (!spec.values.includes(name))
      return { ok: false, error: `unknown option ${JSON.stringify(arg.slice(0, 40))}` }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || value === '') return { ok: false, error: `--${name} needs a value` }
    if (flags.has(name)) return { ok: false, error: `--${name} given twice` }
    flags.set(name, value)
  }
  return { ok: true, flags, booleans, positionals }
}

export const FORMATS = ['text', 'json', 'markdown'] as const
export type Format = (typeof FORMATS)[number]

export function parseFormat(value: string | undefined): Format | undefined {
  if (value === undefined) return 'text'
  return (FORMATS as readonly string[]).includes(value) ? (value as Format) : undefined
}
