/**
 * The real-history shape of `npm run bench -- upgrade-check`: a Java service with Flyway
 * migrations and maven releases, generated with one streaming `git fast-import` (no history is
 * built in memory) and cached under .bench/. 10 lines (1.x .. 9.x and main), 8 releases each
 * (80), about 50,000 commits, 1,000 tags (80 releases, 920 CI builds), and over 600 MB of patch
 * text, most of it in what fix evidence must never read: a 1.5 MB generated bundle rewritten
 * every 200 commits, a 3 MB vendored tree updated every 2,000, a 512 KB binary model.
 *
 * Segment k (1..9): main gets FEATURES commits (a line of a module each; every 100th adds a
 * migration), then releases k.0 and branches k.x; k.x gets FIXES_PER_RELEASE fixes per release
 * k.1 .. k.7 (svn-era commits: git-svn-id trailers; every 10th adds a migration), each release a
 * maven release commit and a "next development iteration" commit; then the fixes come to main:
 * 70% with the same patch, 15% as "Merged r<rev> from k.x" with another patch, 10% under the
 * same subject and author with another patch (probably ported), 5% never (lost; never one with a
 * migration). Segment 10 is main's own releases 10.0 .. 10.7, fixed on main.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Git, type GitProcess } from '../src/git/git.js'

const LINES = 10
const RELEASES = 8
const FEATURES = 4000
const FIXES_PER_RELEASE = 80
const TAGS = 1000
const MODULES = 200
const BUNDLE_EVERY = 200
const VENDOR_EVERY = 2000
const MODEL_EVERY = 1000
const VERSION = 'real-history-v1'
const DEVS = ['Ada Lovelace', 'Brian Kernighan', 'Grace Hopper', 'Linus Torvalds', 'Barbara Liskov']
const UUID = '6f0d4a4e-1111-2222-3333-444455556666'

export interface RealRepo {
  dir: string
  commits: number
  tags: number
  /** Bytes of `git log -p --all` (measured once, when generated). */
  patchBytes: number
  generatedMs: number
}

type Content = string | Buffer

class Importer {
  private mark = 0
  private clock = 1_400_000_000
  commits = 0

  constructor(private readonly proc: GitProcess) {}

  async write(data: Content): Promise<void> {
    if (!this.proc.write(data)) await this.proc.drained()
  }

  async commit(c: {
    branch: string
    message: string
    author: string
    files: [string, Content][]
    from?: number
  }): Promise<number> {
    const m = ++this.mark
    this.commits++
    const who = `${c.author} <${c.author.split(' ')[0]?.toLowerCase()}@example.com> ${(this.clock += 60)} +0000`
    await this.write(`commit refs/heads/${c.branch}\nmark :${m}\nauthor ${who}\ncommitter ${who}\n`)
    await this.data(c.message)
    if (c.from !== undefined) await this.write(`from :${c.from}\n`)
    for (const [path, content] of c.files) {
      await this.write(`M 100644 inline ${path}\n`)
      await this.data(content)
    }
    await this.write('\n')
    return m
  }

  async tag(name: string, mark: number): Promise<void> {
    await this.write(`reset refs/tags/${name}\nfrom :${mark}\n\n`)
  }

  private async data(content: Content): Promise<void> {
    await this.write(`data ${Buffer.byteLength(content)}\n`)
    await this.write(content)
    await this.write('\n')
  }
}

/** Text of a module: 60 lines, some set by features. */
class Modules {
  private readonly lines = Array.from({ length: MODULES }, () =>
    Array.from({ length: 60 }, (_, l) => `    int f${l} = ${l};`),
  )

  feature(i: number): [string, string] {
    const m = i % MODULES
    const l = Math.floor(i / MODULES) % 60
    const lines = this.lines[m] as string[]
    lines[l] = `    int f${l} = ${i}; // feature ${i}`
    return [
      `src/main/java/org/example/core/Module${m}.java`,
      `class Module${m} {\n${lines.join('\n')}\n}\n`,
    ]
  }
}

/** The stable area of a line: one file per 30 fixes, a fix sets line 5n+2 of its file. */
class Area {
  private readonly files = new Map<number, string[]>()
  constructor(private readonly k: number) {}

  path(g: number): string {
    return `src/main/java/org/example/stable/Line${this.k}Group${g}.java`
  }

  all(groups: number): [string, string][] {
    return Array.from({ length: groups }, (_, g) => [this.path(g), this.text(g)])
  }

  set(n: number, text: string): [string, string] {
    const g = Math.floor(n / 30)
    this.lines(g)[5 * (n % 30) + 2] = text
    return [this.path(g), this.text(g)]
  }

  clone(): Area {
    const a = new Area(this.k)
    for (const [g, l] of this.files) a.files.set(g, [...l])
    return a
  }

