/**
 * build-format names what YAML made of an unquoted buildNumber: `null` and `~` are YAML null,
 * `true` a boolean, `!!binary ...` binary data; only a number is "a YAML number". From the
 * plugin_config.yml text (both readers) or a configured YAML key to the finding's message.
 */
import { describe, expect, it } from 'vitest'
import { checkModel } from '../../../src/upgrade/check.js'
import { buildFromKey } from '../../../src/upgrade/discovery/build.js'
import { parsePluginConfig, parsePluginConfigYaml } from '../../../src/upgrade/discovery/delphix.js'
import type { YamlNotString } from '../../../src/upgrade/model.js'
import { workedExample } from '../upgrade/worked-example.js'

/** The build-format message for release 1.2 of the worked example with this build read. */
function message(build: string, yaml: YamlNotString | undefined): string {
  const model = workedExample()
  const release = model.releases.find((r) => r.name === '1.2')
  if (!release) throw new Error('no release 1.2')
  Object.assign(release, { build, buildNotString: true, ...(yaml ? { buildYaml: yaml } : {}) })
  const result = checkModel(model, { scheme: 'dotted', engine: 'set', contentChange: 'warning' })
  // A second build-format finding may say the text is no valid build: only this one matters here.
  const found = result.findings
    .filter((f) => f.rule === 'build-format' && f.message.startsWith('build number of'))
    .map((f) => f.message)
  expect(found).toHaveLength(1)
  return found[0] as string
}

function fromPluginConfig(value: string): string {
  const text = `name: demo\nbuildNumber: ${value}\n`
  const p = parsePluginConfig(text, 'plugin_config.yml')
  expect(p).toEqual(parsePluginConfigYaml(text, 'plugin_config.yml'))
  expect(p.buildNotString).toBe(true)
  return message(p.build ?? '', p.buildYaml)
}

describe('build-format says what an unquoted build number is to YAML', () => {
  it('null, ~ and an empty value are YAML null, not a number', () => {
    for (const value of ['null', '~', 'NULL']) {
      const msg = fromPluginConfig(value)
      expect(msg).toContain(`an unquoted ${value} is YAML null (no value)`)
      expect(msg).not.toContain('number (')
      expect(msg).toContain('write it as a quoted string, e.g. buildNumber: "1.0.0"')
    }
    expect(fromPluginConfig('')).toContain('an empty value is YAML null')
  })

  it('a tagged value names its tag and what it is', () => {
    expect(fromPluginConfig('!!binary aGVsbG8=')).toContain(
      '"aGVsbG8=" tagged !!binary is YAML binary data: drop the tag and quote the build number',
    )
    expect(fromPluginConfig('!!timestamp 2019-10-15')).toContain(
      '"2019-10-15" tagged !!timestamp is a YAML timestamp',
    )
    expect(fromPluginConfig('!!null ""')).toContain('tagged !!null is YAML null')
  })

  it('booleans are booleans; numbers keep the quoting advice', () => {
    expect(fromPluginConfig('true')).toContain('an unquoted true is a YAML boolean')
    expect(fromPluginConfig('1.10')).toContain(
      'an unquoted 1.10 is a YAML number (1.10 would read as 1.1): quote it, buildNumber: "1.10"',
    )
    const fast = parsePluginConfig('buildNumber: 1.2\n', 'plugin_config.yml')
    expect(fast.buildYaml).toEqual({ type: 'number' })
  })

  it('a build number from a configured YAML key is described the same way', () => {
    const read = buildFromKey('app:\n  build: yes\n  other: true\n', 'release.yml', 'app.other')
    expect(read).toMatchObject({ build: 'true', notString: true, yaml: { type: 'boolean' } })
    expect(message(read.build ?? '', read.yaml)).toContain('an unquoted true is a YAML boolean')
  })
})
