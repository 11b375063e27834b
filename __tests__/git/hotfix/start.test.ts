import { afterEach, describe, expect, it } from 'vitest'
import { botComments, depsFor } from '../../support/job-world.js'
import { issueCommentPayload } from '../../support/payloads.js'
import { runRoutes } from '../../../src/main.js'
import { routeEvent } from '../../../src/route.js'
import {
  closeWorld,
  commentHotfix,
  dispatchHotfix,
  originBranches,
  runbookWorld,
  type RunbookWorld,
} from './world.js'

let world: RunbookWorld | undefined

afterEach(async () => {
  if (world) await closeWorld(world)
  world = undefined
})

function lastReply(w: RunbookWorld): string {
  const comments = botComments(w, 1)
  return comments[comments.length - 1]?.body ?? ''
}

function writes(w: RunbookWorld): string[] {
  return w.server.calls.filter((c) => c.method !== 'GET').map((c) => c.operation ?? '?')
}

describe('/hotfix starts from what is deployed (the runbook)', () => {
  it('creates hotfix/<X release> at X and lists the two features as not included', async () => {
    world = await runbookWorld()
    const { outcomes } = await commentHotfix(world, '/hotfix')
    expect(outcomes[0]?.results[0]).toMatchObject({ target: 'hotfix/v1.0.0', status: 'created' })
    expect(await world.fixture.originSha('refs/heads/hotfix/v1.0.0')).toBe(world.x)
    const reply = lastReply(world)
    expect(reply).toContain('last successful deployment to `production`')
    expect(reply).toContain('Not included')
    expect(reply).toContain('2 commits')
    expect(reply).toContain('Merge pull request #11') // feature 1 (merge commit)
    expect(reply).toContain('Feature 2 (#12)') // feature 2 (squashed)
    expect(reply).toContain('Open the fix as a pull request into `hotfix/v1.0.0`')
    // The API calls one /hotfix makes.
    expect(world.server.calls.map((c) => c.operation)).toEqual([
      'issues/list-comments',
      'repos/get-collaborator-permission-level',
      'repos/list-deployments',
      'repos/list-deployment-statuses',
      'issues/create-comment',
    ])
  })

  it('refuses a second /hotfix naming the open one, and --force starts another', async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix')
    const second = await commentHotfix(world, '/hotfix v1.0.0')
    expect(second.outcomes[0]?.results[0]?.status).toBe('skipped')
    expect(lastReply(world)).toContain('another hotfix is still open')
    expect(lastReply(world)).toContain('hotfix/v1.0.0')
    expect(await originBranches(world)).toEqual(['hotfix/v1.0.0'])

    const tip = world.features[0] ?? ''
    const forced = await commentHotfix(world, `/hotfix ${tip} --force`)
    expect(forced.outcomes[0]?.results[0]).toMatchObject({
      target: `hotfix/${tip.slice(0, 12)}`,
      status: 'created',
    })
    expect(lastReply(world)).toContain('--force')
    expect((await originBranches(world)).sort()).toEqual(
      [`hotfix/${tip.slice(0, 12)}`, 'hotfix/v1.0.0'].sort(),
    )
  })

  it('a prefix without a slash (hotfix-) still finds the open hotfix and refuses a second', async () => {
    world = await runbookWorld()
    const config = { config: 'hotfix:\n  branchPrefix: hotfix-\n' }
    await commentHotfix(world, '/hotfix', 'ada', config)
    expect(await originBranches(world, 'hotfix-')).toEqual(['hotfix-v1.0.0'])
    const second = await commentHotfix(world, '/hotfix v1.0.0', 'ada', config)
    expect(second.outcomes[0]?.results[0]?.status).toBe('skipped')
    expect(lastReply(world)).toContain('another hotfix is still open')
  })

  it('a re-delivered /hotfix comment is answered once and creates nothing more', async () => {
    world = await runbookWorld()
    const first = await commentHotfix(world, '/hotfix')
    await commentHotfix(world, '/hotfix', 'ada', { commentId: first.commentId })
    expect(botComments(world, 1)).toHaveLength(1)
  })

  it('/hotfix on a pull request comment replies on that PR', async () => {
    world = await runbookWorld()
    world.server.state.addPullRequest({
      number: 30,
      title: 'Investigate checkout',
      user: 'ada',
      baseRef: 'main',
      headRef: 'feature-11',
      headSha: world.features[0] ?? '',
      merged: false,
      labels: [],
    })
    const payload = issueCommentPayload({
      issueNumber: 30,
      isPullRequest: true,
      user: 'ada',
      body: '/hotfix',
      commentId: 777,
    }) as unknown as Record<string, unknown>
    const deps = await depsFor(world, { name: 'issue_comment', payload })
    await runRoutes(deps, routeEvent('issue_comment', payload))
    expect(await world.fixture.originSha('refs/heads/hotfix/v1.0.0')).toBe(world.x)
    expect(botComments(world, 30)[0]?.body).toContain('hotfix/v1.0.0')
  })

  it("refuses a reader's /hotfix with nothing created", async () => {
    world = await runbookWorld()
    await commentHotfix(world, '/hotfix', 'reader')
    expect(lastReply(world)).toContain('needs write permission')
    expect(await originBranches(world)).toEqual([])
    expect(writes(world)).toEqual(['issues/create-comment'])
  })

  it('without a deployment, falls back to the latest release', async () => {
    world = await runbookWorld({ deploy: false, release: true })
    await commentHotfix(world, '/hotfix')
    expect(await world.fixture.originSha('refs/heads/hotfix/v1.0.0')).toBe(world.x)
    expect(lastReply(world)).toContain('the latest release [v1.0.0]')
  })

  it('without a deployment or a GitHub release, falls back to the newest release tag', async () => {
    world = await runbookWorld({ deploy: false })
    await commentHotfix(world, '/hotfix')
    expect(await world.fixture.originSha('refs/heads/hotfix/v1.0.0')).toBe(world.x)
    expect(lastReply(world)).toContain('the newest release tag `v1.0.0`')
  })

  it('with neither, says how to name the base and creates nothing', async () => {
    world = await runbookWorld({ deploy: false, tag: false })
    await commentHotfix(world, '/hotfix')
    expect(lastReply(world)).toContain('cannot tell what is deployed')
    expect(lastReply(world)).toContain('/hotfix <release tag or commit>')
    expect(await originBranches(world)).toEqual([])
  })

  it('honours hotfix.environment and hotfix.branchPrefix; a deployment elsewhere does not count', async () => {
    world = await runbookWorld({ deploy: false })
    world.server.state.addDeployment({
      sha: world.features[0] ?? '',
      environment: 'staging',
      statuses: [{ state: 'success' }],
    })
    await commentHotfix(world, '/hotfix', 'ada', {
      config: 'hotfix:\n  environment: live\n  branchPrefix: urgent/\n',
    })
    expect(await originBranches(world, 'urgent/')).toEqual(['urgent/v1.0.0'])
    expect(lastReply(world)).toContain('the newest release tag')
  })

  it('workflow_dispatch with the hotfix input starts one; a bad argument is refused', async () => {
    world = await runbookWorld()
    const outcomes = await dispatchHotfix(world, 'start')
    expect(outcomes[0]?.results[0]).toMatchObject({ target: 'hotfix/v1.0.0', status: 'created' })
    expect(outcomes[0]?.summary).toContain('Not included')
    const bad = await dispatchHotfix(world, '--bogus')
    expect(bad[0]?.summary).toContain('unknown option')
  })
})
