import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/load.js'
import { backportBranchName, backportLabels, backportTitle } from '../../../src/backport/pr.js'
import { isComplete, parsePull } from '../../../src/backport/source.js'

const sha = (c: string) => c.repeat(40)
const merged = {
  number: 5,
  title: 'Fix',
  state: 'closed',
  merged: true,
  merge_commit_sha: sha('b'),
  commits: 3,
  html_url: 'https://github.com/acme/widgets/pull/5',
  user: { login: 'ada' },
  base: { ref: 'main' },
  head: { sha: sha('a'), ref: 'feature' },
  labels: [{ name: 'backport-1.x' }, { name: 42 }],
  assignees: [{ login: 'ada' }],
  milestone: { number: 2 },
  requested_reviewers: [{ login: 'rita' }],
  requested_teams: [{ slug: 'core' }],
}

describe('parsePull', () => {
  it('reads what the job needs from a webhook or REST pull request', () => {
    expect(parsePull(merged)).toEqual({
      pull: {
        source: {
          number: 5,
          title: 'Fix',
          baseRef: 'main',
          headSha: sha('a'),
          mergeCommitSha: sha('b'),
          commits: 3,
        },
        merged: true,
        state: 'closed',
        url: 'https://github.com/acme/widgets/pull/5',
        author: 'ada',
        labels: ['backport-1.x'],
        assignees: ['ada'],
        milestone: 2,
        requestedReviewers: ['rita'],
        requestedTeams: ['core'],
      },
    })
    expect(isComplete(merged)).toBe(true)
    expect(isComplete({ number: 5 })).toBe(false)
  })

  it('rejects a merged PR without a usable merge commit or commit count', () => {
    expect(parsePull({ ...merged, merge_commit_sha: 'nope' })).toEqual({
      problem: 'PR #5 is merged but has no merge commit',
    })
    expect(parsePull({ ...merged, commits: 0 })).toMatchObject({
      problem: expect.stringContaining('commits'),
    })
    expect(
      parsePull({ ...merged, merged: false, merge_commit_sha: null, state: 'open' }),
    ).toMatchObject({ pull: { merged: false, source: { mergeCommitSha: '' } } })
  })

  it('property: never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePull(value)
        expect('pull' in result || 'problem' in result).toBe(true)
      }),
    )
  })
})

describe('backport PR naming and labels', () => {
  const config = defaultConfig().backport
  it('names the branch and fills the title template', () => {
    expect(backportBranchName(5, 'release/2.3')).toBe('backport/5-to-release/2.3')
    expect(backportTitle(config.title, { target: '1.x', title: 'Fix {target}', number: 5 })).toBe(
      '[1.x] Fix {target}',
    )
    expect(
      backportTitle('{title} (#{number} -> {target})', { target: '1.x', title: 'Fix', number: 5 }),
    ).toBe('Fix (#5 -> 1.x)')
  })

  it('cuts a long source title so the whole title fits GitHub and the template keeps its parts', () => {
    const long = 'x'.repeat(300)
    const cut = backportTitle('{title} (#{number} -> {target})', {
      target: '1.x',
      title: long,
      number: 5,
    })
    expect(cut).toHaveLength(256)
    expect(cut.endsWith('… (#5 -> 1.x)')).toBe(true)
    const twice = backportTitle('{title}: {title}', { target: '1.x', title: long, number: 5 })
    expect(twice.length).toBeLessThanOrEqual(256)
    expect(twice).toMatch(/^x+…: x+…$/)
    const fits = 'y'.repeat(250)
    expect(backportTitle('[{target}] {title}', { target: '1.x', title: fits, number: 5 })).toBe(
      `[1.x] ${fits}`,
    )
  })

  it('adds configured labels, copies matching ones but never a backport label, adds the conflict label', () => {
    const c = { ...config, addLabels: ['backport'], copyLabels: ['^area/', '.*'] }
    expect(backportLabels(c, ['area/ui', 'backport-2.x', 'bug'], false)).toEqual([
      'backport',
      'area/ui',
      'bug',
    ])
    expect(backportLabels(config, ['bug'], true)).toEqual(['backport-conflict'])
    expect(backportLabels(config, ['bug'], false)).toEqual([])
  })
})
