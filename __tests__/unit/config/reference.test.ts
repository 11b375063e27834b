import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import schema from '../../../fixline.schema.json' with { type: 'json' }
import { renderConfigReference } from '../../../src/config/reference.js'

describe('docs/configuration.md', () => {
  it('is generated from the current schema (run `npm run docs:config`)', () => {
    expect(readFileSync('docs/configuration.md', 'utf8')).toBe(renderConfigReference(schema))
  })

  it('lists every leaf key with its default', () => {
    const doc = renderConfigReference(schema)
    expect(doc).toContain('| `backport.conflicts` | `draft-pr` \\| `comment` | `"draft-pr"` |')
    expect(doc).toContain('| `backport.labels[].pattern` |')
    expect(doc).toContain('| `requests.releaseManagers.teams` | list of string | `[]` |')
  })
})
