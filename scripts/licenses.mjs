// dist/licenses.txt from an esbuild metafile: every package with code in the bundle, its license
// and the text of its license file (sorted by name, so the file is the same on every build).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The package directory holding a bundled file: node_modules/<name> or node_modules/@scope/name. */
function packageDir(input) {
  const at = input.lastIndexOf('node_modules/')
  if (at < 0) return undefined
  const parts = input.slice(at + 'node_modules/'.length).split('/')
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return `${input.slice(0, at)}node_modules/${name}`
}

function licenseFileText(dir) {
  const file = readdirSync(dir)
    .sort()
    .find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined
}

export function licensesText(metafile) {
  const dirs = new Set()
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (bytesInOutput > 0) {
        const dir = packageDir(input)
        if (dir) dirs.add(dir)
      }
  const packages = [...dirs].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', dir }
  })
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const seen = new Set()
  const blocks = []
  for (const p of packages) {
    if (seen.has(`${p.name}@${p.version}`)) continue
    seen.add(`${p.name}@${p.version}`)
    const text =
      licenseFileText(p.dir) ?? `(no license file in the package; its license: ${p.license})`
    blocks.push(`${p.name}@${p.version}\n${p.license}\n${text}\n`)
  }
  return blocks.join('\n')
}
