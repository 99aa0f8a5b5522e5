/**
 * Path inputs, checked before any work starts, and the temporary names every writer uses.
 *
 * A path input fails in well under a second with one line naming it: missing, not a directory, not
 * writable, or on a kernel file system (/proc, /sys), where Node's recursive mkdir never returns.
 * Directories are therefore created one level at a time from the nearest existing ancestor.
 *
 * Temporary files are named `<dest>.<kind>-<pid>-<random>`, so that a run can tell the leftovers of a
 * killed run (its pid is gone) from the files of a run still going on beside it (two jobs on one
 * self-hosted runner sharing a cache) and sweep only the former.
 */
import { randomBytes } from 'node:crypto'
import { access, constants, mkdir, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from './errors.js'

const KERNEL_FS = ['/proc', '/sys']

/** A temporary name beside dest carrying this process's pid. */
export function tempName(dest: string, kind: 'tmp' | 'part' = 'tmp'): string {
  return `${dest}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`
}

/** `<name>.tmp-<pid>[-<random>]` or `<name>.part-<pid>-<random>`: the pid of the writer, else undefined. */
export function tempOwner(name: string): number | undefined {
  const m = name.match(/\.(?:tmp|part)-(\d+)(?:-[0-9a-z]+)?$/)
  return m ? Number(m[1]) : undefined
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // exists, owned by someone else
  }
}

/** Remove the temporary files (and directories) of dead writers in dir, depth levels down. Never fails. */
export async function sweepDeadTemps(dir: string, depth = 0): Promise<string[]> {
  const removed: string[] = []
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const e of entries) {
    const p = path.join(dir, e.name)
    const pid = tempOwner(e.name)
    if (pid !== undefined && !alive(pid)) {
      await rm(p, { recursive: true, force: true }).then(
        () => removed.push(p),
        () => undefined,
      )
    } else if (depth > 0 && e.isDirectory()) {
      removed.push(...(await sweepDeadTemps(p, depth - 1)))
    }
  }
  return removed
}

function under(p: string, roots: string[]): string | undefined {
  return roots.find((r) => p === r || p.startsWith(`${r}/`))
}

/** The nearest existing ancestor of abs (abs itself when it exists), with its stat. */
async function nearestExisting(abs: string): Promise<{ at: string; isDir: boolean }> {
  for (let p = abs; ; p = path.dirname(p)) {
    const st = await stat(p).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e),
    )
    if (st) return { at: p, isDir: st.isDirectory() }
    if (p === path.dirname(p)) return { at: p, isDir: true }
  }
}

async function refuseKernelFs(value: string, abs: string, existing: string, inputName: string): Promise<void> {
  const real = await realpath(existing).catch(() => existing)
  const root = under(abs, KERNEL_FS) ?? under(real, KERNEL_FS)
  if (root) throw new UserError(`${inputName}: '${value}' is under ${root}, a kernel file system; choose a directory on disk`)
}

function failure(inputName: string, value: string, e: unknown): UserError {
  if (e instanceof UserError) return e
  const code = (e as NodeJS.ErrnoException).code ?? 'error'
  return new UserError(`${inputName}: cannot write to '${value}' (${code}); choose a writable directory`)
}

/** Create an output directory (one level at a time) and prove it is writable, or fail naming the input. Sweeps dead writers' temporary files. */
export async function ensureWritableDir(value: string, inputName: string): Promise<string> {
  const abs = path.resolve(value)
  try {
    const { at, isDir } = await nearestExisting(abs)
    await refuseKernelFs(value, abs, at, inputName)
    if (!isDir)
      throw new UserError(
        at === abs
          ? `${inputName}: '${value}' is not a directory (a file is there); choose a directory`
          : `${inputName}: '${at}' is a file, so '${value}' cannot be a directory; choose a directory`,
      )
    await access(at, constants.W_OK)
    let p = at
    for (const part of path.relative(at, abs).split(path.sep).filter(Boolean)) {
      p = path.join(p, part)
      await mkdir(p).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)))
    }
    const probe = tempName(path.join(abs, '.write-test'))
    await writeFile(probe, '')
    await rm(probe, { force: true })
  } catch (e) {
    throw failure(inputName, value, e)
  }
  await sweepDeadTemps(abs)
  return abs
}

/**
 * A path input that must be an existing directory (a checkout, a binaries directory) or file; '' is
 * skipped. Refused at once: a path on /proc or /sys, one of the wrong kind, one that cannot be read. A
 * path that does not exist is left to the check that reads it, which names what belongs there.
 */
export async function checkInputPath(value: string | undefined, inputName: string, kind: 'dir' | 'file' | 'any' = 'dir'): Promise<void> {
  if (!value) return
  const abs = path.resolve(value)
  const { at } = await nearestExisting(abs).catch(() => ({ at: abs }))
  await refuseKernelFs(value, abs, at, inputName)
  if (at !== abs) return
  const st = await stat(abs).catch(() => undefined)
  if (!st) return
  if (kind === 'dir' && !st.isDirectory())
    throw new UserError(`${inputName}: '${value}' is not a directory (it is a file); give a directory`)
  if (kind === 'file' && !st.isFile()) throw new UserError(`${inputName}: '${value}' is not a file`)
  await access(abs, constants.R_OK | (st.isDirectory() ? constants.X_OK : 0)).catch(() =>
    Promise.reject(new UserError(`${inputName}: '${value}' cannot be read (permission denied)`)),
  )
}

/** Check several path inputs at once: `{ 'source-dir': value, ... }` (empty values are skipped). */
export async function checkInputPaths(inputs: Record<string, string | undefined>, kind: 'dir' | 'file' | 'any' = 'dir'): Promise<void> {
  for (const [name, value] of Object.entries(inputs)) await checkInputPath(value, name, kind)
}
