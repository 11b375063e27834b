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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fixline-fake-origin-'))
  const origin = join(dir, 'origin.git')
  const work = join(dir, 'work')
  await git(dir, ['init', '-q', '--bare', '-b', 'main', origin])
  await git(dir, ['init', '-q', '-b', 'main', work])
  writeFileSync(join(work, 'a.txt'), 'a\n')
  await git(work, ['add', '.'])
  await git(work, ['commit', '-q', '-m', 'base'])
  await git(work, ['checkout', '-q', '-b', 'feature'])
  for (const n of [1, 2]) {
    writeFileSync(join(work, `f${n}.txt`), `${n}\n`)
    await git(work, ['add', '.'])
    await git(work, ['commit', '-q', '-m', `feature ${n}`, '-m', 'with a body'])
  }
  await git(work, ['push', '-q', origin, 'main', 'feature'])
  server = await startFakeGitHub({ ...repo, originPath: origin })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('fake GitHub with an origin repository', () => {
  const gh = () => createTestGitHub(server.url)

  it('answers 422 like GitHub for a head branch that is not on origin', async () => {
    const error = await apiFailure(
      gh().rest.pulls.create({ ...repo, title: 'x', head: 'nope', base: 'main' }),
    )
    expect(error.status).toBe(422)
    expect(error.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
    })
  })

  it('answers 422 when there are no commits between base and head', async () => {
    const error = await apiFailure(
      gh().rest.pulls.create({ ...repo, title: 'x', head: 'main', base: 'main' }),
    )
    expect(error.status).toBe(422)
    expect(error.message).toContain('No commits between main and main')
  })

  it('opens a PR with the head sha and the commits from origin', async () => {
    const featureSha = await git(join(dir, 'work'), ['rev-parse', 'feature'])
    const pr = await gh().rest.pulls.create({
      ...repo,
      title: 'Feature',
      head: 'acme:feature',
      base: 'main',
    })
    expect(pr.data.head.sha).toBe(featureSha)
    const commits = await gh().rest.pulls.listCommits({ ...repo, pull_number: pr.data.number })
    expect(commits.data.map((c) => c.commit.message)).toEqual([
      'feature 1\n\nwith a body',
      'feature 2\n\nwith a body',
    ])
    expect(commits.data[1]?.sha).toBe(featureSha)
    const branch = await gh().rest.repos.getBranch({ ...repo, branch: 'feature' })
    expect(branch.data.commit.sha).toBe(featureSha)
    const branches = await gh().rest.repos.listBranches(repo)
    expect(branches.data.map((b) => [b.name, b.commit.sha === featureSha])).toEqual([
      ['feature', true],
      ['main', false],
    ])
    expect(server.problems()).toEqual([])
  })
})
