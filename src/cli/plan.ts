/** `fixline plan`: lines, the maintenance window, releases per line and the upgrade matrix. */
import { checkLocal } from './check.js'
import { commandArgs, loadConfig, openRepo } from './context.js'
import { EXIT, type CliIO } from './io.js'
import { renderPlan } from './plan-render.js'

export async function runPlanCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, { values: ['repo', 'config'], booleans: [] })
  const git = await openRepo(args.flags.get('repo') ?? io.cwd)
  const config = await loadConfig(git.cwd, io.cwd, args.flags.get('config'))
  const check = await checkLocal(git, config, undefined)
  io.out(renderPlan(check.result, config))
  return EXIT.ok
}
