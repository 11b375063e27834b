/** The action's inputs, parsed once into a typed object. */
export interface Inputs {
  token: string
  configPath: string
  dryRun: boolean
}

type Env = Readonly<Record<string, string | undefined>>

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function parseInputs(env: Env): Inputs {
  const token = input(env, 'github-token')
  if (!token) {
    throw new Error(
      'the input "github-token" is empty: pass `github-token: ${{ secrets.GITHUB_TOKEN }}` or a GitHub App token',
    )
  }
  const configPath = input(env, 'config') || '.github/fixline.yml'
  if (configPath.split(/[\\/]/).includes('..') || configPath.startsWith('/'))
    throw new Error(`the input "config" must be a path inside the repository, got "${configPath}"`)
  const raw = input(env, 'dry-run').toLowerCase() || 'false'
  if (!['true', 'false'].includes(raw))
    throw new Error(`the input "dry-run" must be true or false, got "${raw}"`)
  return { token, configPath, dryRun: raw === 'true' }
}
