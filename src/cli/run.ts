/** `fixline <command>`: returns the exit code (0 ok, 1 rule failures, 2 bad usage or config, 3 internal failure). */
import { EXIT, processIO, type CliIO } from './io.js'
import { USAGE } from './usage.js'

type Command = (argv: readonly string[], io: CliIO) => Promise<number>

/**
 * The commands, each loaded only when it runs: `fixline --help` (and a usage error) loads none of
 * them, nor the config parser, git or Octokit they use.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.js')).runCheckCommand,
  backport: async () => (await import('./backport.js')).runBackportCommand,
  plan: async () => (await import('./plan.js')).runPlanCommand,
  demo: async () => (await import('./demo.js')).runDemoCommand,
  hotfix: async () => (await import('./hotfix.js')).runHotfixCommand,
  audit: async () => (await import('./audit.js')).runAuditCommand,
}

export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    ;(command === undefined ? io.err : io.out)(USAGE)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!load) {
    io.err(`fixline: unknown command ${JSON.stringify(command.slice(0, 40))}\n\n${USAGE}`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE)
    return EXIT.ok
  }
  try {
    return await (
      await load()
    )(rest, io)
  } catch (error) {
    const { describeCliError } = await import('./context.js')
    const { message, code, usage } = describeCliError(error)
    io.err(`fixline ${command}: ${message}\n`)
    if (usage) io.err(`Run "fixline help" for usage.\n`)
    return code
  }
}
