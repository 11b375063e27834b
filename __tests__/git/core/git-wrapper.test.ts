import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { classifyGitFailure } from '../../../src/git/errors.js'
import { Git } from '../../../src/git/git.js'
import { GitError } from '../../../src/git/errors.js'
import { assertValidBranchName, isPlausibleRefName, printable } from '../../../src/git/refs.js'
import { tokenEnv } from '../../../src/git/auth.js'

describe('classifyGitFailure', () => {
  it('maps real git messages to typed kinds', () => {
    expect(
      classifyGitFailure(
        ['cherry-pick', '-x', 'abc'],
        'error: could not apply abc... msg\nhint: after resolving the conflicts',
      ),
    ).toBe('conflict')
    expect(
      classifyGitFailure(
        ['cherry-pick', 'abc'],
        'The previous cherry-pick is now empty, possibly due to conflict resolution.',
      ),
    ).toBe('empty-commit')
    expect(
      classifyGitFailure(
        ['push', 'origin', 'x'],
        ' ! [remote rejected] x -> x (refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)',
      ),
    ).toBe('workflow-permission')
    expect(
      classifyGitFailure(['push', 'origin', 'x'], ' ! [rejected]        x -> x (non-fast-forward)'),
    ).toBe('push-rejected')
    expect(
      classifyGitFailure(['fetch', 'origin', 'nope'], "fatal: couldn't find remote ref nope"),
    ).toBe('not-found')
    expect(
      classifyGitFailure(['fetch'], 'fatal: Authentication failed for https://github.com/a/b'),
    ).toBe('auth')
    expect(classifyGitFailure(['status'], 'something else')).toBe('unknown')
  })
})

describe('Git', () => {
  it('turns a failing command into a GitError with its kind, args and exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixline-git-'))
    const git = new Git({ cwd: dir })
    await git.run(['init', '-q', '-b', 'main'])
    const error = await git.run(['rev-parse', '--verify', 'nope^{commit}']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitError)
    expect(error).toMatchObject({ exitCode: 128, args: ['rev-parse', '--verify', 'nope^{commit}'] })
    expect((await git.run(['rev-parse', '--verify', 'nope'], { okCodes: [0, 128] })).exitCode).toBe(
      128,
    )
    expect(await git.text(['rev-parse', '--is-inside-work-tree'])).toBe('true')
  })

  it('passes arguments verbatim, never through a shell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixline-git-'))
    const git = new Git({
      cwd: dir,
      env: {
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@x',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@x',
      },
    })
    await git.run(['init', '-q', '-b', 'main'])
    const message = '$(touch pwned); `id` && echo "x" | cat'
    await git.run(['commit', '--allow-empty', '-q', '-m', message])
    expect(await git.text(['log', '-1', '--format=%s'])).toBe(message)
  })
})

describe('Git.start', () => {
  it('streams stdout chunk by chunk, takes stdin as written, and fails like run()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixline-git-'))
    const seen: string[] = []
    const git = new Git({
      cwd: dir,
      observer: (args, _ms, code) => void seen.push(`${args[0]} ${code}`),
    })
    await git.run(['init', '-q', '-b', 'main'])
    const chunks: Buffer[] = []
    const hash = git.start(['hash-object', '--stdin-paths', '--no-filters'], {
      onStdout: (c) => void chunks.push(c),
    })
    const path = join(dir, 'x')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path, 'hello\n')
    for (let i = 0; i < 3000; i++) if (!hash.write(`${path}\n`)) await hash.drained()
    hash.end()
    await hash.done
    const out = Buffer.concat(chunks).toString().trim().split('\n')
    expect(out).toHaveLength(3000)
    expect(new Set(out)).toEqual(new Set(['ce013625030ba8dba906f756967f9e9ca394464a']))
    const bad = git.start(['cat-file', '-p', 'nope'], { onStdout: () => undefined })
    bad.end()
    await expect(bad.done).rejects.toMatchObject({ name: 'GitError', exitCode: 128 })
    expect(seen).toEqual(['init 0', 'hash-object 0', 'cat-file 128'])
  })
})

describe('branch names', () => {
  const git = new Git({ cwd: tmpdir() })

  it('accepts release branches and fixline branches', async () => {
    for (const name of ['1.x', 'release/16.5', 'stable-3', 'backport/12-to-1.x']) {
      expect(await assertValidBranchName(git, name)).toBe(name)
    }
  })

  it('rejects names git or fixline would not accept, with the name in the message', async () => {
    for (const name of [
      '-f',
      'a..b',
      'a b',
      'x.lock',
      'a~1',
      'a^',
      'a:b',
      '/abs',
      'trail/',
      'a@{1}',
      '',
    ]) {
      await expect(assertValidBranchName(git, name)).rejects.toThrow(/is not a valid branch name/)
    }
  })

  it('never accepts a name git check-ref-format rejects (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 20 }), async (name) => {
        const ok = await assertValidBranchName(git, name).then(
          () => true,
          () => false,
        )
        const gitOk =
          (
            await git
              .run(['check-ref-format', '--branch', name], { okCodes: [0, 1, 128] })
              .catch(() => ({ exitCode: 1 }))
          ).exitCode === 0
        if (ok) expect(gitOk && isPlausibleRefName(name)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('makes user strings printable', () => {
    expect(printable('a\nb\u0007')).toBe('a?b?')
    expect(printable('x'.repeat(100))).toHaveLength(80)
  })
})

describe('tokenEnv', () => {
  it('puts the token in an extra header for the server, never in a URL', () => {
    const env = tokenEnv('ghs_secret', 'https://github.com/')
    expect(env.GIT_CONFIG_KEY_0).toBe('http.https://github.com/.extraheader')
    expect(env.GIT_CONFIG_VALUE_0).toBe(
      `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_secret').toString('base64')}`,
    )
    expect(Object.values(env).join(' ')).not.toContain('ghs_secret')
  })
})