  private lines(g: number): string[] {
    let l = this.files.get(g)
    if (!l)
      this.files.set(g, (l = Array.from({ length: 150 }, (_, i) => `    // ${this.k}.${g}.${i}`)))
    return l
  }

  private text(g: number): string {
    return `class Line${this.k}Group${g} {\n${this.lines(g).join('\n')}\n}\n`
  }
}

const pom = (version: string) =>
  `<project>\n  <groupId>org.example</groupId>\n  <artifactId>service</artifactId>\n  <version>${version}</version>\n</project>\n`

function bundle(gen: number): string {
  const out: string[] = []
  for (let i = 0; i < 21_000; i++)
    out.push(`/* build ${gen} */ export function f${i}(a) { return a * ${i % 97} + ${gen} }`)
  return out.join('\n') + '\n'
}

function vendored(version: number): [string, string][] {
  return Array.from({ length: 400 }, (_, m) => {
    const lines: string[] = []
    for (let i = 0; i < 110; i++)
      lines.push(`func F${m}_${i}() string { return "lib ${m} line ${i} v${version}" }`)
    return [
      `vendor/github.com/acme/lib${m % 20}/file${m}.go`,
      `package lib\n\n${lines.join('\n')}\n`,
    ]
  })
}

function model(version: number): Buffer {
  const b = Buffer.alloc(512 * 1024)
  let x = version * 2654435761
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    b[i] = x >>> 24
  }
  return b
}

/** Generates the repository (once; cached) and returns its figures. */
export async function ensureRealHistory(say: (line: string) => void): Promise<RealRepo> {
  const dir = join('.bench', VERSION)
  const metaFile = join(dir, 'meta.json')
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as RealRepo
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const git = new Git({ cwd: dir })
  const started = Date.now()
  await git.run(['init', '-q', '-b', 'main'])
  const proc = git.start(['fast-import', '--quiet', '--done'], { onStdout: () => undefined })
  const imp = new Importer(proc)
  await generate(imp)
  await imp.write('done\n')
  proc.end()
  await proc.done
  const commits = Number(await git.text(['rev-list', '--all', '--count']))
  const tags = (await git.lines(['tag', '--list'])).length
  say(
    `  generated ${dir}: ${commits} commits, ${tags} tags in ${Date.now() - started} ms; measuring its patch text...`,
  )
  let patchBytes = 0
  const log = git.start(['log', '-p', '--all', '--no-color', '--format=%H'], {
    onStdout: (c) => void (patchBytes += c.length),
  })
  log.end()
  await log.done
  const repo: RealRepo = { dir, commits, tags, patchBytes, generatedMs: Date.now() - started }
  writeFileSync(metaFile, JSON.stringify(repo))
  return repo
}

async function generate(imp: Importer): Promise<void> {
  const modules = new Modules()
  const state = { feature: 0, rev: 1000, ciTags: 0, bundleGen: 0, main: 0 }
  state.main = await imp.commit({
    branch: 'main',
    message: 'Initial import',
    author: DEVS[0] as string,
    files: [
      ['pom.xml', pom('1.0-SNAPSHOT')],
      ['VERSION', '0.1\n'],
      ['dist/app.bundle.js', bundle(0)],
      ...vendored(0),
      ['assets/model.bin', model(0)],
    ],
  })
  for (let k = 1; k <= LINES; k++) {
    await mainFeatures(imp, modules, state, k)
    await segment(imp, state, k)
  }
}

async function mainFeatures(
  imp: Importer,
  modules: Modules,
  state: { feature: number; ciTags: number; bundleGen: number; main: number },
  k: number,
): Promise<void> {
  const ciEvery = Math.floor((LINES * FEATURES) / (TAGS - LINES * RELEASES))
  for (let n = 0; n < FEATURES; n++) {
    const i = ++state.feature
    const files: [string, Content][] = [modules.feature(i)]
    if (i % 100 === 0)
      files.push([
        `src/main/resources/db/migration/V${k}_0_${i}__feature_${i}.sql`,
        `ALTER TABLE t${i % 50} ADD COLUMN c${i} INT;\n`,
      ])
    state.main = await imp.commit({
      branch: 'main',
      message: `Feature ${i}: improve module ${i % MODULES}`,
      author: DEVS[i % DEVS.length] as string,
      files,
    })
    if (i % ciEvery === 0 && state.ciTags < TAGS - LINES * RELEASES) {
      state.ciTags++
      await imp.tag(`ci/build-${i}`, state.main)
    }
    const extra: [string, Content][] = []
    if (i % BUNDLE_EVERY === 0) extra.push(['dist/app.bundle.js', bundle(++state.bundleGen)])
    if (i % VENDOR_EVERY === 0) extra.push(...vendored(i))
    if (i % MODEL_EVERY === 0) extra.push(['assets/model.bin', model(i)])
    if (extra.length > 0)
      state.main = await imp.commit({
        branch: 'main',
        message: `Regenerate build outputs (${i})`,
        author: 'Build Bot',
        files: extra,
      })
  }
}

