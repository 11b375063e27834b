/**
 * What the generated-repository benchmarks share: a `git fast-import` stream builder (commits on
 * branches, tags; one process writes a whole history) and the line printer.
 */
export function say(text: string): void {
  process.stdout.write(`${text}\n`)
}

export class Stream {
  private readonly parts: string[] = []
  private mark = 0
  private tick = 1_600_000_000
  private readonly tips = new Map<string, number>()

  commit(branch: string, message: string, files: Record<string, string>, from?: number): number {
    const m = ++this.mark
    const date = `${(this.tick += 60)} +0000`
    const parent = from ?? this.tips.get(branch)
    this.parts.push(
      `commit refs/heads/${branch}\nmark :${m}\nauthor Bench <bench@fixline.invalid> ${date}\ncommitter Bench <bench@fixline.invalid> ${date}\n${data(message)}`,
    )
    if (parent !== undefined) this.parts.push(`from :${parent}\n`)
    for (const [path, content] of Object.entries(files))
      this.parts.push(`M 100644 inline ${path}\n${data(content)}`)
    this.parts.push('\n')
    this.tips.set(branch, m)
    return m
  }

  tag(name: string, mark: number): void {
    this.parts.push(`reset refs/tags/${name}\nfrom :${mark}\n\n`)
  }

  text(): string {
    return this.parts.join('')
  }
}

export function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`
}
