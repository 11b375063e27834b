/**
 * `node dist/cli.js backport --push --open-pr` opens the PR the action opens for the same merged PR:
 * the same title, body (up to the new commits' shas), labels, head and base. The action's side is
 * the backport job run as main.ts wires it, in an identical second world (the fixture is
 * deterministic, so the source commits have the same shas in both).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backportPrs, prPayload, runEvent } from '../backport-scenarios/world.js'
import {
  backportCli,
  cliWorld,
  closeWorld,
  mergedPr,
  TOKEN,
  userClone,
  type JobWorld,
} from './backport-world.js'

const CONFIG = 'backport:\n  addLabels: [backport]\n  copyLabels: [bug]\n'

const worlds: JobWorld[] = []
let configDir: string | undefined

afterEach(async () => {
  for (const w of worlds.splice(0)) await closeWorld(w)
  if (configDir) await rm(configDir, { recursive: true, force: true })
  configDir = undefined
})

/** A world holding PR #5 (two commits, squash-merged, labelled backport-1.x, bug and docs). */
async function mergedWorld(): Promise<JobWorld> {
  const w = await cliWorld()
  worlds.push(w)
  await mergedPr(w, {
    number: 5,
    title: 'Fix the widget',
    commits: [{ 'a.txt': 'a1\n' }, { 'a.txt': 'a2\n' }],
    method: 'squash',
    labels: ['backport-1.x', 'bug', 'docs'],
  })
  return w
}

/** What a reviewer sees of a backport PR; the new commits' shas differ between runs. */
function visible(world: JobWorld) {
  const prs = backportPrs(world)
  expect(prs).toHaveLength(1)
  const pr = prs[0]!
  return {
    title: pr.title,
    body: (pr.body ?? '').replace(/ -> [0-9a-f]{12} /g, ' -> <sha> '),
    labels: [...pr.labels].sort(),
    head: pr.pull.headRef,
    base: pr.pull.baseRef,
    draft: pr.pull.draft,
    state: pr.state,
  }
}

describe('fixline backport --push --open-pr', { timeout: 180_000 }, () => {
  it("pushes the branch and opens the PR exactly as the action's job does", async () => {
    const action = await mergedWorld()
    const outcome = await runEvent(action, 'pull_request_target', prPayload(action, 5, 'closed'), {
      config: CONFIG,
    })
    expect(outcome.conclusion).toBe('success')
    const expected = visible(action)
    expect(expected.labels).toEqual(['backport', 'bug'])

    const local = await mergedWorld()
    const clone = await userClone(local)
    configDir = await mkdtemp(join(tmpdir(), 'fixline-cli-config-'))
    const config = join(configDir, 'fixline.yml')
    await writeFile(config, CONFIG)
    const run = await backportCli(
      local,
      clone.cwd,
      ['5', '--to', '1.x', '--push', '--open-pr', '--config', config],
      TOKEN,
    )
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      /1\.x\s+created\s+.*opened PR #6 https:\/\/github\.com\/acme\/widgets\/pull\/6/,
    )
    expect(visible(local)).toEqual(expected)
    // The pushed branch is the local one.
    expect(await local.fixture.originSha('refs/heads/backport/5-to-1.x')).toBe(
      await clone.text(['rev-parse', 'refs/heads/backport/5-to-1.x']),
    )
    expect(local.server.calls.map((c) => c.operation)).toEqual([
      'pulls/get',
      'pulls/list',
      'pulls/create',
      'issues/add-labels',
    ])
  })

  it('--open-pr after a conflict: --continue pushes and opens the PR once the target is finished', async () => {
    const w = await cliWorld()
    worlds.push(w)
    await w.fixture.checkout('1.x')
    await w.fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Reword two on 1.x')
    await w.fixture.push(['1.x'])
    await w.fixture.checkout('main')
    await mergedPr(w, {
      number: 5,
      title: 'Fix two',
      commits: [{ 'app.txt': 'one\nTWO fixed\nthree\n' }],
      method: 'squash',
    })
    const clone = await userClone(w)
    const stopped = await backportCli(w, clone.cwd, ['5', '--to', '1.x', '--open-pr'], TOKEN)
    expect(stopped.code).toBe(1)
    expect(backportPrs(w)).toEqual([])
    expect(await w.fixture.originSha('refs/heads/backport/5-to-1.x')).toBeUndefined()

    const worktree = join(clone.cwd, '.git', 'fixline', 'worktrees', 'backport-5-to-1.x')
    await writeFile(join(worktree, 'app.txt'), 'one\nTWO fixed\nthree\n')
    await clone.at(worktree).run(['add', 'app.txt'])
    const done = await backportCli(w, clone.cwd, ['--continue'], TOKEN)
    expect(done.code, done.stdout + done.stderr).toBe(0)
    const [pr] = backportPrs(w)
    expect(pr?.title).toBe('[1.x] Fix two')
    expect(pr?.pull).toMatchObject({ headRef: 'backport/5-to-1.x', baseRef: '1.x', draft: false })
    expect(pr?.body).toContain('Backport of #5 to `1.x`.')
    expect(pr?.body).toContain('<!-- fixline:backport source=5 target=1.x -->')
  })

  it('a PR that cannot be opened on --continue (no token now) fails the row but finishes the target: the branch stays, nothing is left stopped', async () => {
    const w = await cliWorld()
    worlds.push(w)
    await w.fixture.checkout('1.x')
    await w.fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Reword two on 1.x')
    await w.fixture.push(['1.x'])
    await w.fixture.checkout('main')
    await mergedPr(w, {
      number: 5,
      title: 'Fix two',
      commits: [{ 'app.txt': 'one\nTWO fixed\nthree\n' }],
      method: 'squash',
    })
    const clone = await userClone(w)
    expect((await backportCli(w, clone.cwd, ['5', '--to', '1.x', '--open-pr'], TOKEN)).code).toBe(1)
    const worktree = join(clone.cwd, '.git', 'fixline', 'worktrees', 'backport-5-to-1.x')
    await writeFile(join(worktree, 'app.txt'), 'one\nTWO fixed\nthree\n')
    await clone.at(worktree).run(['add', 'app.txt'])
    const done = await backportCli(w, clone.cwd, ['--continue'])
    expect(done.code).toBe(1)
    expect(done.stdout).toMatch(
      /1\.x\s+failed\s+.*pushed, but opening the PR failed: .*GITHUB_TOKEN or GH_TOKEN/,
    )
    expect(backportPrs(w)).toEqual([])
    expect(await w.fixture.originSha('refs/heads/backport/5-to-1.x')).toBe(
      await clone.text(['rev-parse', 'refs/heads/backport/5-to-1.x']),
    )
    const again = await backportCli(w, clone.cwd, ['--abort'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('no backport is stopped here')
  })
})
