import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkModel, type CheckOptions } from '../../../src/upgrade/check.js'
import type { CheckResult, Upgrade } from '../../../src/upgrade/model.js'
import {
  renderJson,
  renderMarkdown,
  renderMermaid,
  renderText,
} from '../../../src/upgrade/render/index.js'
import { buildModel, workedExample, withRelease } from './worked-example.js'
import {
  brokenTableRows,
  hasUnclosedComment,
  hostileText,
  mentions,
  withoutCode,
} from '../../support/markdown-checks.js'

const SET: CheckOptions = { scheme: 'dotted', engine: 'set', contentChange: 'warning' }
const passing = (): CheckResult => checkModel(workedExample(), SET)
const lossy = (): CheckResult =>
  checkModel(
    buildModel(withRelease('1.2', (s) => void (s.migrations = [['2019.02.01'], ['2019.04.01']]))),
    SET,
  )

describe('renderJson', () => {
  it('has the contract shape: conclusion, findings, releases, upgrades', () => {
    const json = JSON.parse(renderJson(lossy())) as Record<string, unknown>
    expect(json.conclusion).toBe('failure')
    expect(json.findings).toEqual([
      expect.objectContaining({
        rule: 'fix-loss',
        severity: 'error',
        file: 'plugin_config.yml',
        line: 7,
        message: expect.stringContaining('1.2 -> 2.0'),
      }),
    ])
    expect((json.releases as { name: string }[]).map((r) => r.name)).toEqual([
      '1.0',
      '1.1',
      '2.0',
      '2.1',
      '1.2',
    ])
    expect((json.releases as { migrations: string[] }[])[3]?.migrations).toContain('2019.10.15')
    const upgrades = json.upgrades as Upgrade[]
    expect(upgrades).toHaveLength(10)
    for (const u of upgrades)
      expect(Object.keys(u).sort()).toEqual(
        expect.arrayContaining(['allowed', 'from', 'reason', 'to']),
      )
    expect(upgrades.find((u) => u.from === '1.2' && u.to === '2.0')).toMatchObject({
      allowed: true,
      losesFixes: true,
    })
    expect(json.summary).toMatchObject({ errors: 1, warnings: 0, upgrades: 10, losesFixes: 1 })
  })

  it('omits file and line when a finding has none', () => {
    const result = passing()
    result.findings.push({ rule: 'build-unique', severity: 'warning', message: 'm' })
    const [f] = (JSON.parse(renderJson(result)) as { findings: object[] }).findings
    expect(f).toEqual({ rule: 'build-unique', severity: 'warning', message: 'm' })
  })
})

