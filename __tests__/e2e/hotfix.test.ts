/**
 * Hotfixes through the built bundle (`node dist/index.js`, run `npm run build` first), as the runner
 * runs it, against the fake GitHub API and a real origin: `/hotfix` cuts the branch from what is
 * deployed, and a release of the hotfix opens the merge-back PR once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { issueCommentPayload, releasePublishedPayload } from '../support/payloads.js'
import { runAction, type RunActionResult } from '../support/run-action.js'
import { BOT_LOGIN, OWNER, REPO } from '../support/job-world.js'
import {
  closeWorld,
  hotfixPr,
  mergeHotfixPr,
  pushTag,
  runbookWorld,
  type RunbookWorld,
} from '../git/hotfix/world.js'

let world: RunbookWorld

beforeEach(async () => {
  world = await runbookWorld()
})

afterEach(() => closeWorld(world))

async function run(eventName: string, payload: unknown): Promise<RunActionResult> {
  const checkout = await world.fixture.checkoutClone({ depth: 1 })
  const result = await runAction({
    eventName,
    payload,
    inputs: { 'github-token': 'ghs_e2e-token', 'dry-run': 'false' },
    apiUrl: world.server.url,
    workspace: checkout.cwd,
    repository: `${OWNER}/${REPO}`,
    env: { GIT_CONFIG_GLOBAL: world.fixture.env.GIT_CONFIG_GLOBAL ?? '', GIT_CONFIG_NOSYSTEM: '1' },
  })
  expect((result.stdout + result.stderr).replace('::add-mask::ghs_e2e-token', '')).not.toContain(
    'ghs_e2e-token',
  )
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  return result
}

function hotfixComment(id: number, body = '/hotfix'): unknown {
  return issueCommentPayload({
    owner: OWNER,
    repo: REPO,
    issueNumber: 1,
    isPullRequest: false,
    user: 'ada',
    body,
    commentId: id,
  })
}

describe('e2e: hotfix', () => {
  it('/hotfix cuts hotfix/v1.0.0 at the deployed X, refuses a second, and the release opens one merge-back PR', async () => {
    const started = await run('issue_comment', hotfixComment(7001))
    expect(await world.fixture.originSha('refs/heads/hotfix/v1.0.0')).toBe(world.x)
    expect(JSON.parse(started.outputs.results ?? '[]')).toMatchObject([
      { target: 'hotfix/v1.0.0', status: 'created' },
    ])
    expect(started.summary).toContain('Not included')
    const replies = world.server.state.comments(1).filter((c) => c.user === BOT_LOGIN)
    expect(replies).toHaveLength(1)
    expect(replies[0]?.body).toContain('last successful deployment to `production`')

    await run('issue_comment', hotfixComment(7002))
    const refusal = world.server.state.comments(1).filter((c) => c.user === BOT_LOGIN)[1]
    expect(refusal?.body).toContain('another hotfix is still open')

    const pr = await hotfixPr(world, {
      number: 21,
      base: 'hotfix/v1.0.0',
      commits: [{ 'app.txt': 'one\nTWO\nthree\n' }],
      title: 'Fix checkout',
    })
    const tip = await mergeHotfixPr(world, { number: 21, base: 'hotfix/v1.0.0', head: pr.head })
    await pushTag(world, 'v1.0.1', tip)
    const release = releasePublishedPayload({ tag: 'v1.0.1', targetCommitish: 'hotfix/v1.0.0' })
    const shipped = await run('release', release)
    const created = JSON.parse(shipped.outputs['created-pull-requests'] ?? '[]') as unknown[]
    expect(created).toHaveLength(1)
    await run('release', release)
    const mergeBacks = world.server.state
      .pullRequests()
      .filter((p) => p.pull.headRef === 'hotfix/v1.0.0' && p.pull.baseRef === 'main')
    expect(mergeBacks).toHaveLength(1)
    expect(mergeBacks[0]?.body).toContain('Fix checkout: part 1')
  })
})
