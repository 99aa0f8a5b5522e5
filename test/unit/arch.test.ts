import { describe, expect, test, beforeAll } from 'vitest'
import { ARCHES, ARCH_NAMES, archFromElf, goEnv, parseArch, parseArches } from '../../shared/arch.js'
import { assertElfArch, readElfHeader } from '../../shared/elf.js'
import { UserError } from '../../shared/errors.js'
import { buildFakeK8s } from '../../cli/fake-k8s.js'
import { FAKE_BUILD_DIR, KUBE_VERSION } from '../helpers/k8s-mirror.js'

describe('the architecture table (docs/upstream.md#architecture-names)', () => {
  const expected = [
    ['amd64', 'amd64', 'amd64', 'x86_64', 'qemu-x86_64', 'linux/amd64', 62, 64, 'LSB'],
    ['arm64', 'arm64', 'arm64', 'aarch64', 'qemu-aarch64', 'linux/arm64', 183, 64, 'LSB'],
    ['armhf', 'arm', 'arm', 'armv7l', 'qemu-arm', 'linux/arm/v7', 40, 32, 'LSB'],
    ['ppc64el', 'ppc64le', 'ppc64le', 'ppc64le', 'qemu-ppc64le', 'linux/ppc64le', 21, 64, 'LSB'],
    ['s390x', 's390x', 's390x', 's390x', 'qemu-s390x', 'linux/s390x', 22, 64, 'MSB'],
    ['riscv64', 'riscv64', 'riscv64', 'riscv64', 'qemu-riscv64', 'linux/riscv64', 243, 64, 'LSB'],
  ] as const
  test('has exactly the six rows of docs/upstream.md#architecture-names, spelled as there', () => {
    expect(ARCHES.map((a) => [a.debian, a.go, a.k8s, a.uname, a.qemu, a.platform, a.elf.machine, a.elf.bits, a.elf.endian])).toEqual(
      expected,
    )
  })
  test.each(expected)(
    '%s: every spelling parses to the row, and the row gives every spelling back',
    (debian, go, k8s, uname, qemu, platform) => {
      for (const spelling of [debian, go, k8s, uname, qemu, platform, debian.toUpperCase(), ` ${go} `]) {
        expect(parseArch(spelling).debian).toBe(debian)
      }
      const a = parseArch(debian)
      expect([a.go, a.k8s, a.uname, a.qemu, a.platform]).toEqual([go, k8s, uname, qemu, platform])
    },
  )
  test("RUNNER_ARCH as a GitHub job on that machine sees it (GitHub's runner: X64, ARM64, ARM; community builds: S390X, PPC64LE)", () => {
    expect(ARCHES.map((a) => [a.debian, a.runner])).toEqual([
      ['amd64', 'X64'],
      ['arm64', 'ARM64'],
      ['armhf', 'ARM'],
      ['ppc64el', 'PPC64LE'],
      ['s390x', 'S390X'],
      ['riscv64', undefined],
    ])
  })
  test('the Go spellings that break releases normalise to Debian names', () => {
    expect(parseArch('ppc64le').debian).toBe('ppc64el')
    expect(parseArch('arm').debian).toBe('armhf')
    expect(parseArch('ppc64el').go).toBe('ppc64le')
    expect(parseArch('armhf').k8s).toBe('arm')
  })
  test('armhf cross-compiles with GOARM=7, the others without GOARM, all with CGO off', () => {
    expect(goEnv(parseArch('armhf'))).toEqual({ GOOS: 'linux', GOARCH: 'arm', GOARM: '7', CGO_ENABLED: '0' })
    expect(goEnv(parseArch('s390x'))).toEqual({ GOOS: 'linux', GOARCH: 's390x', CGO_ENABLED: '0' })
  })
  test('an unknown arch is one error naming the input and every valid name', () => {
    expect(() => parseArch('i386')).toThrow(UserError)
    expect(() => parseArch('i386')).toThrow(`arch: unknown architecture 'i386'; use one of ${ARCH_NAMES.join(', ')}`)
    expect(() => parseArches('amd64 mips', 'arches')).toThrow(/^arches: unknown architecture 'mips'/)
    expect(() => parseArches(' , ')).toThrow(/no architecture given/)
  })
  test('lists parse on spaces, commas and newlines without duplicates', () => {
    expect(parseArches('amd64, ppc64le\ns390x ppc64el').map((a) => a.debian)).toEqual(['amd64', 'ppc64el', 's390x'])
  })
  test('ELF fields map back to the row and nothing else', () => {
    for (const a of ARCHES) expect(archFromElf(a.elf.machine, a.elf.bits, a.elf.endian)).toBe(a)
    expect(archFromElf(22, 64, 'LSB')).toBeUndefined()
    expect(archFromElf(3, 32, 'LSB')).toBeUndefined()
  })
})

describe('the ELF reader on real binaries of every architecture', () => {
  const bins = new Map<string, string>()
  beforeAll(async () => {
    for (const a of ARCHES) bins.set(a.debian, await buildFakeK8s(FAKE_BUILD_DIR, a, KUBE_VERSION))
  })
  test.each(ARCHES.map((a) => [a.debian, a] as const))('%s binary reads as %s and passes only its own check', async (_n, arch) => {
    const h = await readElfHeader(bins.get(arch.debian)!)
    expect(h).toMatchObject({ machine: arch.elf.machine, bits: arch.elf.bits, endian: arch.elf.endian })
    await expect(assertElfArch(bins.get(arch.debian)!, arch)).resolves.toBeDefined()
    for (const other of ARCHES.filter((o) => o !== arch)) {
      await expect(assertElfArch(bins.get(arch.debian)!, other, 'kubectl')).rejects.toThrow(`kubectl is built for ${arch.debian}`)
    }
  })
  test('a non-ELF file is refused', async () => {
    await expect(assertElfArch(import.meta.filename, ARCHES[0], 'script')).rejects.toThrow('script is not an ELF binary')
    expect(await readElfHeader(import.meta.filename)).toBeUndefined()
  })
})
