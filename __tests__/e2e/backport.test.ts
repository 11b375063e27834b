/**
 * The built bundle (`node dist/index.js`, run `npm run build` first) as the Actions runner runs
 * it, against the fake GitHub API and a real bare origin, on a fetch-depth 1 checkout.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MergeResult } from '../support/git-fixture.js'
import type { RunActionResult } from '../support/run-action.js'
import { runMergedBackport } from '../support/run-merged-backport.js'
import {
  backportPrs,
  createWorld,
  fixlineComments,
  mergedPr,
  type World,
  closeWorld,
} from '../git/backport-scenarios/world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
})

afterEach(() => closeWorld(world))

function runClosed(input: {
  title: string
  labels: string[]
  merge: MergeResult
}): Promise<RunActionResult & { workspace: string }> {
  return runMergedBackport(world, input)
}

function json(text: string | undefined): unknown {
  return JSON.parse(text ?? 'null')
}

describe('e2e: the backport action bundle', () => {
  it('squash-merged PR labelled backport-1.x: exit 0, outputs, job summary, the PR and the comment', async () => {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }, { 'c.txt': 'c\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const result = await runClosed({ title: 'Fix the widget', labels: ['backport-1.x'], merge })

    // The token appears only in the runner's mask command, never in a log line.
    const logged = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    expect(logged.join('\n')).not.toContain('ghs_e2e-token')
    // Registered as a secret (core.setSecret), so the runner masks it wherever it might show up.
    expect(result.masks).toContain('ghs_e2e-token')
    // Never written into the checkout: not in a remote URL, not in .git/config (git gets it by env).
    const gitConfig = await readFile(join(result.workspace, '.git', 'config'), 'utf8')
    const basic = Buffer.from('x-access-token:ghs_e2e-token').toString('base64')
    expect(gitConfig).not.toContain('ghs_e2e-token')
    expect(gitConfig).not.toContain(basic)
    // Every form of the token fixline derives is masked too: the git auth header's credential.
    expect(result.masks).toContain(basic)
    expect(gitConfig).toMatch(/url = (file:\/\/)?\//)
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs.conclusion).toBe('success')
    expect(json(result.outputs['created-pull-requests'])).toEqual([
      { number: 6, url: 'https://github.com/acme/widgets/pull/6', target: '1.x', draft: false },
    ])
    expect(json(result.outputs.results)).toEqual([
      {
        job: 'backport',
        target: '1.x',
        status: 'created',
        message: '1 commit(s) cherry-picked',
        pullRequest: { number: 6, url: 'https://github.com/acme/widgets/pull/6' },
      },
    ])
    expect(result.summary).toContain('## fixline backports of #5')
    expect(result.summary).toContain(
      '| `1.x` | ✅ created | [#6](https://github.com/acme/widgets/pull/6)',
    )
    expect(result.stdout).toMatch(/commit selection for #5: .*squash/i)
    const [pr] = backportPrs(world)
    expect(pr).toMatchObject({
      title: '[1.x] Fix the widget',
      pull: { baseRef: '1.x', headRef: 'backport/5-to-1.x', draft: false },
    })
    expect(await world.fixture.originSha('refs/heads/backport/5-to-1.x')).toBeDefined()
    expect(fixlineComments(world, 5)).toHaveLength(1)
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'pulls/create',
      'issues/list-comments',
      'issues/create-comment',
    ])
  })

  it('conflict: exit 0 with conclusion neutral, a draft PR with the conflict label', async () => {
    const { fixture } = world
    await fixture.checkout('1.x')
    await fixture.commit({ 'app.txt': 'one\nTWO on 1.x\nthree\n' }, 'Diverge on 1.x')
    await fixture.push(['1.x'])
    await fixture.checkout('main')
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Change two',
      commits: [{ 'app.txt': 'one\ntwo changed\nthree\n' }],
      method: 'squash',
      labels: ['backport-1.x'],
    })
    const result = await runClosed({ title: 'Change two', labels: ['backport-1.x'], merge })

    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs.conclusion).toBe('neutral')
    expect(json(result.outputs['created-pull-requests'])).toEqual([
      { number: 6, url: 'https://github.com/acme/widgets/pull/6', target: '1.x', draft: true },
    ])
    expect(json(result.outputs.results)).toEqual([
      expect.objectContaining({ job: 'backport', target: '1.x', status: 'conflict' }),
    ])
    expect(result.summary).toContain('| `1.x` | ⚠️ conflict |')
    const [pr] = backportPrs(world)
    expect(pr?.pull.draft).toBe(true)
    expect(pr?.labels).toEqual(['backport-conflict'])
    expect(pr?.body).toContain('- `app.txt`')
    expect(await fixture.origin.text(['show', 'refs/heads/backport/5-to-1.x:app.txt'])).toContain(
      '<<<<<<<',
    )
  })

  it('a label naming a missing branch: exit 1, the failed row says which, the other target still created', async () => {
    const merge = await mergedPr(world, {
      number: 5,
      title: 'Fix',
      commits: [{ 'a.txt': 'a\n' }],
      method: 'squash',
      labels: ['backport-1.x', 'backport-9.x'],
    })
    const result = await runClosed({
      title: 'Fix',
      labels: ['backport-1.x', 'backport-9.x'],
      merge,
    })

    expect(result.exitCode).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    expect(result.stdout + result.stderr).toContain(
      'label backport-9.x: branch 9.x does not exist on origin',
    )
    expect(json(result.outputs.results)).toEqual([
      expect.objectContaining({ target: '1.x', status: 'created' }),
      expect.objectContaining({ target: '9.x', status: 'failed' }),
    ])
    expect(backportPrs(world)).toHaveLength(1)
  })
})
