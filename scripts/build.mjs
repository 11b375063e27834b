// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild: ESM, minified, code
// splitting so each job (and each CLI command) is a chunk loaded by its dynamic import() only
// when it runs. tsc only type-checks. The output is byte-identical for the same sources (CI checks
// that dist/ is current), and dist/licenses.txt lists every bundled package with its license.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { licensesText } from './licenses.mjs'

// Keep the generated config validator current with fixline.schema.json (it is committed: the
// tests run on src/). CI's dist check also checks this file.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/config-validator.ts'], {
  stdio: 'inherit',
})

rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
const result = await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Function and class names stay readable in a stack trace (minified code has no other names).
  keepNames: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // CommonJS packages (semver, yaml, undici...) require() Node's modules: give ESM a require.
  banner: {
    js: "import{createRequire as __fixlineRequire}from'node:module';const require=__fixlineRequire(import.meta.url);",
  },
})

// dist/cli.js is the package's bin: a shebang and the executable bit.
const cli = readFileSync('dist/cli.js', 'utf8')
writeFileSync('dist/cli.js', `#!/usr/bin/env node\n${cli}`)
chmodSync('dist/cli.js', 0o755)
writeFileSync('dist/package.json', '{ "type": "module" }\n')
writeFileSync('dist/licenses.txt', licensesText(result.metafile))
