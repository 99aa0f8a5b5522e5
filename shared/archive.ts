/**
 * Tarballs: one deterministic tar.gz writer and one safe tar(.gz) reader.
 *
 * Writer: entries sorted by name, parent directories added, mtime fixed (SOURCE_DATE_EPOCH), owner 0:0
 * (root/root), modes normalised (0755 for directories and executables, 0644 otherwise), ustar headers
 * (pax for long names), gzip without a file name or time: the same inputs give the same bytes.
 * Reader: streams a tar or tar.gz (ustar, pax, GNU long names) and refuses, before anything is written,
 * any entry whose path or link target would land outside the root (absolute, `..`, or through a link).
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { UserError } from './errors.js'
import { produceAtomic } from './files.js'

export type EntryType = 'file' | 'dir' | 'symlink'

/** One entry to write: data in memory or a file on disk (whose executable bit decides the mode). */
export interface TarInput {
  /** Path inside the archive, '/'-separated, relative. */
  name: string
  type?: EntryType
  data?: string | Uint8Array
  file?: string
  linkname?: string
  /** Force the mode (still normalised to 0755/0644 unless given exactly). */
  mode?: number
}

export interface TarEntry {
  name: string
  type: EntryType
  mode: number
  uid: number
  gid: number
  mtime: number
  size: number
  linkname?: string
  /** File contents (files only). */
  data?: Buffer
}

/** A path that stays inside the archive root: relative, no `..`, no empty name; './' prefixes dropped. */
export function safeEntryName(name: string, label: string): string {
  const raw = name.replace(/\\/g, '/')
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw new UserError(`${label}: entry '${name}' has an absolute path; refusing to unpack it (it would land outside the target directory)`)
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.includes('..')) throw new UserError(`${label}: entry '${name}' contains '..'; refusing to unpack it (it would land outside the target directory)`)
  return parts.join('/')
}

// ---------------------------------------------------------------- writer

const BLOCK = 512

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function header(h: { name: string; mode: number; size: number; mtime: number; typeflag: string; linkname?: string }): Buffer {
  const buf = Buffer.alloc(BLOCK)
  let name = h.name
  let prefix = ''
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - 1)
    // ustar split: prefix (<=155) '/' name (<=100); the caller emits a pax header when this is impossible.
    if (cut > 0 && Buffer.byteLength(name.slice(0, cut)) <= 155 && Buffer.byteLength(name.slice(cut + 1)) <= 100) {
      prefix = name.slice(0, cut)
      name = name.slice(cut + 1)
    } else {
      name = name.slice(0, 100)
    }
  }
  buf.write(name, 0, 100)
  buf.write(octal(h.mode, 8), 100)
  buf.write(octal(0, 8), 108)
  buf.write(octal(0, 8), 116)
  buf.write(octal(h.size, 12), 124)
  buf.write(octal(h.mtime, 12), 136)
  buf.write('        ', 148)
  buf.write(h.typeflag, 156)
  if (h.linkname) buf.write(h.linkname, 157, 100)
  buf.write('ustar\0', 257)
  buf.write('00', 263)
  buf.write('root', 265, 32)
  buf.write('root', 297, 32)
  buf.write(prefix, 345, 155)
  let sum = 0
  for (const b of buf) sum += b
  buf.write(octal(sum, 7) + ' ', 148)
  return buf
}

function needsPax(name: string): boolean {
  if (Buffer.byteLength(name) <= 100) return false
  const cut = name.lastIndexOf('/')
  return !(cut > 0 && Buffer.byteLength(name.slice(0, cut)) <= 155 && Buffer.byteLength(name.slice(cut + 1)) <= 100)
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  let len = Buffer.byteLength(body) + 1
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body)
  return `${len}${body}`
}

function pad(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK)
}

interface Resolved {
  name: string
  type: EntryType
  mode: number
  linkname?: string
  data?: Buffer
  file?: string
  size: number
}

