// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// tsc only type-checks; ncc transpiles and bundles.
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs'

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
for (const [entry, out] of [
  ['src/index.ts', 'dist'],
  ['src/cli.ts', 'dist/cli-build'],
]) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '-q'],
    {
      stdio: 'inherit',
    },
  )
}
// Keep one dist/ folder: the CLI bundle becomes dist/cli.js with a shebang.
const cli = readFileSync('dist/cli-build/index.js', 'utf8')
writeFileSync('dist/cli.js', cli.startsWith('#!') ? cli : `#!/usr/bin/env node\n${cli}`)
chmodSync('dist/cli.js', 0o755)
rmSync('dist/cli-build', { recursive: true, force: true })
if (!existsSync('dist/package.json')) writeFileSync('dist/package.json', '{ "type": "module" }\n')
