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

/**
 * @actions/core imports its OIDC client (and with it @actions/http-client and undici, 440 KB) at
 * load, for getIDToken, which fixline never calls. Marking the toolkit's modules free of side
 * effects lets esbuild drop what is never used, so a run with nothing to do loads none of it.
 */
const toolkitWithoutSideEffects = {
  name: 'actions-toolkit-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined
      if (!args.path.startsWith('@actions/') && !args.importer.includes('/node_modules/@actions/'))
        return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      })
      if (resolved.errors.length > 0) return undefined
      return /\/node_modules\/@actions\/(core|http-client)\//.test(resolved.path)
        ? { path: resolved.path, sideEffects: false }
        : undefined
    })
  },
}

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
  // Chunk hashes cover the inputs' paths: a node_modules that is a symlink (a shared install)
  // must not change them, so paths are taken as found, not resolved to their real location.
  preserveSymlinks: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [toolkitWithoutSideEffects],
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
