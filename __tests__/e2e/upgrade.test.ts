/**
 * The built bundle (`npm run build` first) on a release PR and on a release event against the demo
 * repository: a check run `fixline / upgrade-safety` with conclusion, summary and annotations, or the
 * commit status of that name when check runs are forbidden.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../support/git-fixture.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js'
import { pullRequestOpenedPayload, releasePublishedPayload } from '../support/payloads.js'
import { runAction, type RunActionResult } from '../support/run-action.js'
import { demoSteps } from '../../src/upgrade/demo.js'
import { pluginConfig } from '../../src/upgrade/demo/plugin-files.js'
import { runRepoSteps } from '../../src/upgrade/demo/script.js'

const OWNER = 'acme'
const REPO = 'plugin'
let fixture: Fixture
let server: FakeGitHub
let lastCheckout: Awaited<ReturnType<Fixture['checkoutClone']>>

beforeEach(async () => {
  fixture = await createFixture()
  await runRepoSteps(fixture.seed, demoSteps('ok'))
  await fixture.push(['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'])
  server = await startFakeGitHub({ owner: OWNER, repo: REPO, originPath: fixture.originDir })
})

afterEach(async () => {
  expect(server.problems()).toEqual([])
  await server.close()
  await fixture.cleanup()
})

/** A branch off 1.x that releases `build` (plus extra files), pushed and opened as PR `number`. */
async function releasePr(
  number: number,
  build: string,
  quoted: boolean,
  extra: Record<string, string> = {},
): Promise<{ headSha: string; baseSha: string }> {
  await fixture.seed.run(['checkout', '-q', '-b', `prep-${number}`, 'origin/1.x'])
  await runRepoSteps(fixture.seed, [
    {
      kind: 'commit',
      message: `Release ${build}`,
      files: { 'plugin_config.yml': pluginConfig(build, quoted), ...extra },
    },
  ])
  await fixture.push([`+refs/heads/prep-${number}:refs/heads/prep-${number}`])
  const { headSha } = await fixture.openPr(number, `prep-${number}`, '1.x')
  return { headSha, baseSha: (await fixture.originSha('refs/heads/1.x')) as string }
}

/** Runs the bundle on a fresh fetch-depth 1 checkout, which is kept in `lastCheckout`. */
async function run(eventName: string, payload: unknown, dryRun = false): Promise<RunActionResult> {
  const checkout = await fixture.checkoutClone({ depth: 1 })
  lastCheckout = checkout
  return runAction({
    eventName,
    payload,
    inputs: {
      'github-token': 'ghs_e2e-token',
      config: '.github/fixline.yml',
      'dry-run': String(dryRun),
    },
    apiUrl: server.url,
    workspace: checkout.cwd,
    repository: `${OWNER}/${REPO}`,
    env: { GIT_CONFIG_GLOBAL: fixture.env.GIT_CONFIG_GLOBAL ?? '', GIT_CONFIG_NOSYSTEM: '1' },
  })
}

function prPayload(number: number, shas: { headSha: string; baseSha: string }) {
  return pullRequestOpenedPayload({
    owner: OWNER,
    repo: REPO,
    number,
    title: 'Release',
    user: 'ada',
    baseRef: '1.x',
    headRef: `prep-${number}`,
    ...shas,
  })
}

