/**
 * `node dist/cli.js backport` picks squash, rebase and merge-commit PRs by PR number (the fake API)
 * and the same commits by sha (no API at all), as the action's engine selects them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  backportCli,
  cliWorld,
  closeWorld,
  mergedPr,
  pickedSources,
  show,
  TOKEN,
  userClone,
  type JobWorld,
} from './backport-world.js'

let world: JobWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

/** Three merged PRs on main, one per merge method, each touching its own files. */
async function threePrs(w: JobWorld) {
  const squash = await mergedPr(w, {
    number: 5,
    title: 'Fix the widget',
    commits: [{ 'a.txt': 'a1\n' }, { 'a.txt': 'a2\n' }],
    method: 'squash',
  })
  const rebase = await mergedPr(w, {
    number: 6,
    title: 'Fix the gadget',
    commits: [{ 'b.txt': 'b1\n' }, { 'c.txt': 'c1\n' }],
    method: 'rebase',
  })
  const merge = await mergedPr(w, {
    number: 7,
    title: 'Fix the gizmo',
    commits: [{ 'd.txt': 'd1\n' }, { 'e.txt': 'e1\n' }],
    method: 'merge',
  })
  return { squash, rebase, merge }
}

/** The rebased copies GitHub landed on main for the rebase PR (the last `n` first-parent commits). */
async function landed(w: JobWorld, tip: string, n: number): Promise<string[]> {
  return w.fixture.origin.lines(['rev-list', '--reverse', '--first-parent', '-n', String(n), tip])
}

describe('fixline backport <PR number> (the fake API)', { timeout: 180_000 }, () => {
  it('squash, rebase and merge-commit PRs: one local branch per PR with the commits the engine selects', async () => {
    world = await cliWorld()
    const { squash, rebase, merge } = await threePrs(world)
    const clone = await userClone(world)

    const s = await backportCli(world, clone.cwd, ['5', '--to', '1.x'], TOKEN)
    expect(s.stderr).toBe('')
    expect(s.code).toBe(0)
    expect(s.stdout).toContain('Backport of #5 (Fix the widget)')
    expect(s.stdout).toMatch(
      /1\.x\s+created\s+1 commit\(s\) cherry-picked onto backport\/5-to-1\.x/,
    )
    expect(await pickedSources(clone, 'backport/5-to-1.x', 'origin/1.x')).toEqual([
      squash.mergeCommitSha,
    ])
    expect(await show(clone, 'backport/5-to-1.x:a.txt')).toBe('a2')
    // No private ref of fixline's is left in the user's clone.
    expect(await clone.lines(['for-each-ref', 'refs/fixline/'])).toEqual([])

    const r = await backportCli(world, clone.cwd, ['#6', '--to', '1.x', '2.x'], TOKEN)
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('rebase merge')
    const copies = await landed(world, rebase.mergeCommitSha, 2)
    for (const line of ['1.x', '2.x']) {
      expect(await pickedSources(clone, `backport/6-to-${line}`, `origin/${line}`)).toEqual(copies)
      expect(await show(clone, `backport/6-to-${line}:c.txt`)).toBe('c1')
    }

    const m = await backportCli(world, clone.cwd, ['7', '--to=2.x'], TOKEN)
    expect(m.code, m.stdout + m.stderr).toBe(0)
    const own = await world.fixture.origin.lines([
      'rev-list',
      '--reverse',
      `${merge.mergeCommitSha}^1..${merge.mergeCommitSha}^2`,
    ])
    expect(own).toHaveLength(2)
    expect(await pickedSources(clone, 'backport/7-to-2.x', 'origin/2.x')).toEqual(own)

    // Only reads of the PRs: no write, nothing else.
    expect(world.server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /repos/acme/widgets/pulls/5',
      'GET /repos/acme/widgets/pulls/6',
      'GET /repos/acme/widgets/pulls/7',
    ])
  })

  it('says clearly that a PR number needs GITHUB_TOKEN or GH_TOKEN (exit 2), and asks nothing', async () => {
    world = await cliWorld()
    await threePrs(world)
    const clone = await userClone(world)
    const run = await backportCli(world, clone.cwd, ['5', '--to', '1.x'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('needs a token: set GITHUB_TOKEN or GH_TOKEN')
    expect(world.server.calls).toEqual([])
    // GH_TOKEN works as well.
    const gh = await backportCli(world, clone.cwd, ['5', '--to', '1.x'], { GH_TOKEN: 'gho_x' })
    expect(gh.code, gh.stdout + gh.stderr).toBe(0)
  })
})

describe('fixline backport <commit...> (git only, no API)', { timeout: 180_000 }, () => {
  it('squash commit, rebased commits and a merge commit by sha, without a token and without one request', async () => {
    world = await cliWorld()
    const { squash, rebase, merge } = await threePrs(world)
    const clone = await userClone(world)
    // Even with a token and the API at hand, commits by sha never reach it.
    const env = TOKEN

    const short = squash.mergeCommitSha.slice(0, 12)
    const s = await backportCli(world, clone.cwd, [squash.mergeCommitSha, '--to', '1.x'], env)
    expect(s.code, s.stdout + s.stderr).toBe(0)
    expect(s.stdout).toContain(`Backport of commit ${short} (Fix the widget (#5))`)
    expect(await pickedSources(clone, `backport/${short}-to-1.x`, 'origin/1.x')).toEqual([
      squash.mergeCommitSha,
    ])

    const copies = await landed(world, rebase.mergeCommitSha, 2)
    // Short shas, picked in the order given.
    const r = await backportCli(
      world,
      clone.cwd,
      [...copies.map((c) => c.slice(0, 10)), '--to', '2.x'],
      env,
    )
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const rBranch = `backport/${(copies[0] as string).slice(0, 12)}-to-2.x`
    expect(await pickedSources(clone, rBranch, 'origin/2.x')).toEqual(copies)

    const m = await backportCli(world, clone.cwd, [merge.mergeCommitSha, '--to', '1.x'], env)
    expect(m.code, m.stdout + m.stderr).toBe(0)
    expect(m.stdout).toContain("picking the PR's own 2 commits in order")
    const own = await world.fixture.origin.lines([
      'rev-list',
      '--reverse',
      `${merge.mergeCommitSha}^1..${merge.mergeCommitSha}^2`,
    ])
    const mBranch = `backport/${merge.mergeCommitSha.slice(0, 12)}-to-1.x`
    expect(await pickedSources(clone, mBranch, 'origin/1.x')).toEqual(own)

    expect(world.server.calls).toEqual([])
  })

  it('fetches a full sha the clone does not have from the remote (git only)', async () => {
    world = await cliWorld()
    const clone = await userClone(world)
    const { squash } = await threePrs(world) // merged after the clone was made
    const run = await backportCli(world, clone.cwd, [squash.mergeCommitSha, '--to', '1.x'])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(world.server.calls).toEqual([])
  })
})
