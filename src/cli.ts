// The local CLI (dist/cli.js, bin "fixline"). Commands are added as the jobs land.
import { runCli } from './cli/run.js'

process.exitCode = await runCli(process.argv.slice(2))
