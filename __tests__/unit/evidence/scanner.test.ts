import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PatchScanner, type ScannedCommit } from '../../../src/evidence/scanner.js'
import { missingProblems, parseRawChanges, splitByMissing } from '../../../src/evidence/missing.js'
import {
  diffHeaderPath,
  droppedPaths,
  presentRoots,
  rootQueries,
  vendoredPathspecs,
} from '../../../src/evidence/pathspec.js'

const A = '1'.repeat(40)
const B = '2'.repeat(40)
const C = '3'.repeat(40)

/** diff-tree output for three commits: a fix (text + binary), a version bump, a binary-only change. */
const OUTPUT = [
  `commit ${A}`,
  '    ada@example.com',
  '    Fix the parser',
  '    ',
  `    (cherry picked from commit ${C})`,
  '',
  'diff --git a/src/p.c b/src/p.c',
  'index 1111111..2222222 100644',
  '--- a/src/p.c',
  '+++ b/src/p.c',
  '@@ -1,3 +1,3 @@',
  ' int x;',
  '-int y = 1;',
  '+int y = 2;',
  '    commit lookalike in the context',
  'diff --git a/logo.png b/logo.png',
  'index 3333333..4444444 100644',
  'Binary files a/logo.png and b/logo.png differ',
  `commit ${B}`,
  '    Ada@Example.com',
  '    Bump version',
  '',
  'diff --git a/pom.xml b/pom.xml',
  'index 5555555..6666666 100644',
  '--- a/pom.xml',
  '+++ b/pom.xml',
  '@@ -2 +2 @@',
  '-  <version>1.0.0-SNAPSHOT</version>',
  '+  <version>1.0.0</version>',
  `commit ${C}`,
  '    ada@example.com',
  '    New logo',
  '',
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'index 0000000..3333333',
  'Binary files /dev/null and b/logo.png differ',
  '',
].join('\n')

function scan(
  chunks: Buffer[],
  drop?: (path: string) => boolean,
): { commits: ScannedCommit[]; out: string } {
  const commits: ScannedCommit[] = []
  // The project's own build is 1.0.0: its SNAPSHOT bump is a version-only commit.
  const s = new PatchScanner((c) => commits.push(c), drop, new Set(['1']))
  const out = [...chunks.map((c) => s.push(c)), s.end()].map((b) => b.toString()).join('')
  return { commits, out }
}

describe('PatchScanner', () => {
  it('hands patch-id the commit lines and text sections, and reads each commit', () => {
    const { commits, out } = scan([Buffer.from(OUTPUT)])
    expect(
      commits.map((c) => [c.sha, c.email, c.subject, c.hasPatch, c.versionOnly, c.binaryFiles]),
    ).toEqual([
      [A, 'ada@example.com', 'Fix the parser', true, false, 1],
      [B, 'ada@example.com', 'Bump version', true, true, 0],
      [C, 'ada@example.com', 'New logo', false, false, 1],
    ])
    expect(commits[0]?.pickedFrom).toEqual([C])
    expect(out).not.toMatch(/Binary files|logo\.png|Fix the parser|ada@/)
    expect(out).toContain(`commit ${A}\ndiff --git a/src/p.c b/src/p.c\n`)
    expect(out).toContain('    commit lookalike in the context\n')
    expect(out).toContain(`commit ${C}\n`)
  })

  it('drops the sections of dropped paths: a commit of only those has no patch', () => {
    const { commits, out } = scan([Buffer.from(OUTPUT)], (path) => path === 'pom.xml')
    expect(commits[1]).toMatchObject({ sha: B, hasPatch: false, versionOnly: false })
    expect(out).not.toContain('pom.xml')
    expect(out).toContain(`commit ${B}\ncommit ${C}\n`)
  })

  it('gives the same result however the stream is cut into chunks', () => {
    const whole = scan([Buffer.from(OUTPUT)])
    const bytes = Buffer.from(OUTPUT)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length]
          const parts = points.slice(1).map((end, i) => bytes.subarray(points[i], end))
          expect(scan(parts)).toEqual(whole)
        },
      ),
    )
  })

  it('says which commit a stream that broke off was reading', () => {
    const s = new PatchScanner(() => undefined)
    s.push(Buffer.from(OUTPUT.slice(0, OUTPUT.indexOf(`commit ${B}`) + 60)))
    expect(s.current).toBe(B)
  })

  it('survives arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (parts) => {
        scan(parts.map((p) => Buffer.from(p)))
      }),
    )
  })
})

