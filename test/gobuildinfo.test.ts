/**
 * shared/gobuildinfo.ts against the real thing: binaries cross-compiled by the installed go in module mode
 * (a proxied dependency with an h1: sum, a replaced local one, -ldflags, which Go records only without -trimpath) for six arches, 32/64-bit, both
 * byte orders, and Debian's kubectl for s390x (.ci/setup.d/debian-kubectl.sh): what we read equals what
 * `go version -m` prints for the same file.
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile, copyFile, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARCHES } from '../shared/arch.js'
import { openElf } from '../shared/elf.js'
import { formatGoVersionM, goPurl, parseModInfo, formatModInfo, readGoBuildInfo } from '../shared/gobuildinfo.js'
import { DEBIAN_KUBECTL_ROOT, type GoFixture, buildGoFixture, goVersionM } from './gobuildinfo-fixture.js'

let root: string
let fx: GoFixture

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gobuildinfo-'))
  fx = await buildGoFixture(root, [...ARCHES], { ldflags: '-s -w -X "main.note=two words"' })
}, 300_000)
afterAll(() => rm(root, { recursive: true, force: true }))

describe('Go build info read from the binary', () => {
  for (const arch of ARCHES) {
    it(`${arch.debian} (${arch.elf.bits}-bit ${arch.elf.endian}): equals go version -m`, async () => {
      const bin = fx.binaries.get(arch.debian)!
      const elf = await openElf(bin)
      expect(elf?.header.machine).toBe(arch.elf.machine)
      expect(elf?.sections.some((s) => s.name === '.go.buildinfo')).toBe(true)
      await elf?.close()
      const info = await readGoBuildInfo(bin)
      expect(info).toBeDefined()
      expect(formatGoVersionM(bin, info!)).toBe(goVersionM(bin))
      expect(info!.path).toBe('example.com/hello/cmd/hello')
      expect(info!.main).toEqual({ path: 'example.com/hello', version: '(devel)', sum: '' })
      const greet = info!.deps.find((d) => d.path === 'example.com/greet')!
      expect(greet.version).toBe('v1.2.0')
      expect(greet.sum).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/)
      expect(info!.deps.find((d) => d.path === 'example.com/local')?.replace).toEqual({ path: './local', version: '(devel)', sum: '' })
      const settings = Object.fromEntries(info!.settings.map((s) => [s.key, s.value]))
      expect(settings.GOARCH).toBe(arch.go)
      expect(settings['-ldflags']).toBe('-s -w -X "main.note=two words"')
      if (arch.goarm) expect(settings.GOARM).toBe(arch.goarm)
    })
  }

  it('works without section headers (the writable PT_LOAD segment), as Go does', async () => {
    const bin = fx.binaries.get('s390x')!
    const copy = path.join(root, 'no-sections')
    await copyFile(bin, copy)
    // Zero e_shoff/e_shnum: no section table left.
    const fh = await open(copy, 'r+')
    await fh.write(Buffer.alloc(8), 0, 8, 40)
    await fh.write(Buffer.alloc(2), 0, 2, 60)
    await fh.close()
    const elf = await openElf(copy)
    expect(elf?.sections).toEqual([])
    await elf?.close()
    const info = await readGoBuildInfo(copy)
    expect(info?.path).toBe('example.com/hello/cmd/hello')
    expect(info?.deps.map((d) => d.path)).toEqual(['example.com/greet', 'example.com/local'])
  })

  it('not Go, not ELF: undefined', async () => {
    const text = path.join(root, 'text')
    await writeFile(text, 'hello\n')
    expect(await readGoBuildInfo(text)).toBeUndefined()
    expect(await readGoBuildInfo('/bin/sh')).toBeUndefined()
  })

  // Go's String() leaves an empty line after a `=>` line (runtime/debug/mod.go formatMod); kept byte for byte.
  it('module info text: parse then format round-trips, quoting included', () => {
    const text =
      'path\tx/y\nmod\tx\t(devel)\t\ndep\ta\tv1.0.0\th1:abc=\ndep\tb\tv0.0.0\n=>\t../b\t\t\n\nbuild\t-ldflags="-X \\"a=b c\\""\nbuild\t"we=ird"=1\nbuild\tCGO_ENABLED=0\n'
    const info = parseModInfo(text)
    expect(info.settings[0]).toEqual({ key: '-ldflags', value: '-X "a=b c"' })
    expect(info.settings[1]).toEqual({ key: 'we=ird', value: '1' })
    expect(formatModInfo(info)).toBe(text)
  })

  it('purls of Go modules', () => {
    expect(goPurl('k8s.io/kubernetes', 'v1.31.2')).toBe('pkg:golang/k8s.io/kubernetes@v1.31.2')
    expect(goPurl('example.com/hello', '(devel)')).toBe('pkg:golang/example.com/hello')
  })
})

describe("Debian's kubectl for s390x (kubernetes-client:s390x)", () => {
  const found = existsSync(DEBIAN_KUBECTL_ROOT) ? findKubectl(DEBIAN_KUBECTL_ROOT) : undefined
  const why = `no kubectl under ${DEBIAN_KUBECTL_ROOT}: run .ci/setup.d/debian-kubectl.sh (dpkg --add-architecture s390x; apt-get download kubernetes-client:s390x)`
  it.skipIf(!found)(found ? `${found}: equals go version -m` : why, async () => {
    const info = await readGoBuildInfo(found!)
    expect(info).toBeDefined()
    const elf = await openElf(found!)
    expect([elf?.header.machine, elf?.header.endian]).toEqual([22, 'MSB'])
    await elf?.close()
    expect(formatGoVersionM(found!, info!)).toBe(goVersionM(found!))
    expect(info!.goVersion).toMatch(/^go1\.\d+/)
  })
})

function findKubectl(dir: string): string | undefined {
  for (const rel of ['usr/bin/kubectl']) if (existsSync(path.join(dir, rel))) return path.join(dir, rel)
  for (const e of readdirSync(dir, { recursive: true }) as string[]) if (path.basename(e) === 'kubectl') return path.join(dir, e)
  return undefined
}

/**
 * Go 1.13-1.17 binaries keep the two strings out of line: the header holds pointers to Go string headers
 * {ptr, len} (golang/go src/debug/buildinfo/buildinfo.go, the !flagsVersionInl branch). go 1.19 no longer
 * writes that form, so these ELF files are laid out by hand: one writable PT_LOAD segment, a .go.buildinfo
 * section, the string headers and bytes behind it, for 32/64-bit and both byte orders.
 */
