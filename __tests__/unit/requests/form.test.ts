import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import {
  FORM_HEADINGS,
  looksLikeRequestForm,
  parseRequestForm,
  renderRequestForm,
} from '../../../src/requests/form.js'
import type { BackportRequest } from '../../../src/requests/types.js'

// Exactly as GitHub renders the shipped form (checkboxes as "- [X]", empty fields as "_No response_").
const RENDERED = `### Source pull request

#12

### Commits

_No response_

### Target release lines

- [X] 2.x
- [ ] 1.x
- [X] 0.x

### Severity

S2 - Critical

### Priority

P1 - Urgent

### Security fix

No

### Data-loss risk

Yes

### Customer impact

Acme runs 0.x on 400 nodes and cannot upgrade before March.

### Justification

Data loss on restart.`

const repo = { owner: 'acme', repo: 'widget' }

function ok(body: string): BackportRequest {
  const result = parseRequestForm(body, repo)
  if (!result.ok) throw new Error(`expected a valid request, got: ${result.problems.join('; ')}`)
  return result.request
}
function problems(body: string): string[] {
  const result = parseRequestForm(body, repo)
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

describe('the shipped issue form', () => {
  const form = parse(
    readFileSync(
      new URL('../../../.github/ISSUE_TEMPLATE/backport-request.yml', import.meta.url),
      'utf8',
    ),
  ) as {
    labels: string[]
    body: { type: string; id?: string; attributes: { label?: string; options?: unknown[] } }[]
  }
  it('has exactly the headings the parser reads, with unique ids, and the request label', () => {
    const fields = form.body.filter((f) => f.type !== 'markdown')
    expect(fields.map((f) => f.attributes.label)).toEqual(Object.values(FORM_HEADINGS))
    const ids = fields.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const f of fields) expect(f.id).toMatch(/^[a-z][a-z0-9-]*$/)
    expect(form.labels).toEqual(['backport-request'])
    expect(fields.find((f) => f.type === 'checkboxes')?.attributes.options?.length).toBeGreaterThan(
      0,
    )
    // Bare No/Yes would be YAML booleans, which GitHub rejects as dropdown options.
    for (const f of fields.filter((f) => f.type === 'dropdown'))
      for (const o of f.attributes.options ?? []) expect(typeof o).toBe('string')
    expect(fields.find((f) => f.id === 'security')?.attributes.options).toEqual(['No', 'Yes'])
  })
})

