import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBackportArgs } from '../../../src/cli/backport-args.js'
import { apiUrlFor, repoFromRemoteUrl } from '../../../src/cli/backport-github.js'
import { USAGE } from '../../../src/cli/usage.js'

const ok = (argv: string[]) => {
  const parsed = parseBackportArgs(argv)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.request
}
const error = (argv: string[]) => {
  const parsed = parseBackportArgs(argv)
  return parsed.ok ? undefined : parsed.error
}

describe('parseBackportArgs', () => {
  it('a PR number (with or without #) and targets given every way --to allows', () => {
    expect(ok(['5', '--to', '1.x'])).toEqual({
      mode: 'start',
      source: { kind: 'pr', number: 5 },
      targets: ['1.x'],
      push: false,
      openPr: false,
      repo: undefined,
      remote: 'origin',
      config: undefined,
    })
    expect(ok(['#12', '--to', '1.x', '2.x', '--to=3.x', '--to', '4.x,5.x,1.x'])).toMatchObject({
      source: { kind: 'pr', number: 12 },
      targets: ['1.x', '2.x', '3.x', '4.x', '5.x'],
    })
    // A target list ends at the next option.
    expect(ok(['--to', '1.x', '2.x', '--push', '7'])).toMatchObject({
      source: { kind: 'pr', number: 7 },
      targets: ['1.x', '2.x'],
      push: true,
    })
  })

  it('commits by sha, in the order given; --open-pr implies --push', () => {
    expect(ok(['abc1234', 'HEAD~2', '--to', '1.x', '--remote', 'upstream'])).toMatchObject({
      source: { kind: 'commits', revs: ['abc1234', 'HEAD~2'] },
      remote: 'upstream',
    })
    expect(ok(['5', '--to', '1.x', '--open-pr'])).toMatchObject({ push: true, openPr: true })
  })

  it('--continue and --abort, optionally limited to some targets', () => {
    expect(ok(['--continue'])).toMatchObject({ mode: 'continue', targets: [] })
    expect(ok(['--abort', '--to', '1.x', '--repo', '/r'])).toMatchObject({
      mode: 'abort',
      targets: ['1.x'],
      repo: '/r',
    })
  })

  it('bad usage says what is wrong', () => {
    expect(error(['5'])).toBe('name the target lines with --to <line>')
    expect(error(['--to', '1.x'])).toMatch(/name a merged PR number or the commits/)
    expect(error(['5', '6', '--to', '1.x'])).toMatch(/one PR at a time/)
    expect(error(['5', 'abc1234', '--to', '1.x'])).toMatch(/either one PR number or commits/)
    expect(error(['abc1234', '--to', '1.x', '--open-pr'])).toMatch(/--open-pr needs a PR number/)
    expect(error(['5', '--to', '1.x', '--too'])).toBe('unknown option "--too"')
    expect(error(['5', '--to'])).toMatch(/--to/)
    expect(error(['5', '--to', '1..x'])).toMatch(/not a branch name/)
    expect(error(['5', '--to', '1.x', '--remote', 'a/b'])).toMatch(/not a remote name/)
    expect(error(['5', '--to', '1.x', '--repo', 'a', '--repo', 'b'])).toBe('--repo given twice')
    expect(error(['--continue', '--abort'])).toMatch(/exclude each other/)
    expect(error(['--continue', '5'])).toMatch(/takes no PR or commit/)
    expect(error(['--continue', '--push'])).toMatch(/takes no --push/)
    expect(error(['--push=yes', '5', '--to', '1.x'])).toBeDefined()
  })

  it('the usage text lists every flag, with an example', () => {
    const section = USAGE.slice(USAGE.indexOf('fixline backport'), USAGE.indexOf('fixline plan'))
    for (const flag of ['to', 'push', 'open-pr', 'continue', 'abort', 'repo', 'remote', 'config'])
      expect(section).toContain(`--${flag}`)
    expect(section).toContain('Example: fixline backport 1234 --to 1.x')
    expect(ok(['5', '--to', '1.x'])).toBeDefined()
  })

  it('never throws on arbitrary argument lists (property)', () => {
    const word = fc.oneof(
      fc.constantFrom('--to', '--push', '--open-pr', '--continue', '--abort', '--repo', '5', '1.x'),
      fc.string({ maxLength: 10 }),
    )
    fc.assert(fc.property(fc.array(word, { maxLength: 8 }), (argv) => void parseBackportArgs(argv)))
  })
})

describe('repoFromRemoteUrl', () => {
  it('reads owner/repo from https, ssh and scp-like URLs', () => {
    const widgets = { host: 'github.com', owner: 'acme', repo: 'widgets' }
    expect(repoFromRemoteUrl('https://github.com/acme/widgets.git')).toEqual(widgets)
    expect(repoFromRemoteUrl('https://github.com/acme/widgets')).toEqual(widgets)
    expect(repoFromRemoteUrl('git@github.com:acme/widgets.git')).toEqual(widgets)
    expect(repoFromRemoteUrl('ssh://git@github.com/acme/widgets.git')).toEqual(widgets)
    expect(repoFromRemoteUrl('https://ghe.example.com/acme/widgets/')).toEqual({
      ...widgets,
      host: 'ghe.example.com',
    })
  })

  it('undefined for local paths, file URLs and paths of another depth', () => {
    expect(repoFromRemoteUrl('/srv/git/widgets.git')).toBeUndefined()
    expect(repoFromRemoteUrl('file:///srv/git/widgets.git')).toBeUndefined()
    expect(repoFromRemoteUrl('https://github.com/acme')).toBeUndefined()
    expect(repoFromRemoteUrl('https://gitlab.com/group/sub/widgets.git')).toBeUndefined()
    expect(repoFromRemoteUrl('')).toBeUndefined()
  })

  it('never throws (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (url) => void repoFromRemoteUrl(url)))
  })
})

describe('apiUrlFor', () => {
  it('GITHUB_API_URL first, then api.github.com, then GitHub Enterprise /api/v3', () => {
    expect(apiUrlFor('github.com', { GITHUB_API_URL: 'http://127.0.0.1:9' })).toBe(
      'http://127.0.0.1:9',
    )
    expect(apiUrlFor('github.com', {})).toBe('https://api.github.com')
    expect(apiUrlFor('ghe.example.com', {})).toBe('https://ghe.example.com/api/v3')
  })
})