describe('missing objects', () => {
  const raw = parseRawChanges(
    (path) => path.startsWith('vendor/'),
    [
      A,
      `:100644 100644 ${'a'.repeat(40)} ${'b'.repeat(40)} M`,
      'data/t.csv',
      `:000000 100644 ${'0'.repeat(40)} ${'c'.repeat(40)} A`,
      'src/x.c',
      `:160000 160000 ${'d'.repeat(40)} ${'e'.repeat(40)} M`,
      'sub',
      `:000000 100644 ${'0'.repeat(40)} ${'9'.repeat(40)} A`,
      'vendor/lib.c',
      `\n${B}`,
      `:100644 100644 ${'c'.repeat(40)} ${'f'.repeat(40)} M`,
      'src/x.c',
      '',
    ].join('\0'),
  )

  it('lists the blobs each commit changes, submodules and dropped paths left out', () => {
    expect([...raw.blobs].sort()).toEqual(['a', 'b', 'c', 'f'].map((x) => x.repeat(40)))
    expect(raw.byCommit.get(B)).toEqual([
      { path: 'src/x.c', before: 'c'.repeat(40), after: 'f'.repeat(40) },
    ])
  })

  it('groups commits by what they miss and names each missing path once', () => {
    const missing = new Set(['b'.repeat(40)])
    expect(splitByMissing([A, B, C], raw, missing)).toEqual([
      { commits: [B, C], paths: [] },
      { commits: [A], paths: ['data/t.csv'] },
    ])
    expect(missingProblems(raw, missing)).toEqual([
      expect.objectContaining({ kind: 'missing-object', path: 'data/t.csv', commits: [A] }),
    ])
  })
})

describe('exclusions', () => {
  it('drops bookkeeping globs as the config reads them, and vendored folders at any depth', () => {
    const drop = droppedPaths(['CHANGELOG*', '**/CHANGELOG*', 'VERSION', 'docs/[draft].md'])
    for (const p of [
      'CHANGELOG.md',
      'a/b/CHANGELOG',
      'VERSION',
      'docs/[draft].md',
      'web/node_modules/x.js',
      'vendor/a.go',
    ])
      expect(drop(p)).toBe(true)
    for (const p of ['src/VERSION', 'docs/d.md', 'src/vendors.go', 'my_vendor/x', 'CHANGES'])
      expect(drop(p)).toBe(false)
  })

  it('leaves vendored folders to git only where a tip has them at its root', () => {
    const queries = rootQueries([A, B])
    expect(queries).toEqual([
      `${A}:vendor`,
      `${A}:node_modules`,
      `${A}:third_party`,
      `${B}:vendor`,
      `${B}:node_modules`,
      `${B}:third_party`,
    ])
    const answer = [
      `${A}:vendor missing`,
      `${'e'.repeat(40)} tree 120`,
      `${A}:third_party missing`,
      `${B}:vendor missing`,
      `${B}:node_modules missing`,
      `${'f'.repeat(40)} blob 12`,
    ].join('\n')
    expect(presentRoots(answer)).toEqual(['node_modules'])
    expect(vendoredPathspecs(['node_modules'])).toEqual([':(top,exclude,literal)node_modules'])
  })

  it('reads the path of a diff header, quoted or not', () => {
    expect(diffHeaderPath('diff --git a/src/a b.py b/src/a b.py')).toBe('src/a b.py')
    expect(diffHeaderPath('diff --git "a/x\\"y" "b/x\\"y"')).toBe('x"y')
  })
})
