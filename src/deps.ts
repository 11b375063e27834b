import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseConfig } from './config/load.js'
import type { Config } from './config/types.js'
import { identityEnv, tokenEnv } from './git/auth.js'
import { Git } from './git/git.js'
import { createGitHub } from './github/client.js'
import type { RunContext } from './github/context.js'
import type { Inputs } from './inputs.js'
import type { JobDeps } from './jobs.js'
import type { Logger } from './log.js'

export const BOT_NAME = 'github-actions[bot]'
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

/**
 * What the action needs once an event routes to a job: the config (YAML + schema), Octokit and git.
 * main.ts loads this module only then, so a run with nothing to do never loads them.
 */
export async function loadConfig(ctx: RunContext, path: string, log: Logger): Promise<Config> {
  let text: string | undefined
  try {
    text = await readFile(join(ctx.workspace, path), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read ${path}`, { cause: error })
    log.info(`no ${path} in the checkout: using the defaults`)
  }
  return parseConfig(text, path)
}

/** JobDeps built the one way the action builds them (the token reaches git by env, never a URL). */
export function jobDeps(inputs: Inputs, ctx: RunContext, config: Config, log: Logger): JobDeps {
  return {
    config,
    ctx,
    github: createGitHub({
      token: inputs.token,
      baseUrl: ctx.apiUrl,
      warn: (m) => log.warning(m),
      timeoutMs: inputs.apiTimeoutMs,
      maxRateLimitWaitMs: inputs.maxRateLimitWaitMs,
    }),
    git: new Git({
      cwd: ctx.workspace,
      env: { ...tokenEnv(inputs.token, ctx.serverUrl), ...identityEnv(BOT_NAME, BOT_EMAIL) },
      networkTimeoutMs: inputs.gitTimeoutMs,
    }),
    dryRun: inputs.dryRun,
    log,
    botLogin: inputs.botLogin,
  }
}