async function resolveInputs(entries: TarInput[], label: string): Promise<Resolved[]> {
  const byName = new Map<string, Resolved>()
  for (const e of entries) {
    const name = safeEntryName(e.name, label)
    if (!name) throw new UserError(`${label}: an entry has an empty name`)
    if (byName.has(name)) throw new UserError(`${label}: two entries are named '${name}'`)
    const type: EntryType = e.type ?? (e.linkname !== undefined ? 'symlink' : 'file')
    let size = 0
    let mode = e.mode ?? 0o644
    let data: Buffer | undefined
    if (type === 'file') {
      if (e.file !== undefined) {
        const st = await stat(e.file)
        if (!st.isFile()) throw new UserError(`${label}: '${e.file}' is not a regular file`)
        size = st.size
        if (e.mode === undefined) mode = st.mode & 0o111 ? 0o755 : 0o644
      } else {
        data = Buffer.from(e.data ?? '')
        size = data.length
      }
    } else if (type === 'dir') {
      mode = e.mode ?? 0o755
    } else {
      if (!e.linkname) throw new UserError(`${label}: symlink '${name}' has no target`)
      assertLinkInside(name, e.linkname, label)
      mode = 0o777
    }
    byName.set(name, { name, type, mode: e.mode ?? mode, linkname: e.linkname, data, file: e.file, size })
  }
  // Every parent directory gets its own entry, so tar -x creates it with a normalised mode and time.
  for (const name of [...byName.keys()]) {
    const parts = name.split('/')
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      const have = byName.get(dir)
      if (!have) byName.set(dir, { name: dir, type: 'dir', mode: 0o755, size: 0 })
      else if (have.type !== 'dir') throw new UserError(`${label}: '${dir}' is both a file and a directory`)
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

async function* tarStream(entries: Resolved[], mtime: number): AsyncGenerator<Buffer> {
  for (const e of entries) {
    const name = e.type === 'dir' ? `${e.name}/` : e.name
    if (needsPax(name)) {
      const body = Buffer.from(paxRecord('path', name))
      yield header({ name: `PaxHeaders/${name.slice(-80)}`, mode: 0o644, size: body.length, mtime, typeflag: 'x' })
      yield Buffer.concat([body, pad(body.length)])
    }
    const typeflag = e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0'
    yield header({ name, mode: e.mode, size: e.type === 'file' ? e.size : 0, mtime, typeflag, linkname: e.linkname })
    if (e.type !== 'file') continue
    const data = e.data ?? (await readFile(e.file!))
    if (data.length !== e.size) throw new Error(`${e.file} changed size while being archived`)
    yield data
    yield pad(data.length)
  }
  yield Buffer.alloc(BLOCK * 2)
}

export interface WriteOptions {
  /** Seconds since the epoch for every entry (SOURCE_DATE_EPOCH). */
  mtime: number
  /** Names the archive in errors (e.g. the output name). */
  label?: string
}

/** Write a deterministic tar.gz to dest (atomically: dest is whole or absent). */
export async function writeTarGz(dest: string, entries: TarInput[], opts: WriteOptions): Promise<void> {
  const resolved = await resolveInputs(entries, opts.label ?? path.basename(dest))
  await produceAtomic(dest, async (tmp) => {
    // zlib writes a gzip header with no name and mtime 0; level 9 fixes the XFL byte too.
    await pipeline(Readable.from(tarStream(resolved, opts.mtime)), createGzip({ level: 9 }), createWriteStream(tmp))
  })
}

// ---------------------------------------------------------------- reader

class ByteReader {
  private chunks: Buffer[] = []
  private have = 0
  private done = false
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  /** Exactly n bytes, or fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    while (this.have < n && !this.done) {
      const r = await this.it.next()
      if (r.done) this.done = true
      else {
        this.chunks.push(r.value)
        this.have += r.value.length
      }
    }
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)
    const out = all.subarray(0, Math.min(n, all.length))
    const rest = all.subarray(out.length)
    this.chunks = rest.length ? [rest] : []
    this.have = rest.length
    return out
  }
}

function cstr(buf: Buffer, start: number, len: number): string {
  const s = buf.subarray(start, start + len)
  const nul = s.indexOf(0)
  return s.subarray(0, nul === -1 ? s.length : nul).toString('utf8')
}

function num(buf: Buffer, start: number, len: number): number {
  if (buf[start] & 0x80) {
    // GNU base-256
    let v = 0
    for (let i = start + 1; i < start + len; i++) v = v * 256 + buf[i]
    return v
  }
  const s = cstr(buf, start, len).trim()
  return s ? parseInt(s, 8) : 0
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  let rest = Buffer.from(text)
  while (rest.length) {
    const sp = rest.indexOf(0x20)
    if (sp <= 0) break
    const len = Number(rest.subarray(0, sp).toString())
    if (!len) break
    const rec = rest.subarray(sp + 1, len - 1).toString('utf8')
    const eq = rec.indexOf('=')
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1)
    rest = rest.subarray(len)
  }
  return out
}

function assertLinkInside(name: string, target: string, label: string): void {
  const stack = name.split('/').slice(0, -1)
  let escapes = target.startsWith('/')
  for (const part of target.split('/')) {
    if (part === '..') {
      if (stack.length === 0) escapes = true
      stack.pop()
    } else if (part !== '' && part !== '.') stack.push(part)
  }
  if (escapes) throw new UserError(`${label}: link '${name}' -> '${target}' points outside the archive; refusing to unpack it`)
}

/**
 * Every entry of a tar or tar.gz stream, checked: names made safe (no absolute paths, no '..', no link
 * leading outside), file data included. Hard links and devices are refused.
 */
export async function* readTarEntries(source: AsyncIterable<Buffer>, label: string): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]())
  let longName: string | undefined
  let longLink: string | undefined
  let pax: Record<string, string> = {}
  for (;;) {
    const h = await reader.read(BLOCK)
    if (h.length === 0) return
    if (h.length < BLOCK) throw new UserError(`${label}: truncated tar header`)
    if (h.every((b) => b === 0)) return
    let sum = 0
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]
    if (sum !== num(h, 148, 8)) throw new UserError(`${label}: not a tar archive (bad header checksum)`)
    const size = pax.size ? Number(pax.size) : num(h, 124, 12)
    const typeflag = String.fromCharCode(h[156] || 0x30)
    const body = await reader.read(size)
    if (body.length < size) throw new UserError(`${label}: truncated tar archive (entry data cut short)`)
    await reader.read((BLOCK - (size % BLOCK)) % BLOCK)
    if (typeflag === 'x') {
      pax = parsePax(body.toString('utf8'))
      continue
    }
    if (typeflag === 'g') continue
    if (typeflag === 'L') {
      longName = cstr(body, 0, body.length)
      continue
    }
    if (typeflag === 'K') {
      longLink = cstr(body, 0, body.length)
      continue
    }
    const prefix = h.subarray(257, 262).toString() === 'ustar' ? cstr(h, 345, 155) : ''
    const rawName = pax.path ?? longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100))
    const linkname = pax.linkpath ?? longLink ?? cstr(h, 157, 100)
    pax = {}
    longName = longLink = undefined
    const name = safeEntryName(rawName, label)
    const base = { name, mode: num(h, 100, 8) & 0o7777, uid: num(h, 108, 8), gid: num(h, 116, 8), mtime: num(h, 136, 12) }
    if (typeflag === '0' || typeflag === '7') {
      if (!name) throw new UserError(`${label}: a file entry has an empty name`)
      yield { ...base, type: 'file', size, data: body }
    } else if (typeflag === '5') {
      if (name) yield { ...base, type: 'dir', size: 0 }
    } else if (typeflag === '2') {
      assertLinkInside(name, linkname, label)
      yield { ...base, type: 'symlink', size: 0, linkname }
    } else {
      throw new UserError(`${label}: entry '${rawName}' is a ${typeflag === '1' ? 'hard link' : `type '${typeflag}' entry`}; only files, directories and symlinks are accepted`)
    }
  }
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b])

