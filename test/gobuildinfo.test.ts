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
    const text = 'path\tx/y\nmod\tx\t(devel)\t\ndep\ta\tv1.0.0\th1:abc=\ndep\tb\tv0.0.0\n=>\t../b\t\t\n\nbuild\t-ldflags="-X \\"a=b c\\""\nbuild\t"we=ird"=1\nbuild\tCGO_ENABLED=0\n'
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
