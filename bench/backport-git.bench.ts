/* eslint-disable no-console */
/**
 * Backport git cost: a full clone versus a `fetch-depth: 1` checkout plus the backport's own
 * fetches and cherry-picks (planPicks + prepareBranch), on a generated repository of 20,000
 * commits and 5,000 files with `1.x` branched off early and a squash-merged PR on main.
 *
 * The repository is generated once with `git fast-import` and cached under .bench/ (gitignored).
 * Prints figures; asserts nothing.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Git } from '../src/git/git.js'
import { planPicks } from '../src/backport/select.js'
import { prepareBranch } from '../src/backport/branch.js'
import type { SourcePr } from '../src/backport/types.js'

const PARAMS = {
  version: 1,
  commits: 20_000,
  files: 5_000,
  touched: 4_000,
  branchAt: 1_000,
  releaseCommits: 30,
  lines: 20,
}
const CACHE = resolve('.bench/backport-git')
const ORIGIN = join(CACHE, 'origin.git')
const STAMP = join(CACHE, 'params.json')
const RUNS = 3
const ISOLATION = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const IDENT = {
  GIT_AUTHOR_NAME: 'Ada Author',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Author',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
}
const BOT = {
  GIT_AUTHOR_NAME: 'fixline[bot]',
  GIT_AUTHOR_EMAIL: 'bot@example.com',
  GIT_COMMITTER_NAME: 'fixline[bot]',
  GIT_COMMITTER_EMAIL: 'bot@example.com',
}

interface Generated {
  pr: SourcePr
}

function path(i: number): string {
  return `src/dir${i % 50}/file${i}.txt`
}

/** The fast-import stream: history on main, 1.x off commit `branchAt`, a PR of 3 commits squash-merged. */
function stream(): string {
  const p = PARAMS
  const content: string[][] = []
  for (let i = 0; i < p.files; i++)
    content.push(
      Array.from(
        { length: p.lines },
        (_, l) => `file ${i} line ${l}: the quick brown fox jumps over the lazy dog`,
      ),
    )
  const out: string[] = []
  let t = 1_600_000_000
  let mark = 0
  const commit = (
    ref: string,
    from: string | undefined,
    message: string,
    files: Array<[string, string]>,
  ): number => {
    mark += 1
    t += 60
    out.push(
      `commit ${ref}\nmark :${mark}\nauthor Ada Author <ada@example.com> ${t} +0000\ncommitter Ada Author <ada@example.com> ${t} +0000\n`,
    )
    out.push(`data ${Buffer.byteLength(message)}\n${message}\n${from ? `from ${from}\n` : ''}`)
    for (const [f, c] of files)
      out.push(`M 100644 inline ${f}\ndata ${Buffer.byteLength(c)}\n${c}\n`)
    out.push('\n')
    return mark
  }
  const edit = (i: number, line: number, text: string): [string, string] => {
    content[i]![line] = text
    return [path(i), content[i]!.join('\n') + '\n']
  }
  const all = content.map((c, i): [string, string] => [path(i), c.join('\n') + '\n'])
  let main = commit('refs/heads/main', undefined, 'initial import', all)
  let branchPoint = main
  for (let k = 1; k < p.commits; k++) {
    const f = (k * 7919) % p.touched
    main = commit('refs/heads/main', `:${main}`, `change ${k}`, [
      edit(f, k % p.lines, `changed in commit ${k}`),
    ])
    if (k === p.branchAt) branchPoint = main
  }
  let release = branchPoint
  for (let k = 0; k < p.releaseCommits; k++) {
    const f = (k * 104_729) % p.touched
    release = commit('refs/heads/1.x', `:${release}`, `1.x maintenance ${k}`, [
      [path(f), `release line edit ${k}\n`],
    ])
  }
  // The PR: three commits on files history never touched, then GitHub's squash commit on main.
  const a = p.touched + 500
  const b = p.touched + 501
  const featureFile: [string, string] = ['src/feature.txt', 'a new feature\n']
  let head = commit('refs/pull/1/head', `:${main}`, 'add the feature file', [featureFile])
  head = commit('refs/pull/1/head', `:${head}`, 'fix file a', [edit(a, 3, 'fixed line in a')])
  commit('refs/pull/1/head', `:${head}`, 'fix file b', [edit(b, 4, 'fixed line in b')])
  commit(
    'refs/heads/main',
    `:${main}`,
    'Add the feature (#1)\n\n* add the feature file\n\n* fix file a\n\n* fix file b',
    [
      featureFile,
      [path(a), content[a]!.join('\n') + '\n'],
      [path(b), content[b]!.join('\n') + '\n'],
    ],
  )
  return out.join('')
}

async function generate(): Promise<Generated> {
  const stampOk =
    existsSync(STAMP) && readFileSync(STAMP, 'utf8').startsWith(JSON.stringify(PARAMS))
  const git = new Git({ cwd: CACHE, env: { ...ISOLATION, ...IDENT } })
  if (!stampOk) {
    rmSync(CACHE, { recursive: true, force: true })
    mkdirSync(CACHE, { recursive: true })
    const started = Date.now()
    await git.run(['init', '-q', '--bare', '-b', 'main', ORIGIN])
    const origin = git.at(ORIGIN)
    await origin.run(['fast-import', '--quiet'], { input: stream() })
    await origin.run(['repack', '-adq'])
    const pr = await source(origin)
    writeFileSync(STAMP, JSON.stringify(PARAMS) + '\n' + JSON.stringify(pr))
    console.log(
      `generated ${PARAMS.commits} commits, ${PARAMS.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s (cached in .bench/)`,
    )
    return { pr }
  }
  return { pr: JSON.parse(readFileSync(STAMP, 'utf8').split('\n')[1]!) as SourcePr }
}

