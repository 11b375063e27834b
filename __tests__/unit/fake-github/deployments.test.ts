import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitHub } from '../../../src/github/client.js'
import { apiFailure, createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'
import { deploymentStatusPayload, releasePublishedPayload } from '../../support/payloads.js'

let server: FakeGitHub
let gh: GitHub
const repo = { owner: 'acme', repo: 'widgets' }
const sha = (c: string): string => c.repeat(40)
/** What a caller that must not merge or wait on checks sends (fixline does). */
const plain = { auto_merge: false, required_contexts: [] }

beforeEach(async () => {
  server = await startFakeGitHub({ ...repo })
  server.state.setBranch('main', sha('a'))
  server.state.setBranch('hotfix/v1.0.0', sha('b'))
  gh = createTestGitHub(server.url)
})

afterEach(async () => {
  await server.close()
})

describe('fake GitHub: deployments', () => {
  it('creates a deployment of a branch, resolved to its head, and gets it back', async () => {
    const created = await gh.rest.repos.createDeployment({
      ...repo,
      ref: 'hotfix/v1.0.0',
      environment: 'production',
      description: 'Hotfix v1.0.1',
      ...plain,
    })
    expect(created.status).toBe(201)
    if (!('id' in created.data)) throw new Error('expected a deployment')
    expect(created.data).toMatchObject({
      sha: sha('b'),
      ref: 'hotfix/v1.0.0',
      task: 'deploy',
      environment: 'production',
      production_environment: true,
      description: 'Hotfix v1.0.1',
      creator: { login: 'github-actions[bot]' },
    })
    const got = await gh.rest.repos.getDeployment({ ...repo, deployment_id: created.data.id })
    expect(got.data).toEqual(created.data)
    expect(server.state.deployments().map((d) => d.sha)).toEqual([sha('b')])
    expect(server.problems()).toEqual([])
  })

  it('deploys a 40-hex sha as given, and refuses a ref that names nothing (422)', async () => {
    const bySha = await gh.rest.repos.createDeployment({ ...repo, ref: sha('c'), ...plain })
    expect(bySha.data).toMatchObject({ sha: sha('c'), ref: sha('c') })
    const unknown = await apiFailure(
      gh.rest.repos.createDeployment({ ...repo, ref: 'no-such-branch', ...plain }),
    )
    expect(unknown.status).toBe(422)
    expect(unknown.message).toMatch(/No ref found for: no-such-branch/)
    expect(server.problems()).toEqual([])
  })

  it('answers 404 for an unknown deployment (get, statuses, new status)', async () => {
    const id = { ...repo, deployment_id: 999_999 }
    expect((await apiFailure(gh.rest.repos.getDeployment(id))).status).toBe(404)
    expect((await apiFailure(gh.rest.repos.listDeploymentStatuses(id))).status).toBe(404)
    const status = gh.rest.repos.createDeploymentStatus({ ...id, state: 'success' })
    expect((await apiFailure(status)).status).toBe(404)
    expect(server.problems()).toEqual([])
  })

  it('checks required contexts unless required_contexts is [] (409 with the failing ones)', async () => {
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha: sha('a'),
      state: 'failure',
      context: 'ci',
    })
    const blocked = await apiFailure(
      gh.rest.repos.createDeployment({ ...repo, ref: 'main', auto_merge: false }),
    )
    expect(blocked.status).toBe(409)
    expect(blocked.data).toMatchObject({
      message: 'Conflict: Commit status checks failed for main.',
      errors: [{ contexts: [{ context: 'ci', state: 'failure' }], field: 'required_contexts' }],
    })
    const named = gh.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      auto_merge: false,
      required_contexts: ['build'],
    })
    expect((await apiFailure(named)).status).toBe(409)
    const forced = await gh.rest.repos.createDeployment({ ...repo, ref: 'main', ...plain })
    expect(forced.status).toBe(201)
    expect(server.problems()).toEqual([])
  })

  it('reports auto_merge into a branch behind the default branch as unimplemented', async () => {
    const merging = gh.rest.repos.createDeployment({
      ...repo,
      ref: 'hotfix/v1.0.0',
      required_contexts: [],
    })
    expect((await apiFailure(merging)).status).toBe(501)
    expect(server.problems()).toEqual([
      expect.stringMatching(
        /^unimplemented: repos\/create-deployment: auto_merge would merge main/,
      ),
    ])
    expect(server.state.deployments()).toEqual([])
    // The default branch itself is never behind: auto_merge has nothing to do.
    const onMain = await gh.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      required_contexts: [],
    })
    expect(onMain.status).toBe(201)
  })

  it('lists newest first, filtered by sha, ref, task and environment', async () => {
    const s = server.state
    const old = s.addDeployment({ sha: sha('1'), ref: 'v1.0.0', environment: 'production' })
    const stg = s.addDeployment({ sha: sha('2'), ref: 'main', environment: 'staging' })
    const mig = s.addDeployment({ sha: sha('2'), ref: 'main', task: 'deploy:migrations' })
    const now = s.addDeployment({ sha: sha('3'), ref: 'v1.1.0' })
    const ids = async (query: Record<string, string> = {}): Promise<number[]> =>
      (await gh.rest.repos.listDeployments({ ...repo, ...query })).data.map((d) => d.id)
    expect(await ids()).toEqual([now.id, mig.id, stg.id, old.id])
    expect(await ids({ sha: sha('2') })).toEqual([mig.id, stg.id])
    expect(await ids({ ref: 'v1.0.0' })).toEqual([old.id])
    expect(await ids({ task: 'deploy:migrations' })).toEqual([mig.id])
    expect(await ids({ environment: 'production' })).toEqual([now.id, mig.id, old.id])
    expect(await ids({ environment: 'qa' })).toEqual([])
    expect(server.problems()).toEqual([])
  })

  it('orders by created_at when seeded with times, and paginates with Link headers', async () => {
    const s = server.state
    const late = s.addDeployment({ sha: sha('1'), at: '2025-03-01T00:00:00Z' })
    const early = s.addDeployment({ sha: sha('2'), at: '2025-02-01T00:00:00Z' })
    for (let i = 0; i < 3; i++) s.addDeployment({ sha: sha('3'), at: '2025-01-01T00:00:00Z' })
    const first = await gh.rest.repos.listDeployments({ ...repo, per_page: 2 })
    expect(first.data.map((d) => d.id)).toEqual([late.id, early.id])
    expect(first.headers.link).toMatch(/rel="next"/)
    const all = await gh.paginate(gh.rest.repos.listDeployments, { ...repo, per_page: 2 })
    expect(all).toHaveLength(5)
    expect(all.map((d) => d.created_at)).toEqual([...all.map((d) => d.created_at)].sort().reverse())
    expect(server.problems()).toEqual([])
  })

  it('refuses a seeded deployment whose sha is not a 40-hex commit', () => {
    expect(() => server.state.addDeployment({ sha: 'main' })).toThrow(/40-hex/)
  })
})

