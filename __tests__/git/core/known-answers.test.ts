/**
 * Git processes whose answer is already known are not run: a branch name git accepted once, the
 * shallowness of a repository (its `shallow` file, looked at each time), a worktree's git folder.
 */
import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isShallowRepository } from '../../../src/git/commits.js'
import { Git } from '../../../src/git/git.js'
import { assertValidBranchName } from '../../../src/git/refs.js'
import { withWorktree } from '../../../src/git/worktree.js'
import { createFixture, type Fixture } from '../../support/git-fixture.js'

let fixture: Fixture
let commands: string[]
const observer = (args: readonly string[]) => void commands.push(args.join(' '))

beforeEach(async () => {
  commands = []
  fixture = await createFixture()
  await fixture.commit({ 'a.txt': 'a\n', '.gitattributes': '*.md merge=union\n' }, 'one')
  await fixture.commit({ 'b.txt': 'b\n', 'docs/.gitattributes': '*.txt eol=lf\n' }, 'two')
  await fixture.commit({ 'c.txt': 'c\n' }, 'three')
  await fixture.push(['main'])
})

afterEach(() => fixture.cleanup())

describe('known answers', () => {
  it('asks git about a branch name at most once; a name git rejects is asked again and still rejected', async () => {
    const git = new Git({ cwd: fixture.dir, observer })
    const name = `backport/${Date.now()}-to-1.x`
    expect(await assertValidBranchName(git, name)).toBe(name)
    expect(await assertValidBranchName(git, name)).toBe(name)
    // Issue 12: a name that passes git's rules (passesGitBranchRules) costs no process at all;
    // was 1 when every name went to git once.
    expect(commands.filter((c) => c.startsWith('check-ref-format'))).toHaveLength(0)
    // `@` is left to git (refs/heads/@ is valid, `@` is HEAD in a revision): asked once.
    expect(await assertValidBranchName(git, '@')).toBe('@')
    expect(await assertValidBranchName(git, '@')).toBe('@')
    expect(commands.filter((c) => c.startsWith('check-ref-format'))).toHaveLength(1)
    for (let i = 0; i < 2; i++)
      await expect(assertValidBranchName(git, 'a//b')).rejects.toThrow(/not a valid branch name/)
    expect(commands.filter((c) => c.includes('a//b'))).toHaveLength(2)
  })

  it('tells a shallow checkout from a complete one as git does, after every fetch, with no git process', async () => {
    const clone = await fixture.checkoutClone({ depth: 1, observer })
    commands = []
    const gitSays = async () =>
      (await clone.text(['rev-parse', '--is-shallow-repository'])) === 'true'
    expect(await isShallowRepository(clone)).toBe(true)
    expect(await gitSays()).toBe(true)
    await clone.run(['fetch', '--quiet', '--unshallow', 'origin'])
    expect(await isShallowRepository(clone)).toBe(false)
    expect(await gitSays()).toBe(false)
    await clone.run([
      'fetch',
      '--quiet',
      '--depth=1',
      'origin',
      '+refs/heads/main:refs/remotes/origin/main',
    ])
    expect(await isShallowRepository(clone)).toBe(await gitSays())
    const asked = commands.filter((c) => !c.startsWith('fetch') && !c.includes('--is-shallow'))
    // The checkout's top folder holds its .git folder: nothing to ask git.
    expect(asked).toEqual([])
    // A worktree shares its repository's shallow state.
    await withWorktree(clone, 'HEAD', async (wt) => {
      expect(await isShallowRepository(wt)).toBe(await gitSays())
    })
  })

  it('an empty worktree holds only the .gitattributes files, its git folder read from its .git file', async () => {
    const clone = await fixture.checkoutClone({ depth: 1, observer })
    commands = []
    const files = await withWorktree(clone, 'HEAD', async (wt) => {
      const found = readdirSync(wt.cwd, { recursive: true, encoding: 'utf8' })
      return found.filter((f) => f !== '.git').sort()
    })
    expect(files).toEqual(['.gitattributes', 'docs', 'docs/.gitattributes'])
    expect(commands.some((c) => c.includes('--absolute-git-dir'))).toBe(false)
  })
})
