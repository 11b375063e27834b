/**
 * Refs and HEAD read from git's files (src/git/ref-files.ts) agree with git itself: loose refs,
 * packed refs, a detached HEAD and a checked-out branch, with a git process only where the files
 * do not settle the answer.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { headCommit, resolveRef } from '../../../src/git/ref-files.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fixture: Fixture

beforeEach(async () => {
  fixture = await createFixture()
  await fixture.commit({ 'app.txt': 'one\n' }, 'base')
  await fixture.branch('1.x')
  await fixture.push(['main', '1.x'])
})

afterEach(() => fixture.cleanup())

describe('resolveRef and headCommit', () => {
  it('read loose refs without git, and ask git for packed refs and symbolic ones', async () => {
    const ran: string[][] = []
    const git = await fixture.checkoutClone({
      depth: 0,
      observer: (args) => void ran.push([...args]),
    })
    await git.run(['fetch', '-q', 'origin', '+refs/heads/1.x:refs/remotes/origin/1.x'])
    const tip = await git.text(['rev-parse', 'refs/remotes/origin/1.x'])
    const head = await git.text(['rev-parse', 'HEAD'])
    ran.length = 0
    expect(await resolveRef(git, 'refs/remotes/origin/1.x')).toBe(tip)
    expect(await headCommit(git)).toBe(head)
    expect(ran).toEqual([])

    await git.run(['pack-refs', '--all'])
    ran.length = 0
    expect(await resolveRef(git, 'refs/remotes/origin/1.x')).toBe(tip)
    expect(await headCommit(git)).toBe(head)
    expect(ran.map((a) => a[0])).toEqual(['rev-parse', 'rev-parse'])

    await git.run(['symbolic-ref', 'refs/heads/alias', 'refs/heads/main'])
    expect(await resolveRef(git, 'refs/heads/alias')).toBe(head)
    await git.run(['checkout', '-q', '--detach'])
    ran.length = 0
    expect(await headCommit(git)).toBe(head)
    expect(ran).toEqual([])
  })

  it('a subfolder or GIT_DIR in the environment asks git where the repository is', async () => {
    const ran: string[][] = []
    const git = await fixture.checkoutClone({
      depth: 0,
      observer: (args) => void ran.push([...args]),
    })
    const head = await git.text(['rev-parse', 'HEAD'])
    await mkdir(join(git.cwd, 'sub'))
    ran.length = 0
    expect(await headCommit(git.at(join(git.cwd, 'sub')))).toBe(head)
    expect(ran.map((a) => a[0])).toEqual(['rev-parse'])
    const elsewhere = await fixture.checkoutClone({ depth: 0 })
    await elsewhere.run(['commit', '-q', '--allow-empty', '-m', 'elsewhere'])
    const other = await elsewhere.text(['rev-parse', 'HEAD'])
    ran.length = 0
    const redirected = git.withEnv({ GIT_DIR: join(elsewhere.cwd, '.git') })
    expect(await headCommit(git)).toBe(head)
    expect(await headCommit(redirected)).toBe(other)
    expect(ran.map((a) => a[0])).toEqual(['rev-parse'])
  })

  it('refuses a ref that does not exist and never reads outside the refs folder', async () => {
    const git = await fixture.checkoutClone({ depth: 0 })
    await expect(resolveRef(git, 'refs/heads/nope')).rejects.toThrow()
    // A file outside refs/ holding a sha is never taken for a ref: git itself refuses the name.
    const head = await git.text(['rev-parse', 'HEAD'])
    await writeFile(join(git.cwd, '.git', 'outside'), `${head}\n`)
    await expect(resolveRef(git, 'refs/heads/../../outside')).rejects.toThrow()
  })
})
