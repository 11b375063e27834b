/**
 * The audit's repository: lines 1.x, 2.x and main (the default branch), with every way a fix can
 * travel between them (or not), pushed to a bare origin. Versions live in package.json and each
 * release bump is tagged, so a bump is release bookkeeping by the evidence's version-only test.
 */
import { createFixture, type Fixture } from '../../support/git-fixture.js'

export interface AuditWorld {
  fx: Fixture
  /** Commits by role. */
  sha: {
    /** Made on main, backported with -x to 2.x and 1.x: nothing missing. */
    mainFix: string
    /** Made on 1.x, forward-ported by hand (same patch, no trailer) to 2.x and main: patch-id. */
    handPorted: string
    /** Made on 1.x, never carried: missing on 2.x and main. */
    neverCarried: string
    /** Made on 1.x, adapted by hand on 2.x with a trailer, picked -x from 2.x to main. */
    adapted: string
    /** 1.x's build bump (Release 1.1.0). */
    bump1: string
    /** 2.x's build bump (Release 2.1.0). */
    bump2: string
    /** On 1.x with `Forward-port: not-needed`: decided on every newer line. */
    notNeededAll: string
    /** On 1.x with `Forward-port: not-needed main`: decided on main, missing on 2.x. */
    notNeededMain: string
    /** On 1.x, squash subject `(#12)`: PR 12 carries the not-needed label in the API tests. */
    labelled: string
    /** Made on 2.x, never carried to main. */
    only2x: string
    /** A feature on main after 2.x forked (never on 2.x or 1.x). */
    mainOnly: string
    /** Another one (its backport PR to 2.x was merged with a different patch in the API tests). */
    mainOnly2: string
  }
  cleanup(): Promise<void>
}

const pkg = (version: string) => `{\n  "name": "demo",\n  "version": "${version}"\n}\n`
const COMMITTER = { GIT_COMMITTER_NAME: 'Ada Author', GIT_COMMITTER_EMAIL: 'ada@example.com' }

export async function buildAuditWorld(): Promise<AuditWorld> {
  const fx = await createFixture()
  const pick = async (sha: string): Promise<string> => {
    await fx.seed.run(['cherry-pick', '-x', sha], { env: COMMITTER })
    return fx.seed.text(['rev-parse', 'HEAD'])
  }
  const tag = (name: string) => fx.seed.run(['tag', name])
  const parser = (n: number) => `export function parse(s) {\n  return s.slice(0, ${n})\n}\n`
  await fx.commit(
    {
      'package.json': pkg('1.0.0'),
      'src/parser.js': parser(10),
      'src/time.js': 'export const zone = "UTC"\n',
      'src/input.js': 'export const read = (s) => s\n',
    },
    'Initial',
  )
  await tag('v1.0.0')
  await fx.branch('1.x')
  await fx.commit({ 'src/feature.js': 'export const f = 2\n' }, 'Feature for 2.0')
  await fx.commit({ 'package.json': pkg('2.0.0') }, 'Start 2.0')
  await tag('v2.0.0')
  await fx.branch('2.x')
  const mainOnly = await fx.commit({ 'src/feature.js': 'export const f = 3\n' }, 'Feature for 3.0')
  const mainOnly2 = await fx.commit({ 'src/other.js': 'export const o = 1\n' }, 'Feature for 3.1')
  const mainFix = await fx.commit(
    { 'src/input.js': 'export const read = (s) => s ?? ""\n' },
    'Fix null input',
  )

  // 1.x
  await fx.checkout('1.x')
  await pick(mainFix)
  const handPorted = await fx.commit({ 'src/parser.js': parser(20) }, 'Fix overflow in parser')
  const neverCarried = await fx.commit(
    { 'src/crash.js': 'export const guard = true\n' },
    'Fix crash on empty list',
  )
  const adapted = await fx.commit(
    { 'src/time.js': 'export const zone = "local"\n' },
    'Fix time zone',
  )
  const bump1 = await fx.commit({ 'package.json': pkg('1.1.0') }, 'Release 1.1.0')
  await tag('v1.1.0')
  const notNeededAll = await fx.commit(
    { 'src/legacy.js': 'export const legacy = 1\n' },
    'Work around the 1.x scheduler\n\nForward-port: not-needed\n',
  )
  const notNeededMain = await fx.commit(
    { 'src/old-api.js': 'export const api = 1\n' },
    'Keep the old API answering\n\nForward-port: not-needed main\n',
  )
  const labelled = await fx.commit(
    { 'src/leak.js': 'export const close = true\n' },
    'Fix a leak (#12)',
  )

  // 2.x
  await fx.checkout('2.x')
  await pick(mainFix)
  await fx.commit({ 'src/parser.js': parser(20) }, 'Fix overflow in parser (forward-port)')
  await fx.commit(
    { 'src/time.js': 'export const zone = "local" // 2.x\n' },
    `Fix time zone (adapted for 2.x)\n\n(cherry picked from commit ${adapted})\n`,
  )
  const adapted2 = await fx.seed.text(['rev-parse', 'HEAD'])
  const bump2 = await fx.commit({ 'package.json': pkg('2.1.0') }, 'Release 2.1.0')
  await tag('v2.1.0')
  const only2x = await fx.commit({ 'src/cache.js': 'export const size = 2\n' }, 'Fix cache size')

  // main
  await fx.checkout('main')
  await fx.commit({ 'src/parser.js': parser(20) }, 'Fix overflow in parser')
  await pick(adapted2)
  await fx.commit({ 'package.json': pkg('3.0.0') }, 'Release 3.0.0')
  await tag('v3.0.0')
  await fx.push(['main', '1.x', '2.x', '--tags'])
  return {
    fx,
    sha: {
      mainFix,
      handPorted,
      neverCarried,
      adapted,
      bump1,
      bump2,
      notNeededAll,
      notNeededMain,
      labelled,
      only2x,
      mainOnly,
      mainOnly2,
    },
    cleanup: () => fx.cleanup(),
  }
}
