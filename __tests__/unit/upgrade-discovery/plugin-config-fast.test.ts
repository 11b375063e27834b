import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { simplePluginConfig } from '../../../src/upgrade/discovery/plugin-config-fast.js'
import { parsePluginConfig, parsePluginConfigYaml } from '../../../src/upgrade/discovery/delphix.js'

// The fast reader must agree with the full YAML parser on every text it accepts, and hand
// everything else to it: a plugin_config.yml is outside input.
const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_./-]{0,12}$/)
const number = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{0,3}){0,3}$/)
const quoted = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`),
)
const scalar = fc.oneof(
  { arbitrary: word, weight: 5 },
  { arbitrary: number, weight: 3 },
  { arbitrary: quoted, weight: 2 },
  { arbitrary: fc.constantFrom('null', 'true', '~', '', '1.2', '"1.2"', "'01.02'"), weight: 2 },
)
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/)
const key = fc.oneof(
  fc.constantFrom('buildNumber', 'srcDir', 'schemaFile', 'id', 'name', 'language'),
  identifier,
)
const value = (k: string) =>
  fc.oneof(
    scalar.map((v) => `${k}: ${v}`),
    fc
      .tuple(fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  '))
      .map(([items, indent]) => [`${k}:`, ...items.map((i) => `${indent}- ${i}`)].join('\n')),
  )
/** The common shape: distinct top-level keys, each with a one-line value or a list. */
const common = fc
  .uniqueArray(key, { maxLength: 5 })
  .chain((keys) => fc.tuple(...keys.map(value)))
  .map((lines) => lines.join('\n') + '\n')
const odd = fc.constantFrom(
  '# comment',
  '',
  'a: [1, 2]',
  'b: |\n  block',
  'c: &x y',
  'buildNumber: 1.2 # x',
  'id: 1\nid: 2',
)
/** Common configs with, sometimes, one line the fast reader must leave to the YAML parser. */
const config = fc
  .tuple(common, fc.option(odd, { nil: undefined }))
  .map(([text, extra]) => (extra === undefined ? text : `${text}${extra}\n`))

describe('simplePluginConfig', () => {
  it('agrees with the YAML parser whenever it answers (property)', () => {
    let answered = 0
    fc.assert(
      fc.property(config, (text) => {
        const fast = simplePluginConfig(text, 'plugin_config.yml')
        if (fast !== undefined) answered++
        if (fast !== undefined)
          expect(fast).toEqual(parsePluginConfigYaml(text, 'plugin_config.yml'))
        expect(parsePluginConfig(text, 'plugin_config.yml')).toEqual(
          parsePluginConfigYaml(text, 'plugin_config.yml'),
        )
      }),
      { numRuns: 3000 },
    )
    // The property is about the fast path: it must have answered for a good share of the inputs.
    expect(answered).toBeGreaterThan(150)
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(parsePluginConfig(text, 'p.yml')).toEqual(parsePluginConfigYaml(text, 'p.yml'))
      }),
    )
  })

  it('reads the common shape, and leaves an unquoted build number to the YAML parser to flag', () => {
    const text =
      'id: 7a1c\nname: demo\nbuildNumber: "1.2"\nsrcDir: src\nschemaFile: schema.json\nhostTypes:\n  - UNIX\n'
    expect(simplePluginConfig(text, 'plugin_config.yml')).toEqual(
      parsePluginConfigYaml(text, 'plugin_config.yml'),
    )
    const unquoted = 'buildNumber: 1.2\nsrcDir: src\n'
    expect(parsePluginConfig(unquoted, 'plugin_config.yml')).toEqual(
      parsePluginConfigYaml(unquoted, 'plugin_config.yml'),
    )
    expect(parsePluginConfig(unquoted, 'plugin_config.yml')).toMatchObject({ buildNotString: true })
  })
})