async function source(origin: Git): Promise<SourcePr> {
  return {
    number: 1,
    title: 'Add the feature',
    baseRef: 'main',
    headSha: await origin.text(['rev-parse', 'refs/pull/1/head']),
    mergeCommitSha: await origin.text(['rev-parse', 'refs/heads/main']),
    commits: 3,
  }
}

function dirBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    total += entry.isDirectory() ? dirBytes(full) : statSync(full).size
  }
  return total
}

interface Row {
  name: string
  ms: number
  bytes: number
  processes: number
  commits: number
}

async function fullClone(url: string, dir: string): Promise<Row> {
  let processes = 0
  const git = new Git({
    cwd: CACHE,
    env: { ...ISOLATION, ...BOT },
    observer: () => void processes++,
  })
  const started = Date.now()
  await git.run(['clone', '-q', '--no-tags', url, dir])
  const ms = Date.now() - started
  const commits = Number(await git.at(dir).text(['rev-list', '--count', '--all']))
  return {
    name: 'full clone',
    ms,
    bytes: dirBytes(join(dir, '.git', 'objects')),
    processes,
    commits,
  }
}

interface ShallowRun {
  clone: Row
  backport: Row
  total: Row
  status: string
}

async function shallowBackport(url: string, dir: string, pr: SourcePr): Promise<ShallowRun> {
  let processes = 0
  const git = new Git({
    cwd: CACHE,
    env: { ...ISOLATION, ...BOT },
    observer: () => void processes++,
  })
  const started = Date.now()
  await git.run(['clone', '-q', '--depth', '1', '--no-tags', '--branch', 'main', url, dir])
  const cloneMs = Date.now() - started
  const cloneBytes = dirBytes(join(dir, '.git', 'objects'))
  const cloneProcesses = processes
  const ws = git.at(dir)
  const cloneCommits = Number(await ws.text(['rev-list', '--count', '--all']))
  processes = 0
  const backportStarted = Date.now()
  const plan = await planPicks(ws, pr, { mergeCommits: 'own-commits', remote: 'origin' })
  const outcome = await prepareBranch(
    ws,
    { pr, plan, target: '1.x', branch: 'backport/1-to-1.x', remote: 'origin' },
    { conflicts: 'draft-pr' },
  )
  const backportMs = Date.now() - backportStarted
  const backportProcesses = processes
  const bytes = dirBytes(join(dir, '.git', 'objects'))
  const commits = Number(await ws.text(['rev-list', '--count', '--all']))
  return {
    clone: {
      name: 'depth-1 clone of main',
      ms: cloneMs,
      bytes: cloneBytes,
      processes: cloneProcesses,
      commits: cloneCommits,
    },
    backport: {
      name: 'backport git work (planPicks + prepareBranch)',
      ms: backportMs,
      bytes: bytes - cloneBytes,
      processes: backportProcesses,
      commits: commits - cloneCommits,
    },
    total: {
      name: 'depth-1 clone + backport',
      ms: cloneMs + backportMs,
      bytes,
      processes: cloneProcesses + backportProcesses,
      commits,
    },
    status: `${plan.method}: ${plan.explanation} -> ${outcome.status}`,
  }
}

/** The run with the median wall time (figures are noisy on shared machines). */
function median<T>(runs: T[], ms: (r: T) => number): T {
  return [...runs].sort((x, y) => ms(x) - ms(y))[Math.floor(runs.length / 2)]!
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

async function main(): Promise<void> {
  const { pr } = await generate()
  const url = pathToFileURL(ORIGIN).href
  const runDir = join(CACHE, `run-${process.pid}`)
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
  try {
    const fulls: Row[] = []
    const shallows: ShallowRun[] = []
    for (let i = 0; i < RUNS; i++) {
      fulls.push(await fullClone(url, join(runDir, `full-${i}`)))
      shallows.push(await shallowBackport(url, join(runDir, `shallow-${i}`), pr))
      rmSync(join(runDir, `full-${i}`), { recursive: true, force: true })
      rmSync(join(runDir, `shallow-${i}`), { recursive: true, force: true })
    }
    const full = median(fulls, (r) => r.ms)
    const shallow = median(shallows, (r) => r.total.ms)
    const rows = [full, shallow.clone, shallow.backport, shallow.total]
    console.log(
      `repository: ${PARAMS.commits} commits on main, ${PARAMS.files} files, 1.x branched at commit ${PARAMS.branchAt}; PR #1 (3 commits) squash-merged`,
    )
    console.log(`backport: ${shallow.status}`)
    console.log(
      `median of ${RUNS} runs; bytes = size of .git/objects (what the clone/fetches received)`,
    )
    console.log('')
    console.log('| what | wall time | bytes | git processes | commits |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    for (const r of rows)
      console.log(
        `| ${r.name} | ${(r.ms / 1000).toFixed(2)} s | ${mib(r.bytes)} | ${r.processes} | ${r.commits} |`,
      )
    console.log('')
    console.log(
      `full clone / (depth-1 clone + backport): bytes ${(full.bytes / shallow.total.bytes).toFixed(1)}x, ` +
        `time ${(full.ms / shallow.total.ms).toFixed(1)}x; backport alone: ${mib(shallow.backport.bytes)} fetched, ${shallow.backport.processes} git processes`,
    )
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}

await main()
