import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergedRevisions, messageFacts, subjectKey } from '../../../src/evidence/messages.js'
import { ownForm, versionOnlyPair, VersionOnlyTracker } from '../../../src/evidence/version-only.js'

const SHA = 'a'.repeat(40)

describe('messageFacts', () => {
  it('reads cherry-pick trailers, reverts and the subject', () => {
    expect(
      messageFacts(
        `\nFix the timeout\n\nbody\n(cherry picked from commit ${SHA})\n(cherry picked from commit 1234567)\n`,
      ),
    ).toEqual({
      subject: 'Fix the timeout',
      pickedFrom: [SHA, '1234567'],
      svnMerged: [],
      releaseTool: false,
    })
    expect(messageFacts(`Revert "Add logging"\n\nThis reverts commit ${SHA}.\n`).reverts).toBe(SHA)
  })

  it('reads svn revisions: git-svn-id, merge subjects, a subject naming one revision', () => {
    const merged = messageFacts(
      'Merged r21541 and r21542 to 5.0-stable\n\ngit-svn-id: https://svn.example.org/repo/branches/5.0@21600 6f0d4a4e-1111-2222-3333-444455556666',
    )
    expect(merged).toMatchObject({ svnRevision: 21600, svnMerged: [21541, 21542] })
    expect(messageFacts('r21700: fix the frobnicator')).toMatchObject({
      svnRevision: 21700,
      svnMerged: [],
    })
    expect(messageFacts('Fix r1 and r2 registers').svnRevision).toBeUndefined()
    expect(mergedRevisions('Merged r123 from trunk')).toEqual([123])
    expect(mergedRevisions('Merge r10-r12, r20 into 2.x')).toEqual([10, 11, 12, 20])
    expect(
      mergedRevisions('Merged revisions 1234-1236,1240 via svnmerge from https://svn/trunk'),
    ).toEqual([1234, 1235, 1236, 1240])
    expect(mergedRevisions('[5.0] Backport r77 from trunk')).toEqual([77])
    expect(mergedRevisions('Fix r77 handling')).toEqual([])
    expect(mergedRevisions('Merged r1-r900000 to x')).toEqual([1])
  })

  it('knows release tools by their messages', () => {
    for (const subject of [
      '[maven-release-plugin] prepare release app-1.2.0',
      '[maven-release-plugin] prepare for next development iteration',
      '[Gradle Release Plugin] - new version commit:  1.3.0-SNAPSHOT.',
      'Setting version to 1.2.1-SNAPSHOT',
    ])
      expect(messageFacts(subject).releaseTool).toBe(true)
    expect(messageFacts('Prepare the release notes').releaseTool).toBe(false)
  })

  it('keys subjects without backport tags and PR numbers, with the author', () => {
    expect(subjectKey('[1.x] Fix  the Timeout (#15)', 'Ada@Example.com')).toBe(
      subjectKey('Fix the timeout (#12)', 'ada@example.com'),
    )
    expect(subjectKey('Fix the timeout', 'a@x')).not.toBe(subjectKey('Fix the timeout', 'b@x'))
    expect(subjectKey('[1.x]', 'a@x')).toBe('')
  })

  it('reads any text in time linear in its size', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (t) => void messageFacts(t)))
    const started = Date.now()
    messageFacts(`Merged ${'r1 '.repeat(20_000)}\n${'(cherry picked from commit '.repeat(5000)}`)
    messageFacts(`${'r'.repeat(50_000)}1`)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('version-only diffs', () => {
  it('accepts pairs that differ only in version-like tokens', () => {
    expect(
      versionOnlyPair('  <version>1.2.3-SNAPSHOT</version>', '  <version>1.2.3</version>'),
    ).toBe(true)
    expect(versionOnlyPair("version = '1.0.0'", "version = '1.0.1'")).toBe(true)
    expect(versionOnlyPair('    versionCode 41', '    versionCode 42')).toBe(true)
    expect(versionOnlyPair('spring.version=5.0.1.RELEASE', 'spring.version=5.0.2.RELEASE')).toBe(
      true,
    )
  })

  it('refuses anything else', () => {
    expect(versionOnlyPair('x = 1.2', 'x = 1.2')).toBe(false)
    expect(versionOnlyPair('timeout = 30', 'timeout = 60')).toBe(false)
    expect(versionOnlyPair('<tag>HEAD</tag>', '<tag>v1.1</tag>')).toBe(false)
    expect(versionOnlyPair('a 1.2', 'b 1.3')).toBe(false)
  })

  it("with the project's builds known, only a bump of those is a release tool's, not a dependency bump or a constant", () => {
    const own = new Set(['1.0.1', '2', '41', '42'].map(ownForm))
    expect(
      versionOnlyPair('  <version>1.0.1-SNAPSHOT</version>', '  <version>1.0.1</version>', own),
    ).toBe(true)
    expect(versionOnlyPair('    versionCode 41', '    versionCode 42', own)).toBe(true)
    expect(versionOnlyPair("version = 'v2.0.0'", "version = '1.0.1'", own)).toBe(true)
    // log4j 2.14.1 -> 2.17.1 (CVE-2021-44228): a fix, not bookkeeping.
    expect(versionOnlyPair('  <version>2.14.1</version>', '  <version>2.17.1</version>', own)).toBe(
      false,
    )
    expect(versionOnlyPair('BACKOFF = 1.5', 'BACKOFF = 1.2', own)).toBe(false)
    expect(versionOnlyPair('if (buildCount > 3) {', 'if (buildCount > 4) {', own)).toBe(false)
    expect(ownForm('v1.2.0-SNAPSHOT')).toBe('1.2')
  })

  it('needs every removed line paired with an added one', () => {
    const feed = (lines: string[], own = new Set(['1', '1.1', '2', '2.1'])) => {
      const t = new VersionOnlyTracker(own)
      for (const l of lines) t.line(l)
      return t.result()
    }
    expect(feed([' <a>', '-<v>1.0</v>', '+<v>1.1</v>', ' </a>'])).toBe(true)
    expect(feed(['-<v>1.0</v>', '-<w>2.0</w>', '+<v>1.1</v>', '+<w>2.1</w>'])).toBe(true)
    expect(feed(['-<v>1.0</v>', '+<v>1.1</v>', '+<extra/>'])).toBe(false)
    expect(feed(['-<v>1.0</v>', ' x'])).toBe(false)
    expect(feed([' context only'])).toBe(false)
    // Without the project's builds nothing passes for a version bump (it could be a dependency's).
    const unknown = new VersionOnlyTracker()
    for (const l of [' <a>', '-<v>1.0</v>', '+<v>1.1</v>', ' </a>']) unknown.line(l)
    expect(unknown.result()).toBe(false)
  })
})