describe('renderText', () => {
  it('states the verdict, the lines, and every matrix row of the worked example', () => {
    const text = renderText(passing())
    expect(text.split('\n')[0]).toMatch(
      /^fixline upgrade-safety: PASS \(0 errors, 0 warnings; 5 releases on 2 lines; 10 upgrades: 9 allowed, 1 blocked/,
    )
    expect(text).toMatch(/^ {2}1\.x +1\.0, 1\.1, 1\.2$/m)
    expect(text).toMatch(/^ {2}main \(newest\) +2\.0, 2\.1$/m)
    expect(text).toMatch(/^ {2}1\.2 -> 2\.0 +BLOCKED {2}2\.0 lacks 2019\.10\.15$/m)
    expect(text).toMatch(/^ {2}1\.2 -> 2\.1 +allowed$/m)
    expect(text).toContain('Findings: none')
  })

  it('lists findings with their location and marks lossy upgrades', () => {
    const text = renderText(lossy())
    expect(text).toContain('FAIL')
    expect(text).toMatch(
      /^Errors\n {2}fix-loss \(1 error\)\n {4}- upgrading 1\.2 -> 2\.0 would lose fixes/m,
    )
    expect(text).toContain('at plugin_config.yml:7')
    expect(text).toMatch(/1\.2 -> 2\.0 +LOSES FIXES/)
  })

  it('caps the matrix, keeping lossy and blocked rows first', () => {
    const text = renderText(lossy(), { maxRows: 2 })
    expect(text).toMatch(/1\.2 -> 2\.0 +LOSES FIXES/)
    expect(text).toContain('... 8 more upgrades not shown')
  })
})

describe('renderMarkdown', () => {
  it('has the verdict, a findings table and the matrix rows (allowed / blocked and why / loses fixes)', () => {
    const md = renderMarkdown(lossy())
    expect(md).toMatch(/^## ❌ fixline \/ upgrade-safety: failed$/m)
    expect(md).toContain('| Severity | Rule | Message | Where |')
    expect(md).toMatch(
      /^\| ❌ error \| `fix-loss` \| upgrading 1\.2 -&gt; 2\.0 would lose fixes .* \| `plugin_config\.yml:7` \|$/m,
    )
    expect(md).toContain('| 1.2 | 2.0 | ⚠️ loses fixes |')
    expect(md).toContain('| 1.0 | 1.1 | ✅ allowed |  |')
    const ok = renderMarkdown(passing())
    expect(ok).toMatch(/^## ✅ fixline \/ upgrade-safety: passed$/m)
    expect(ok).toContain('| 1.2 | 2.0 | ⛔ blocked | 2.0 lacks 2019.10.15 |')
    expect(ok).toContain('No findings')
  })

  it('embeds the Mermaid graph in a mermaid code block', () => {
    const md = renderMarkdown(passing())
    expect(md).toContain('```mermaid\nflowchart LR\n')
    expect(md.trimEnd().endsWith('```')).toBe(true)
  })

  it('escapes pipes and HTML in cells', () => {
    const result = passing()
    result.findings.push({
      rule: 'schema-needs-migration',
      severity: 'error',
      message: 'a | b <id>',
    })
    expect(renderMarkdown(result)).toContain('a \\| b &lt;id&gt;')
  })

  it('stays under maxChars', () => {
    const result = passing()
    for (let i = 0; i < 500; i++)
      result.findings.push({
        rule: 'forward-ported',
        severity: 'error',
        message: `finding ${i} `.repeat(20),
      })
    const md = renderMarkdown(result, { maxChars: 20_000 })
    expect(md.length).toBeLessThanOrEqual(20_000)
    expect(md).toContain('| | `forward-ported` | … and 475 more forward-ported errors | |')
    expect(md).toContain('475 findings not shown: the JSON output lists every one.')
  })
})

describe('renderMermaid', () => {
  const graph = renderMermaid(passing())

  it('is a flowchart with one subgraph per line and balanced ends', () => {
    expect(graph.startsWith('flowchart LR\n')).toBe(true)
    expect(graph.match(/^ {2}subgraph /gm)).toHaveLength(2)
    expect(graph.match(/^ {2}end$/gm)).toHaveLength(2)
    expect(graph).toContain('subgraph line0["1.x"]')
    expect(graph).toContain('subgraph line1["main (newest)"]')
  })

  it('links releases of a line in order and draws the cross-line upgrades that matter', () => {
    expect(graph).toContain('l0r0 --> l0r1')
    expect(graph).toContain('l0r1 --> l0r2')
    expect(graph).toContain('l1r0 --> l1r1')
    expect(graph).toContain('l0r0 -.-> l1r0')
    expect(graph).toContain('l0r2 -.-x|2.0 lacks 2019.10.15| l1r0')
    expect(graph).toContain('l0r2 -.-> l1r1')
  })

  it('only uses safe characters in labels', () => {
    for (const line of graph.split('\n')) {
      const label = /\|([^|]*)\|/.exec(line)?.[1]
      if (label) expect(label).not.toMatch(/["[\](){}<>]/)
    }
  })

  it('colours lossy edges', () => {
    const g = renderMermaid(lossy())
    expect(g).toContain('l0r2 -.->|loses fixes| l1r0')
    expect(g).toMatch(/^ {2}linkStyle \d+ stroke:#d1242f/m)
  })
})

describe('renderMermaid labels', () => {
  it('escapes quotes, hashes and angle brackets in release names and marks candidates', () => {
    const result = passing()
    result.releases = [
      ...result.releases,
      {
        ...(result.releases[0] as CheckResult['releases'][number]),
        name: 'PR #12 "x" <y>',
        candidate: true,
      },
    ]
    const g = renderMermaid(result)
    expect(g).toContain('["PR #35;12 #quot;x#quot; #lt;y#gt;<br/>build 1.0"]:::candidate')
  })
})

describe('outside text (tags, branches, files, IDs) in the Markdown and the Mermaid graph', () => {
  /** The worked example with every name and text replaced by hostile ones (names kept distinct). */
  function hostile(names: string[], texts: string[]): CheckResult {
    const result = lossy()
    const rename = new Map(result.releases.map((r, i) => [r.name, `${names[i] ?? ''}#${i}`]))
    const branch = new Map(result.lines.map((l, i) => [l.branch, `${names[i + 5] ?? ''}~${i}`]))
    const text = (i: number) => texts[i % Math.max(1, texts.length)] ?? ''
    for (const r of result.releases) {
      r.line = branch.get(r.line) ?? r.line
      r.name = rename.get(r.name) ?? r.name
      r.build = `${text(1)}${r.build}`
    }
    for (const l of result.lines) l.branch = branch.get(l.branch) ?? l.branch
    result.upgrades.forEach((u, i) => {
      u.from = rename.get(u.from) ?? u.from
      u.to = rename.get(u.to) ?? u.to
      u.reason = text(i)
    })
    result.findings.push(
      ...texts.map((t, i) => ({
        rule: 'migration-id' as const,
        severity: 'error' as const,
        message: t,
        file: text(i + 1),
        line: i,
      })),
    )
    return result
  }

  it('property: no marker, comment, mention or broken row; the graph stays inside its fence', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 7, maxLength: 7 }),
        fc.array(hostileText, { maxLength: 4 }),
        (names, texts) => {
          const md = renderMarkdown(hostile(names, texts))
          expect(md).not.toContain('<!--')
          expect(hasUnclosedComment(md)).toBe(false)
          expect(mentions(md)).toEqual([])
          expect(brokenTableRows(md)).toEqual([])
          // Nothing of the Mermaid source is outside the code block.
          expect(withoutCode(md)).not.toMatch(/flowchart|subgraph|-\.->|classDef/)
          const graph = md.slice(md.indexOf('flowchart LR'))
          for (const line of graph.split('\n').filter((l) => /^ {4}l\d+r\d+\[/.test(l)))
            expect(line).toMatch(
              /^ {4}l\d+r\d+\["[^"`<>\n]*(<br\/>build [^"`<>\n]*)?"\](:::candidate)?$/,
            )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('shows tags and paths with `<`, `>` and backticks as they are', () => {
    const result = passing()
    result.findings.push({
      rule: 'migration-id',
      severity: 'error',
      message: 'bad id',
      file: 'db/<x>`y.sql',
      line: 3,
    })
    const md = renderMarkdown(result)
    expect(md).toContain('| ``db/<\u200bx>`y.sql:3`` |')
  })

  it('cuts with fitBody: the cut never leaves the Mermaid fence open', () => {
    const result = passing()
    for (let i = 0; i < 40; i++)
      result.findings.push({ rule: 'forward-ported', severity: 'error', message: 'x'.repeat(900) })
    const md = renderMarkdown(result, { maxChars: 1_500 })
    expect(md.length).toBeLessThanOrEqual(1_500)
    expect(md).toContain('cut to fit')
    expect(md.split('\n').filter((l) => /^```/.test(l)).length % 2).toBe(0)
  })
})
