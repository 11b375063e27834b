/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Micro benchmark of the pure upgrade check: checkModel over an in-memory model of 30 lines x 40
 * releases x about 2,000 migrations (no git). Prints the time of each phase and the sizes.
 *
 * Shape "forward-ported": a shared base of 1,400 migrations; every line forward-ports the migrations of
 * all older lines; release i of a line adds one migration. Realistic and clean (no error findings).
 * Shape "disjoint": every line has its own 2,000 IDs (worst case for the matrix: 60,000 distinct IDs).
 */
import { performance } from 'node:perf_hooks'
import { checkModel, fixLossPairs } from '../src/upgrade/check.js'
import type { Line, Migration, Release, UpgradeModel } from '../src/upgrade/model.js'

const LINES = 30
const RELEASES = 40
const BASE = 1400

function mig(id: string): Migration {
  return {
    id,
    objectType: 'virtual_source',
    location: { file: 'src/plugin_runner.py', line: 1 },
    contentHash: `h${id}`,
  }
}

function build(shape: 'forward-ported' | 'disjoint'): UpgradeModel {
  const base = Array.from({ length: BASE }, (_, n) => mig(`1999.${n + 1}`))
  const lines: Line[] = []
  const releases: Release[] = []
  const heads: UpgradeModel['lineHeads'] = []
  let carried: Migration[] = base
  for (let k = 0; k < LINES; k++) {
    const isDefault = k === LINES - 1
    const branch = isDefault ? 'main' : `${k + 1}.x`
    lines.push({ branch, version: isDefault ? undefined : [k + 1], isDefault, tip: `tip${k}` })
    let current =
      shape === 'disjoint'
        ? Array.from({ length: 2000 - RELEASES }, (_, n) => mig(`${3000 + k}.${n + 1}`))
        : carried
    for (let i = 0; i < RELEASES; i++) {
      current = [...current, mig(`${2000 + k}.${i + 1}`)]
      releases.push({
        name: `${k + 1}.${i}`,
        line: branch,
        tag: `v${k + 1}.${i}`,
        commit: `c${k}-${i}`,
        build: `${k + 1}.${i}`,
        buildLocation: { file: 'plugin_config.yml', line: 3 },
        migrations: current,
      })
    }
    heads.push({ line: branch, commit: `tip${k}`, migrations: current })
    carried = current
  }
  return { lines, releases, fixDiffs: [], lineHeads: heads }
}

/** Wall time and CPU time (CPU time is what to compare when other processes share the machine). */
function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const out = fn()
  const cpu = process.cpuUsage(c0)
  const wall = (performance.now() - t0).toFixed(0).padStart(6)
  console.log(
    `  ${label.padEnd(30)} ${wall} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms cpu`,
  )
  return out
}

for (const shape of ['forward-ported', 'disjoint'] as const) {
  const model = build(shape)
  const migrations = model.releases.reduce((n, r) => n + r.migrations.length, 0)
  console.log(
    `\nshape ${shape}: ${model.lines.length} lines, ${model.releases.length} releases, ${migrations} migrations`,
  )
  const pairs = time('fixLossPairs', () => fixLossPairs(model, 'dotted'))
  model.fixDiffs = pairs.map((p, i) => ({
    ...p,
    missing: i % 97 === 0 ? [{ sha: `s${i}`, subject: 'a fix' }] : [],
  }))
  time('checkModel (warm-up)', () =>
    checkModel(model, { scheme: 'dotted', engine: 'set', contentChange: 'warning' }),
  )
  const r = time('checkModel engine=set', () =>
    checkModel(model, { scheme: 'dotted', engine: 'set', contentChange: 'warning' }),
  )
  time('checkModel engine=linear', () =>
    checkModel(model, { scheme: 'dotted', engine: 'linear', contentChange: 'warning' }),
  )
  const allowed = r.upgrades.filter((u) => u.allowed).length
  console.log(
    `  fix-loss pairs ${pairs.length}, upgrades ${r.upgrades.length} (${allowed} allowed), findings ${r.findings.length} ` +
      `(${[...new Set(r.findings.map((f) => f.rule))].join(', ') || 'none'}), conclusion ${r.conclusion}`,
  )
}
