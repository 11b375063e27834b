/**
 * The build-number readers (VERSION, package.json, a YAML/JSON file and key) and the other parsers of
 * outside input in discovery (schema.json, git output), including properties over arbitrary text.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildFromKey,
  buildFromPackageJson,
  buildFromVersionFile,
} from '../../../src/upgrade/discovery/build.js'
import { summarizeSchema } from '../../../src/upgrade/discovery/delphix.js'
import { parseRefs } from '../../../src/upgrade/discovery/refs.js'
import { parseDiffTree } from '../../../src/upgrade/discovery/trees.js'

const dotted = fc
  .array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 })
  .map((p) => p.join('.'))

describe('buildFromVersionFile', () => {
  it('reads the first non-empty line, trimmed, with its line number', () => {
    expect(buildFromVersionFile('\n\n  1.2.3  \n4.0\n', 'VERSION')).toEqual({
      build: '1.2.3',
      line: 3,
      problems: [],
    })
    expect(buildFromVersionFile('\r\n1.10\r\n', 'VERSION')).toMatchObject({
      build: '1.10',
      line: 2,
    })
  })

  it('reports an empty file, naming it', () => {
    expect(buildFromVersionFile(' \n\n', 'VERSION').problems).toEqual([
      { rule: 'build-format', severity: 'error', file: 'VERSION', message: 'VERSION is empty' },
    ])
  })

  it('never throws; a build read is trimmed and sits on the line it names (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const r = buildFromVersionFile(text, 'VERSION')
        if (r.build === undefined) {
          expect(r.problems).toHaveLength(1)
          return
        }
        expect(r.build).toBe(r.build.trim())
        expect(r.build).not.toBe('')
        expect(text.split(/\r?\n/)[(r.line as number) - 1]?.trim()).toBe(r.build)
      }),
    )
  })
})

describe('buildFromKey and buildFromPackageJson', () => {
  it('reads a dotted key as written, flagging an unquoted number', () => {
    const yaml = 'app:\n  name: svc\n  build: "1.10"\n'
    expect(buildFromKey(yaml, 'release.yml', 'app.build')).toEqual({
      build: '1.10',
      line: 3,
      notString: false,
      problems: [],
    })
    expect(buildFromKey('app:\n  build: 1.10\n', 'release.yml', 'app.build')).toMatchObject({
      build: '1.10',
      line: 2,
      notString: true,
    })
    expect(
      buildFromPackageJson('{\n  "name": "x",\n  "version": "2.0.1"\n}\n', 'package.json'),
    ).toMatchObject({ build: '2.0.1', line: 3, notString: false })
  })

  it('reports a missing key, a mapping instead of a value, and garbage, naming the file', () => {
    expect(buildFromKey('app: {}\n', 'r.yml', 'app.build').problems[0]?.message).toBe(
      'r.yml has no "app.build" value',
    )
    expect(buildFromKey('app:\n  build: { a: 1 }\n', 'r.yml', 'app.build').build).toBeUndefined()
    expect(buildFromPackageJson('{ "version": ', 'package.json').problems[0]).toMatchObject({
      rule: 'build-format',
      severity: 'error',
      file: 'package.json',
    })
  })

  it('keeps a generated build exactly as written, quoted or not (property)', () => {
    fc.assert(
      fc.property(dotted, fc.boolean(), (build, quoted) => {
        const r = buildFromKey(
          `meta:\n  build: ${quoted ? `"${build}"` : build}\n`,
          'f.yml',
          'meta.build',
        )
        expect(r.build).toBe(build)
        expect(r.line).toBe(2)
        // an unquoted dotted number is a YAML number unless it has two or more dots
        expect(r.notString).toBe(!quoted && build.split('.').length <= 2)
      }),
    )
  })

  it('never throws on arbitrary text or keys (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 12 }), (text, key) => {
        const r = buildFromKey(text, 'f.yml', key)
        if (r.build === undefined) expect(r.problems.length).toBeGreaterThan(0)
        else expect(typeof r.build).toBe('string')
      }),
    )
  })
})

describe('other parsers of outside input never throw (property)', () => {
  it('summarizeSchema on arbitrary text and arbitrary JSON', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => void summarizeSchema(t, 's.json')))
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (t) => {
        const r = summarizeSchema(t, 's.json')
        if (r.schema)
          for (const o of Object.values(r.schema.objects))
            expect(Array.isArray(o.required)).toBe(true)
      }),
    )
  })

  it('git output parsers on arbitrary text', () => {
    const text = fc.string({ maxLength: 300 })
    fc.assert(
      fc.property(text, (t) => {
        parseRefs(t)
        parseDiffTree(t)
      }),
    )
  })
})
