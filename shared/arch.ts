/**
 * The one architecture table (docs/upstream.md#architecture-names). Every spelling of an architecture used anywhere in the
 * suite comes from here: Debian/Juju/snap names for snaps and charm resources, Go names for Go,
 * Kubernetes, CNI, flannel and etcd, and the rest for emulation and verification.
 */
import { UserError } from './errors.js'
import { splitList } from './inputs.js'

export interface Arch {
  /** Debian / Juju / snap name (`dpkg --print-architecture`). */
  readonly debian: string
  /** Go GOARCH. */
  readonly go: string
  /** Go GOARM, only for 32-bit arm. */
  readonly goarm?: string
  /** Directory name under dl.k8s.io/release/<v>/bin/linux/. */
  readonly k8s: string
  /** `uname -m`. */
  readonly uname: string
  /** QEMU user-mode emulator name, without the `-static` suffix. */
  readonly qemu: string
  /** Docker / OCI platform. */
  readonly platform: string
  /** ELF header: e_machine, EI_CLASS (32|64) and EI_DATA (LSB|MSB). */
  readonly elf: { readonly machine: number; readonly bits: 32 | 64; readonly endian: 'LSB' | 'MSB' }
  /** Node's process.arch for a host of this architecture. */
  readonly node: string
  /**
   * RUNNER_ARCH of a GitHub Actions job on a machine of this architecture: X64, ARM64, ARM as GitHub's runner
   * application reports them; S390X, PPC64LE as the community builds of it for those machines do. None for riscv64.
   */
  readonly runner?: string
}

export const ARCHES: readonly Arch[] = Object.freeze([
  {
    debian: 'amd64',
    go: 'amd64',
    k8s: 'amd64',
    uname: 'x86_64',
    qemu: 'qemu-x86_64',
    platform: 'linux/amd64',
    elf: { machine: 62, bits: 64, endian: 'LSB' },
    node: 'x64',
    runner: 'X64',
  },
  {
    debian: 'arm64',
    go: 'arm64',
    k8s: 'arm64',
    uname: 'aarch64',
    qemu: 'qemu-aarch64',
    platform: 'linux/arm64',
    elf: { machine: 183, bits: 64, endian: 'LSB' },
    node: 'arm64',
    runner: 'ARM64',
  },
  {
    debian: 'armhf',
    go: 'arm',
    goarm: '7',
    k8s: 'arm',
    uname: 'armv7l',
    qemu: 'qemu-arm',
    platform: 'linux/arm/v7',
    elf: { machine: 40, bits: 32, endian: 'LSB' },
    node: 'arm',
    runner: 'ARM',
  },
  {
    debian: 'ppc64el',
    go: 'ppc64le',
    k8s: 'ppc64le',
    uname: 'ppc64le',
    qemu: 'qemu-ppc64le',
    platform: 'linux/ppc64le',
    elf: { machine: 21, bits: 64, endian: 'LSB' },
    node: 'ppc64',
    runner: 'PPC64LE',
  },
  {
    debian: 's390x',
    go: 's390x',
    k8s: 's390x',
    uname: 's390x',
    qemu: 'qemu-s390x',
    platform: 'linux/s390x',
    elf: { machine: 22, bits: 64, endian: 'MSB' },
    node: 's390x',
    runner: 'S390X',
  },
  {
    debian: 'riscv64',
    go: 'riscv64',
    k8s: 'riscv64',
    uname: 'riscv64',
    qemu: 'qemu-riscv64',
    platform: 'linux/riscv64',
    elf: { machine: 243, bits: 64, endian: 'LSB' },
    node: 'riscv64',
  },
] as const)

export const ARCH_NAMES: readonly string[] = ARCHES.map((a) => a.debian)

/** Every spelling that names an architecture, lower-cased, mapped to its table row. */
const SPELLINGS = new Map<string, Arch>()
for (const a of ARCHES) {
  for (const s of [a.debian, a.go, a.k8s, a.uname, a.platform, a.qemu]) {
    if (!SPELLINGS.has(s)) SPELLINGS.set(s, a)
  }
}
// Common aliases seen in the wild.
SPELLINGS.set('x64', ARCHES[0])
SPELLINGS.set('linux/arm', ARCHES[2])
SPELLINGS.set('armv7', ARCHES[2])

/** Parse any spelling (Debian, Go, Kubernetes, uname, Docker platform) into the table row. */
export function parseArch(value: string, inputName = 'arch'): Arch {
  const key = value.trim().toLowerCase()
  const arch = SPELLINGS.get(key)
  if (!arch) {
    throw new UserError(
      `${inputName}: unknown architecture '${value.trim()}'; use one of ${ARCH_NAMES.join(', ')} (Go spellings ppc64le and arm are accepted too)`,
    )
  }
  return arch
}

/** Parse a space/comma/newline separated list of architectures, without duplicates, in table order kept as given. */
export function parseArches(value: string, inputName = 'arch'): Arch[] {
  const out: Arch[] = []
  for (const word of splitList(value)) {
    const a = parseArch(word, inputName)
    if (!out.includes(a)) out.push(a)
  }
  if (out.length === 0) throw new UserError(`${inputName}: no architecture given; use one or more of ${ARCH_NAMES.join(', ')}`)
  return out
}

/** The architecture of the machine this code runs on. */
export function hostArch(): Arch {
  const a = ARCHES.find((x) => x.node === process.arch)
  if (!a) throw new UserError(`this runner's architecture '${process.arch}' is not one of ${ARCH_NAMES.join(', ')}; set the arch input`)
  return a
}

/** The arch input, or this host when it is empty. */
export function archOrHost(value: string, inputName = 'arch'): Arch {
  return value ? parseArch(value, inputName) : hostArch()
}

/** The arch input (one or several), or this host when it is empty. */
export function archesOrHost(value: string, inputName = 'arch'): Arch[] {
  return value ? parseArches(value, inputName) : [hostArch()]
}

/** Look an architecture up by its ELF header fields; undefined when no row matches. */
export function archFromElf(machine: number, bits: number, endian: string): Arch | undefined {
  return ARCHES.find((a) => a.elf.machine === machine && a.elf.bits === bits && a.elf.endian === endian)
}

/** The environment for a Go cross-compile to this architecture (CGO off, GOARM for armhf). */
export function goEnv(arch: Arch): Record<string, string> {
  const env: Record<string, string> = { GOOS: 'linux', GOARCH: arch.go, CGO_ENABLED: '0' }
  if (arch.goarm) env.GOARM = arch.goarm
  return env
}
