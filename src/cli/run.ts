/** `fixline <command>`: returns the exit code (0 ok, 1 rule failures, 2 bad usage or config). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command] = argv
  process.stderr.write(`fixline: unknown command "${command ?? ''}"\n`)
  return 2
}
