import { describe, expect, it } from 'vitest'
import {
  conflictBodyLines,
  conflictRowText,
  renderConflictHint,
} from '../../../src/backport/conflict-hint.js'
import { conflictKind, parseUnmerged } from '../../../src/backport/conflict-kinds.js'
import { prOfSubject } from '../../../src/backport/prerequisites.js'
import type { ConflictOutcome, Prerequisite } from '../../../src/backport/types.js'

const sha = (c: string) => c.repeat(40)

function prerequisite(n: number, over: Partial<Prerequisite> = {}): Prerequisite {
  return {
    sha: sha(String(n % 10)),
    subject: `Change ${n} (#${n})`,
    files: ['src/app.ts'],
    pr: { number: n, title: `Change ${n}`, url: `https://github.com/o/r/pull/${n}` },
    backport: { state: 'missing' },
    ...over,
  }
}

function hinted(over: Partial<ConflictOutcome> = {}): ConflictOutcome {
  return {
    status: 'conflict',
    branch: 'backport/7-to-1.x',
    applied: [],
    failed: { sha: sha('a'), subject: 'fix' },
    conflictingFiles: ['src/app.ts', 'old.ts'],
    conflicts: [
      { path: 'src/app.ts', kind: 'both-modified' },
      { path: 'old.ts', kind: 'deleted-on-target' },
    ],
    prerequisites: { commits: [], more: 0, unavailable: undefined },
    remaining: [],
    resumeCommands: [],
    markersCommitted: true,
    ...over,
  }
}

describe('conflict kinds from index stages', () => {
  it('names each kind of a cherry-pick conflict (2 = target, 3 = fix)', () => {
    expect(conflictKind(new Set([1, 2, 3]))).toBe('both-modified')
    expect(conflictKind(new Set([1, 3]))).toBe('deleted-on-target')
    expect(conflictKind(new Set([1, 2]))).toBe('deleted-in-fix')
    expect(conflictKind(new Set([2, 3]))).toBe('added-on-both')
    expect(conflictKind(new Set([2]))).toBe('renamed')
    expect(conflictKind(new Set([3]))).toBe('renamed')
    expect(conflictKind(new Set([1]))).toBe('renamed')
  })

  it('parses `git ls-files -u -z`, paths with spaces and tabs kept whole, in index order', () => {
    const entry = (stage: number, path: string) => `100644 ${sha('b')} ${stage}\t${path}\0`
    const out = [
      entry(1, 'a b.txt'),
      entry(2, 'a b.txt'),
      entry(3, 'a b.txt'),
      entry(1, 'gone\tx.ts'),
      entry(3, 'gone\tx.ts'),
      entry(2, 'new.ts'),
      entry(3, 'new.ts'),
    ].join('')
    expect(parseUnmerged(out)).toEqual([
      { path: 'a b.txt', kind: 'both-modified' },
      { path: 'gone\tx.ts', kind: 'deleted-on-target' },
      { path: 'new.ts', kind: 'added-on-both' },
    ])
    expect(parseUnmerged('')).toEqual([])
  })
})

describe('prOfSubject', () => {
  it('reads the PR of a squash subject or a merge commit, nothing else', () => {
    expect(prOfSubject('Fix the parser (#123)')).toEqual({
      number: 123,
      title: 'Fix the parser',
      url: undefined,
    })
    expect(prOfSubject('Merge pull request #45 from ada/fix')?.number).toBe(45)
    expect(prOfSubject('Fix the parser')).toBeUndefined()
    expect(prOfSubject('Refer to (#12) in the middle')).toBeUndefined()
  })
})

describe('renderConflictHint (plain text for the CLI)', () => {
  it('gives each file its kind and advice, then the prerequisites newest first with PR and backport state', () => {
    const text = renderConflictHint(
      hinted({
        prerequisites: {
          commits: [
            prerequisite(12, {
              backport: { state: 'open', number: 40, url: 'https://github.com/o/r/pull/40' },
            }),
            prerequisite(9, { pr: undefined, subject: 'rebase copy' }),
          ],
          more: 3,
          unavailable: undefined,
        },
      }),
      '1.x',
      'main',
    )
    expect(text.split('\n')).toEqual([
      'Conflicting files:',
      '  src/app.ts: both modified: both sides changed it: resolve the conflict markers',
      expect.stringMatching(/^ {2}old\.ts: deleted or moved on the target: .*no conflict markers/),
      'Earlier commits of main that touched these files and are not on 1.x (newest first; backport them first or port their changes by hand):',
      `  ${sha('2').slice(0, 12)} Change 12 (#12) (PR #12 https://github.com/o/r/pull/12; backport to 1.x open (#40); src/app.ts)`,
      `  ${sha('9').slice(0, 12)} rebase copy (no PR known; backport to 1.x missing; src/app.ts)`,
      '  … and 3 more',
    ])
  })

  it('says when nothing is missing, and when the hint could not be worked out', () => {
    expect(renderConflictHint(hinted(), '1.x', 'main')).toContain(
      'No earlier commit of main that touched these files is missing on 1.x',
    )
    const text = renderConflictHint(
      hinted({ prerequisites: { commits: [], more: 0, unavailable: 'fetch refused' } }),
      '1.x',
    )
    expect(text).toContain('could not be worked out (fetch refused)')
  })
})

describe('conflict rows and PR body', () => {
  it('the row names the kinds and the prerequisites by PR with their backport state', () => {
    const outcome = hinted({
      prerequisites: {
        commits: [prerequisite(12), prerequisite(9, { pr: undefined })],
        more: 1,
        unavailable: undefined,
      },
    })
    expect(conflictRowText(outcome, '1.x')).toBe(
      `src/app.ts (both modified), old.ts (deleted or moved on the target); it may need earlier changes 1.x lacks: #12 (backport missing), ${sha('9').slice(0, 12)} (backport missing) and 1 more`,
    )
  })

  it('the PR body escapes outside text: file names, subjects and titles', () => {
    const evil = '<img src=x> @ada [x](http://e) `code` | # head'
    const lines = conflictBodyLines(
      hinted({
        conflicts: [{ path: evil, kind: 'renamed' }],
        prerequisites: {
          commits: [
            prerequisite(3, {
              files: [evil],
              pr: { number: 3, title: evil, url: 'https://github.com/o/r/pull/3' },
            }),
          ],
          more: 0,
          unavailable: undefined,
        },
      }),
      '1.x',
      'main',
    ).join('\n')
    // Titles are escaped prose; file names are code spans (no HTML, mention or link in either).
    expect(lines).not.toContain('<img')
    expect(lines).toContain('&lt;img src=x&gt; @\u200dada \\[x](http://e) \\`code\\` \\| # head')
    expect(lines).toContain(
      '- ``<\u200bimg src=x> @ada [x](http://e) `code` \u2502 # head``: **renamed**',
    )
    expect(lines).toContain('**renamed**')
    expect(lines).toContain('[#3](https://github.com/o/r/pull/3)')
  })
})
