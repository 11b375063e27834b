/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Whole-process start-up cost of the built bundles (run `npm run build` first), interleaved in one
 * run so every case sees the same machine load: bare `node -e 0`; `node dist/index.js` on an
 * event that routes to nothing (an issue comment that is not a command); the same bundle on a
 * squash-merged PR labelled backport-1.x against the fake GitHub API and a real origin (the e2e
 * tier's setup); `node dist/cli.js --help`. Each bundle case also runs today's bundle (commit
 * BASELINE, extracted from git into .bench/baseline/, never committed) for the comparison.
 * Prints the median wall and CPU time (user + sys of the process and its children) of each case
 * and the ratios the issue aims at. Run: npm run bench -- startup  (BENCH_ROUNDS=n, default 15)
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runAction } from '../__tests__/support/run-action.js'
import { runMergedBackport } from '../__tests__/support/run-merged-backport.js'
import { closeWorld, createWorld, mergedPr } from '../__tests__/git/backport-scenarios/world.js'

/** The bundle before the start-up work (issue 12): dist/ as committed at 266484a. */
const BASELINE = '266484a'
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const BASE_DIR = resolve('.bench/baseline')
const NEW = { index: resolve('dist/index.js'), cli: resolve('dist/cli.js') }
const OLD = { index: join(BASE_DIR, 'index.js'), cli: join(BASE_DIR, 'cli.js') }

/** Writes every file of dist/ at BASELINE into .bench/baseline/ (the bundle runs standalone). */
function extractBaseline(): void {
  rmSync(BASE_DIR, { recursive: true, force: true })
  mkdirSync(BASE_DIR, { recursive: true })
  const names = execFileSync('git', ['ls-tree', '--full-tree', '--name-only', BASELINE, 'dist/'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((n) => n.length > 0)
  for (const name of names) {
    const blob = execFileSync('git', ['show', `${BASELINE}:${name}`], {
      maxBuffer: 64 * 1024 * 1024,
    })
    writeFileSync(join(BASE_DIR, name.slice('dist/'.length)), blob)
  }
}

/** CPU time (ms) of this process's reaped children: cutime + cstime from /proc/self/stat. */
function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields after the command name start at field 3 (state): cutime is field 16, cstime 17.
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * 10
}

interface Sample {
  wall: number
  cpu: number
}

function runNode(args: string[], expectText: string): Promise<Sample> {
  return new Promise((resolvePromise, reject) => {
    const cpu0 = childCpuMs()
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      const wall = performance.now() - started
      if (code !== 0 || !out.includes(expectText))
        reject(new Error(`node ${args.join(' ')}: exit ${code}\n${out.slice(0, 2000)}`))
      else resolvePromise({ wall, cpu: childCpuMs() - cpu0 })
    })
  })
}

const workspace = mkdtempSync(join(tmpdir(), 'fixline-startup-'))
const COMMENT = {
  action: 'created',
  issue: { number: 7 },
  comment: { id: 70, body: 'Thanks, looks good to me!', user: { login: 'ada' } },
  repository: { name: 'widgets', owner: { login: 'acme' }, default_branch: 'main' },
}

async function nothingToDo(bundle: string): Promise<Sample> {
  const cpu0 = childCpuMs()
  const started = performance.now()
  const result = await runAction({
    bundle,
    eventName: 'issue_comment',
    payload: COMMENT,
    inputs: { 'github-token': 'ghs_bench-token' },
    // Never called: a run with nothing to do makes no API call.
    apiUrl: 'http://127.0.0.1:9',
    workspace,
    repository: 'acme/widgets',
  })
  const wall = performance.now() - started
  if (result.exitCode !== 0 || !result.log.includes('nothing to do'))
    throw new Error(`${bundle}: exit ${result.exitCode}\n${result.log.slice(0, 2000)}`)
  return { wall, cpu: childCpuMs() - cpu0 }
}

/** One squash-merged PR labelled backport-1.x, a fresh world each time (set-up not timed). */
async function squashBackport(bundle: string): Promise<Sample & { calls: number }> {
  const world = await createWorld()
  try {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }, { 'c.txt': 'c\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const before = world.server.calls.length
    const cpu0 = childCpuMs()
    const result = await runMergedBackport(world, {
      merge,
      title: 'Fix the widget',
      labels: ['backport-1.x'],
      bundle,
    })
    const cpu = childCpuMs() - cpu0
    if (result.exitCode !== 0 || result.outputs.conclusion !== 'success')
      throw new Error(`${bundle}: exit ${result.exitCode}\n${result.log.slice(0, 3000)}`)
    if (world.server.problems().length > 0)
      throw new Error(`fake GitHub problems: ${world.server.problems().join('; ')}`)
    return { wall: result.ms, cpu, calls: world.server.calls.length - before }
  } finally {
    await closeWorld(world)
  }
}

