/**
 * Pack a snap from a staged directory the way snapd does, reproducibly:
 * `mksquashfs DIR FILE -noappend -comp xz -all-root -no-xattrs -no-fragments` with SOURCE_DATE_EPOCH set
 * (squashfs-tools >= 4.5 then stamps every inode and the superblock with it), after normalising modes.
 * `snap pack --check-skeleton` validates meta/snap.yaml first when snap is installed.
 */
import { createHash } from 'node:crypto'
import { chmod, copyFile, lstat, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors.js'
import { run, which } from '../exec.js'
import { copyAtomic, exists, produceAtomic, sha256File } from '../files.js'
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

/**
 * Pack dir into file (atomically), reproducibly. With a cacheDir, the snap is content-addressed by everything
 * that determines its bytes (every staged path, mode and content, the epoch, the mksquashfs version and
 * arguments), so a warm run copies the identical file instead of compressing again. Returns whether it was a hit.
 */
export async function packSnap(
  dir: string,
  file: string,
  epoch: number,
  cacheDir?: string,
  knownDigests: Record<string, string> = {},
): Promise<boolean> {
  const mksquashfs = which('mksquashfs')
  if (!mksquashfs) throw new UserError('mksquashfs is not installed; install squashfs-tools (apt-get install squashfs-tools)')
  await mkdir(path.dirname(file), { recursive: true })
  const cached = cacheDir ? path.join(cacheDir, 'snaps', `${await treeKey(dir, epoch, mksquashfs, knownDigests)}.snap`) : undefined
  if (cached && (await exists(cached))) {
    await copyAtomic(cached, file)
    return true
  }
  await produceAtomic(file, async (tmp) => {
    await run(mksquashfs, [dir, tmp, ...MKSQUASHFS_ARGS, '-quiet', '-no-progress'], { env: { SOURCE_DATE_EPOCH: String(epoch) } })
  })
  if (cached) {
    await mkdir(path.dirname(cached), { recursive: true })
    await copyAtomic(file, cached)
  }
  return false
}

const squashfsVersions = new Map<string, string>()

/** A digest of everything that determines the packed bytes; knownDigests (staged path → sha256, already verified) spare re-reading large files. */
async function treeKey(dir: string, epoch: number, mksquashfs: string, knownDigests: Record<string, string>): Promise<string> {
  if (!squashfsVersions.has(mksquashfs)) {
    const v = await run(mksquashfs, ['-version'], { allowFailure: true })
    squashfsVersions.set(mksquashfs, v.stdout.split('\n')[0])
  }
  const h = createHash('sha256').update(`${squashfsVersions.get(mksquashfs)}\n${MKSQUASHFS_ARGS.join(' ')}\n${epoch}\n`)
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(path.join(dir, rel))).sort()) {
      const r = rel ? `${rel}/${name}` : name
      const st = await lstat(path.join(dir, r))
      h.update(`${r}\0${st.mode}\0`)
      if (st.isDirectory()) await walk(r)
      else if (st.isFile()) h.update(knownDigests[r] ?? (await sha256File(path.join(dir, r))))
    }
  }
  await walk('')
  return h.digest('hex')
}
