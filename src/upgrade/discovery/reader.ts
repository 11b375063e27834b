/**
 * Reading one commit's release data (build number, migrations, schema) from its file listing and
 * the blobs read in batch. Layout and build source are resolved once per repository; parses are
 * cached per blob (parse-cache.ts), so a file shared by a thousand releases is parsed once. Pure.
 */
import type { NamePattern } from '../../config/patterns.js'
import type { Config } from '../../config/types.js'
import type { Migration, SchemaSummary, SourceLocation } from '../model.js'
import {
  buildFromKey,
  buildFromPackageJson,
  buildFromVersionFile,
  type BuildRead,
} from './build.js'
import type { PluginConfig } from './delphix.js'
import {
  migrationsFromFiles,
  parseManifest,
  type FileLayout,
  idFromFileName,
  dirsMatcher,
} from './migrations.js'
import type { DiscoveryProblem } from './problems.js'
import type { FileMap } from './trees.js'
import type { ParseCache } from './parse-cache.js'

export { ParseCache } from './parse-cache.js'

export type Layout = Exclude<Config['upgrade']['migrations']['layout'], 'auto'>
export type BuildSource = Exclude<Config['upgrade']['build']['source'], 'auto'>

/** Resolves `auto` layout and build source from one representative file listing (the newest line's tip). */
export function resolveLayout(
  files: FileMap,
  config: Config,
): { layout: Layout; buildSource: BuildSource } {
  const u = config.upgrade
  let layout: Layout = u.migrations.layout === 'auto' ? 'none' : u.migrations.layout
  if (u.migrations.layout === 'auto') {
    const inside = dirsMatcher(u.migrations.dirs)
    const hasName = (l: FileLayout) => {
      for (const path of files.keys())
        if (idFromFileName(l, path) !== undefined && inside(path)) return true
      return false
    }
    if (files.has(u.plugin.config)) layout = 'delphix'
    else if (u.migrations.pattern) layout = 'regex'
    else if (u.migrations.manifest && files.has(u.migrations.manifest)) layout = 'manifest'
    else layout = (['flyway', 'golang-migrate', 'rails'] as const).find(hasName) ?? 'none'
  }
  let buildSource: BuildSource = u.build.source === 'auto' ? 'tag' : u.build.source
  if (u.build.source === 'auto') {
    if (files.has(u.plugin.config)) buildSource = 'plugin-config'
    else if (u.build.file && files.has(u.build.file)) buildSource = 'file'
    else if (files.has('VERSION')) buildSource = 'version-file'
    else if (files.has('package.json')) buildSource = 'package-json'
  }
  return { layout, buildSource }
}

/** The file holding the build number for a build source (undefined for tags). */
export function buildFile(source: BuildSource, config: Config): string | undefined {
  switch (source) {
    case 'plugin-config':
      return config.upgrade.plugin.config
    case 'file':
      return config.upgrade.build.file
    case 'version-file':
      return 'VERSION'
    case 'package-json':
      return 'package.json'
    case 'tag':
      return undefined
  }
}

/** Phase 1 paths: files whose content decides what else to read (plugin config, build file, manifest). */
export function firstPhasePaths(
  layout: Layout,
  buildSource: BuildSource,
  config: Config,
): string[] {
  const paths = new Set<string>()
  const b = buildFile(buildSource, config)
  if (b) paths.add(b)
  if (layout === 'delphix') paths.add(config.upgrade.plugin.config)
  if (layout === 'manifest' && config.upgrade.migrations.manifest)
    paths.add(config.upgrade.migrations.manifest)
  return [...paths]
}

/** Folder of a path relative to another file's folder (`srcDir: src` next to `plugin/plugin_config.yml` -> `plugin/src`). */
export function relativeTo(configPath: string, path: string): string {
  const dir = configPath.includes('/') ? configPath.slice(0, configPath.lastIndexOf('/')) : ''
  const parts = [...(dir ? dir.split('/') : []), ...path.replace(/\\/g, '/').split('/')]
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return out.join('/')
}