describe('fake GitHub: deployment statuses', () => {
  it('creates statuses with their URLs and lists them newest first', async () => {
    const d = server.state.addDeployment({ sha: sha('1'), ref: 'v1.0.0' })
    const id = { ...repo, deployment_id: d.id }
    await gh.rest.repos.createDeploymentStatus({ ...id, state: 'in_progress' })
    const done = await gh.rest.repos.createDeploymentStatus({
      ...id,
      state: 'success',
      environment_url: 'https://widgets.example.com',
      log_url: 'https://ci.example.com/run/7',
      description: 'Deployed',
    })
    expect(done.status).toBe(201)
    expect(done.data).toMatchObject({
      state: 'success',
      environment: 'production',
      environment_url: 'https://widgets.example.com',
      log_url: 'https://ci.example.com/run/7',
      target_url: 'https://ci.example.com/run/7',
      description: 'Deployed',
      deployment_url: `https://api.github.com/repos/acme/widgets/deployments/${d.id}`,
      creator: { login: 'github-actions[bot]' },
    })
    const listed = await gh.rest.repos.listDeploymentStatuses(id)
    expect(listed.data.map((s) => s.state)).toEqual(['success', 'in_progress'])
    expect(server.problems()).toEqual([])
  })

  it('answers 422 for a state GitHub does not have (an invalid request, reported)', async () => {
    const d = server.state.addDeployment({ sha: sha('1') })
    const bad = await apiFailure(
      gh.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...repo,
        deployment_id: d.id,
        state: 'done' as 'success',
      }),
    )
    expect(bad.status).toBe(422)
    expect(server.state.deploymentStatuses(d.id)).toEqual([])
    expect(server.problems()).toEqual([
      expect.stringMatching(
        /^invalid request: POST .*statuses \(repos\/create-deployment-status\)/,
      ),
    ])
  })

  it('marks prior non-production successes of the environment inactive (auto_inactive)', async () => {
    const s = server.state
    const stagingOld = s.addDeployment({
      sha: sha('1'),
      environment: 'staging',
      statuses: [{ state: 'success' }],
    })
    const prodOld = s.addDeployment({ sha: sha('1'), statuses: [{ state: 'success' }] })
    const stagingNew = s.addDeployment({ sha: sha('2'), environment: 'staging' })
    const prodNew = s.addDeployment({ sha: sha('2') })
    for (const d of [stagingNew, prodNew])
      await gh.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: 'success' })
    expect(s.deploymentStatuses(stagingOld.id).map((x) => x.state)).toEqual(['inactive', 'success'])
    expect(s.deploymentStatuses(prodOld.id).map((x) => x.state)).toEqual(['success'])
    const kept = s.addDeployment({ sha: sha('3'), environment: 'staging' })
    await gh.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: kept.id,
      state: 'success',
      auto_inactive: false,
    })
    expect(s.deploymentStatuses(stagingNew.id)[0]?.state).toBe('success')
    expect(server.problems()).toEqual([])
  })

  it('seeds statuses oldest first from the clock or given times', async () => {
    const d = server.state.addDeployment({
      sha: sha('1'),
      statuses: [{ state: 'failure' }, { state: 'success', environmentUrl: 'https://x.example' }],
    })
    const [newest, older] = server.state.deploymentStatuses(d.id)
    expect(newest?.state).toBe('success')
    expect(older && newest && older.createdAt < newest.createdAt).toBe(true)
    const listed = await gh.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: d.id })
    expect(listed.data.map((x) => x.environment_url)).toEqual(['https://x.example', ''])
    const got = await gh.rest.repos.getDeployment({ ...repo, deployment_id: d.id })
    expect(got.data.updated_at).toBe(newest?.createdAt)
    expect(server.problems()).toEqual([])
  })
})

