/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Fault runs of the built action (`node dist/index.js`, run `npm run build` first) on a
 * squash-merged PR labelled backport-1.x, against the fake GitHub API with fault injection and a
 * real origin: each scenario runs once with the fault, then again after it clears. Prints the
 * faults that fired, the PRs and fixline comments left (the aim: exactly one of each), each run's
 * exit code and wall time. Run: npm run bench -- faults
 */
import { slowPushes, type PushFault } from '../__tests__/support/origin-faults.js'
import { runMergedBackport } from '../__tests__/support/run-merged-backport.js'
import type { Fault } from '../__tests__/support/fake-github/faults.js'
import {
  backportPrs,
  closeWorld,
  createWorld,
  fixlineComments,
  mergedPr,
  type World,
} from '../__tests__/git/backport-scenarios/world.js'

interface Scenario {
  name: string
  faults?: Fault[]
  slowPush?: number
}

const INPUTS = { 'api-timeout': '2', 'git-timeout': '3' }

const SCENARIOS: Scenario[] = [
  { name: 'none (baseline)' },
  {
    name: 'comment create: answer lost (502 after the write)',
    faults: [{ operation: 'issues/create-comment', kind: 'lost-answer' }],
  },
  {
    name: 'PR create: answer lost (504 after the write)',
    faults: [{ operation: 'pulls/create', kind: 'lost-answer', status: 504 }],
  },
  {
    name: 'PR create: applied, then the connection hangs',
    faults: [{ operation: 'pulls/create', kind: 'hang', apply: true }],
  },
  {
    name: 'PR create: never answers (every try)',
    faults: [{ operation: 'pulls/create', kind: 'hang', times: Infinity }],
  },
  {
    name: 'comment list: connection reset twice',
    faults: [{ operation: 'issues/list-comments', kind: 'reset', times: 2 }],
  },
  {
    name: 'comment list: never answers (every try)',
    faults: [{ operation: 'issues/list-comments', kind: 'hang', times: Infinity }],
  },
  {
    name: 'PR create: rate limit resetting in 1 h',
    faults: [{ operation: 'pulls/create', kind: 'rate-limit', retryAfter: 3600 }],
  },
  { name: 'push: remote hangs 60 s', slowPush: 60 },
]

async function runOnce(world: World, merge: Awaited<ReturnType<typeof mergedPr>>) {
  const result = await runMergedBackport(world, {
    merge,
    title: 'Fix the widget',
    labels: ['backport-1.x'],
    inputs: INPUTS,
    timeoutMs: 120_000,
  })
  return { exit: result.exitCode, ms: result.ms }
}

async function scenario(s: Scenario) {
  const world = await createWorld()
  try {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [{ 'a.txt': 'a\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    for (const f of s.faults ?? []) world.server.faults.add(f)
    let push: PushFault | undefined
    if (s.slowPush !== undefined) push = await slowPushes(world.fixture.originDir, s.slowPush)
    const first = await runOnce(world, merge)
    const injected = world.server.faults.injected().length + (push ? await push.hits() : 0)
    world.server.faults.clear()
    await push?.remove()
    const rerun = await runOnce(world, merge)
    return {
      name: s.name,
      injected,
      first,
      rerun,
      prs: backportPrs(world).length,
      comments: fixlineComments(world, 5).length,
      problems: world.server.problems().length,
    }
  } finally {
    await closeWorld(world)
  }
}

console.log(
  `Inputs: api-timeout ${INPUTS['api-timeout']} s, git-timeout ${INPUTS['git-timeout']} s (defaults 30 s and 300 s)`,
)
console.log(
  '| fault | injected | 1st run: exit, wall | re-run: exit, wall | PRs | comments | problems |',
)
console.log('| --- | ---: | --- | --- | ---: | ---: | ---: |')
let longest = 0
for (const s of SCENARIOS) {
  const r = await scenario(s)
  longest = Math.max(longest, r.first.ms, r.rerun.ms)
  console.log(
    `| ${r.name} | ${r.injected} | ${r.first.exit}, ${(r.first.ms / 1000).toFixed(1)} s | ${r.rerun.exit}, ${(r.rerun.ms / 1000).toFixed(1)} s | ${r.prs} | ${r.comments} | ${r.problems} |`,
  )
}
console.log(`Longest run: ${(longest / 1000).toFixed(1)} s`)
