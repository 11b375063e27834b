import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resumeCommands, shellWord } from '../../../src/backport/resume.js'
import { workflowFileFromRejection } from '../../../src/backport/push.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const C = 'c'.repeat(40)
const M = 'd'.repeat(40)

describe('resumeCommands', () => {
  const base = {
    remote: 'origin',
    base: 'main',
    target: '1.x',
    branch: 'backport/7-to-1.x',
    conflicts: [
      { path: 'app.txt', kind: 'both-modified' as const },
      { path: 'src/x.ts', kind: 'both-modified' as const },
    ],
  }

  it('draft-pr: drop the markers commit, redo the failing pick and the rest, push with a lease', () => {
    expect(
      resumeCommands({ ...base, failed: B, remaining: [C], applied: [A], markersCommit: M }),
    ).toEqual([
      'git fetch origin main',
      'git fetch origin backport/7-to-1.x',
      'git checkout -B backport/7-to-1.x FETCH_HEAD',
      'git reset --hard HEAD~1',
      `git cherry-pick -x ${B} ${C}`,
      '# app.txt src/x.ts: resolve the conflict markers',
      '# then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)',
      `git push --force-with-lease=backport/7-to-1.x:${M} origin backport/7-to-1.x`,
    ])
  })

  it('comment: a fresh branch from the target, every pick again (applied ones too), -m 1 for mainline', () => {
    const commands = resumeCommands({
      ...base,
      failed: B,
      remaining: [],
      applied: [A],
      mainline: 1,
    })
    expect(commands).toEqual([
      'git fetch origin main',
      'git fetch origin 1.x',
      'git checkout -B backport/7-to-1.x FETCH_HEAD',
      `git cherry-pick -x -m 1 ${A} ${B}`,
      '# app.txt src/x.ts: resolve the conflict markers',
      expect.stringMatching(/^# then: git add -A/),
      'git push origin backport/7-to-1.x',
    ])
  })

  it('says what to do about each kind of conflict, naming its files', () => {
    const commands = resumeCommands({
      ...base,
      failed: B,
      remaining: [],
      applied: [],
      conflicts: [
        { path: 'a.txt', kind: 'both-modified' },
        { path: 'gone.txt', kind: 'deleted-on-target' },
        { path: 'b.txt', kind: 'added-on-both' },
        { path: 'old.txt', kind: 'deleted-in-fix' },
        { path: 'moved.txt', kind: 'renamed' },
      ],
    })
    const steps = commands.filter((c) => c.startsWith('#'))
    expect(steps).toEqual([
      '# a.txt: resolve the conflict markers',
      "# gone.txt: deleted or moved on the target (no markers): apply the fix's change where the code lives now, then git rm gone.txt",
      '# b.txt: resolve the conflict markers',
      "# old.txt: the fix deletes it and the target changed it: git rm old.txt, unless the target's changes must stay",
      '# moved.txt: a rename git could not carry over: keep the name the target uses and remove the other copy',
      '# then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)',
    ])
  })

  it('quotes anything a shell would interpret', () => {
    const commands = resumeCommands({
      ...base,
      target: 'rel;rm -rf',
      branch: 'backport/7-to-$(x)',
      failed: B,
      remaining: [],
      applied: [],
      conflicts: [{ path: "it's.txt", kind: 'both-modified' }],
    })
    expect(commands).toContain("git fetch origin 'rel;rm -rf'")
    expect(commands).toContain("git checkout -B 'backport/7-to-$(x)' FETCH_HEAD")
    expect(commands.join('\n')).toContain(`'it'\\''s.txt'`)
  })
})

describe('shellWord (property)', () => {
  it('is a single POSIX word: plain, or single-quoted with quotes escaped, and no control characters', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const w = shellWord(s)
        // eslint-disable-next-line no-control-regex
        expect(w).not.toMatch(/[\u0000-\u001f\u007f]/)
        if (w.startsWith("'")) {
          expect(w.endsWith("'")).toBe(true)
          const inner = w.slice(1, -1).split(`'\\''`).join('')
          expect(inner).not.toContain("'")
        } else {
          expect(w).toMatch(/^[A-Za-z0-9._/@:+=,-]+$/)
        }
      }),
    )
  })
})

describe('workflowFileFromRejection', () => {
  it('reads the file from GitHub’s message', () => {
    const stderr =
      'remote: refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission\n' +
      ' ! [remote rejected] backport/1-to-1.x -> backport/1-to-1.x (pre-receive hook declined)'
    expect(workflowFileFromRejection(stderr)).toBe('.github/workflows/ci.yml')
    expect(
      workflowFileFromRejection(
        'refusing to allow an OAuth App to create or update workflow `.github/workflows/a b.yml` without `workflow` scope',
      ),
    ).toBe('.github/workflows/a b.yml')
    expect(workflowFileFromRejection('something else')).toBeUndefined()
  })

  it('never throws on arbitrary stderr', () => {
    fc.assert(fc.property(fc.string(), (s) => void workflowFileFromRejection(s)))
  })
})