/** Phase 2 paths for a Delphix release: Python sources under srcDir and the schema file. */
export function secondPhasePaths(
  files: FileMap,
  plugin: PluginConfig | undefined,
  config: Config,
): string[] {
  if (!plugin) return []
  const out: string[] = []
  const src =
    plugin.srcDir !== undefined
      ? relativeTo(config.upgrade.plugin.config, plugin.srcDir)
      : undefined
  if (src !== undefined) {
    const prefix = src === '' ? '' : `${src}/`
    for (const path of files.keys())
      if (path.endsWith('.py') && path.startsWith(prefix)) out.push(path)
  }
  if (plugin.schemaFile) {
    const schema = relativeTo(config.upgrade.plugin.config, plugin.schemaFile)
    if (files.has(schema)) out.push(schema)
  }
  return out
}

export interface ReadRelease {
  build: string | undefined
  buildLocation: SourceLocation
  buildNotString: boolean
  migrations: Migration[]
  schema: SchemaSummary | undefined
  problems: DiscoveryProblem[]
}

export interface ReadContext {
  config: Config
  layout: Layout
  buildSource: BuildSource
  blobs: ReadonlyMap<string, string | undefined>
  cache: ParseCache
  regex: NamePattern | undefined
}

/** Reads the build number of a commit (tagBuild: the `{build}` part of its tag, if any). */
export function readBuild(
  files: FileMap,
  ctx: ReadContext,
  tagBuild: string | undefined,
  tagName: string | undefined,
): BuildRead & { file: string } {
  const file = buildFile(ctx.buildSource, ctx.config)
  if (file === undefined) return buildOfTag(tagBuild, tagName)
  const blob = files.get(file)
  const text = blob ? ctx.blobs.get(blob) : undefined
  if (!blob || text === undefined) return missingBuildFile(file)
  return { ...buildInFile(ctx, file, blob, text), file }
}

/** With `source: tag`: the tag's `{build}`, or an error for a commit without a release tag (a candidate). */
function buildOfTag(
  tagBuild: string | undefined,
  tagName: string | undefined,
): BuildRead & { file: string } {
  if (tagBuild !== undefined) return { build: tagBuild, file: tagName ?? '', problems: [] }
  return {
    build: undefined,
    file: '',
    problems: [
      {
        rule: 'build-format',
        severity: 'error',
        message: 'the build number comes from tags, and this commit has no release tag',
      },
    ],
  }
}

function missingBuildFile(file: string): BuildRead & { file: string } {
  return {
    build: undefined,
    file,
    problems: [
      {
        rule: 'build-format',
        severity: 'error',
        file,
        message: `${file} is missing, so the build number cannot be read`,
        perRelease: true,
      },
    ],
  }
}

/** The build number in the build file's text, parsed once per blob. */
function buildInFile(ctx: ReadContext, file: string, blob: string, text: string): BuildRead {
  switch (ctx.buildSource) {
    case 'plugin-config': {
      const p = ctx.cache.pluginConfig(file, blob, text)
      return {
        build: p.build,
        ...(p.buildLine ? { line: p.buildLine } : {}),
        notString: p.buildNotString,
        ...(p.buildYaml ? { yaml: p.buildYaml } : {}),
        problems: p.problems,
      }
    }
    case 'file':
      return ctx.cache.any('key', file, blob, () =>
        buildFromKey(text, file, ctx.config.upgrade.build.key ?? 'version'),
      )
    case 'version-file':
      return ctx.cache.any('version', file, blob, () => buildFromVersionFile(text, file))
    default:
      return ctx.cache.any('package', file, blob, () => buildFromPackageJson(text, file))
  }
}

