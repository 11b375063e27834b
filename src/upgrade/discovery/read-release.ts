/** One release read from the files at its commit: build number, migrations and their problems. */
import type { Release } from '../model.js'
import type { TagRelease } from './attribution.js'
import type { DiscoveryProblem } from './problems.js'
import { readBuild, readMigrations, type ReadContext } from './reader.js'
import type { FileMap } from './trees.js'

/** Discovery problems without repeats; per-release ones (missing files) get the release's name. */
export class ProblemSink {
  readonly problems: DiscoveryProblem[] = []
  private readonly seen = new Set<string>()

  add(list: readonly DiscoveryProblem[], release?: string): void {
    for (const raw of list) {
      const { perRelease, ...p } =
        release && (raw.perRelease || !raw.file)
          ? { ...raw, message: `${release}: ${raw.message}` }
          : raw
      void perRelease
      const key = `${p.rule}\0${p.file ?? ''}\0${p.line ?? ''}\0${p.message}`
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.problems.push(p)
    }
  }
}

export interface ReleaseRef {
  name: string
  line: string
  /** The release tag; undefined for a candidate. */
  tag?: TagRelease
  commit: string
}

/** One release read from its commit's files; file problems go to the sink. */
export function readRelease(
  ctx: ReadContext,
  sink: ProblemSink,
  files: FileMap,
  r: ReleaseRef,
): Release {
  const b = readBuild(files, ctx, r.tag?.tagBuild, r.tag?.tag)
  const m = readMigrations(files, ctx)
  sink.add(b.problems, r.name)
  sink.add(m.problems, r.name)
  if (r.tag) sink.add(tagMismatch(ctx, r.tag, b))
  return {
    name: r.name,
    line: r.line,
    tag: r.tag?.tag,
    commit: r.commit,
    build: b.build ?? '',
    ...(b.build === undefined ? { buildUnread: true } : {}),
    buildLocation: { file: b.file, ...(b.line ? { line: b.line } : {}) },
    ...(b.notString ? { buildNotString: true } : {}),
    ...(b.yaml ? { buildYaml: b.yaml } : {}),
    migrations: m.migrations,
    ...(m.schema ? { schema: m.schema } : {}),
  }
}

/** A warning when the tag names another build than the build file at its commit says. */
function tagMismatch(
  ctx: ReadContext,
  tag: TagRelease,
  b: ReturnType<typeof readBuild>,
): DiscoveryProblem[] {
  if (
    b.build === undefined ||
    b.file === tag.tag ||
    ctx.buildSource === 'tag' ||
    canon(b.build) === canon(tag.tagBuild)
  )
    return []
  return [
    {
      rule: 'build-format',
      severity: 'warning',
      file: b.file,
      ...(b.line ? { line: b.line } : {}),
      message: `tag ${tag.tag} names build ${tag.tagBuild} but ${b.file} at that commit says ${b.build}`,
    },
  ]
}

/** Loose canonical form for comparing a tag's build with a file's (trailing `.0` parts ignored). */
function canon(build: string): string {
  return build.replace(/^v/, '').replace(/(\.0+)+$/, '')
}