function pointerFormElf(bits: 32 | 64, big: boolean, version: string, mod: string): Buffer {
  const w = bits / 8
  const base = 0x400000
  const buf = Buffer.alloc(0x400)
  const u16 = (o: number, v: number) => (big ? buf.writeUInt16BE(v, o) : buf.writeUInt16LE(v, o))
  const u32 = (o: number, v: number) => (big ? buf.writeUInt32BE(v, o) : buf.writeUInt32LE(v, o))
  const word = (o: number, v: number) =>
    w === 8 ? (big ? buf.writeBigUInt64BE(BigInt(v), o) : buf.writeBigUInt64LE(BigInt(v), o)) : u32(o, v)
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, big ? 2 : 1, 1]).copy(buf, 0)
  u16(16, 2)
  u16(18, bits === 64 ? (big ? 22 : 62) : 40)
  u32(20, 1)
  const ehsize = bits === 64 ? 64 : 52
  const phentsize = bits === 64 ? 56 : 32
  const shentsize = bits === 64 ? 64 : 40
  const shoff = 0x300
  if (bits === 64) {
    word(32, ehsize)
    word(40, shoff)
    ;[
      [52, ehsize],
      [54, phentsize],
      [56, 1],
      [58, shentsize],
      [60, 3],
      [62, 2],
    ].forEach(([o, v]) => u16(o, v))
  } else {
    word(28, ehsize)
    word(32, shoff)
    ;[
      [40, ehsize],
      [42, phentsize],
      [44, 1],
      [46, shentsize],
      [48, 3],
      [50, 2],
    ].forEach(([o, v]) => u16(o, v))
  }
  // PT_LOAD, RW, the whole file at base.
  const ph = ehsize
  u32(ph, 1)
  if (bits === 64) {
    u32(ph + 4, 6)
    word(ph + 8, 0)
    word(ph + 16, base)
    word(ph + 24, base)
    word(ph + 32, buf.length)
    word(ph + 40, buf.length)
  } else {
    word(ph + 4, 0)
    word(ph + 8, base)
    word(ph + 12, base)
    word(ph + 16, buf.length)
    word(ph + 20, buf.length)
    u32(ph + 24, 6)
  }
  // .go.buildinfo at 0x100: magic, ptrSize, flags (bit 0: big-endian), two pointers to string headers.
  Buffer.from('\xff Go buildinf:', 'latin1').copy(buf, 0x100)
  buf[0x100 + 14] = w
  buf[0x100 + 15] = big ? 1 : 0
  word(0x100 + 16, base + 0x140)
  word(0x100 + 16 + w, base + 0x150)
  const framed = Buffer.concat([Buffer.alloc(16, 0x30), Buffer.from(mod), Buffer.alloc(16, 0x31)])
  word(0x140, base + 0x160)
  word(0x140 + w, version.length)
  word(0x150, base + 0x180)
  word(0x150 + w, framed.length)
  buf.write(version, 0x160, 'latin1')
  framed.copy(buf, 0x180)
  // Section names and headers: null, .go.buildinfo, .shstrtab.
  const names = Buffer.from('\0.go.buildinfo\0.shstrtab\0', 'latin1')
  names.copy(buf, 0x2c0)
  const sh = (i: number, name: number, type: number, addr: number, offset: number, size: number) => {
    const o = shoff + i * shentsize
    u32(o, name)
    u32(o + 4, type)
    if (bits === 64) {
      word(o + 16, addr)
      word(o + 24, offset)
      word(o + 32, size)
    } else {
      word(o + 12, addr)
      word(o + 16, offset)
      word(o + 20, size)
    }
  }
  sh(1, 1, 1, base + 0x100, 0x100, 0x20)
  sh(2, 15, 3, 0, 0x2c0, names.length)
  return buf
}

describe('the pre-1.18 pointer form', () => {
  const mod = 'path\texample.com/old\nmod\texample.com/old\tv1.0.0\th1:abc=\ndep\tgolang.org/x/sys\tv0.0.1\th1:def=\n'
  for (const [bits, big] of [
    [64, false],
    [64, true],
    [32, false],
    [32, true],
  ] as const) {
    it(`${bits}-bit ${big ? 'big' : 'little'}-endian`, async () => {
      const file = path.join(root, `old-${bits}-${big ? 'be' : 'le'}`)
      await writeFile(file, pointerFormElf(bits, big, 'go1.16.15', mod), { mode: 0o755 }) // go version skips files that are not executable
      const info = await readGoBuildInfo(file)
      expect(info).toEqual({
        goVersion: 'go1.16.15',
        path: 'example.com/old',
        main: { path: 'example.com/old', version: 'v1.0.0', sum: 'h1:abc=' },
        deps: [{ path: 'golang.org/x/sys', version: 'v0.0.1', sum: 'h1:def=' }],
        settings: [],
      })
      // Go's own reader agrees: go version -m reads any arch's file.
      expect(goVersionM(file)).toBe(formatGoVersionM(file, info!))
    })
  }
})
