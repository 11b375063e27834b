/** `fixline <command>`: returns the exit code (0 ok, 1 rule failures, 2 bad usage or config, 3 internal failure). */
import { runAuditCommand } from './audit.js'
import { runBackportCommand } from './backport.js'
import { runCheckCommand } from './check.js'
import { describeCliError } from './context.js'
import { runDemoCommand } from './demo.js'
import { runHotfixCommand } from './hotfix.js'
import { EXIT, processIO, type CliIO } from './io.js'
import { runPlanCommand } from './plan.js'
import { USAGE } from './usage.js'

type Command = (argv: readonly string[], io: CliIO) => Promise<number>

/** The commands. */
const COMMANDS: Record<string, Command> = {
  check: runCheckCommand,
  backport: (argv, io) => runBackportCommand(argv, io),
  plan: runPlanCommand,
  demo: runDemoCommand,
  hotfix: runHotfixCommand,
  audit: runAuditCommand,
}

export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    ;(command === undefined ? io.err : io.out)(USAGE)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!run) {
    io.err(`fixline: unknown command ${JSON.stringify(command.slice(0, 40))}\n\n${USAGE}`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE)
    return EXIT.ok
  }
  try {
    return await run(rest, io)
  } catch (error) {
    const { message, code, usage } = describeCliError(error)
    io.err(`fixline ${command}: ${message}\n`)
    if (usage) io.err(`Run "fixline help" for usage.\n`)
    return code
  }
}
