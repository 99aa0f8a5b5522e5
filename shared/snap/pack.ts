/**
 * Pack a snap from a staged directory the way snapd does, reproducibly:
 * `mksquashfs DIR FILE -noappend -comp xz -all-root -no-xattrs -no-fragments` with SOURCE_DATE_EPOCH set
 * (squashfs-tools >= 4.5 then stamps every inode and the superblock with it), after normalising modes.
 * `snap pack --check-skeleton` validates meta/snap.yaml first when snap is installed.
 */
import { chmod, lstat, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { produceAtomic } from '../files.js'
import { type SnapYaml, renderSnapYaml } from './snapyaml.js'

export interface StagedFile {
  /** Path inside the snap, e.g. `kubectl` or `meta/hooks/configure`. */
  path: string
  /** Content, or a source file to copy. */
  content?: string | Uint8Array
  source?: string
  executable?: boolean
}

/** Stage a snap directory from a snap.yaml model and files; modes and times are normalised. */
export async function stageSnap(dir: string, yaml: SnapYaml, files: StagedFile[], epoch: number): Promise<void> {
  const { copyFile } = await import('node:fs/promises')
  await rm(dir, { recursive: true, force: true })
  await mkdir(path.join(dir, 'meta'), { recursive: true })
  await writeFile(path.join(dir, 'meta', 'snap.yaml'), renderSnapYaml(yaml))
  for (const f of files) {
    const dest = path.join(dir, f.path)
    if (!dest.startsWith(dir + path.sep)) throw new Error(`staged path escapes the snap: ${f.path}`)
    await mkdir(path.dirname(dest), { recursive: true })
    if (f.source) await copyFile(f.source, dest)
    else await writeFile(dest, f.content ?? '')
  }
  await chmod(dir, 0o755)
  await normaliseTree(dir, new Set(files.filter((f) => f.executable).map((f) => f.path)), epoch)
}

async function normaliseTree(root: string, executables: Set<string>, epoch: number, rel = ''): Promise<void> {
  const here = path.join(root, rel)
  for (const name of await readdir(here)) {
    const relPath = rel ? `${rel}/${name}` : name
    const full = path.join(root, relPath)
    const st = await lstat(full)
    if (st.isDirectory()) {
      await chmod(full, 0o755)
      await normaliseTree(root, executables, epoch, relPath)
    } else if (st.isFile()) {
      await chmod(full, executables.has(relPath) ? 0o755 : 0o644)
    }
    if (!st.isSymbolicLink()) await utimes(full, epoch, epoch)
  }
  await utimes(here, epoch, epoch)
}

export const MKSQUASHFS_ARGS = ['-noappend', '-comp', 'xz', '-all-root', '-no-xattrs', '-no-fragments'] as const

/** snap pack --check-skeleton, when snap is installed. Returns whether it ran. */
export async function checkSkeleton(dir: string, label: string): Promise<boolean> {
  const snap = which('snap')
  if (!snap) return false
  const res = await run(snap, ['pack', '--check-skeleton', dir], { allowFailure: true })
  if (res.exitCode !== 0) throw new UserError(`snap ${label}: snap pack --check-skeleton rejected it: ${(res.stderr || res.stdout).trim()}`)
  return true
}

/** Pack dir into file (atomically), reproducibly. */
export async function packSnap(dir: string, file: string, epoch: number): Promise<void> {
  const mksquashfs = which('mksquashfs')
  if (!mksquashfs) throw new UserError('mksquashfs is not installed; install squashfs-tools (apt-get install squashfs-tools)')
  await mkdir(path.dirname(file), { recursive: true })
  await produceAtomic(file, async (tmp) => {
    await run(mksquashfs, [dir, tmp, ...MKSQUASHFS_ARGS, '-quiet', '-no-progress'], { env: { SOURCE_DATE_EPOCH: String(epoch) } })
  })
}
