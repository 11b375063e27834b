// `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line) and prints figures.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const only = process.argv.slice(2)
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
for (const file of files) {
  console.log(`\n=== bench/${file} ===`)
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' })
}
