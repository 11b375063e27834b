import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/load.js'
import { delphixListings } from '../../../src/upgrade/discovery/delphix-listings.js'
import { ParseCache } from '../../../src/upgrade/discovery/reader.js'
import type { TreeChange } from '../../../src/upgrade/discovery/trees.js'

const dec = (id: string) => `@plugin.upgrade.repository("${id}")\ndef m(old):\n    return old\n`

describe('delphixListings', () => {
  it('updates a base listing with the changed files only, and rescans when srcDir moves', () => {
    const blobs = new Map<string, string | undefined>([
      ['cfg1', 'srcDir: src\nbuildNumber: "1"\n'],
      ['cfg2', 'srcDir: src\nbuildNumber: "2"\n'],
      ['cfg3', 'srcDir: lib\nbuildNumber: "3"\n'],
      ['a1', dec('1')],
      ['b1', dec('2')],
      ['a2', dec('1.1')],
    ])
    const s1 = new Map([
      ['plugin_config.yml', 'cfg1'],
      ['src/a.py', 'a1'],
      ['src/b.py', 'b1'],
    ])
    const s2 = new Map([
      ['plugin_config.yml', 'cfg2'],
      ['src/a.py', 'a2'],
      ['lib/c.py', 'b1'],
    ])
    const s3 = new Map([...s2, ['plugin_config.yml', 'cfg3']])
    const change = (path: string, blob: string, status = 'M'): TreeChange => ({
      path,
      blob,
      status,
      mode: status === 'D' ? '000000' : '100644',
    })
    const changes = new Map<string, TreeChange[]>([
      [
        'c2',
        [
          change('plugin_config.yml', 'cfg2'),
          change('src/a.py', 'a2'),
          change('src/b.py', '0', 'D'),
          change('lib/c.py', 'b1', 'A'),
        ],
      ],
      ['c3', [change('plugin_config.yml', 'cfg3')]],
    ])
    const plan = [
      { commit: 'c1', base: undefined },
      { commit: 'c2', base: 'c1' },
      { commit: 'c3', base: 'c2' },
    ]
    const states = new Map([
      ['c1', s1],
      ['c2', s2],
      ['c3', s3],
    ])
    const listings = delphixListings({
      plan,
      changes,
      states,
      blobs,
      cache: new ParseCache(),
      config: defaultConfig(),
    })
    const ids = (files: Map<string, string>) =>
      [...(listings.get(files)?.perFile.entries() ?? [])].map(
        ([p, s]) => `${p}=${s.migrations.map((m) => m.id).join(',')}`,
      )
    expect(ids(s1)).toEqual(['src/a.py=1', 'src/b.py=2'])
    expect(ids(s2)).toEqual(['src/a.py=1.1'])
    expect(ids(s3)).toEqual(['lib/c.py=2'])
  })
})
