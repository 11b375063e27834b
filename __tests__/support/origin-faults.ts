/**
 * Push faults for a test's bare origin: a pre-receive hook that holds a push for a while (a hung
 * remote) or rejects every push. The hook is a shell script the test writes into its own temp
 * origin; it replaces the origin's pre-receive hook (e.g. the fixture's denyWorkflowPushes) and
 * runs it after a slow push is let through, and remove() puts it back.
 *
 * A held push never outlives its fault or its pusher: the hook sleeps in 0.1 s steps, at most the
 * given seconds, and gives up (rejecting the push, nothing lands) within 0.1 s of the fault being
 * removed, the origin being deleted, or the pushing git being killed. The last matters beyond
 * cleanup: over a local path, git push runs receive-pack (and so the hook) as its child, sharing
 * its stderr pipe, so a caller that kills git and waits for its output to close would otherwise
 * wait for the whole delay; with the hook gone it sees the kill at once, as with a real remote.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** What the hook wrote, one entry per event, oldest first. */
export type PushFaultEvent = 'start' | 'accepted' | 'rejected' | 'released'

export interface PushFault {
  /** How many pushes reached the hook while this fault was installed. */
  hits(): Promise<number>
  /**
   * The hook's events: 'start' per push; then 'accepted' (a slow push let through after its
   * delay), 'rejected' (rejectPushes) or 'released' (a held push rejected because remove() ran).
   */
  log(): Promise<PushFaultEvent[]>
  /** Removes the hook, restoring the one it replaced; held pushes end (rejected) within 0.1 s. */
  remove(): Promise<void>
}

const MARK = '# fixline-origin-fault'
const BASE = 'pre-receive.fixline-base'

/** Single-quoted for sh. */
const sh = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

const hooksDir = (originDir: string): string => join(originDir, 'hooks')

/**
 * Every push to `originDir` waits `seconds` (fractions allowed) in pre-receive, then goes on
 * (through the hook this one replaced, if any) unless the fault was removed meanwhile.
 */
export async function slowPushes(originDir: string, seconds: number): Promise<PushFault> {
  if (!(seconds >= 0) || !Number.isFinite(seconds))
    throw new Error(`slowPushes: seconds must be a finite number >= 0, got ${seconds}`)
  const ticks = Math.ceil(seconds * 10)
  return install(
    originDir,
    (
      files,
    ) => `# The pushing git: the nearest ancestor running "git ... push" (receive-pack runs under it,
# perhaps through sh). Already gone: released at once. Without ps, only the flag and bound apply.
args_of() {
  if [ -r "/proc/$1/cmdline" ]; then tr '\\0' '\\n' < "/proc/$1/cmdline"
  else ps -ww -o args= -p "$1" 2>/dev/null | tr ' ' '\\n'; fi
}
is_push() {
  first=$(args_of "$1" | head -n 1)
  [ "\${first##*/}" = git ] && args_of "$1" | grep -qx push
}
pusher=
if ps -o pid= -p $$ >/dev/null 2>&1; then
  pusher=gone
  p=$PPID
  for i in 1 2 3 4 5; do
    [ "$p" -gt 1 ] 2>/dev/null || break
    if is_push "$p"; then pusher=$p; break; fi
    p=$(ps -o ppid= -p "$p" 2>/dev/null | tr -d ' ')
  done
fi
ticks=0
while [ "$ticks" -lt ${ticks} ]; do
  gone=
  [ -e ${sh(files.flag)} ] || gone='the slow-push fault was removed'
  if [ -n "$pusher" ] && { [ "$pusher" = gone ] || ! kill -0 "$pusher" 2>/dev/null; }; then
    gone='the pushing git is gone'
  fi
  if [ -n "$gone" ]; then
    echo released >> ${sh(files.log)}
    echo "push abandoned: $gone" >&2
    exit 1
  fi
  sleep 0.1
  ticks=$((ticks + 1))
done
echo accepted >> ${sh(files.log)}
if [ -x ${sh(files.base)} ]; then exec ${sh(files.base)}; fi
exit 0
`,
  )
}

/** Every push to `originDir` is rejected, printing `message` (git shows it as "remote: ..."). */
export function rejectPushes(
  originDir: string,
  message = 'pushes are rejected by the test',
): Promise<PushFault> {
  return install(
    originDir,
    (files) => `echo rejected >> ${sh(files.log)}
printf '%s\\n' ${sh(message)} >&2
exit 1
`,
  )
}

/** Removes whatever push fault is installed in `originDir` (for afterEach); no-op without one. */
export async function clearPushFaults(originDir: string): Promise<void> {
  const id = await activeFault(originDir)
  if (id) await removeFault(originDir, id)
}

interface FaultFiles {
  /** Exists while the fault is installed. */
  flag: string
  log: string
  /** The hook this fault replaced, if any. */
  base: string
}

function filesOf(originDir: string, id: string): FaultFiles {
  const hooks = hooksDir(originDir)
  return {
    flag: join(hooks, `fixline-fault-${id}.on`),
    log: join(hooks, `fixline-fault-${id}.log`),
    base: join(hooks, BASE),
  }
}

/** The id of the fault whose hook is installed, if the pre-receive hook is one of ours. */
async function activeFault(originDir: string): Promise<string | undefined> {
  const hook = join(hooksDir(originDir), 'pre-receive')
  if (!existsSync(hook)) return undefined
  const text = await readFile(hook, 'utf8')
  return new RegExp(`^${MARK} (\\S+)$`, 'm').exec(text)?.[1]
}

async function install(originDir: string, body: (files: FaultFiles) => string): Promise<PushFault> {
  await clearPushFaults(originDir)
  const id = randomUUID()
  const files = filesOf(originDir, id)
  const hook = join(hooksDir(originDir), 'pre-receive')
  if (existsSync(hook)) await rename(hook, files.base)
  await writeFile(files.flag, '')
  await writeFile(files.log, '')
  const script = `#!/bin/sh
${MARK} ${id}
# Written by __tests__/support/origin-faults.ts into the test's own temp origin.
echo start >> ${sh(files.log)}
${body(files)}`
  await writeFile(hook, script)
  await chmod(hook, 0o755)
  const log = async (): Promise<PushFaultEvent[]> => {
    const text = existsSync(files.log) ? await readFile(files.log, 'utf8') : ''
    return text.split('\n').filter((line): line is PushFaultEvent => line !== '')
  }
  return {
    log,
    hits: async () => (await log()).filter((e) => e === 'start').length,
    remove: () => removeFault(originDir, id),
  }
}

async function removeFault(originDir: string, id: string): Promise<void> {
  const files = filesOf(originDir, id)
  await rm(files.flag, { force: true })
  if ((await activeFault(originDir)) !== id) return
  const hook = join(hooksDir(originDir), 'pre-receive')
  await rm(hook, { force: true })
  if (existsSync(files.base)) await rename(files.base, hook)
}
