import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseInputs } from '../../../src/inputs.js'
import { contextFromEnv } from '../../../src/github/context.js'

describe('parseInputs', () => {
  it('parses the inputs with their defaults', () => {
    expect(parseInputs({ 'INPUT_GITHUB-TOKEN': ' ghs_x ' })).toEqual({
      token: 'ghs_x',
      configPath: '.github/fixline.yml',
      dryRun: false,
      botLogin: 'github-actions[bot]',
      apiTimeoutMs: 30_000,
      gitTimeoutMs: 300_000,
      maxRateLimitWaitMs: 60_000,
    })
    expect(
      parseInputs({
        'INPUT_GITHUB-TOKEN': 't',
        INPUT_CONFIG: 'ci/fixline.yml',
        'INPUT_DRY-RUN': 'TRUE',
      }),
    ).toMatchObject({
      token: 't',
      configPath: 'ci/fixline.yml',
      dryRun: true,
    })
    expect(
      parseInputs({
        'INPUT_GITHUB-TOKEN': 't',
        'INPUT_BOT-LOGIN': 'fixline-app[bot]',
        'INPUT_API-TIMEOUT': '2.5',
        'INPUT_GIT-TIMEOUT': '60',
        'INPUT_MAX-RATE-LIMIT-WAIT': '0',
      }),
    ).toMatchObject({
      botLogin: 'fixline-app[bot]',
      apiTimeoutMs: 2500,
      gitTimeoutMs: 60_000,
      maxRateLimitWaitMs: 0,
    })
  })

  it('rejects bad values with a message naming the input', () => {
    expect(() => parseInputs({})).toThrow(/"github-token" is empty/)
    expect(() => parseInputs({ 'INPUT_GITHUB-TOKEN': 't', 'INPUT_DRY-RUN': 'yes' })).toThrow(
      /"dry-run" must be true or false, got "yes"/,
    )
    expect(() =>
      parseInputs({ 'INPUT_GITHUB-TOKEN': 't', INPUT_CONFIG: '../../etc/passwd' }),
    ).toThrow(/inside the repository/)
    expect(() => parseInputs({ 'INPUT_GITHUB-TOKEN': 't', INPUT_CONFIG: '/etc/passwd' })).toThrow(
      /inside the repository/,
    )
    expect(() => parseInputs({ 'INPUT_GITHUB-TOKEN': 't', 'INPUT_BOT-LOGIN': '@team x' })).toThrow(
      /"bot-login" must be a GitHub login/,
    )
    for (const bad of ['0', '-1', 'soon', '1e9'])
      expect(() => parseInputs({ 'INPUT_GITHUB-TOKEN': 't', 'INPUT_API-TIMEOUT': bad })).toThrow(
        /"api-timeout" must be a number of seconds/,
      )
  })
})

describe('contextFromEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixline-ctx-'))

  it('reads the event payload and the repository from the runner environment', () => {
    const path = join(dir, 'event.json')
    writeFileSync(path, JSON.stringify({ action: 'closed', number: 3 }))
    const ctx = contextFromEnv(
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_API_URL: 'http://127.0.0.1:9/',
      },
      '/work',
    )
    expect(ctx).toMatchObject({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'app',
      apiUrl: 'http://127.0.0.1:9',
      serverUrl: 'https://github.com',
      workspace: '/work',
    })
    expect(ctx.payload).toEqual({ action: 'closed', number: 3 })
  })

  it('explains a missing event, a bad repository and a bad payload', () => {
    expect(() => contextFromEnv({}, '/')).toThrow(/GITHUB_EVENT_NAME is not set/)
    expect(() =>
      contextFromEnv({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'nope' }, '/'),
    ).toThrow(/"owner\/name"/)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '[1,2]')
    expect(() =>
      contextFromEnv(
        { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: bad },
        '/',
      ),
    ).toThrow(/not a JSON object/)
    expect(() =>
      contextFromEnv(
        {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REPOSITORY: 'a/b',
          GITHUB_EVENT_PATH: join(dir, 'missing.json'),
        },
        '/',
      ),
    ).toThrow(/cannot read/)
  })
})
