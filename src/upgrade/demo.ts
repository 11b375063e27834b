/**
 * The worked example (DESIGN.md) as steps for a real git repository: releases 1.0, 1.1 on main,
 * branch 1.x at 1.1, 2.0 on main (+2019.08.01), the fix on main as 2.1 with marker migration
 * 2019.10.15, cherry-picked with -x to 1.x as 1.2 with the same marker. Variants break it the ways
 * the check must catch.
 */
import type { Git } from '../git/git.js'
import {
  MARKER_10_15,
  MIGRATION_02_01,
  MIGRATION_04_01,
  MIGRATION_08_01,
  operations,
  pluginConfig,
  pluginRunner,
  schema,
  type Decorator,
} from './demo/plugin-files.js'
import { runRepoSteps, type RepoStep } from './demo/script.js'

export type DemoVariant =
  /** The worked example: passes. */
  | 'ok'
  /** 1.2 ships the fix without the marker: a 1.2 user can "upgrade" to 2.0 and lose it (fix-loss). */
  | 'no-marker-1.2'
  /** 2.1 ships the fix without the marker that 1.2 has: 1.2 users are stranded. */
  | 'no-marker-2.1'
  /** 1.2's buildNumber is an unquoted YAML float (build-format). */
  | 'unquoted-build'
  /** 2.0 declares migration IDs "1.2" and "01.02", the same ID (migration-id). */
  | 'duplicate-id'

export const DEMO_VARIANTS: readonly DemoVariant[] = [
  'ok',
  'no-marker-1.2',
  'no-marker-2.1',
  'unquoted-build',
  'duplicate-id',
]

const DUPLICATES: Decorator[] = [
  {
    id: '1.2',
    objectType: 'linked_source',
    name: 'linked_defaults',
    body: ['return old_linked_source'],
  },
  { id: '01.02', objectType: 'snapshot', name: 'snapshot_defaults', body: ['return old_snapshot'] },
]

/** Steps on main: 1.0, 1.1, the 1.x branch, 2.0, and the fix released as 2.1. */
function mainSteps(variant: DemoVariant): RepoStep[] {
  const v1 = [MIGRATION_02_01, MIGRATION_04_01]
  const v2 = [...v1, MIGRATION_08_01, ...(variant === 'duplicate-id' ? DUPLICATES : [])]
  const mainMarker = variant === 'no-marker-2.1' ? [] : [MARKER_10_15]
  return [
    {
      kind: 'commit',
      message: 'Initial plugin with migration 2019.02.01',
      files: {
        'plugin_config.yml': pluginConfig('1.0'),
        'schema.json': schema(false),
        'src/plugin_runner.py': pluginRunner([], [MIGRATION_02_01]),
        'src/operations.py': operations(false),
        'README.md': '# Demo plugin\n',
      },
    },
    { kind: 'tag', name: 'v1.0' },
    {
      kind: 'commit',
      message: 'Add retention days (migration 2019.04.01)',
      files: { 'src/plugin_runner.py': pluginRunner([], v1) },
    },
    { kind: 'commit', message: 'Release 1.1', files: { 'plugin_config.yml': pluginConfig('1.1') } },
    { kind: 'tag', name: 'v1.1' },
    { kind: 'branch', name: '1.x' },
    {
      kind: 'commit',
      message: '2.0: repository port (migration 2019.08.01)',
      files: { 'src/plugin_runner.py': pluginRunner([], v2), 'schema.json': schema(true) },
    },
    { kind: 'commit', message: 'Release 2.0', files: { 'plugin_config.yml': pluginConfig('2.0') } },
    { kind: 'tag', name: 'v2.0' },
    {
      kind: 'commit',
      message: 'Fix the start timeout on large databases (marker migration 2019.10.15)',
      mark: 'fix',
      files: {
        'src/operations.py': operations(true),
        'src/plugin_runner.py': pluginRunner(mainMarker, v2),
      },
    },
    { kind: 'commit', message: 'Release 2.1', files: { 'plugin_config.yml': pluginConfig('2.1') } },
    { kind: 'tag', name: 'v2.1' },
  ]
}

/** Steps on 1.x: the fix cherry-picked with -x and released as 1.2. */
function lineSteps(variant: DemoVariant): RepoStep[] {
  const v1 = [MIGRATION_02_01, MIGRATION_04_01]
  const pick: RepoStep =
    variant !== 'no-marker-1.2'
      ? { kind: 'cherry-pick', mark: 'fix' }
      : {
          kind: 'cherry-pick',
          mark: 'fix',
          files: { 'src/plugin_runner.py': pluginRunner([], v1) },
        }
  return [
    { kind: 'checkout', ref: '1.x' },
    pick,
    ...(variant === 'no-marker-2.1'
      ? [
          {
            kind: 'commit',
            message: 'Add marker migration 2019.10.15 to 1.x',
            files: { 'src/plugin_runner.py': pluginRunner([MARKER_10_15], v1) },
          } as RepoStep,
        ]
      : []),
    {
      kind: 'commit',
      message: 'Release 1.2',
      files: { 'plugin_config.yml': pluginConfig('1.2', variant !== 'unquoted-build') },
    },
    { kind: 'tag', name: 'v1.2' },
    { kind: 'checkout', ref: 'main' },
  ]
}

export function demoSteps(variant: DemoVariant = 'ok'): RepoStep[] {
  return [...mainSteps(variant), ...lineSteps(variant)]
}

/** Builds the demo in `git`'s folder (which must exist and be empty). Returns the marked commits. */
export async function buildDemoRepo(
  git: Git,
  variant: DemoVariant = 'ok',
): Promise<Map<string, string>> {
  await git.run(['init', '-q', '-b', 'main'])
  return runRepoSteps(git, demoSteps(variant))
}
