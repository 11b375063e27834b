import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  assertPlannable,
  isRebasedCopy,
  rebasedRun,
  selectCommits,
  type SelectionInput,
} from '../../../src/backport/select.js'
import type { CommitInfo } from '../../../src/git/commits.js'

let counter = 0
function sha(): string {
  counter += 1
  return counter.toString(16).padStart(40, '0')
}

function commit(subject: string, over: Partial<CommitInfo> = {}): CommitInfo {
  return {
    sha: sha(),
    parents: [sha()],
    subject,
    authorEmail: 'ada@example.com',
    authorDate: `2024-01-01T00:00:${String(counter % 60).padStart(2, '0')}Z`,
    ...over,
  }
}

/** A rebased copy: new sha and parent, same subject, author and author date. */
function rebasedCopy(c: CommitInfo): CommitInfo {
  return { ...c, sha: sha(), parents: [sha()] }
}

function input(over: Partial<SelectionInput>): SelectionInput {
  return {
    prNumber: 7,
    prCommits: 1,
    mergeCommit: commit('m'),
    mergeCommits: 'own-commits',
    ...over,
  }
}

describe('selectCommits', () => {
  it('one-parent, one-commit PR: picks that commit', () => {
    const m = commit('fix')
    const plan = selectCommits(input({ mergeCommit: m, prCommits: 1 }))
    expect(plan).toMatchObject({ method: 'squash', commits: [m.sha] })
    expect(plan.mainline).toBeUndefined()
    expect(plan.explanation).toContain('one-commit PR')
  })

  it('squash: a single-parent merge commit that matches none of the PR commits', () => {
    const own = [commit('a'), commit('b'), commit('c')]
    const squash = commit('PR title (#7)')
    const landed = [squash, commit('older main 1'), commit('older main 2')]
    const plan = selectCommits(
      input({ mergeCommit: squash, prCommits: 3, landed, headCommits: own }),
    )
    expect(plan).toEqual({
      method: 'squash',
      commits: [squash.sha],
      explanation: expect.stringMatching(/^squash merge/),
    })
  })

  it('rebase: the newest landed commits are copies of the PR commits; picked oldest first', () => {
    const own = [commit('a'), commit('b')]
    const copies = own.map(rebasedCopy)
    const landed = [copies[1]!, copies[0]!, commit('base tip')]
    const plan = selectCommits(
      input({ mergeCommit: copies[1]!, prCommits: 2, landed, headCommits: [...own].reverse() }),
    )
    expect(plan.method).toBe('rebase')
    expect(plan.commits).toEqual([copies[0]!.sha, copies[1]!.sha])
    expect(plan.explanation).toContain('2 commits')
  })

  it('rebase: a patch-id match counts when the author date differs', () => {
    const own = [commit('a', { patchId: 'p1' }), commit('b', { patchId: 'p2' })]
    const copies = own.map((c) => ({ ...rebasedCopy(c), authorDate: '2030-01-01T00:00:00Z' }))
    const landed = [copies[1]!, copies[0]!]
    const plan = selectCommits(
      input({ mergeCommit: copies[1]!, prCommits: 2, landed, headCommits: own }),
    )
    expect(plan.commits).toEqual([copies[0]!.sha, copies[1]!.sha])
  })

  it('squash whose patch equals its first commit (the second only fixes whitespace): explained as a squash', () => {
    const own = [
      commit('fix the parser', { patchId: 'p1' }),
      commit('whitespace', { patchId: 'p0' }),
    ]
    const squash = commit('Fix the parser (#7)', { patchId: 'p1' })
    const landed = [squash, commit('older main 1', { patchId: 'q1' })]
    const plan = selectCommits(
      input({ mergeCommit: squash, prCommits: 2, landed, headCommits: own }),
    )
    expect(plan.method).toBe('squash')
    expect(plan.commits).toEqual([squash.sha])
    expect(plan.explanation).toMatch(/^squash merge: /)
    expect(plan.explanation).not.toMatch(/rebase/)
    expect(plan.explanation).toContain('names #7')
  })

  it('rebase of a two-commit PR stays a rebase when one copy matches only by patch', () => {
    const own = [commit('a', { patchId: 'p1' }), commit('b', { patchId: 'p2' })]
    const first = rebasedCopy(own[0]!)
    const second = { ...rebasedCopy(own[1]!), authorDate: '2030-01-01T00:00:00Z' }
    const plan = selectCommits(
      input({ mergeCommit: second, prCommits: 2, landed: [second, first], headCommits: own }),
    )
    expect(plan.method).toBe('rebase')
    expect(plan.commits).toEqual([first.sha, second.sha])
  })

  it('rebase: stops at the base commit the PR was branched from (same object is not a copy)', () => {
    const fork = commit('fork point')
    const own = [commit('a'), commit('b')]
    const copies = own.map(rebasedCopy)
    // The PR had an update-branch merge, so prCommits (3) is more than the rebased commits (2).
    const landed = [copies[1]!, copies[0]!, fork]
    const plan = selectCommits(
      input({
        mergeCommit: copies[1]!,
        prCommits: 3,
        landed,
        headCommits: [own[1]!, own[0]!, fork],
      }),
    )
    expect(plan.commits).toEqual([copies[0]!.sha, copies[1]!.sha])
  })

  it('merge commit, own-commits: picks the own commits and says how many merges were left out', () => {
    const m = commit('Merge pull request #7', { parents: [sha(), sha()] })
    const own = [commit('a'), commit('b')]
    const plan = selectCommits(input({ mergeCommit: m, prCommits: 3, own }))
    expect(plan).toMatchObject({ method: 'merge', commits: own.map((c) => c.sha) })
    expect(plan.mainline).toBeUndefined()
    expect(plan.explanation).toContain('leaving out 1 merge')
  })

  it('merge commit, mainline: picks the merge commit with -m 1', () => {
    const m = commit('Merge pull request #7', { parents: [sha(), sha()] })
    const plan = selectCommits(
      input({ mergeCommit: m, prCommits: 3, mergeCommits: 'mainline', own: [commit('a')] }),
    )
    expect(plan).toMatchObject({ method: 'merge', commits: [m.sha], mainline: 1 })
  })

  it('merge commit whose PR has no own commits falls back to the merge commit', () => {
    const m = commit('Merge pull request #7', { parents: [sha(), sha()] })
    const plan = selectCommits(input({ mergeCommit: m, prCommits: 1, own: [] }))
    expect(plan).toMatchObject({ commits: [m.sha], mainline: 1 })
    expect(plan.explanation).toContain('no commits of its own')
  })
})

