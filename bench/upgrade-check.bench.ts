/**
 * `npm run bench upgrade`: the upgrade-safety check (discovery + fix diffs + rules) on a generated
 * Delphix plugin repository of 30 lines x 40 releases with ~2,000 upgrade migrations, and on 10 and
 * 20 releases per line to show growth, with the number of git processes (which must not grow with
 * the number of files read). Repositories are generated with one `git fast-import` and cached
 * under .bench/.
 *
 * Shape: for each line k (1..29), main gets 27 feature migrations (one file each) and release k.0;
 * branch k.x starts there and gets fixes k.1..k.(R-1), each a new migration file and a release;
 * every fix is forward-ported to main with the identical patch. Line 30 is main itself.
 *
 * Then the real-history shape (bench/real-history.ts: 10 lines, 80 releases, ~50,000 commits,
 * 1,000 tags, ~880 MB of patch text), checked in a child process under `/usr/bin/time -v` for its
 * wall time and peak memory (aim: under 10 s and 500 MB).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultConfig } from '../src/config/load.js'
import { Git, subcommand } from '../src/git/git.js'
import { checkRepository } from '../src/upgrade/discovery/check-repo.js'
import { renderJson, renderMarkdown } from '../src/upgrade/render/index.js'
import { ensureRealHistory } from './real-history.js'
import { say, Stream } from './fast-import-stream.js'

const LINES = 30
const FEATURES = 27
const TYPES = ['repository', 'source_config', 'linked_source', 'virtual_source', 'snapshot']

const config = (build: string) =>
  `id: bench\nname: Bench Plugin\nlanguage: PYTHON38\nhostTypes:\n  - UNIX\npluginType: DIRECT\nentryPoint: plugin_runner:plugin\nsrcDir: src\nschemaFile: schema.json\nbuildNumber: "${build}"\n`
const migration = (id: string, n: number) =>
  `from plugin_runner import plugin\n\n\n@plugin.upgrade.${TYPES[n % TYPES.length]}("${id}")\ndef migrate_${id.replace(/\./g, '_')}(old):\n    new = dict(old)\n    new["field_${id.replace(/\./g, '_')}"] = None\n    return new\n`
const runner = 'from dlpx.virtualization.platform import Plugin\n\nplugin = Plugin()\n'
const schema =
  JSON.stringify(
    {
      repositoryDefinition: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' } },
      },
    },
    null,
    2,
  ) + '\n'

function generate(releases: number): { stream: string; migrations: number; tags: number } {
  const s = new Stream()
  let migrations = 0
  let tags = 0
  s.commit('main', 'Initial plugin', {
    'plugin_config.yml': config('0.1'),
    'src/plugin_runner.py': runner,
    'schema.json': schema,
  })
  for (let k = 1; k <= LINES; k++) {
    const features: Record<string, string> = {}
    for (let n = 1; n <= FEATURES; n++)
      features[`src/migrations/m_${k}_0_${n}.py`] = migration(`${k}.0.${n}`, n)
    migrations += FEATURES
    s.commit('main', `Features for ${k}.0`, features)
    const release = s.commit('main', `Release ${k}.0`, { 'plugin_config.yml': config(`${k}.0`) })
    s.tag(`v${k}.0`, release)
    tags++
    const branch = k < LINES ? `${k}.x` : 'main'
    const fixes: Record<string, string>[] = []
    for (let r = 1; r < releases; r++) {
      const fix = { [`src/migrations/m_${k}_${r}_1.py`]: migration(`${k}.${r}.1`, r) }
      migrations++
      s.commit(branch, `Fix ${k}.${r}`, fix, r === 1 && branch !== 'main' ? release : undefined)
      s.tag(
        `v${k}.${r}`,
        s.commit(branch, `Release ${k}.${r}`, { 'plugin_config.yml': config(`${k}.${r}`) }),
      )
      tags++
      fixes.push(fix)
    }
    if (branch !== 'main') fixes.forEach((fix, i) => s.commit('main', `Fix ${k}.${i + 1}`, fix))
  }
  return { stream: s.text() + 'done\n', migrations, tags }
}

async function ensureRepo(
  releases: number,
): Promise<{ dir: string; migrations: number; tags: number }> {
  const dir = join('.bench', `upgrade-${LINES}x${releases}`)
  const gen = generate(releases)
  if (existsSync(join(dir, 'complete'))) return { dir, ...gen }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const git = new Git({ cwd: dir })
  const started = Date.now()
  await git.run(['init', '-q', '-b', 'main'])
  await git.run(['fast-import', '--quiet', '--done'], { input: gen.stream })
  writeFileSync(join(dir, 'complete'), '')
  say(
    `  generated ${dir} (${gen.tags} tags, ${gen.migrations} migrations) in ${Date.now() - started} ms`,
  )
  return { dir, ...gen }
}

async function measure(releases: number): Promise<void> {
  const repo = await ensureRepo(releases)
  const commands = new Map<string, number>()
  const git = new Git({
    cwd: repo.dir,
    observer: (args) =>
      void commands.set(subcommand(args), (commands.get(subcommand(args)) ?? 0) + 1),
  })
  // One warm-up run (module loading, JIT), then the measured one; node CPU shows the cost without the machine's load.
  await checkRepository(new Git({ cwd: repo.dir }), defaultConfig(), { prefer: 'local' })
  const started = Date.now()
  const cpu = process.cpuUsage()
  const check = await checkRepository(git, defaultConfig(), { prefer: 'local' })
  const checkMs = Date.now() - started
  const used = process.cpuUsage(cpu)
  const cpuMs = Math.round((used.user + used.system) / 1000)
  const renderStart = Date.now()
  const json = renderJson(check.result)
  const markdown = renderMarkdown(check.result)
  const renderMs = Date.now() - renderStart
  const observed = [...commands.values()].reduce((a, b) => a + b, 0)
  const r = check.result
  const perRelease = r.releases.reduce((n, x) => n + x.migrations.length, 0)
  say(
    [
      `${LINES} lines x ${releases} releases (${r.releases.length} releases, ${repo.migrations} distinct migrations, ${perRelease} release-migration rows):`,
      `  check ${checkMs} ms wall, ${cpuMs} ms node CPU (discovery ${check.timings.discoverMs}, fix diffs ${check.timings.fixDiffsMs} for ${check.pairs} pairs, rules ${check.timings.rulesMs}); render json+markdown ${renderMs} ms (${json.length + markdown.length} chars)`,
      `  git processes: ${observed + check.discovery.batchReads} (${[...commands].map(([c, n]) => `${c} ${n}`).join(', ')}, cat-file --batch ${check.discovery.batchReads})`,
      `  conclusion ${r.conclusion}, ${r.findings.length} finding(s), ${r.upgrades.length} upgrade pair(s)${r.findings[0] ? `; first: ${r.findings[0].rule}: ${r.findings[0].message.slice(0, 120)}` : ''}`,
    ].join('\n'),
  )
}

const load = (await import('node:os')).loadavg()[0] ?? 0
say(
  `load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs (wall times grow with load)`,
)
for (const releases of [10, 20, 40]) await measure(releases)

/** The real-history shape, checked cold in a child process; wall time and peak RSS from /usr/bin/time -v when present. */
async function measureRealHistory(): Promise<void> {
  const repo = await ensureRealHistory(say)
  const timed = existsSync('/usr/bin/time')
  const node = [process.execPath, '--import', 'tsx', 'bench/upgrade-check-child.ts', repo.dir]
  const run = timed
    ? spawnSync('/usr/bin/time', ['-v', ...node], { encoding: 'utf8' })
    : spawnSync(node[0] as string, node.slice(1), { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`the check failed:\n${run.stderr}`)
  const child = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
    checkMs: number
    timings: { discoverMs: number; fixDiffsMs: number; rulesMs: number }
    pairs: number
    releases: number
    lines: number
    errors: number
    warnings: number
    lostCommits: number
    probablyPorted: number
    processes: Record<string, number>
    batchReads: number
    maxRssKb: number
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    run.stderr,
  )
  const wallS = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN
  const rssKb = Number(
    /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? child.maxRssKb,
  )
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`
  say(
    [
      `real history (${repo.dir}: ${repo.commits} commits, ${repo.tags} tags, ${mb(repo.patchBytes)} of patch text; ${child.lines} lines, ${child.releases} releases):`,
      `  check ${child.checkMs} ms (discovery ${child.timings.discoverMs}, fix diffs ${child.timings.fixDiffsMs} for ${child.pairs} pairs, rules ${child.timings.rulesMs}); process ${timed ? `${wallS.toFixed(2)} s wall, peak RSS ${Math.round(rssKb / 1024)} MB (/usr/bin/time -v)` : `peak RSS ${Math.round(child.maxRssKb / 1024)} MB (maxRSS)`}`,
      `  git processes: ${Object.values(child.processes).reduce((a, b) => a + b, 0) + child.batchReads} (${Object.entries(
        child.processes,
      )
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}, cat-file --batch ${child.batchReads})`,
      `  ${child.errors} error(s), ${child.warnings} warning(s); fix-loss: ${child.lostCommits} lost commits over the pairs, ${child.probablyPorted} probably-ported warning(s)`,
    ].join('\n'),
  )
}

await measureRealHistory()
