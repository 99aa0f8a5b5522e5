/** Read an ELF header and check that a binary is built for the expected architecture. */
import { open } from 'node:fs/promises'
import { type Arch, archFromElf } from './arch.js'
import { UserError } from './errors.js'

export interface ElfHeader {
  bits: 32 | 64
  endian: 'LSB' | 'MSB'
  machine: number
  /** e_type: 2 executable, 3 shared object / PIE. */
  type: number
}

/** The ELF header of file, or undefined when it is not an ELF file. */
export async function readElfHeader(file: string): Promise<ElfHeader | undefined> {
  const fh = await open(file, 'r')
  try {
    const buf = Buffer.alloc(20)
    const { bytesRead } = await fh.read(buf, 0, 20, 0)
    return parseElfHeader(buf.subarray(0, bytesRead))
  } finally {
    await fh.close()
  }
}

export function parseElfHeader(buf: Uint8Array): ElfHeader | undefined {
  if (buf.length < 20 || buf[0] !== 0x7f || buf[1] !== 0x45 || buf[2] !== 0x4c || buf[3] !== 0x46) return undefined
  const bits = buf[4] === 1 ? 32 : buf[4] === 2 ? 64 : undefined
  const endian = buf[5] === 1 ? 'LSB' : buf[5] === 2 ? 'MSB' : undefined
  if (!bits || !endian) return undefined
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const le = endian === 'LSB'
  return { bits, endian, type: view.getUint16(16, le), machine: view.getUint16(18, le) }
}

export function describeElf(h: ElfHeader): string {
  const a = archFromElf(h.machine, h.bits, h.endian)
  return a ? `${a.debian} (ELF machine ${h.machine}, ${h.bits}-bit ${h.endian})` : `ELF machine ${h.machine}, ${h.bits}-bit ${h.endian}`
}

/** Throw a UserError unless file is an ELF executable for arch. `label` names the file in the message. */
export async function assertElfArch(file: string, arch: Arch, label = file): Promise<ElfHeader> {
  const h = await readElfHeader(file)
  if (!h) throw new UserError(`${label} is not an ELF binary; expected a Linux ${arch.debian} executable`)
  if (h.machine !== arch.elf.machine || h.bits !== arch.elf.bits || h.endian !== arch.elf.endian) {
    throw new UserError(
      `${label} is built for ${describeElf(h)}, not ${arch.debian}; use the ${arch.debian} binary (Go/Kubernetes name ${arch.go})`,
    )
  }
  return h
}

/** A section (from the section header table) and a loadable segment (from the program headers). */
export interface ElfSection {
  name: string
  type: number
  addr: number
  offset: number
  size: number
}

export interface ElfSegment {
  /** p_type: 1 PT_LOAD. */
  type: number
  /** p_flags: 1 X, 2 W, 4 R. */
  flags: number
  offset: number
  vaddr: number
  filesz: number
}

/** An open ELF file: header, sections, segments, and reads by file offset or virtual address. */
export interface ElfFile {
  header: ElfHeader
  sections: ElfSection[]
  segments: ElfSegment[]
  /** Bytes at a file offset (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>
  /** Bytes at a virtual address, through the PT_LOAD segment holding it; undefined when none does. */
  readAt(vaddr: number, length: number): Promise<Buffer | undefined>
  close(): Promise<void>
}

/**
 * Open file as ELF (32/64-bit, either byte order) and read its section and program header tables, the
 * layout of the ELF specification (System V gABI, "Sections" and "Program Header"). Undefined when the file
 * is not ELF. Only the tables are read; contents are read on demand.
 */
export async function openElf(file: string): Promise<ElfFile | undefined> {
  const fh = await open(file, 'r')
  const read = async (offset: number, length: number) => {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await fh.read(buf, 0, length, offset)
    return buf.subarray(0, bytesRead)
  }
  try {
    const ident = await read(0, 64)
    const header = parseElfHeader(ident)
    if (!header) {
      await fh.close()
      return undefined
    }
    const le = header.endian === 'LSB'
    const b64 = header.bits === 64
    const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o))
    const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o))
    const word = (b: Buffer, o: number) => (b64 ? Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o))
    const phoff = word(ident, b64 ? 32 : 28)
    const shoff = word(ident, b64 ? 40 : 32)
    const [phentsize, phnum, shentsize, shnum, shstrndx] = (b64 ? [54, 56, 58, 60, 62] : [42, 44, 46, 48, 50]).map((o) => u16(ident, o))
    const segments: ElfSegment[] = []
    if (phoff && phnum) {
      const tab = await read(phoff, phentsize * phnum)
      for (let i = 0; i < phnum && (i + 1) * phentsize <= tab.length; i++) {
        const p = tab.subarray(i * phentsize)
        segments.push(
          b64
            ? { type: u32(p, 0), flags: u32(p, 4), offset: word(p, 8), vaddr: word(p, 16), filesz: word(p, 32) }
            : { type: u32(p, 0), offset: u32(p, 4), vaddr: u32(p, 8), filesz: u32(p, 16), flags: u32(p, 24) },
        )
      }
    }
    const sections: ElfSection[] = []
    if (shoff && shnum) {
      const tab = await read(shoff, shentsize * shnum)
      const raw = []
      for (let i = 0; i < shnum && (i + 1) * shentsize <= tab.length; i++) {
        const s = tab.subarray(i * shentsize)
        raw.push(
          b64
            ? { nameOff: u32(s, 0), type: u32(s, 4), addr: word(s, 16), offset: word(s, 24), size: word(s, 32) }
            : { nameOff: u32(s, 0), type: u32(s, 4), addr: u32(s, 12), offset: u32(s, 16), size: u32(s, 20) },
        )
      }
      const strtab = raw[shstrndx] ? await read(raw[shstrndx].offset, raw[shstrndx].size) : Buffer.alloc(0)
      for (const s of raw) {
        const end = strtab.indexOf(0, s.nameOff)
        sections.push({
          name: strtab.toString('latin1', s.nameOff, end < 0 ? strtab.length : end),
          type: s.type,
          addr: s.addr,
          offset: s.offset,
          size: s.size,
        })
      }
    }
    return {
      header,
      sections,
      segments,
      read,
      async readAt(vaddr, length) {
        const seg = segments.find((p) => p.type === 1 && vaddr >= p.vaddr && vaddr + length <= p.vaddr + p.filesz)
        return seg ? read(seg.offset + (vaddr - seg.vaddr), length) : undefined
      },
      close: () => fh.close(),
    }
  } catch (e) {
    await fh.close()
    throw e
  }
}
