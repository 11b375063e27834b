/** Renders the configuration reference (docs/configuration.md) from fixline.schema.json. Pure. */
interface Node {
  description?: string
  type?: string | string[]
  enum?: unknown[]
  default?: unknown
  properties?: Record<string, Node>
  items?: Node
  minimum?: number
  /** One of several shapes, e.g. a boolean or an enum (`backport.copyMilestone`). */
  oneOf?: Node[]
}

export function renderConfigReference(schema: Node): string {
  const rows: string[] = []
  walk(schema, '', rows)
  return [
    '# Configuration reference',
    '',
    '<!-- generated from fixline.schema.json by `npm run docs:config`; do not edit by hand -->',
    '',
    '`.github/fixline.yml` (or the path in the `config` input). Every key has a default, so an empty',
    'file, or no file, works for a repository whose release lines are `N.x` branches. Unknown keys and',
    'bad values are rejected with the key path and what is allowed. Editors can validate the file with',
    '`# yaml-language-server: $schema=https://raw.githubusercontent.com/fixline/fixline/main/fixline.schema.json`.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Pattern syntax',
    '',
    '`lines.patterns`, `backport.labels[].pattern`, `backport.copyLabels` and',
    '`upgrade.migrations.pattern` are regular expressions in [RE2 syntax](https://github.com/google/re2/wiki/Syntax),',
    'run in time linear in the name they are matched against, so that no label, branch, tag or file',
    "name can stall a run. That is JavaScript's syntax for everything these patterns usually need",
    '(classes, `\\d`, `\\S`, groups, named groups `(?<name>...)` or `(?P<name>...)`, alternation,',
    'quantifiers up to `{1000}`, inline flags such as `(?i)`), without lookahead and lookbehind',
    '(`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences (`\\1`, `\\k<name>`), and with `\\x{41}`',
    'for `\\u0041`. A pattern outside it, or too large to match quickly, is rejected when the config',
    'loads, with its key path and the reason. `upgrade.tags` (`{build}` templates) and',
    '`upgrade.bookkeeping` (globs) are literal text and run on the same engine.',
    '',
  ].join('\n')
}

function walk(node: Node, path: string, rows: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const full = path ? `${path}.${key}` : key
    if (child.properties) {
      walk(child, full, rows)
      continue
    }
    rows.push(
      `| \`${full}\` | ${typeOf(child)} | ${defaultOf(child)} | ${escape(child.description ?? '')} |`,
    )
    if (child.items?.properties) walk(child.items, `${full}[]`, rows)
  }
}

function typeOf(node: Node): string {
  if (node.oneOf) return node.oneOf.map(typeOf).join(' \\| ')
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ')
  if (node.type === 'array')
    return `list of ${node.items?.properties ? 'objects' : (node.items?.type ?? 'values')}`
  // ["string", "array"]: one value or a list of them
  if (Array.isArray(node.type))
    return node.type
      .map((t) => (t === 'array' ? `list of ${node.items?.type ?? 'values'}` : t))
      .join(' or ')
  return node.type ?? 'value'
}

function defaultOf(node: Node): string {
  if (node.default === undefined) return '(none)'
  return `\`${escape(JSON.stringify(node.default))}\``
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
