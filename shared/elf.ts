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
    throw new UserError(`${label} is built for ${describeElf(h)}, not ${arch.debian}; use the ${arch.debian} binary (Go/Kubernetes name ${arch.go})`)
  }
  return h
}