describe('fake GitHub: releases', () => {
  it('creates a release (201), once per tag (422)', async () => {
    const created = await gh.rest.repos.createRelease({
      ...repo,
      tag_name: 'v1.0.1',
      target_commitish: 'hotfix/v1.0.0',
      prerelease: true,
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      tag_name: 'v1.0.1',
      target_commitish: 'hotfix/v1.0.0',
      prerelease: true,
      draft: false,
      author: { login: 'github-actions[bot]' },
    })
    const again = await apiFailure(gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.1' }))
    expect(again.status).toBe(422)
    expect(server.state.releases).toHaveLength(1)
    expect(server.problems()).toEqual([])
  })

  it('seeds releases with target, draft, prerelease and published_at', async () => {
    const s = server.state
    s.addRelease({ tag: 'v1.1.0', targetCommitish: 'main', publishedAt: '2025-02-01T00:00:00Z' })
    s.addRelease({ tag: 'v1.0.0', targetCommitish: sha('1'), publishedAt: '2025-01-01T00:00:00Z' })
    s.addRelease({ tag: 'v1.2.0-rc.1', prerelease: true, publishedAt: '2025-03-01T00:00:00Z' })
    s.addRelease({ tag: 'v1.2.0', draft: true })
    const latest = await gh.rest.repos.getLatestRelease(repo)
    expect(latest.data).toMatchObject({ tag_name: 'v1.1.0', published_at: '2025-02-01T00:00:00Z' })
    const list = await gh.rest.repos.listReleases(repo)
    expect(list.data.map((r) => [r.tag_name, r.published_at])).toEqual([
      ['v1.2.0', null],
      ['v1.2.0-rc.1', '2025-03-01T00:00:00Z'],
      ['v1.1.0', '2025-02-01T00:00:00Z'],
      ['v1.0.0', '2025-01-01T00:00:00Z'],
    ])
    const byTag = await gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.0.0' })
    expect(byTag.data.target_commitish).toBe(sha('1'))
    expect(server.problems()).toEqual([])
  })
})

describe('webhook payloads for hotfixes', () => {
  it('builds deployment_status created from arguments', () => {
    const p = deploymentStatusPayload({
      ...repo,
      sha: sha('b'),
      ref: 'hotfix/v1.0.0',
      environment: 'production',
      state: 'failure',
    })
    expect(p.action).toBe('created')
    expect(p.repository.full_name).toBe('acme/widgets')
    expect(p.deployment).toMatchObject({ sha: sha('b'), ref: 'hotfix/v1.0.0' })
    expect(p.deployment.environment).toBe('production')
    expect(p.deployment_status).toMatchObject({ state: 'failure', environment: 'production' })
    expect(p.deployment_status.deployment_url).toBe(p.deployment.url)
    expect(JSON.stringify(p)).not.toContain('Codertocat/Hello-World')
    expect(() => deploymentStatusPayload({ ...repo, sha: 'main' })).toThrow(/40-hex/)
  })

  it('builds deployment_status for a seeded deployment (same ids as the fake)', () => {
    const d = server.state.addDeployment({
      sha: sha('c'),
      ref: 'v1.0.1',
      environment: 'production',
      statuses: [{ state: 'in_progress' }, { state: 'success' }],
    })
    const p = deploymentStatusPayload({ ...repo, deployment: d })
    expect(p.deployment).toMatchObject({ id: d.id, sha: sha('c'), ref: 'v1.0.1' })
    expect(p.deployment_status).toMatchObject({
      id: server.state.deploymentStatuses(d.id)[0]?.id,
      state: 'success',
    })
  })

  it('builds release published with tag, target and prerelease', () => {
    const p = releasePublishedPayload({
      ...repo,
      tag: 'v1.0.1',
      targetCommitish: 'hotfix/v1.0.0',
      prerelease: true,
    })
    expect(p.action).toBe('published')
    expect(p.release).toMatchObject({
      tag_name: 'v1.0.1',
      target_commitish: 'hotfix/v1.0.0',
      prerelease: true,
      draft: false,
    })
    expect(p.repository.full_name).toBe('acme/widgets')
  })
})
