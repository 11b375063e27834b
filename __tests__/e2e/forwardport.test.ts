/**
 * `/forwardport` through the built bundle (`node dist/index.js`; run `node scripts/build.mjs`
 * first) as the runner runs it: a fetch-depth 1 checkout, the fake API, a real bare origin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/run-action.js'
import { OWNER, REPO } from '../support/job-world.js'
import {
  botComments,
  closeWorld,
  commitOnLine,
  createWorld,
  forwardCommentPayload,
  forwardPrs,
  mergedInto,
  type World,
} from '../git/forwardport/world.js'

let world: World

beforeEach(async () => {
  world = await createWorld()
  world.server.state.setPermission('maya', 'write')
})

afterEach(() => closeWorld(world))

describe('e2e: /forwardport through the action bundle', () => {
  it('a writer on a PR merged into 1.x: already there on 2.x, a PR to main; outputs, summary, one comment', async () => {
    await mergedInto(world, '1.x', {
      number: 7,
      title: 'Fix three',
      files: { 'app.txt': 'one\ntwo\nTHREE\n' },
    })
    const copy = await commitOnLine(world, '2.x', { 'app.txt': 'one\ntwo\nTHREE\n' }, 'By hand')
    const checkout = await world.fixture.checkoutClone({ depth: 1 })
    const result = await runAction({
      eventName: 'issue_comment',
      payload: forwardCommentPayload(world, 7, 'maya', '/forwardport'),
      inputs: { 'github-token': 'ghs_e2e-token', config: '.github/fixline.yml' },
      apiUrl: world.server.url,
      workspace: checkout.cwd,
      repository: `${OWNER}/${REPO}`,
      env: {
        GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    })
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.outputs.conclusion).toBe('success')
    const [pr] = forwardPrs(world)
    expect(pr?.pull).toMatchObject({ baseRef: 'main', headRef: 'forwardport/7-to-main' })
    expect(JSON.parse(result.outputs['created-pull-requests'] ?? 'null')).toEqual([
      { number: pr?.number, url: expect.any(String), target: 'main', draft: false },
    ])
    const results = JSON.parse(result.outputs.results ?? 'null') as Array<Record<string, unknown>>
    expect(results.map((r) => [r.job, r.target, r.status])).toEqual([
      ['forwardport', '2.x', 'already-applied'],
      ['forwardport', 'main', 'created'],
    ])
    expect(String(results[0]?.message)).toContain(`as ${copy.slice(0, 12)} (patch-id)`)
    expect(result.summary).toContain('## fixline forward-ports of #7')
    expect(botComments(world, 7)).toHaveLength(1)
  })
})