describe('a body rendered from the form YAML itself', () => {
  interface Field {
    type: string
    id?: string
    attributes: { label?: string; render?: string; options?: (string | { label: string })[] }
  }
  const yaml = parse(
    readFileSync(
      new URL('../../../.github/ISSUE_TEMPLATE/backport-request.yml', import.meta.url),
      'utf8',
    ),
  ) as { body: Field[] }
  const fields = yaml.body.filter((f) => f.type !== 'markdown')
  const optionsOf = (f: Field) =>
    (f.attributes.options ?? []).map((o) => (typeof o === 'string' ? o : o.label))

  /** As GitHub renders an issue form: `### <label>`, then the value (fenced when `render` is set). */
  function render(values: Record<string, string | string[] | undefined>): string {
    return fields
      .map((f) => {
        const v = f.id === undefined ? undefined : values[f.id]
        let text: string
        if (f.type === 'checkboxes')
          text = optionsOf(f)
            .map((o) => `- [${Array.isArray(v) && v.includes(o) ? 'X' : ' '}] ${o}`)
            .join('\n')
        else if (v === undefined || v === '') text = '_No response_'
        else if (f.attributes.render) text = `\`\`\`${f.attributes.render}\n${String(v)}\n\`\`\``
        else text = String(v)
        return `### ${f.attributes.label}\n\n${text}`
      })
      .join('\n\n')
  }
  const dropdown = (id: string) => optionsOf(fields.find((f) => f.id === id)!)
  const answers = (pick: (options: string[]) => string) => ({
    source: '#12',
    targets: [optionsOf(fields.find((f) => f.type === 'checkboxes')!)[1]!],
    severity: pick(dropdown('severity')),
    priority: pick(dropdown('priority')),
    security: pick(dropdown('security')),
    'data-loss': pick(dropdown('data-loss')),
    'customer-impact': 'Acme is stuck on 1.x.',
    justification: 'Crash on start.',
  })

  it('parses with every field the form asks for', () => {
    expect(ok(render(answers((o) => o[0]!)))).toEqual({
      pr: 12,
      commits: [],
      targets: ['1.x'],
      severity: 'S1',
      priority: 'P1',
      security: false,
      dataLoss: false,
      customerImpact: 'Acme is stuck on 1.x.',
      justification: 'Crash on start.',
    })
    const last = ok(render({ ...answers((o) => o[o.length - 1]!), commits: 'abcdef1\n1234567' }))
    expect(last).toMatchObject({ severity: 'S4', priority: 'P4', security: true, dataLoss: true })
    expect(last.commits).toEqual(['abcdef1', '1234567'])
  })

  it('reads every dropdown option as its own value, in order', () => {
    const read = (id: string, key: keyof BackportRequest) =>
      dropdown(id).map((o) => ok(render({ ...answers((x) => x[0]!), [id]: o }))[key])
    expect(read('severity', 'severity')).toEqual(['S1', 'S2', 'S3', 'S4'])
    expect(read('priority', 'priority')).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(read('security', 'security')).toEqual([false, true])
    expect(read('data-loss', 'dataLoss')).toEqual([false, true])
  })

  it('reads every ticked checkbox option as a target', () => {
    const all = optionsOf(fields.find((f) => f.type === 'checkboxes')!)
    expect(ok(render({ ...answers((o) => o[0]!), targets: all })).targets).toEqual(all)
    expect(problems(render({ ...answers((o) => o[0]!), targets: [] }))).toEqual([
      '"Target release lines": tick at least one release line',
    ])
  })

  it('names the missing field when a required section is deleted, and needs none of the others', () => {
    const body = render(answers((o) => o[0]!))
    const sections = body.split(/\n\n(?=### )/)
    for (const [i, section] of sections.entries()) {
      const heading = section.split('\n')[0]!.slice(4)
      const result = parseRequestForm(sections.filter((_, j) => j !== i).join('\n\n'), repo)
      if (['Commits', 'Customer impact', 'Justification'].includes(heading))
        expect(result.ok, heading).toBe(true)
      else if (heading === 'Source pull request') expect(result.ok).toBe(false)
      else if (!result.ok) expect(result.problems.join('\n')).toContain(`"${heading}"`)
      else throw new Error(`deleting "${heading}" went unnoticed`)
    }
  })
})

describe('parseRequestForm', () => {
  it('reads a body as GitHub renders the form', () => {
    expect(ok(RENDERED)).toEqual({
      pr: 12,
      commits: [],
      targets: ['2.x', '0.x'],
      severity: 'S2',
      priority: 'P1',
      security: false,
      dataLoss: true,
      customerImpact: 'Acme runs 0.x on 400 nodes and cannot upgrade before March.',
      justification: 'Data loss on restart.',
    })
    expect(looksLikeRequestForm(RENDERED)).toBe(true)
    expect(looksLikeRequestForm('### Steps to reproduce\n\n1. run it')).toBe(false)
  })

  it('reads the pull request as #N, N, owner/repo#N or its URL', () => {
    for (const ref of [
      '#12',
      '12',
      'acme/widget#12',
      'https://github.com/acme/widget/pull/12',
      'https://github.com/Acme/Widget/pull/12/files',
      '`#12`',
    ])
      expect(ok(RENDERED.replace('#12', ref)).pr).toBe(12)
    expect(problems(RENDERED.replace('#12', 'https://github.com/other/repo/pull/12'))).toEqual([
      expect.stringMatching(/is in other\/repo, not in acme\/widget/),
    ])
    expect(problems(RENDERED.replace('#12', 'the one from yesterday'))[0]).toMatch(
      /is not a pull request/,
    )
  })

  it('accepts commits instead of a pull request, in a fenced block', () => {
    const body = RENDERED.replace('#12', '_No response_').replace(
      '### Commits\n\n_No response_',
      '### Commits\n\n```text\n0123456789abcdef0123456789abcdef01234567\nABCDEF1\n```',
    )
    const r = ok(body)
    expect(r.pr).toBeUndefined()
    expect(r.commits).toEqual(['0123456789abcdef0123456789abcdef01234567', 'abcdef1'])
    expect(problems(body.replace('ABCDEF1', 'xyz'))[0]).toMatch(/"xyz" is not a commit SHA/)
  })

  it('survives edits: reordered, renamed case, CRLF, text before the first heading, extra sections', () => {
    const sections = RENDERED.split(/\n(?=### )/)
    const edited = [
      'Please hurry!\n',
      ...sections.reverse(),
      '### Notes from triage\n\nlooked at it',
    ]
      .join('\n')
      .replace('### Severity', '### SEVERITY')
      .replace('### Target release lines', '### target release lines:')
      .replace(/\n/g, '\r\n')
    const r = ok(edited)
    expect(r).toMatchObject({
      pr: 12,
      targets: ['2.x', '0.x'],
      severity: 'S2',
      priority: 'P1',
      dataLoss: true,
    })
  })

  it('keeps headings typed inside free text with that text, and ignores headings in code blocks', () => {
    const body = RENDERED.replace(
      'Data loss on restart.',
      'Data loss on restart.\n\n### Details\n\n```\n### Severity\nS4\n```\nmore',
    )
    const r = ok(body)
    expect(r.severity).toBe('S2')
    expect(r.justification).toContain('### Details')
    expect(r.justification).toContain('more')
  })

  it('lists every problem of an incomplete request', () => {
    const body =
      '### Source pull request\n\n_No response_\n\n### Target release lines\n\n- [ ] 2.x\n\n### Severity\n\nS9\n\n### Security fix\n\nmaybe'
    expect(problems(body)).toEqual([
      '"Source pull request": give the merged pull request (#123 or its URL) or its commits',
      '"Target release lines": tick at least one release line',
      '"Severity": "S9" is not one of S1-S4',
      '"Priority": choose one of P1-P4',
      '"Security fix": "maybe" is not Yes or No',
      '"Data-loss risk": answer Yes or No',
    ])
  })

  it('reads a plain list of lines when the checkboxes were replaced, and rejects odd names', () => {
    expect(
      ok(RENDERED.replace(/- \[X\] 2\.x\n- \[ \] 1\.x\n- \[X\] 0\.x/, '1.x, release/16.5')).targets,
    ).toEqual(['1.x', 'release/16.5'])
    expect(problems(RENDERED.replace('- [X] 2.x', '- [x] ../etc'))[0]).toMatch(
      /"\.\.\/etc" is not a branch name/,
    )
  })
})

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9,.()'-]{0,11}$/)
const text = fc
  .array(
    fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
    { maxLength: 4 },
  )
  .map((ls) => ls.join('\n'))
const line = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n) => `${n}.x`),
  fc.tuple(fc.nat(30), fc.nat(30)).map(([a, b]) => `release/${a}.${b}`),
  fc.nat(9).map((n) => `stable-${n}`),
)
const request: fc.Arbitrary<BackportRequest> = fc
  .record({
    pr: fc.option(fc.integer({ min: 1, max: 99999 }), { nil: undefined }),
    commits: fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{7,40}$/), { maxLength: 3 }),
    targets: fc.uniqueArray(line, { minLength: 1, maxLength: 4 }),
    severity: fc.constantFrom('S1', 'S2', 'S3', 'S4'),
    priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    security: fc.boolean(),
    dataLoss: fc.boolean(),
    customerImpact: text,
    justification: text,
  })
  .filter((r) => r.pr !== undefined || r.commits.length > 0)

describe('parseRequestForm properties', () => {
  it('round-trips a rendered body', () => {
    fc.assert(
      fc.property(request, fc.array(line, { maxLength: 3 }), fc.boolean(), (r, extra, crlf) => {
        let body = renderRequestForm(
          r,
          [...extra, ...r.targets].filter((l, i, a) => a.indexOf(l) === i),
        )
        if (crlf) body = body.replace(/\n/g, '\r\n')
        const result = parseRequestForm(body, repo)
        // Targets come back in the order of the form's options.
        const sorted = (x: BackportRequest): BackportRequest => ({
          ...x,
          targets: [...x.targets].sort(),
        })
        expect(result.ok && sorted(result.request)).toEqual(sorted(r))
      }),
    )
  })

  it('never throws and always explains a rejection', () => {
    const section = fc.tuple(
      fc.constantFrom(...Object.values(FORM_HEADINGS), 'Other', 'severity'),
      fc.string({ maxLength: 80 }),
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(section).map((s) => s.map(([h, v]) => `### ${h}\n\n${v}`).join('\n\n')),
        ),
        (body) => {
          const result = parseRequestForm(body, repo)
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0)
        },
      ),
    )
  })
})
