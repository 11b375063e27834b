/**
 * passesGitBranchRules (src/git/refs.ts) lets assertValidBranchName skip `git check-ref-format
 * --branch`: it may say true only for names git accepts unchanged. Checked against git itself.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../../../src/git/git.js'
import { assertValidBranchName, passesGitBranchRules } from '../../../src/git/refs.js'

const NAMES = [
  'main',
  '1.x',
  'release/1.2',
  'backport/5-to-1.x',
  'forwardport/12-to-main',
  'héllo/wörld',
  'a@b',
  'foo@',
  '@@',
  'a/@',
  'a/HEAD',
  'HEAD/x',
  'refs/heads/x',
  'a//b',
  '.hidden',
  'a/.b',
  'a.lock',
  'a/b.lock/c',
  'a.lock/b',
  'HEAD',
  '@',
  'a@{b',
  'x..y',
  'a b',
  'a~1',
  'a^',
  'a:b',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'a\u007fb',
  'tab\tx',
  '-x',
  'a.',
  'a/',
  '/a',
]

describe('passesGitBranchRules', () => {
  it('says true only for names git check-ref-format --branch accepts unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fixline-refs-'))
    try {
      const git = new Git({ cwd: dir })
      await git.run(['init', '-q'])
      const accepted: string[] = []
      for (const name of NAMES) {
        const byGit = await git.run(['check-ref-format', '--branch', name], {
          okCodes: [0, 1, 128],
        })
        const gitSaysSame = byGit.exitCode === 0 && byGit.stdout.trim() === name
        if (passesGitBranchRules(name)) expect(gitSaysSame, name).toBe(true)
        if (gitSaysSame) accepted.push(name)
      }
      // The rules are not merely strict: every name git accepts passes them but `@` (which git
      // takes as refs/heads/@ and is left to git, as `@` is HEAD in a revision).
      expect(accepted.filter((n) => !passesGitBranchRules(n))).toEqual(['@'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('assertValidBranchName runs no git for a name that passes, and git for the rest', async () => {
    let processes = 0
    const git = new Git({ cwd: tmpdir(), observer: () => void processes++ })
    expect(await assertValidBranchName(git, 'backport/77-to-9.x')).toBe('backport/77-to-9.x')
    expect(processes).toBe(0)
    await expect(assertValidBranchName(git, 'a/.b')).rejects.toThrow(
      '"a/.b" is not a valid branch name (git check-ref-format)',
    )
    expect(processes).toBe(1)
  })
})
