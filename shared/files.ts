/** Small file helpers every module shares: atomic writes, hashing, existence. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { access, constants, copyFile, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { UserError } from './errors.js'

function tmpName(dest: string): string {
  return `${dest}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`
}

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
  return stat(p).then(() => true, () => false)
}

/** Create an output directory and prove it is writable, or fail naming the input. */
export async function ensureWritableDir(dir: string, inputName: string): Promise<string> {
  const abs = path.resolve(dir)
  try {
    await mkdir(abs, { recursive: true })
    await access(abs, constants.W_OK)
    const probe = tmpName(path.join(abs, '.write-test'))
    await writeFile(probe, '')
    await rm(probe, { force: true })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    throw new UserError(`${inputName}: cannot write to '${dir}' (${code}); choose a writable directory`)
  }
  return abs
}

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
