/**
 * Reads `git diff-tree --stdin -p --format=SCAN_FORMAT` output as it streams, chunk by chunk, and
 * hands back the bytes `git patch-id --stable` needs: each `commit <sha>` line and the text file
 * sections. It drops the `Binary files ... differ` sections (git never wrote their content: binary
 * and large files are not compared) and the messages, which it parses into one record per commit,
 * with whether the commit's diff is version-only. Only header lines and the lines of diffs that may
 * still be version-only are decoded; the rest is found with Buffer.indexOf. Pure.
 */
import { messageFacts, type MessageFacts } from './messages.js'
import { diffHeaderPath } from './pathspec.js'
import { VersionOnlyTracker } from './version-only.js'

/** The header diff-tree prints per commit: the sha, then the author's email and the message, indented. */
export const SCAN_FORMAT = 'commit %H%n    %ae%n%w(0,4,4)%B'

export interface ScannedCommit extends MessageFacts {
  sha: string
  email: string
  /** Whether a text file section was left once bookkeeping, vendored, binary and large files were excluded. */
  hasPatch: boolean
  /** Every change is a version string (see version-only.ts). */
  versionOnly: boolean
  /** Binary (or large) files the commit changes, left out of its patch. */
  binaryFiles: number
}

/** `skip`: a binary section, or one whose path is dropped (bookkeeping, vendored). */
type State = 'none' | 'header' | 'filehead' | 'text' | 'hunk' | 'skip'

interface Current {
  sha: string
  lines: string[]
  hasPatch: boolean
  binaryFiles: number
  tracker: VersionOnlyTracker
}

const NL = 0x0a
const COMMIT = Buffer.from('commit ')
const DIFF = Buffer.from('diff --git ')
const NL_COMMIT = Buffer.from('\ncommit ')
const NL_DIFF = Buffer.from('\ndiff --git ')
const NEEDLES = [NL_DIFF, NL_COMMIT]
const SHA = /^commit ([0-9a-f]{40}|[0-9a-f]{64})$/

export class PatchScanner {
  /** Bytes read, and bytes handed on to patch-id. */
  bytesIn = 0
  bytesOut = 0
  private carry: Buffer = Buffer.alloc(0)
  private state: State = 'none'
  private cur: Current | undefined
  private held: Buffer[] = []
  private out: Buffer[] = []
  private runStart = -1
  private runEnd = -1
  private buf: Buffer = Buffer.alloc(0)
  /** Where `\ndiff --git ` and `\ncommit ` were last found in buf (-1: nowhere further; -2: not searched). */
  private found = [-2, -2]

  constructor(
    private readonly onCommit: (commit: ScannedCommit) => void,
    /** File sections to drop by path (see pathspec.ts: droppedPaths). */
    private readonly drop: (path: string) => boolean = () => false,
    /** The project's release builds (version-only.ts ownForm): only they make a version-only bump. */
    private readonly own?: ReadonlySet<string>,
  ) {}

  /** The commit being read: incomplete until the next one starts (where a broken-off stream stopped). */
  get current(): string | undefined {
    return this.cur?.sha
  }

  /** Reads a chunk; returns the bytes for patch-id (possibly empty). */
  push(chunk: Buffer): Buffer {
    this.bytesIn += chunk.length
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk
    const limit = buf.lastIndexOf(NL) + 1
    this.carry = buf.subarray(limit)
    this.scan(buf, limit)
    return this.take()
  }

  /** The end of the stream: finishes the last commit. */
  end(): Buffer {
    if (this.carry.length > 0) {
      const last = Buffer.concat([this.carry, Buffer.from('\n')])
      this.carry = Buffer.alloc(0)
      this.scan(last, last.length)
    }
    this.finishCommit()
    return this.take()
  }

  private take(): Buffer {
    this.flushRun()
    const out = this.out.length === 1 ? (this.out[0] as Buffer) : Buffer.concat(this.out)
    this.out = []
    this.bytesOut += out.length
    return out
  }

  private scan(buf: Buffer, limit: number): void {
    this.buf = buf
    this.found = [-2, -2]
    let pos = 0
    while (pos < limit) {
      if (this.skipping()) {
        const next = this.nextHeader(pos, limit)
        if (next > pos) {
          if (this.state !== 'skip') this.emit(pos, next)
          pos = next
          continue
        }
      }
      const nl = buf.indexOf(NL, pos)
      this.line(pos, nl)
      pos = nl + 1
    }
    this.flushRun()
  }

