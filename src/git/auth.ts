/**
 * Environment that makes git send the token as an HTTP header for one server, without the token
 * ever appearing in a URL, a command line or the repository's config file.
 * (git >= 2.31 reads GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n.)
 */
export function tokenEnv(token: string, serverUrl: string): Record<string, string> {
  const base = serverUrl.replace(/\/+$/, '')
  const basic = basicCredential(token)
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${base}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  }
}

function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
}

/**
 * Every form of the token that fixline derives and that could reach a log: the token itself and
 * the base64 credential of the git auth header (masked by the caller with core.setSecret, as
 * actions/checkout does).
 */
export function tokenSecrets(token: string): string[] {
  return [token, basicCredential(token)]
}

/**
 * The identity fixline commits as, through environment (nothing written to config).
 * Only the committer: cherry-picks keep the original author. Commits fixline authors itself
 * (the conflict-markers commit) also pass `author: true`.
 */
export function identityEnv(
  name: string,
  email: string,
  options: { author?: boolean } = {},
): Record<string, string> {
  const env: Record<string, string> = { GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email }
  if (options.author) Object.assign(env, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email })
  return env
}