/** A file as a stream of tar bytes, gunzipped when it starts with the gzip magic. */
async function tarSource(file: string): Promise<AsyncIterable<Buffer>> {
  const fh = await import('node:fs/promises').then((m) => m.open(file))
  const magic = Buffer.alloc(2)
  await fh.read(magic, 0, 2, 0)
  await fh.close()
  const raw = createReadStream(file)
  return magic.equals(GZIP_MAGIC) ? raw.pipe(createGunzip()) : raw
}

async function iterate(file: string, label: string): Promise<AsyncGenerator<TarEntry>> {
  try {
    return readTarEntries(await tarSource(file), label)
  } catch (e) {
    throw new UserError(`${label}: cannot read ${file}: ${(e as Error).message}`)
  }
}

/** Read a whole tar(.gz) into memory (small archives: resources, release tarballs). */
export async function readTarGz(file: string, label = path.basename(file)): Promise<TarEntry[]> {
  const out: TarEntry[] = []
  try {
    for await (const e of await iterate(file, label)) out.push(e)
  } catch (e) {
    throw wrapZlib(e, label)
  }
  return out
}

function wrapZlib(e: unknown, label: string): unknown {
  if (e instanceof UserError) return e
  const code = (e as NodeJS.ErrnoException).code
  if (code && code.startsWith('Z_')) return new UserError(`${label}: not a valid gzip file (${(e as Error).message})`)
  return e
}

/**
 * Unpack a tar(.gz) into dir (created). Every entry is checked before it is written; an unsafe entry
 * stops the extraction with a UserError and dir, when this call created it, is removed, so nothing
 * half-unpacked is left.
 */
export async function extractTarGz(file: string, dir: string, label = path.basename(file)): Promise<string[]> {
  const names: string[] = []
  const created = (await mkdir(dir, { recursive: true })) !== undefined
  try {
    const links = new Set<string>()
    for await (const e of await iterate(file, label)) {
      // Never write through a symlink the archive itself created.
      const parts = e.name.split('/')
      for (let i = 1; i <= parts.length; i++) {
        if (links.has(parts.slice(0, i).join('/'))) throw new UserError(`${label}: entry '${e.name}' goes through the link '${parts.slice(0, i).join('/')}'; refusing to unpack it`)
      }
      const dest = path.join(dir, e.name)
      if (e.type === 'dir') {
        await mkdir(dest, { recursive: true })
      } else {
        await mkdir(path.dirname(dest), { recursive: true })
        await rm(dest, { force: true, recursive: true })
        if (e.type === 'symlink') {
          await symlink(e.linkname!, dest)
          links.add(e.name)
        } else {
          await writeFile(dest, e.data!)
          await chmod(dest, e.mode & 0o777)
        }
      }
      names.push(e.name)
    }
  } catch (e) {
    if (created) await rm(dir, { recursive: true, force: true })
    throw wrapZlib(e, label)
  }
  return names
}
