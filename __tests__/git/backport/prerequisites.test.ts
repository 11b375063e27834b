/**
 * The prerequisite hint (a conflict caused by an earlier unported commit names it and its PR, and
 * whether its backport is open, merged or missing) and backport.failOnConflict, through the whole
 * job: real git (fetch-depth 1 checkout), the fake GitHub API.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { fetchTarget } from '../../../src/backport/fetch.js'
import { findPrerequisites } from '../../../src/backport/prerequisites.js'
import { Git } from '../../../src/git/git.js'
import {
  backportPrs,
  closeWorld,
  createWorld,
  fixlineComments,
  mergedPr,
  prPayload,
  runEvent,
  type World,
} from '../backport-scenarios/world.js'

let world: World | undefined
afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

const TWO = (line: string) => `one\n${line}\nthree\n`

/**
 * #3 rewrites line two (its backport to 2.x is opened and left open; a maintainer backported it to
 * 1.x by hand with cherry-pick -x); #5 then fixes the rewritten line, labelled for 1.x and 2.x.
 */
async function unportedRefactor(
  w: World,
  how: { method: 'squash' | 'rebase'; openBackport: boolean } = {
    method: 'squash',
    openBackport: true,
  },
): Promise<{ refactor: string; fix: string }> {
  const refactor = await mergedPr(w, {
    number: 3,
    title: 'Refactor two',
    commits: [{ 'app.txt': TWO('two (refactored)') }],
    subjects: ['Rewrite line two'],
    method: how.method,
    labels: how.openBackport ? ['backport-2.x'] : [],
  })
  if (how.openBackport) {
    const first = await runEvent(w, 'pull_request', prPayload(w, 3, 'closed'))
    expect(first.results.map((r) => r.status)).toEqual(['created'])
  }
  const { seed } = w.fixture
  await seed.run(['fetch', '--quiet', 'origin'])
  await w.fixture.checkout('1.x')
  await seed.run(['cherry-pick', '-x', refactor.mergeCommitSha])
  await w.fixture.push(['1.x'])
  await w.fixture.checkout('main')
  await seed.run(['merge', '--ff-only', '--quiet', 'origin/main'])
  const fix = await mergedPr(w, {
    number: 5,
    title: 'Fix two',
    commits: [{ 'app.txt': TWO('two (refactored, fixed)') }],
    method: 'squash',
    labels: ['backport-1.x', 'backport-2.x'],
  })
  return { refactor: refactor.mergeCommitSha, fix: fix.mergeCommitSha }
}

describe('the prerequisite hint', () => {
  it('names the earlier unported commit and its PR with its open backport; where it was backported first, the pick is clean', async () => {
    world = await createWorld()
    const w = world
    const { refactor } = await unportedRefactor(w)
    const outcome = await runEvent(w, 'pull_request', prPayload(w, 5, 'closed'))

    expect(outcome.conclusion).toBe('neutral')
    const byTarget = new Map(outcome.results.map((r) => [r.target, r]))
    expect(byTarget.get('1.x')?.status).toBe('created')
    const row = byTarget.get('2.x')
    expect(row?.status).toBe('conflict')
    const open = backportPrs(w).find((p) => p.pull.headRef === 'backport/3-to-2.x')
    expect(open).toBeDefined()
    expect(row?.message).toContain('app.txt (both modified)')
    expect(row?.message).toContain('it may need earlier changes 2.x lacks: #3 (backport open)')

    const draft = backportPrs(w).find((p) => p.pull.headRef === 'backport/5-to-2.x')
    expect(draft?.pull.draft).toBe(true)
    expect(draft?.body).toContain('**Earlier changes `2.x` lacks.**')
    expect(draft?.body).toContain(`- ${refactor.slice(0, 12)} [#3](https://github.com/`)
    expect(draft?.body).toMatch(
      /\[#3\]\(https:\/\/github\.com\/[^/]+\/[^/]+\/pull\/3\) Refactor two/,
    )
    expect(draft?.body).toMatch(/: backport to 2\.x open \(#\d+\) \(`app\.txt`\)/)
    expect(draft?.body).toContain('- `app.txt`: **both modified**: both sides changed it')
    expect(fixlineComments(w, 5)[0]?.body).toContain('#3 (backport open)')
  })

  it('engine: the hint lists the unported commit for 2.x and nothing for 1.x, with the same number of git processes', async () => {
    world = await createWorld()
    const w = world
    const { refactor, fix } = await unportedRefactor(w)
    const counts: number[] = []
    const hints = []
    for (const target of ['1.x', '2.x']) {
      const ws = await w.fixture.checkoutClone({ depth: 1 })
      let processes = 0
      const git = new Git({ cwd: ws.cwd, env: w.fixture.env, observer: () => void processes++ })
      const tip = await fetchTarget(git, 'origin', target)
      processes = 0
      hints.push(
        await findPrerequisites(git, {
          remote: 'origin',
          target,
          targetTip: tip,
          sourceBranch: 'main',
          failed: fix,
          files: ['app.txt'],
          planned: [fix],
        }),
      )
      counts.push(processes)
    }
    const [one, two] = hints
    expect(one).toEqual({ commits: [], more: 0, unavailable: undefined })
    expect(two?.unavailable).toBeUndefined()
    expect(two?.commits).toEqual([
      {
        sha: refactor,
        subject: 'Refactor two (#3)',
        files: ['app.txt'],
        pr: { number: 3, title: 'Refactor two', url: undefined },
        backport: { state: 'unknown' },
      },
    ])
    expect(counts[0]).toBe(counts[1])
    // is-shallow, 3 fetches, rev-parse, the graph, the evidence read (at most 3), the log.
    expect(counts[0]).toBeLessThanOrEqual(10)
  })

  it('a rebase-merged prerequisite (no `(#n)` in its subject): its PR comes from the API, its backport is missing', async () => {
    world = await createWorld()
    const w = world
    const { refactor } = await unportedRefactor(w, { method: 'rebase', openBackport: false })
    const outcome = await runEvent(w, 'pull_request', prPayload(w, 5, 'closed'))
    const row = outcome.results.find((r) => r.target === '2.x')
    expect(row?.status).toBe('conflict')
    expect(row?.message).toContain('#3 (backport missing)')
    const draft = backportPrs(w).find((p) => p.pull.headRef === 'backport/5-to-2.x')
    expect(draft?.body).toMatch(
      new RegExp(
        `- ${refactor.slice(0, 12)} \\[#3\\]\\(https://github\\.com/[^/]+/[^/]+/pull/3\\) Refactor two: backport to 2\\.x missing`,
      ),
    )
  })
})

describe('backport.failOnConflict', () => {
  async function conflicting(w: World): Promise<void> {
    const { fixture } = w
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': TWO('TWO on 1.x') }, 'Diverge on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    await mergedPr(w, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': TWO('two changed') }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
  }

  it('true: a conflict fails the step (the draft PR is still opened)', async () => {
    world = await createWorld()
    await conflicting(world)
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'), {
      config: 'backport:\n  failOnConflict: true\n',
    })
    expect(outcome.conclusion).toBe('failure')
    expect(outcome.results[0]?.status).toBe('conflict')
    expect(backportPrs(world)[0]?.pull.draft).toBe(true)
  })

  it('default: a conflict ends neutral', async () => {
    world = await createWorld()
    await conflicting(world)
    const outcome = await runEvent(world, 'pull_request', prPayload(world, 5, 'closed'))
    expect(outcome.conclusion).toBe('neutral')
    expect(outcome.results[0]?.status).toBe('conflict')
  })
})