describe('rebasedRun (property)', () => {
  const subjects = fc.array(fc.string({ minLength: 1, maxLength: 12 }), {
    minLength: 1,
    maxLength: 40,
  })
  it('finds exactly the rebased commits at the top of the landed line, whatever came before', () => {
    fc.assert(
      fc.property(subjects, fc.nat(10), (names, baseCount) => {
        const own = names.map((n) => commit(n))
        const copies = own.map(rebasedCopy)
        const base = Array.from({ length: baseCount }, (_, i) =>
          commit(`base ${i}`, { authorEmail: 'other@example.com' }),
        )
        const landed = [...copies].reverse().concat(base)
        const run = rebasedRun(landed, [...own, ...base])
        expect(run.map((c) => c.sha)).toEqual([...copies].reverse().map((c) => c.sha))
      }),
    )
  })

  it('never treats a commit as a copy of itself', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = commit(s, { patchId: 'x' })
        expect(isRebasedCopy(c, c)).toBe(false)
      }),
    )
  })
})

describe('assertPlannable', () => {
  const pr = {
    number: 3,
    title: 't',
    baseRef: 'main',
    headSha: 'a'.repeat(40),
    mergeCommitSha: 'b'.repeat(40),
    commits: 2,
  }
  it('accepts a merged PR and rejects what git cannot work from', () => {
    expect(() => assertPlannable(pr)).not.toThrow()
    expect(() => assertPlannable({ ...pr, mergeCommitSha: '' })).toThrow(/no merge commit/)
    expect(() => assertPlannable({ ...pr, mergeCommitSha: '--upload-pack=x' })).toThrow(
      /no merge commit/,
    )
    expect(() => assertPlannable({ ...pr, headSha: 'main' })).toThrow(/head sha/)
    expect(() => assertPlannable({ ...pr, commits: 0 })).toThrow(/0 commits/)
    expect(() => assertPlannable({ ...pr, number: 0 })).toThrow(/PR number/)
  })
})
