/**
 * The worked example of DESIGN.md as an in-memory UpgradeModel, plus a small builder for variants.
 *
 * Releases (model order = discovery order, oldest first per line): 1.0, 1.1, 2.0, 2.1, 1.2.
 * Lines: 1.x and main (default, the 2.x line). Commits are simulated with patch ids so FixDiffs come out
 * as discovery would compute them: the fix is committed on main (2.1) and cherry-picked to 1.x (1.2).
 */
import { fixLossPairs } from '../../../src/upgrade/check.js'
import type {
  FixDiff,
  Line,
  Migration,
  Release,
  SchemaSummary,
  UpgradeModel,
} from '../../../src/upgrade/model.js'

export interface Commit {
  sha: string
  subject: string
  /** Patch id: cherry-picks share it. */
  patch: string
}

export interface ReleaseSpec {
  name: string
  line: string
  build?: string
  buildNotString?: boolean
  /** [id, objectType?, contentHash?] */
  migrations: [string, string?, string?][]
  commits: Commit[]
  schema?: SchemaSummary
}

export const C = {
  initial: { sha: 'a1a1a1a1a1a1', subject: 'Initial plugin', patch: 'p-initial' },
  faster: { sha: 'b2b2b2b2b2b2', subject: 'Faster sync', patch: 'p-faster' },
  strategy: { sha: 'c3c3c3c3c3c3', subject: 'New sync strategy', patch: 'p-strategy' },
  fixMain: { sha: 'f1f1f1f1f1f1', subject: 'Fix sync bug', patch: 'p-fix' },
  fix1x: { sha: 'e2e2e2e2e2e2', subject: 'Fix sync bug', patch: 'p-fix' },
} satisfies Record<string, Commit>

export const TYPES: Record<string, string> = {
  '2019.02.01': 'repository',
  '2019.04.01': 'source_config',
  '2019.08.01': 'linked_source',
  '2019.10.15': 'virtual_source',
}

export function baseSchema(): SchemaSummary {
  return {
    objects: {
      virtualSource: { required: ['name'], properties: { name: { type: 'string' } } },
      repository: { required: ['name'], properties: { name: { type: 'string' } } },
    },
    location: { file: 'schema.json', line: 1 },
  }
}

const m = (...ids: string[]): [string][] => ids.map((id) => [id])

export function workedExampleSpecs(): ReleaseSpec[] {
  const { initial, faster, strategy, fixMain, fix1x } = C
  return [
    { name: '1.0', line: '1.x', migrations: m('2019.02.01'), commits: [initial] },
    {
      name: '1.1',
      line: '1.x',
      migrations: m('2019.02.01', '2019.04.01'),
      commits: [initial, faster],
    },
    {
      name: '2.0',
      line: 'main',
      migrations: m('2019.02.01', '2019.04.01', '2019.08.01'),
      commits: [initial, faster, strategy],
    },
    {
      name: '2.1',
      line: 'main',
      migrations: m('2019.02.01', '2019.04.01', '2019.08.01', '2019.10.15'),
      commits: [initial, faster, strategy, fixMain],
    },
    {
      name: '1.2',
      line: '1.x',
      migrations: m('2019.02.01', '2019.04.01', '2019.10.15'),
      commits: [initial, faster, fix1x],
    },
  ]
}

export const LINES: Line[] = [
  { branch: '1.x', version: [1], isDefault: false, tip: 'tip-1x' },
  { branch: 'main', version: undefined, isDefault: true, tip: 'tip-main' },
]

function migrationsOf(spec: ReleaseSpec): Migration[] {
  return spec.migrations.map(([id, type, hash], i) => ({
    id,
    objectType: type ?? TYPES[id] ?? 'virtual_source',
    location: { file: 'src/plugin_runner.py', line: 10 + 5 * i },
    contentHash: hash ?? `hash-${id}`,
  }))
}

function toRelease(spec: ReleaseSpec): Release {
  return {
    name: spec.name,
    line: spec.line,
    tag: `v${spec.name}`,
    commit: `commit-${spec.name}`,
    build: spec.build ?? spec.name,
    buildLocation: { file: 'plugin_config.yml', line: 7 },
    ...(spec.buildNotString ? { buildNotString: true } : {}),
    migrations: migrationsOf(spec),
    schema: spec.schema ?? baseSchema(),
  }
}

/** Commits of `from` with no patch-equivalent in `to` (what discovery computes with git cherry). */
export function fixDiff(from: ReleaseSpec, to: ReleaseSpec): FixDiff {
  const patches = new Set(to.commits.map((c) => c.patch))
  return {
    from: from.name,
    to: to.name,
    missing: from.commits
      .filter((c) => !patches.has(c.patch))
      .map(({ sha, subject }) => ({ sha, subject })),
  }
}

/**
 * The model for some release specs. FixDiffs: for the pairs fixLossPairs asks for (as discovery does),
 * plus `extraDiffs` (e.g. 1.2 -> 2.0, which a blocked upgrade makes irrelevant).
 */
export function buildModel(
  specs: ReleaseSpec[],
  extraDiffs: [string, string][] = [['1.2', '2.0']],
): UpgradeModel {
  const releases = specs.map(toRelease)
  const lastOnLine = new Map<string, Release>()
  for (const r of releases) lastOnLine.set(r.line, r)
  const model: UpgradeModel = {
    lines: LINES,
    releases,
    fixDiffs: [],
    lineHeads: LINES.filter((l) => lastOnLine.has(l.branch)).map((l) => {
      const last = lastOnLine.get(l.branch) as Release
      return { line: l.branch, commit: l.tip, migrations: last.migrations }
    }),
  }
  const byName = new Map(specs.map((s) => [s.name, s] as const))
  const pairs = [
    ...fixLossPairs(model, 'dotted').map((p) => [p.from, p.to] as [string, string]),
    ...extraDiffs,
  ]
  for (const [from, to] of pairs) {
    const a = byName.get(from)
    const x = byName.get(to)
    if (a && x) model.fixDiffs.push(fixDiff(a, x))
  }
  return model
}

export function workedExample(): UpgradeModel {
  return buildModel(workedExampleSpecs())
}

/** The specs with one release changed. */
export function withRelease(
  name: string,
  change: (spec: ReleaseSpec) => ReleaseSpec | void,
): ReleaseSpec[] {
  return workedExampleSpecs().map((s) => (s.name === name ? (change(s) ?? s) : s))
}