/**
 * Git processes of one squash backport run of `bundle` (not timed): a `git` first on PATH that logs
 * each start and runs the real one. The checkout's own processes are counted apart.
 */
async function gitProcesses(bundle: string): Promise<{ run: number; checkout: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'fixline-gitcount-'))
  const log = join(dir, 'log')
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\n[ -n "$FIXLINE_BENCH_GIT_LOG" ] && echo "$1" >> "$FIXLINE_BENCH_GIT_LOG"\nexec "${real}" "$@"\n`,
    { mode: 0o755 },
  )
  const path = process.env.PATH
  process.env.PATH = `${dir}:${path ?? ''}`
  const world = await createWorld()
  // The fake server answers from origin with `git --git-dir <origin>` in this process: not counted.
  const count = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && l !== '--git-dir').length
  try {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }, { 'c.txt': 'c\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    writeFileSync(log, '')
    process.env.FIXLINE_BENCH_GIT_LOG = log
    await world.fixture.checkoutClone({ depth: 1 })
    const checkout = count()
    const result = await runMergedBackport(world, {
      merge,
      title: 'Fix the widget',
      labels: ['backport-1.x'],
      bundle,
    })
    if (result.exitCode !== 0) throw new Error(`${bundle}: exit ${result.exitCode}`)
    return { run: count() - 2 * checkout, checkout }
  } finally {
    delete process.env.FIXLINE_BENCH_GIT_LOG
    process.env.PATH = path
    await closeWorld(world)
    rmSync(dir, { recursive: true, force: true })
  }
}

interface Case {
  name: string
  run: () => Promise<Sample & { calls?: number }>
}

const CASES: Case[] = [
  { name: 'bare node (node -e 0)', run: () => runNode(['-e', 'process.stdout.write("ok")'], 'ok') },
  { name: 'nothing to do, new (node dist/index.js)', run: () => nothingToDo(NEW.index) },
  { name: 'nothing to do, baseline', run: () => nothingToDo(OLD.index) },
  { name: 'squash backport 1 target, new', run: () => squashBackport(NEW.index) },
  { name: 'squash backport 1 target, baseline', run: () => squashBackport(OLD.index) },
  {
    name: 'fixline --help, new (node dist/cli.js)',
    run: () => runNode([NEW.cli, '--help'], 'Usage'),
  },
  { name: 'fixline --help, baseline', run: () => runNode([OLD.cli, '--help'], 'Usage') },
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

extractBaseline()
const samples = new Map<string, Sample[]>(CASES.map((c) => [c.name, []]))
const calls = new Map<string, number>()
try {
  for (const c of CASES) await c.run() // warm-up: file cache, git, the fake server's first answers
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CASES) {
      const s = await c.run()
      samples.get(c.name)?.push(s)
      if (s.calls !== undefined) calls.set(c.name, s.calls)
    }
  }
} finally {
  rmSync(workspace, { recursive: true, force: true })
}

const med = (name: string, key: keyof Sample) =>
  median((samples.get(name) ?? []).map((s) => s[key]))
console.log(`${ROUNDS} rounds, interleaved; baseline = dist/ at ${BASELINE} (.bench/baseline/)`)
console.log('| case | median wall ms | median CPU ms | API calls |')
console.log('| --- | ---: | ---: | ---: |')
for (const c of CASES)
  console.log(
    `| ${c.name} | ${med(c.name, 'wall').toFixed(1)} | ${med(c.name, 'cpu').toFixed(0)} | ${calls.get(c.name) ?? ''} |`,
  )
const ratio = (a: string, b: string, key: keyof Sample) => (med(a, key) / med(b, key)).toFixed(2)
const [bare, idle, idleOld, squash, squashOld, help, helpOld] = CASES.map((c) => c.name) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
]
console.log(
  `nothing to do vs bare node: wall ${ratio(idle, bare, 'wall')}x, CPU ${ratio(idle, bare, 'cpu')}x (aim <= 1.5x; baseline ${ratio(idleOld, bare, 'wall')}x)`,
)
console.log(
  `squash backport new vs baseline: wall ${ratio(squash, squashOld, 'wall')}x, CPU ${ratio(squash, squashOld, 'cpu')}x (aim <= 0.8x)`,
)
for (const [name, bundle] of [
  ['new', NEW.index],
  ['baseline', OLD.index],
] as const) {
  const git = await gitProcesses(bundle)
  console.log(
    `squash backport 1 target, ${name}: ${git.run} git processes (the checkout's ${git.checkout} and the fake server's not counted)`,
  )
}
console.log(
  `fixline --help vs bare node: wall ${ratio(help, bare, 'wall')}x (baseline ${ratio(helpOld, bare, 'wall')}x)`,
)