describe('e2e: the upgrade-safety check', () => {
  it('a release PR into 1.x that passes gets a successful check run on its head', async () => {
    const shas = await releasePr(7, '1.3', true)
    const result = await run('pull_request', prPayload(7, shas))
    expect(result.exitCode, result.log).toBe(0)
    expect(result.outputs.conclusion).toBe('success')
    const runs = server.state.checkRuns()
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({
      name: 'fixline / upgrade-safety',
      headSha: shas.headSha,
      status: 'completed',
      conclusion: 'success',
    })
    expect(runs[0]?.output.summary).toContain('PR #7')
    expect(result.summary).toContain('PR #7')
  })

  it('a failing release PR gets a failed check run with annotations in batches of 50', async () => {
    const decorators = Array.from(
      { length: 60 },
      (_, i) => `@plugin.upgrade.database("2020.1.${i}")\ndef m${i}(old):\n    return old\n`,
    ).join('\n')
    const shas = await releasePr(8, '1.3', false, {
      'src/extra.py': `from plugin_runner import plugin\n\n${decorators}`,
    })
    const result = await run('pull_request', prPayload(8, shas))
    expect(result.exitCode).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    const [check] = server.state.checkRuns()
    expect(check).toMatchObject({ conclusion: 'failure', headSha: shas.headSha })
    const annotations = check?.output.annotations ?? []
    expect(annotations.length).toBeGreaterThan(60)
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: 'plugin_config.yml',
        start_line: 11,
        annotation_level: 'failure',
        title: 'build-format',
      }),
    )
    expect(
      annotations.filter((a) => a.path === 'src/extra.py' && a.annotation_level === 'warning')
        .length,
    ).toBe(60)
    const updates = server.calls.filter((c) => c.operation === 'checks/update')
    expect(updates.length).toBe(Math.ceil(annotations.length / 50) - 1)
    const rows = JSON.parse(result.outputs.results ?? '[]') as { status: string }[]
    expect(rows.some((r) => r.status === 'failure')).toBe(true)
  })

  it('a PR that does not change the build number is skipped without a check run', async () => {
    await fixture.seed.run(['checkout', '-q', '-b', 'feature-9', 'origin/1.x'])
    await runRepoSteps(fixture.seed, [
      { kind: 'commit', message: 'docs', files: { 'README.md': 'more\n' } },
    ])
    await fixture.push(['+refs/heads/feature-9:refs/heads/feature-9'])
    const { headSha } = await fixture.openPr(9, 'feature-9', '1.x')
    const result = await run(
      'pull_request',
      prPayload(9, { headSha, baseSha: (await fixture.originSha('refs/heads/1.x')) as string }),
    )
    expect(result.exitCode, result.log).toBe(0)
    expect(result.outputs.conclusion).toBe('skipped')
    expect(server.state.checkRuns()).toEqual([])
    // Deciding cost two commits, not the repository's history: still shallow, no tags fetched.
    expect(await lastCheckout.text(['rev-parse', '--is-shallow-repository'])).toBe('true')
    expect(await lastCheckout.text(['tag', '--list'])).toBe('')
  })

  it('a published release gets a check run on the tag commit', async () => {
    const result = await run(
      'release',
      releasePublishedPayload({ owner: OWNER, repo: REPO, tag: 'v2.1' }),
    )
    expect(result.exitCode, result.log).toBe(0)
    const [check] = server.state.checkRuns()
    expect(check).toMatchObject({
      name: 'fixline / upgrade-safety',
      conclusion: 'success',
      headSha: await fixture.originSha('refs/tags/v2.1'),
    })
  })

  it('a published release that breaks a rule gets a failed check run with summary and annotations', async () => {
    await fixture.seed.run(['checkout', '-q', '1.x'])
    await runRepoSteps(fixture.seed, [
      {
        kind: 'commit',
        message: 'Release 1.3',
        files: { 'plugin_config.yml': pluginConfig('1.3', false) },
      },
      { kind: 'tag', name: 'v1.3' },
    ])
    await fixture.push(['+refs/heads/1.x:refs/heads/1.x', '+refs/tags/v1.3:refs/tags/v1.3'])
    const result = await run(
      'release',
      releasePublishedPayload({ owner: OWNER, repo: REPO, tag: 'v1.3' }),
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    const [check] = server.state.checkRuns()
    expect(check).toMatchObject({
      name: 'fixline / upgrade-safety',
      conclusion: 'failure',
      headSha: await fixture.originSha('refs/tags/v1.3'),
    })
    expect(check?.output.annotations).toEqual([
      expect.objectContaining({
        path: 'plugin_config.yml',
        start_line: 11,
        annotation_level: 'failure',
        title: 'build-format',
      }),
    ])
    expect(check?.output.summary).toContain('build-format')
    expect(check?.output.summary).toContain('### Upgrade matrix')
    expect(check?.output.summary).toContain('```mermaid')
    expect(result.summary).toContain('build-format')
  })

  it('dry-run: checks and reports without posting anything', async () => {
    const shas = await releasePr(11, '1.3', false)
    const result = await run('pull_request', prPayload(11, shas), true)
    expect(result.outputs.conclusion).toBe('failure')
    expect(result.summary).toContain('Dry run')
    expect(server.state.checkRuns()).toEqual([])
    expect(server.state.statuses()).toEqual([])
  })

  it('falls back to a commit status when check runs are forbidden', async () => {
    server.state.forbidCheckRuns()
    const shas = await releasePr(10, '1.3', false)
    const result = await run('pull_request', prPayload(10, shas))
    expect(result.exitCode).toBe(1)
    expect(server.state.checkRuns()).toEqual([])
    const statuses = server.state.statuses()
    expect(statuses).toHaveLength(1)
    expect(statuses[0]).toMatchObject({
      sha: shas.headSha,
      context: 'fixline / upgrade-safety',
      state: 'failure',
    })
    expect((statuses[0]?.description ?? '').length).toBeLessThanOrEqual(140)
  })
})