/** Migrations and schema of a commit under the resolved layout. */
export function readMigrations(
  files: FileMap,
  ctx: ReadContext,
): { migrations: Migration[]; schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } {
  const u = ctx.config.upgrade
  const problems: DiscoveryProblem[] = []
  switch (ctx.layout) {
    case 'none':
      return { migrations: [], schema: undefined, problems }
    case 'flyway':
    case 'golang-migrate':
    case 'rails':
    case 'regex':
      return {
        migrations: migrationsFromFiles(files, ctx.layout, u.migrations.dirs, ctx.regex),
        schema: undefined,
        problems,
      }
    case 'manifest': {
      const file = u.migrations.manifest ?? ''
      const blob = files.get(file)
      const text = blob ? ctx.blobs.get(blob) : undefined
      if (!blob || text === undefined)
        return {
          migrations: [],
          schema: undefined,
          problems: [
            {
              rule: 'migration-id',
              severity: 'warning',
              file,
              message: `${file} is missing: no migrations read`,
              perRelease: true,
            },
          ],
        }
      const parsed = ctx.cache.any('manifest', file, blob, () => parseManifest(text, file))
      return { migrations: parsed.migrations, schema: undefined, problems: parsed.problems }
    }
    case 'delphix':
      return readDelphix(files, ctx)
  }
}

function readDelphix(
  files: FileMap,
  ctx: ReadContext,
): { migrations: Migration[]; schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } {
  const configPath = ctx.config.upgrade.plugin.config
  const blob = files.get(configPath)
  const text = blob ? ctx.blobs.get(blob) : undefined
  if (!blob || text === undefined) {
    // With the build number in the same file, the build-format problem already says it is missing.
    const problems: DiscoveryProblem[] =
      ctx.buildSource === 'plugin-config'
        ? []
        : [
            {
              rule: 'migration-id',
              severity: 'error',
              file: configPath,
              message: `${configPath} is missing: no upgrade migrations can be read`,
              perRelease: true,
            },
          ]
    return { migrations: [], schema: undefined, problems }
  }
  const plugin = ctx.cache.pluginConfig(configPath, blob, text)
  const problems: DiscoveryProblem[] = []
  const migrations: Migration[] = []
  const listing = ctx.cache.delphix?.get(files)
  const perFile = listing ? listing.scans() : scanAll(files, plugin, ctx)
  for (const scan of perFile) {
    for (const m of scan.migrations) migrations.push(m)
    if (scan.problems.length > 0) problems.push(...scan.problems)
  }
  const schemaRead = listing ? listing.schema : schemaOf(files, plugin, ctx)
  if (schemaRead) problems.push(...schemaRead.problems)
  const schema = schemaRead?.schema
  if (plugin.srcDir === undefined && plugin.problems.length === 0)
    problems.push({
      rule: 'migration-id',
      severity: 'warning',
      file: configPath,
      message: `${configPath} has no srcDir: no upgrade decorators read`,
    })
  return { migrations, schema, problems }
}

function scanAll(
  files: FileMap,
  plugin: PluginConfig,
  ctx: ReadContext,
): { migrations: Migration[]; problems: DiscoveryProblem[] }[] {
  const schemaPath = plugin.schemaFile
    ? relativeTo(ctx.config.upgrade.plugin.config, plugin.schemaFile)
    : undefined
  const out: { migrations: Migration[]; problems: DiscoveryProblem[] }[] = []
  for (const path of secondPhasePaths(files, plugin, ctx.config)) {
    if (path === schemaPath) continue
    const b = files.get(path) as string
    const scan = ctx.cache.python(path, b, () => ctx.blobs.get(b))
    if (scan) out.push(scan)
  }
  return out
}

function schemaOf(
  files: FileMap,
  plugin: PluginConfig,
  ctx: ReadContext,
): { schema: SchemaSummary | undefined; problems: DiscoveryProblem[] } | undefined {
  const path = plugin.schemaFile
    ? relativeTo(ctx.config.upgrade.plugin.config, plugin.schemaFile)
    : undefined
  const blob = path ? files.get(path) : undefined
  const text = blob ? ctx.blobs.get(blob) : undefined
  return path && blob && text !== undefined ? ctx.cache.schemaSummary(path, blob, text) : undefined
}
