/** Small file helpers every module shares: atomic writes, hashing, existence. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { tempName } from './paths.js'

const tmpName = (dest: string): string => tempName(dest)

/** Copy src to dest through a temporary name, so dest is either absent or whole. */
export async function copyAtomic(src: string, dest: string): Promise<void> {
  const tmp = tmpName(dest)
  try {
    await copyFile(src, tmp)
    await rename(tmp, dest)
  } finally {
    await rm(tmp, { force: true })
  }
}

/** Write data to dest through a temporary name. */
export async function writeFileAtomic(dest: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = tmpName(dest)
  try {
    await writeFile(tmp, data, { mode })
    await rename(tmp, dest)
  } finally {
    await rm(tmp, { force: true })
  }
}

/** Run produce(tmp) and rename tmp to dest only when it succeeds. */
export async function produceAtomic(dest: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tmpName(dest)
  try {
    await produce(tmp)
    await rename(tmp, dest)
  } finally {
    await rm(tmp, { force: true, recursive: true })
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  )
}

/** Output directories are checked in shared/paths.ts (the one path-input helper). */
export { ensureWritableDir } from './paths.js'
/** Run fn in a fresh scratch directory under parent (created), removed afterwards whatever fn does. */
export async function withScratchDir<T>(parent: string, prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(path.join(parent, prefix))
  try {
    return await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
