/** Where a build's input binaries come from: a verified download, or a local directory (air-gapped mode). */
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { type DownloadPolicy, type Logger, downloadWithSha256File, parseDigestFile } from './download.js'
import { UserError } from './errors.js'
import { exists, sha256File } from './files.js'

export interface Acquired {
  path: string
  sha256: string
  /** Said in the log: where it came from and how it was checked. */
  origin: string
  sha256Verified: boolean
}

export interface Source {
  /** Download from here (with `<url>.sha256`)… */
  url?: string
  /** …or take `<name>` from this directory, checked against `<name>.sha256` when present. */
  localDir?: string
  localInput?: string
  cacheDir?: string
  policy?: DownloadPolicy
  log: Logger
}

/** Fetch or take the binary `name` into dest (made executable), checked against its sha256. */
export async function acquireBinary(name: string, dest: string, src: Source): Promise<Acquired> {
  const got = await acquire(name, dest, src)
  await chmod(dest, 0o755)
  return got
}

async function acquire(name: string, dest: string, src: Source): Promise<Acquired> {
  await mkdir(path.dirname(dest), { recursive: true })
  if (src.localDir) {
    const file = path.join(src.localDir, name)
    if (!(await exists(file)))
      throw new UserError(
        `${src.localInput ?? 'binaries-dir'}: '${file}' does not exist; put the ${name} binary there or drop ${name} from components`,
      )
    await copyFile(file, dest)
    const actual = await sha256File(dest)
    const digestFile = `${file}.sha256`
    if (!(await exists(digestFile))) return { path: dest, sha256: actual, origin: `from ${file} (no .sha256)`, sha256Verified: false }
    const expected = parseDigestFile(await readFile(digestFile, 'utf8'), 'sha256', digestFile)
    if (expected !== actual)
      throw new UserError(
        `checksum mismatch: ${file}: sha256 is ${actual}, ${digestFile} says ${expected}; replace the binary or its .sha256`,
      )
    return { path: dest, sha256: actual, origin: `from ${file}, sha256 verified`, sha256Verified: true }
  }
  if (!src.url) throw new Error('acquireBinary: neither url nor localDir')
  const res = await downloadWithSha256File(src.url, dest, { cacheDir: src.cacheDir, log: src.log, policy: src.policy })
  return {
    path: dest,
    sha256: res.sha256,
    origin: `${res.cached ? 'cache hit for' : 'downloaded'} ${src.url}, sha256 verified`,
    sha256Verified: true,
  }
}
