import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inputEnvName, parseOutputFile, runAction, runnerLog } from '../../support/run-action.js'
import { workflowDispatchPayload } from '../../support/payloads.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fixline-run-action-test-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A throwaway "bundle" that echoes its environment the way @actions/core writes outputs. */
const SCRIPT = `
import { appendFileSync, readFileSync } from 'node:fs'
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
const out = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, name + '<<ghadelimiter_123\\n' + value + '\\nghadelimiter_123\\n')
out('results', JSON.stringify({ token: process.env['INPUT_GITHUB-TOKEN'], dryRun: process.env.INPUT_DRY_RUN }))
out('multi', 'line one\\nline two')
appendFileSync(process.env.GITHUB_OUTPUT, 'conclusion=success\\n')
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '# Summary\\n' + event.inputs.pr + '\\n')
console.log(JSON.stringify({ cwd: process.cwd(), event: process.env.GITHUB_EVENT_NAME, api: process.env.GITHUB_API_URL, repo: process.env.GITHUB_REPOSITORY, actions: process.env.GITHUB_ACTIONS, temp: !!process.env.RUNNER_TEMP, extra: process.env.EXTRA }))
console.error('to stderr')
process.exit(3)
`

describe('runAction', () => {
  it('runs a bundle with the runner environment and parses multi-line outputs and the summary', async () => {
    const bundle = join(dir, 'bundle.mjs')
    writeFileSync(bundle, SCRIPT)
    const result = await runAction({
      bundle,
      eventName: 'workflow_dispatch',
      payload: workflowDispatchPayload({ pr: '12' }),
      inputs: { 'github-token': 'secret-token', 'dry run': 'true' },
      apiUrl: 'http://127.0.0.1:9',
      workspace: dir,
      repository: 'acme/widgets',
      env: { EXTRA: 'yes' },
    })
    expect(result.exitCode).toBe(3)
    expect(result.stderr).toContain('to stderr')
    expect(JSON.parse(result.stdout)).toEqual({
      cwd: dir,
      event: 'workflow_dispatch',
      api: 'http://127.0.0.1:9',
      repo: 'acme/widgets',
      actions: 'true',
      temp: true,
      extra: 'yes',
    })
    expect(result.outputs).toEqual({
      results: JSON.stringify({ token: 'secret-token', dryRun: 'true' }),
      multi: 'line one\nline two',
      conclusion: 'success',
    })
    expect(result.summary).toBe('# Summary\n12\n')
  })
})

describe('parseOutputFile', () => {
  it('reads both the key=value and the heredoc forms', () => {
    expect(parseOutputFile('a=1\nb<<EOF\nx\n\ny=z\nEOF\nc=d=e\n')).toEqual({
      a: '1',
      b: 'x\n\ny=z',
      c: 'd=e',
    })
  })

  it('keeps an output named __proto__ as an ordinary key', () => {
    expect(Object.keys(parseOutputFile('__proto__=x\n'))).toEqual(['__proto__'])
  })

  it('rejects an unterminated heredoc', () => {
    expect(() => parseOutputFile('b<<EOF\nx\n')).toThrow(/closing delimiter/)
  })

  it('masks values like the runner, from their add-mask command on', () => {
    const { masks, log } = runnerLog(
      'early s3cret\n::add-mask::s3cret\nlate s3cret\n',
      'err s3cret\n',
    )
    expect(masks).toEqual(['s3cret'])
    expect(log).toBe('early s3cret\nlate ***\n\nerr ***\n')
  })

  it('names inputs like the runner', () => {
    expect(inputEnvName('github-token')).toBe('INPUT_GITHUB-TOKEN')
    expect(inputEnvName('dry run')).toBe('INPUT_DRY_RUN')
  })
})

describe('parseOutputFile against @actions/core', () => {
  it('reads back whatever core.setOutput wrote (property)', async () => {
    const core = await import('@actions/core')
    const fc = await import('fast-check')
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,20}$/)
    // Values without \r: the runner reads the file line by line, like parseOutputFile.
    const value = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '\n', '=', '<', '"', 'é', '{', '}'),
    })
    const saved = process.env.GITHUB_OUTPUT
    try {
      fc.assert(
        fc.property(fc.dictionary(name, value, { maxKeys: 5 }), (outputs) => {
          const file = join(dir, 'output')
          writeFileSync(file, '')
          process.env.GITHUB_OUTPUT = file
          for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v)
          expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({ ...outputs })
        }),
        { numRuns: 200 },
      )
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
    }
  })
})
