import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiFailure, createTestGitHub } from '../../support/fake-github/client.js'
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js'

const run = promisify(execFile)
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.com',
}
const git = async (cwd: string, args: string[]): Promise<string> =>
  (await run('git', args, { cwd, env })).stdout.trim()

let dir: string
let server: FakeGitHub
const repo = { owner: 'acme', repo: 'widgets' }
/** Shas of: the release X, main two features later, the hotfix on X. */
const at: Record<'x' | 'main' | 'hotfix', string> = { x: '', main: '', hotfix: '' }

async function commit(work: string, file: string): Promise<string> {
  writeFileSync(join(work, file), `${file}\n`)
  await git(work, ['add', '.'])
  await git(work, ['commit', '-q', '-m', file])
  return git(work, ['rev-parse', 'HEAD'])
}

// The runbook's shape: X deployed and tagged, two features merged since, a hotfix branch at X.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fixline-fake-deploy-'))
  const origin = join(dir, 'origin.git')
  const work = join(dir, 'work')
  await git(dir, ['init', '-q', '--bare', '-b', 'main', origin])
  await git(dir, ['init', '-q', '-b', 'main', work])
  at.x = await commit(work, 'x.txt')
  await git(work, ['tag', '-a', 'v1.0.0', '-m', 'v1.0.0'])
  await commit(work, 'feature-1.txt')
  at.main = await commit(work, 'feature-2.txt')
  await git(work, ['checkout', '-q', '-b', 'hotfix/v1.0.0', at.x])
  at.hotfix = await commit(work, 'fix.txt')
  await git(work, ['push', '-q', '--follow-tags', origin, 'main', 'hotfix/v1.0.0'])
  server = await startFakeGitHub({ ...repo, originPath: origin })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('fake GitHub deployments with an origin repository', () => {
  const gh = () => createTestGitHub(server.url)
  const plain = { auto_merge: false, required_contexts: [] }

  it('resolves a tag (annotated) and a branch to their commits', async () => {
    const tag = await gh().rest.repos.createDeployment({ ...repo, ref: 'v1.0.0', ...plain })
    expect(tag.data).toMatchObject({ ref: 'v1.0.0', sha: at.x })
    const branch = await gh().rest.repos.createDeployment({
      ...repo,
      ref: 'hotfix/v1.0.0',
      ...plain,
    })
    expect(branch.data).toMatchObject({ ref: 'hotfix/v1.0.0', sha: at.hotfix })
    const sha = await gh().rest.repos.createDeployment({ ...repo, ref: at.main, ...plain })
    expect(sha.data).toMatchObject({ ref: at.main, sha: at.main })
    expect(server.problems()).toEqual([])
  })

  it('refuses a sha that is not a commit of origin (422)', async () => {
    const failure = await apiFailure(
      gh().rest.repos.createDeployment({ ...repo, ref: 'f'.repeat(40), ...plain }),
    )
    expect(failure.status).toBe(422)
    expect(server.problems()).toEqual([])
  })

  it('auto_merge: a tag needs no merge; a hotfix branch behind main is reported, not merged', async () => {
    const tag = await gh().rest.repos.createDeployment({
      ...repo,
      ref: 'v1.0.0',
      required_contexts: [],
    })
    expect(tag.status).toBe(201)
    expect(server.problems()).toEqual([])
    const merging = await apiFailure(
      gh().rest.repos.createDeployment({ ...repo, ref: 'hotfix/v1.0.0', required_contexts: [] }),
    )
    expect(merging.status).toBe(501)
    expect(server.problems()).toEqual([
      expect.stringMatching(/auto_merge would merge main into hotfix\/v1\.0\.0/),
    ])
  })
})
