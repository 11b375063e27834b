/**
 * `fixline check` on a repository where someone pushed a branch and a tag named by a long
 * adversarial string, with config patterns that backtrack exponentially in JavaScript's RegExp
 * (`^(\d+\.?)+x$` stalls on a 38-character branch for minutes). Config patterns run in linear time
 * (config/patterns.ts), so the run ends as quickly as without those refs and finds the same lines.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIO } from '../../../src/cli/io.js'
import { runCli } from '../../../src/cli/run.js'
import { Git } from '../../../src/git/git.js'
import { buildDemoRepo } from '../../../src/upgrade/demo.js'

const CONFIG = [
  'lines:',
  "  patterns: ['^(\\d+\\.?)+x$']",
  'upgrade:',
  "  tags: ['v{build}', '{build}', 'r{build}-{build}-{build}']",
].join('\n')
// Longer than a loose ref's file name may be: written into packed-refs, as a server may hold it.
const BRANCH = `${'1'.repeat(10_000)}!`
const TAG = `r${'1-'.repeat(5_000)}!`

let dir: string
let repo: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixline-redos-'))
  repo = join(dir, 'repo')
  await mkdir(repo)
  await buildDemoRepo(new Git({ cwd: repo }))
  await writeFile(join(dir, 'fixline.yml'), `${CONFIG}\n`)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function check() {
  const io = bufferIO(dir)
  const start = performance.now()
  const code = await runCli(
    ['check', '--repo', repo, '--config', 'fixline.yml', '--format', 'json'],
    io,
  )
  const ms = performance.now() - start
  const json = JSON.parse(io.stdout.join('')) as { conclusion: string; releases: unknown[] }
  return { code, ms, conclusion: json.conclusion, releases: json.releases }
}

/** Adds refs to packed-refs (unsorted, so git sorts them when it reads the file). */
async function addPackedRefs(refs: Record<string, string>): Promise<void> {
  const git = new Git({ cwd: repo })
  await git.run(['pack-refs', '--all'])
  const file = join(repo, '.git', 'packed-refs')
  const kept = (await readFile(file, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'))
  const added = Object.entries(refs).map(([ref, sha]) => `${sha} ${ref}`)
  await writeFile(file, `# pack-refs with: peeled\n${[...kept, ...added].join('\n')}\n`)
}

describe('fixline check with adversarial branch and tag names', () => {
  it('finds the same lines and releases, in about the same time', async () => {
    const before = await check()
    expect(before).toMatchObject({ code: 0, conclusion: 'success' })
    const head = (await new Git({ cwd: repo }).run(['rev-parse', 'HEAD'])).stdout.trim()
    await addPackedRefs({ [`refs/heads/${BRANCH}`]: head, [`refs/tags/${TAG}`]: head })
    const listed = await new Git({ cwd: repo }).run(['for-each-ref', '--format=%(refname)'])
    expect(listed.stdout).toContain(`refs/heads/${BRANCH}\n`)

    const after = await check()
    expect(after).toMatchObject({ code: 0, conclusion: 'success', releases: before.releases })
    // A behaviour guard, not a benchmark: the backtracking engine takes longer than the universe.
    expect(after.ms).toBeLessThan(before.ms + 1000)
  })
})
