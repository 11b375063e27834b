/**
 * Start-up of the built bundle (`node dist/index.js`, run `npm run build` first): an event that
 * routes to nothing finishes without reading the config (a broken .github/fixline.yml does not
 * fail it), while an event whose route needs the config still reports the config's problems.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/run-action.js'
import { runMergedBackport } from '../support/run-merged-backport.js'
import { closeWorld, createWorld, mergedPr } from '../git/backport-scenarios/world.js'

let workspace: string

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'fixline-startup-'))
  mkdirSync(join(workspace, '.github'))
  writeFileSync(join(workspace, '.github', 'fixline.yml'), 'backport:\n  conflicts: explode\n')
})

afterEach(() => rmSync(workspace, { recursive: true, force: true }))

function comment(body: string, onPr: boolean) {
  return runAction({
    eventName: 'issue_comment',
    payload: {
      action: 'created',
      issue: { number: 7, ...(onPr ? { pull_request: { url: 'https://x.invalid/pulls/7' } } : {}) },
      comment: { id: 70, body, user: { login: 'ada' } },
    },
    inputs: { 'github-token': 'ghs_startup-token' },
    // No API call is expected: nothing listens here.
    apiUrl: 'http://127.0.0.1:9',
    workspace,
    repository: 'acme/widgets',
  })
}

describe('e2e: start-up of the action bundle', () => {
  it('a comment that is not a command: nothing to do, the config is not read, outputs are set', async () => {
    const result = await comment('Thanks, looks good!', true)
    expect(result.exitCode, result.log).toBe(0)
    expect(result.log).toContain('fixline: nothing to do: the comment is not a fixline command')
    expect(result.log).not.toContain('fixline.yml')
    expect(result.outputs).toEqual({
      'created-pull-requests': '[]',
      results: '[]',
      conclusion: 'skipped',
    })
    expect(result.masks).toContain('ghs_startup-token')
  })

  it('a /backport command needs the config: its problems fail the step with their key path', async () => {
    const result = await comment('/backport 1.x', true)
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain('.github/fixline.yml is not valid:')
    expect(result.log).toContain('backport.conflicts: must be one of')
    expect(result.log).toContain('See fixline.schema.json for every key and its default.')
  })

  it('with the runner proxy variables set, the bundle loads its proxy-aware fetch and a backport succeeds (the loopback API bypasses the proxy)', async () => {
    const world = await createWorld()
    try {
      const merge = await mergedPr(world, {
        number: 5,
        title: 'Fix the widget',
        commits: [{ 'a.txt': 'a\n' }],
        method: 'squash',
        labels: ['backport-1.x'],
      })
      const result = await runMergedBackport(world, {
        merge,
        title: 'Fix the widget',
        labels: ['backport-1.x'],
        env: { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
      })
      expect(result.exitCode, result.log).toBe(0)
      expect(result.outputs.conclusion).toBe('success')
      expect(world.server.problems()).toEqual([])
    } finally {
      await closeWorld(world)
    }
  })
})
