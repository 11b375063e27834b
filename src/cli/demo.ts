/** `fixline demo`: the worked example as a real git repository in a temp folder, checked. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultConfig } from '../config/load.js'
import { Git } from '../git/git.js'
import { buildDemoRepo, DEMO_VARIANTS, type DemoVariant } from '../upgrade/demo.js'
import { checkLocal, render } from './check.js'
import { commandArgs, formatFlag, UsageError } from './context.js'
import { EXIT, type CliIO } from './io.js'

export async function runDemoCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, { values: ['format', 'variant'], booleans: ['keep'] })
  const format = formatFlag(args.flags)
  const variant = parseVariant(args.flags.get('variant'))
  const keep = args.booleans.has('keep')
  const dir = await mkdtemp(join(tmpdir(), 'fixline-demo-'))
  try {
    const git = new Git({ cwd: dir })
    await buildDemoRepo(git, variant)
    const check = await checkLocal(git, defaultConfig(), undefined)
    io.out(render(check, format))
    const where = keep
      ? `The demo repository is kept at ${dir} (try: fixline check --repo ${dir}).`
      : `The demo repository was built in ${dir} and removed (use --keep to keep it).`
    ;(format === 'text' ? io.out : io.err)(`\n${where}\n`)
    return check.result.conclusion === 'failure' ? EXIT.failures : EXIT.ok
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true })
  }
}

/** `--variant`: the worked example with one of the mistakes fixline exists to catch. */
function parseVariant(value: string | undefined): DemoVariant {
  if (value === undefined) return 'ok'
  const variant = DEMO_VARIANTS.find((v) => v === value)
  if (!variant)
    throw new UsageError(
      `--variant must be one of ${DEMO_VARIANTS.join(', ')}, not ${JSON.stringify(value)}`,
    )
  return variant
}
