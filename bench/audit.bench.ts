/**
 * `npm run bench -- audit`: the fix audit (src/audit auditLines) on a generated repository of
 * ~21,000 commits with 5 release lines (1.x..4.x and main) and ~2,000 commits on each older line
 * since its fork, generated with one `git fast-import` (then repacked, as a clone is) and cached
 * under .bench/. Prints the whole
 * audit's time, its peak memory (a child process under `/usr/bin/time -v`), and the git processes
 * per line pair; then the same audit over 3 lines to show that the process count does not grow
 * with the pairs.
 *
 * Shape: main has 13,000 commits, each adding one small file; lines k.x fork from main at
 * 4,000 + 2,000 (k - 1). Each line then gets: the 1,850 main commits after the last fork backported
 * (the same patch: patch-id evidence on every newer line), 100 fixes of its own forward-ported with
 * the same patch to every newer line and main, 50 fixes never carried (missing on every newer line:
 * 200 in all), and 10 release bumps of package.json, each tagged (release bookkeeping).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Git } from '../src/git/git.js'
import { say, Stream } from './fast-import-stream.js'

const VERSION = 'audit-v3'
const MAIN = 13_000
const LINES = 4
const FORK = (k: number) => 4_000 + 2_000 * (k - 1)
const BACKPORTS = 1_850
const OWN = 100
const LOST = 50
const BUMPS = 10

const pkg = (version: string) =>
  `{\n  "name": "bench",\n  "version": "${version}",\n  "private": true\n}\n`
const source = (name: string, n: number) =>
  `// ${name}\nexport function f${n}(a) {\n  return a * ${n % 97} + ${n}\n}\n`
const mainFile = (j: number) => [`src/m/${j % 100}/f${j}.js`, source(`main ${j}`, j)] as const

function generate(): Stream {
  const s = new Stream()
  const forks = new Map<number, number>()
  let tip = s.commit('main', 'Initial', { 'package.json': pkg('0.1.0') })
  for (let j = 1; j <= MAIN; j++) {
    const k = [...Array(LINES).keys()].map((i) => i + 1).find((x) => FORK(x) === j)
    if (k !== undefined) {
      tip = s.commit('main', `Release ${k}.0.0`, { 'package.json': pkg(`${k}.0.0`) })
      s.tag(`v${k}.0.0`, tip)
      forks.set(k, tip)
    }
    const [path, content] = mainFile(j)
    tip = s.commit('main', `Change ${j} on main`, { [path]: content })
  }
  tip = s.commit('main', `Release ${LINES + 1}.0.0`, { 'package.json': pkg(`${LINES + 1}.0.0`) })
  s.tag(`v${LINES + 1}.0.0`, tip)
  const newer = (k: number) => [
    ...[...Array(LINES - k).keys()].map((i) => `${k + 1 + i}.x`),
    'main',
  ]
  // Every line exists before any forward-port is made to it.
  for (let k = 1; k <= LINES; k++)
    s.commit(`${k}.x`, `Start ${k}.x`, { [`docs/${k}.x.md`]: `# ${k}.x\n` }, forks.get(k))
  for (let k = 1; k <= LINES; k++) {
    const branch = `${k}.x`
    let bump = 0
    for (let i = 0; i < BACKPORTS + OWN + LOST; i++) {
      if (i % Math.floor((BACKPORTS + OWN + LOST) / BUMPS) === 0 && bump < BUMPS) {
        const version = `${k}.${++bump}.0`
        s.tag(
          `v${version}`,
          s.commit(branch, `Release ${version}`, { 'package.json': pkg(version) }),
        )
      }
      if (i < BACKPORTS) {
        const j = FORK(LINES) + 1 + i
        const [path, content] = mainFile(j)
        s.commit(branch, `Change ${j} on main (backport)`, { [path]: content })
      } else if (i < BACKPORTS + OWN) {
        const n = i - BACKPORTS
        const files = { [`src/l${k}/fix${n}.js`]: source(`fix ${n} of ${branch}`, n) }
        s.commit(branch, `Fix ${n} of ${branch}`, files)
        for (const to of newer(k)) s.commit(to, `Fix ${n} of ${branch} (forward-port)`, files)
      } else {
        const n = i - BACKPORTS - OWN
        s.commit(branch, `Lost fix ${n} of ${branch}`, {
          [`src/l${k}/lost${n}.js`]: source(`lost ${n} of ${branch}`, n),
        })
      }
    }
  }
  return s
}

interface BenchRepo {
  dir: string
  commits: number
  tags: number
  sinceFork: Record<string, number>
  generatedMs: number
}

async function ensureRepo(): Promise<BenchRepo> {
  const dir = join('.bench', VERSION)
  const metaFile = join(dir, 'meta.json')
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as BenchRepo
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const git = new Git({ cwd: dir })
  const started = Date.now()
  await git.run(['init', '-q', '-b', 'main'])
  await git.run(['fast-import', '--quiet'], { input: generate().text() })
  await git.run(['reset', '-q', '--hard', 'main'])
  // Packed as a clone from GitHub is (fast-import's own pack has poor deltas: twice the diff time).
  await git.run(['repack', '-adq', '-f'])
  const commits = Number(await git.text(['rev-list', '--all', '--count']))
  const tags = (await git.lines(['tag', '--list'])).length
  const sinceFork: Record<string, number> = {}
  const lines = [...[...Array(LINES).keys()].map((i) => `${i + 1}.x`), 'main']
  for (let i = 0; i + 1 < lines.length; i++) {
    const [line, next] = [lines[i] as string, lines[i + 1] as string]
    sinceFork[`${line} since ${next}`] = Number(
      await git.text(['rev-list', '--count', `${next}..${line}`]),
    )
  }
  const repo: BenchRepo = { dir, commits, tags, sinceFork, generatedMs: Date.now() - started }
  writeFileSync(metaFile, JSON.stringify(repo))
  return repo
}

interface ChildResult {
  auditMs: number
  renderMs: number
  markdownChars: number
  lines: string[]
  pairs: number
  commitsCompared: number
  gitProcesses: number
  processes: Record<string, number>
  missing: number
  missingRows: number
  decided: number
  probable: number
  warnings: number
  maxRssKb: number
}

function runChild(
  dir: string,
  patterns?: string[],
): ChildResult & { wallS: number; rssKb: number; cpuS: number } {
  const timed = existsSync('/usr/bin/time')
  const node = [
    process.execPath,
    '--import',
    'tsx',
    'bench/audit-child.ts',
    dir,
    ...(patterns ? [JSON.stringify(patterns)] : []),
  ]
  const run = timed
    ? spawnSync('/usr/bin/time', ['-v', ...node], { encoding: 'utf8' })
    : spawnSync(node[0] as string, node.slice(1), { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`the audit failed:\n${run.stderr}`)
  const child = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildResult
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    run.stderr,
  )
  const wallS = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN
  const rssKb = Number(
    /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? child.maxRssKb,
  )
  // CPU of the audit and every git process it ran (rusage of waited-for children): what the wall
  // time would be on an idle machine with one core, whatever else is running.
  const seconds = (what: string) =>
    Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN)
  return { ...child, wallS, rssKb, cpuS: seconds('User') + seconds('System') }
}

function report(
  label: string,
  r: ChildResult & { wallS: number; rssKb: number; cpuS: number },
): void {
  const perPair = r.pairs > 0 ? (r.gitProcesses / r.pairs).toFixed(2) : 'n/a'
  say(
    [
      `${label}: ${r.lines.length} lines (${r.lines.join(', ')}), ${r.pairs} line pairs, ${r.commitsCompared} commits compared`,
      `  audit ${r.auditMs} ms; process ${r.wallS.toFixed(2)} s wall, ${r.cpuS.toFixed(2)} s CPU (node and git, user+sys), peak RSS ${Math.round(r.rssKb / 1024)} MB; Markdown ${r.renderMs} ms (${r.markdownChars} chars)`,
      `  git processes: ${r.gitProcesses} in all, ${perPair} per line pair (${Object.entries(
        r.processes,
      )
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')})`,
      `  ${r.missing} fixes missing (${r.missingRows} fix-line rows), ${r.decided} decided, ${r.probable} probably ported, ${r.warnings} warning(s)`,
    ].join('\n'),
  )
}

const repo = await ensureRepo()
const os = await import('node:os')
say(
  `repository ${repo.dir}: ${repo.commits} commits, ${repo.tags} tags (generated in ${repo.generatedMs} ms, cached); since fork: ${Object.entries(
    repo.sinceFork,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
)
say(`load average ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} CPUs`)
report('5 lines', runChild(repo.dir))
report('3 lines', runChild(repo.dir, ['^[12]\\.x$']))
