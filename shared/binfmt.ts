/**
 * The kernel's binfmt_misc handlers (docs/upstream.md#binfmt_misc): which registered handler, if any, would run
 * a foreign ELF binary when it is executed directly. docker/setup-qemu-action registers such handlers
 * (`qemu-<arch>`, interpreter inside the binfmt image, flag F) and puts no qemu on PATH, so the handlers are
 * the first way to run a target's binary on a hosted runner.
 *
 * Each entry of /proc/sys/fs/binfmt_misc (other than `register` and `status`) reads as lines:
 *   enabled|disabled, `interpreter <path>`, `flags: <letters>`, `offset <n>`, `magic <hex>`, `mask <hex>`
 * (an extension entry has `extension .<ext>` instead of magic/mask and never matches an ELF header).
 * `status` says whether binfmt_misc as a whole is enabled.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Arch } from './arch.js'

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc'

export interface BinfmtEntry {
  name: string
  enabled: boolean
  interpreter: string
  flags: string
  offset: number
  magic: Buffer
  mask: Buffer
}

/** Parse one entry's text; undefined for an extension entry or text that is not an entry. */
export function parseBinfmtEntry(name: string, text: string): BinfmtEntry | undefined {
  const lines = text.split('\n').map((l) => l.trim())
  const field = (key: string) =>
    lines
      .find((l) => l.startsWith(`${key} `) || l.startsWith(`${key}:`))
      ?.slice(key.length + 1)
      .trim()
  const magic = field('magic')
  const interpreter = field('interpreter')
  if (!magic || !interpreter || !/^[0-9a-f]+$/i.test(magic)) return undefined
  const mask = field('mask')
  const magicBytes = Buffer.from(magic, 'hex')
  return {
    name,
    enabled: lines[0] === 'enabled',
    interpreter,
    flags: field('flags') ?? '',
    offset: Number(field('offset') ?? '0') || 0,
    magic: magicBytes,
    // No mask line: every bit of the magic counts.
    mask: mask && /^[0-9a-f]+$/i.test(mask) ? Buffer.from(mask, 'hex') : Buffer.alloc(magicBytes.length, 0xff),
  }
}

/** Every magic entry under dir (BUILD_SNAPS_BINFMT_DIR, for tests only, else /proc's); [] when binfmt_misc is off or absent. */
export function readBinfmt(dir = process.env.BUILD_SNAPS_BINFMT_DIR || BINFMT_DIR): BinfmtEntry[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const status = path.join(dir, 'status')
  if (existsSync(status) && readFileSync(status, 'utf8').trim() !== 'enabled') return []
  const entries: BinfmtEntry[] = []
  for (const name of names) {
    if (name === 'register' || name === 'status') continue
    try {
      const e = parseBinfmtEntry(name, readFileSync(path.join(dir, name), 'utf8'))
      if (e) entries.push(e)
    } catch {
      // an entry removed while we read, or unreadable: not a handler we can use
    }
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name))
}

/** The kernel's test: header[offset+i] & mask[i] === magic[i] & mask[i] for every byte of the magic. */
export function binfmtMatches(entry: BinfmtEntry, header: Uint8Array): boolean {
  if (header.length < entry.offset + entry.magic.length) return false
  for (let i = 0; i < entry.magic.length; i++) {
    const m = entry.mask[i] ?? 0xff
    if ((header[entry.offset + i] & m) !== (entry.magic[i] & m)) return false
  }
  return true
}

/**
 * A handler that can run the binary now: enabled, matching its header, and with an interpreter the kernel can
 * open (flag F: opened when registered, so it need not exist in this mount namespace; else it must exist here).
 */
export function binfmtHandler(header: Uint8Array, entries: BinfmtEntry[]): BinfmtEntry | undefined {
  return entries.find((e) => e.enabled && binfmtMatches(e, header) && (e.flags.includes('F') || existsSync(e.interpreter)))
}

/** The first 20 bytes of an ELF executable of arch (e_ident, e_type ET_EXEC, e_machine): what the handlers match. */
export function elfHeaderFor(arch: Arch): Buffer {
  const h = Buffer.alloc(20)
  h.set([0x7f, 0x45, 0x4c, 0x46, arch.elf.bits === 64 ? 2 : 1, arch.elf.endian === 'LSB' ? 1 : 2, 1], 0)
  if (arch.elf.endian === 'LSB') {
    h.writeUInt16LE(2, 16)
    h.writeUInt16LE(arch.elf.machine, 18)
  } else {
    h.writeUInt16BE(2, 16)
    h.writeUInt16BE(arch.elf.machine, 18)
  }
  return h
}