/** Release k.0 on main, line k.x with releases k.1 .. k.7 (on main itself for the last line), and the ports. */
async function segment(
  imp: Importer,
  state: { rev: number; bundleGen: number; main: number },
  k: number,
): Promise<void> {
  const branch = k < LINES ? `${k}.x` : 'main'
  const fixes = (RELEASES - 1) * FIXES_PER_RELEASE
  const area = new Area(k)
  state.main = await imp.commit({
    branch: 'main',
    message: `Add the stable area of ${k}.x`,
    author: DEVS[k % DEVS.length] as string,
    files: area.all(Math.ceil(fixes / 30)),
  })
  const base = area.clone()
  const release = await releaseCommits(imp, 'main', k, 0)
  await imp.tag(`v${k}.0`, release.tagged)
  state.main = release.tip
  const ported: {
    n: number
    rev: number
    author: string
    files: [string, Content][]
    subject: string
  }[] = []
  let from: number | undefined = branch === 'main' ? undefined : release.tagged
  for (let r = 1; r < RELEASES; r++) {
    for (let f = 0; f < FIXES_PER_RELEASE; f++) {
      const n = (r - 1) * FIXES_PER_RELEASE + f
      const rev = ++state.rev
      const author = DEVS[n % DEVS.length] as string
      const files: [string, Content][] = [
        area.set(n, `    static final String FIX_${n} = "fixed ${k}.${n}";`),
      ]
      if (n % 10 === 0)
        files.push([
          `src/main/resources/db/migration/V${k}_${r}_${n}__fix_${n}.sql`,
          `UPDATE t${n % 50} SET c = ${n};\n`,
        ])
      const subject = `Fix issue #${k * 10_000 + n} in group ${Math.floor(n / 30)}`
      const message = `${subject}\n\ngit-svn-id: https://svn.example.org/repo/branches/${k}.x@${rev} ${UUID}\n`
      const mark = await imp.commit({
        branch,
        message,
        author,
        files,
        ...(from !== undefined ? { from } : {}),
      })
      from = undefined
      if (branch === 'main') state.main = mark
      ported.push({ n, rev, author, files, subject })
    }
    await imp.commit({
      branch,
      message: `Regenerate the bundle for ${k}.${r}`,
      author: 'Build Bot',
      files: [['dist/app.bundle.js', bundle(++state.bundleGen)]],
    })
    const rel = await releaseCommits(imp, branch, k, r)
    await imp.tag(`v${k}.${r}`, rel.tagged)
    if (branch === 'main') state.main = rel.tip
  }
  if (branch !== 'main') await portToMain(imp, state, base, ported, k)
}

/** The maven release plugin's two commits; returns the tagged one and the tip. */
async function releaseCommits(
  imp: Importer,
  branch: string,
  k: number,
  r: number,
): Promise<{ tagged: number; tip: number }> {
  const tagged = await imp.commit({
    branch,
    message: `[maven-release-plugin] prepare release v${k}.${r}`,
    author: 'Release Bot',
    files: [
      ['pom.xml', pom(`${k}.${r}`)],
      ['VERSION', `${k}.${r}\n`],
    ],
  })
  const tip = await imp.commit({
    branch,
    message: '[maven-release-plugin] prepare for next development iteration',
    author: 'Release Bot',
    files: [['pom.xml', pom(`${k}.${r + 1}-SNAPSHOT`)]],
  })
  return { tagged, tip }
}

async function portToMain(
  imp: Importer,
  state: { main: number },
  area: Area,
  fixes: { n: number; rev: number; author: string; files: [string, Content][]; subject: string }[],
  k: number,
): Promise<void> {
  for (const fix of fixes) {
    const kind = fix.n % 100
    const migration = fix.files.slice(1)
    const line = `    static final String FIX_${fix.n} = "fixed ${k}.${fix.n}";`
    if (fix.n % 10 !== 0 && kind >= 95) continue // lost
    let message: string
    let text = line
    let author = 'Mary Merger'
    if (fix.n % 10 === 0 || kind < 70) message = `Port fix #${k * 10_000 + fix.n} from ${k}.x`
    else if (kind < 85) {
      message = `Merged r${fix.rev} from ${k}.x`
      text = `${line} // merged`
    } else {
      message = fix.subject
      text = `${line} // ported by hand`
      author = fix.author
    }
    state.main = await imp.commit({
      branch: 'main',
      message,
      author,
      files: [area.set(fix.n, text), ...migration],
    })
  }
}