  /**
   * The first line start at or after `from` (a line start) that begins a file section or a commit,
   * or `limit`. Each needle's last position is kept, so a chunk is searched once per needle
   * however many sections it holds.
   */
  private nextHeader(from: number, limit: number): number {
    const buf = this.buf
    if (startsAt(buf, from, DIFF) || startsAt(buf, from, COMMIT)) return from
    let best = limit
    NEEDLES.forEach((needle, k) => {
      let at = this.found[k] as number
      if (at === -2 || (at >= 0 && at < from)) at = buf.indexOf(needle, from)
      this.found[k] = at
      if (at >= 0 && at + 1 < best) best = at + 1
    })
    return best
  }

  /** Inside a file section whose lines need no reading: binary, or text that is not version-only. */
  private skipping(): boolean {
    if (this.state === 'skip') return true
    return (this.state === 'hunk' || this.state === 'text') && !this.cur?.tracker.candidate
  }

  private line(s: number, e: number): void {
    const buf = this.buf
    if (startsAt(buf, s, COMMIT)) {
      const m = SHA.exec(buf.toString('latin1', s, e))
      if (m) return this.startCommit(m[1] as string, s, e)
    }
    const cur = this.cur
    if (!cur) return
    if (startsAt(buf, s, DIFF)) {
      this.endFile()
      if (this.drop(diffHeaderPath(buf.toString('utf8', s, e)))) this.state = 'skip'
      else {
        this.state = 'filehead'
        this.held.push(buf.subarray(s, e + 1))
      }
      return
    }
    if (this.state === 'header') {
      if (e - s >= 4 && buf[s] === 0x20 && buf[s + 3] === 0x20)
        cur.lines.push(buf.toString('utf8', s + 4, e))
    } else if (this.state === 'filehead') this.fileHeadLine(cur, s, e)
    else if (this.state === 'text' || this.state === 'hunk') {
      if (buf[s] === 0x40 /* @ */) {
        cur.tracker.close()
        this.state = 'hunk'
      } else if (this.state === 'hunk') cur.tracker.line(buf.toString('utf8', s, e))
      this.emit(s, e + 1)
    }
  }

  private fileHeadLine(cur: Current, s: number, e: number): void {
    const text = this.buf.toString('latin1', s, Math.min(e, s + 20))
    if (text.startsWith('Binary files ') || text.startsWith('GIT binary patch')) {
      this.held = []
      cur.binaryFiles++
      cur.tracker.fail()
      this.state = 'skip'
      return
    }
    this.held.push(this.buf.subarray(s, e + 1))
    if (text.startsWith('new file mode') || text.startsWith('deleted file mode')) cur.tracker.fail()
    if (text.startsWith('--- ')) {
      this.emitHeld(cur)
      this.state = 'text'
    }
  }

  /** The end of a file section: a header without content (a mode change, an empty file) still counts. */
  private endFile(): void {
    const cur = this.cur
    if (this.state === 'filehead' && cur && this.held.length > 0) {
      cur.tracker.fail()
      this.emitHeld(cur)
    }
    cur?.tracker.close()
    this.held = []
  }

  private emitHeld(cur: Current): void {
    cur.hasPatch = true
    this.flushRun()
    this.out.push(...this.held)
    this.held = []
  }

  private startCommit(sha: string, s: number, e: number): void {
    this.finishCommit()
    this.cur = {
      sha,
      lines: [],
      hasPatch: false,
      binaryFiles: 0,
      tracker: new VersionOnlyTracker(this.own),
    }
    this.state = 'header'
    this.emit(s, e + 1)
  }

  private finishCommit(): void {
    const cur = this.cur
    if (!cur) return
    this.endFile()
    const [email = '', ...message] = cur.lines
    const versionOnly = cur.hasPatch && cur.binaryFiles === 0 && cur.tracker.result()
    this.onCommit({
      sha: cur.sha,
      email: email.trim().toLowerCase(),
      ...messageFacts(message.join('\n')),
      hasPatch: cur.hasPatch,
      versionOnly,
      binaryFiles: cur.binaryFiles,
    })
    this.cur = undefined
    this.state = 'none'
  }

  /** Hands bytes [s, e) of the current buffer on to patch-id (contiguous ranges are merged). */
  private emit(s: number, e: number): void {
    if (e <= s) return
    if (this.runEnd === s) {
      this.runEnd = e
      return
    }
    this.flushRun()
    this.runStart = s
    this.runEnd = e
  }

  private flushRun(): void {
    if (this.runStart >= 0 && this.runEnd > this.runStart)
      this.out.push(this.buf.subarray(this.runStart, this.runEnd))
    this.runStart = -1
    this.runEnd = -1
  }
}

/** Byte by byte: most lines differ in the first byte, and Buffer.compare costs more than the loop. */
function startsAt(buf: Buffer, at: number, prefix: Buffer): boolean {
  if (buf.length - at < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (buf[at + i] !== prefix[i]) return false
  return true
}
