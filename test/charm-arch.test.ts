/**
 * Every packed charm checked for its arch (shared/charm/charm-arch.ts). Hand-made .charm files, zipped with the
 * real zip, holding REAL ELF files: an x86-64 shared object built here with gcc (a Python extension's name), an
 * x32 object (gcc -mx32: x86-64's machine in 32-bit class), Go binaries cross-compiled here for armhf (32-bit)
 * and big-endian ppc64 (ppc64el's machine, the other byte order), and Debian's s390x kubectl
 * (.ci/setup.d/debian-kubectl.sh; its tests are skipped, saying why, without it). Then end to end through the
 * dist bundles with the charmcraft TEST DOUBLE: charm-build refuses a pack whose source carries a wrong-arch .so
 * and leaves nothing in output-dir; charm-attach-release given a prebuilt wrong-arch charm uploads nothing.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { stringify } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type CharmElf,
  checkCharmArch,
  checkGivenCharmArch,
  checkPackedCharms,
  elfProblem,
  inspectPackedCharm,
  type PackedSource,
} from '../shared/charm/charm-arch.js'
import type { Base, BuildEntry } from '../shared/charm/routes.js'
import { clearFailure, runDist, tempDir } from './helpers/runner.js'
import { FIXTURES, TOKEN, calls, charmcraft, packOnRunner, storeDouble, writes } from './charm-fixtures.js'
import { DEBIAN_KUBECTL_ROOT } from './gobuildinfo-fixture.js'

const KUBECTL = path.join(DEBIAN_KUBECTL_ROOT, 'usr', 'bin', 'kubectl')
const HAVE_KUBECTL = existsSync(KUBECTL)
const NO_KUBECTL = `skipped: no ${KUBECTL} (Debian's s390x kubectl); run .ci/setup.d/debian-kubectl.sh`
const SO = 'venv/probe_ext.cpython-311-x86_64-linux-gnu.so'

let work: string
let made = 0
/** Real ELF files made here: x86-64 .so, x32 .o, armhf and big-endian ppc64 Go binaries. */
const elf: Record<'so' | 'x32' | 'armhf' | 'ppc64', string> = { so: '', x32: '', armhf: '', ppc64: '' }

const base = (arch: string, channel = '22.04'): Base => ({ name: 'ubuntu', channel, arch })
const entry = (index: number, ...runOn: Base[]): BuildEntry => ({ select: { kind: 'bases-index', index }, buildOn: runOn, runOn })

/** A .charm (real zip) named name, holding metadata.yaml, manifest.yaml with these bases (none: no manifest), and files. */
function charm(name: string, bases: Base[] | undefined, files: Record<string, string> = {}): string {
  const n = made++
  const dir = path.join(work, `src-${n}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'metadata.yaml'), 'name: emu-probe\nsummary: probe\ndescription: probe\n')
  if (bases) {
    const doc = bases.map((b) => ({ name: b.name, channel: b.channel, architectures: [b.arch] }))
    writeFileSync(path.join(dir, 'manifest.yaml'), stringify({ 'charmcraft-version': '2.7.6', bases: doc }))
  }
  mkdirSync(path.join(dir, 'src'))
  writeFileSync(path.join(dir, 'src', 'charm.py'), '#!/usr/bin/env python3\n')
  for (const [inside, from] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, inside)), { recursive: true })
    symlinkSync(from, path.join(dir, inside)) // zip stores the file the link points at (no -y)
  }
  const out = path.join(work, `charms-${n}`, name)
  mkdirSync(path.dirname(out))
  execFileSync('zip', ['-q', '-r', '-X', '-0', out, '.'], { cwd: dir })
  return out
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no refusal',
    (e: Error) => e.message,
  )

/** Nothing left behind in tmpRoot by the unpacking. */
const scratchLeft = (root: string) => readdirSync(root).filter((n) => n.startsWith('unpack-'))

beforeAll(() => {
  work = tempDir('bs-charm-arch-')
  const c = path.join(work, 'probe_ext.c')
  writeFileSync(c, 'int probe(int x) { return x + 1; }\n')
  elf.so = path.join(work, 'probe_ext.so')
  execFileSync('gcc', ['-shared', '-fPIC', '-o', elf.so, c])
  elf.x32 = path.join(work, 'probe_ext.x32.o')
  execFileSync('gcc', ['-mx32', '-c', '-o', elf.x32, c])
  const go = path.join(work, 'go')
  mkdirSync(go)
  writeFileSync(path.join(go, 'main.go'), 'package main\n\nfunc main() {}\n')
  const goEnv = {
    ...process.env,
    GOOS: 'linux',
    CGO_ENABLED: '0',
    GO111MODULE: 'off',
    GOCACHE: path.join(tmpdir(), 'bs-charm-arch-gocache'),
  }
  for (const [key, env] of [
    ['armhf', { GOARCH: 'arm', GOARM: '7' }],
    ['ppc64', { GOARCH: 'ppc64' }],
  ] as const) {
    elf[key] = path.join(work, `hello-${key}`)
    execFileSync('go', ['build', '-ldflags=-s -w', '-o', elf[key], 'main.go'], { cwd: go, env: { ...goEnv, ...env } })
  }
}, 120_000)

describe('a packed charm against its entry', () => {
  it.skipIf(!HAVE_KUBECTL)(HAVE_KUBECTL ? 'an s390x charm holding s390x machine code (Debian kubectl) passes' : NO_KUBECTL, async () => {
    const file = charm('emu-probe_ubuntu-22.04-s390x.charm', [base('s390x')], { 'bin/kubectl': KUBECTL })
    const packed = await inspectPackedCharm(file, work)
    expect(packed.elf.map((f) => [f.path, f.header.machine, f.header.bits, f.header.endian])).toEqual([['bin/kubectl', 22, 64, 'MSB']])
    await expect(checkCharmArch(file, entry(1, base('s390x')), work)).resolves.toBeUndefined()
    await expect(checkGivenCharmArch(file, work)).resolves.toBeUndefined()
    // The same charm as the amd64 entry's: refused, naming kubectl and its arch.
    expect(await refusal(checkCharmArch(file, entry(0, base('amd64')), work))).toBe(
      'emu-probe_ubuntu-22.04-s390x.charm: has manifest.yaml bases ubuntu 22.04 s390x, but it was packed for bases[0], which runs on ubuntu 22.04 amd64; it was not packed for that entry: pack bases[0] again on a host of its build-on (ubuntu 22.04 amd64)',
    )
    expect(scratchLeft(work)).toEqual([])
  })

  it('refuses an s390x charm carrying an x86-64 .so in one line naming the file and its arch', async () => {
    const files: Record<string, string> = { [SO]: elf.so, ...(HAVE_KUBECTL ? { 'bin/kubectl': KUBECTL } : {}) }
    const file = charm('emu-probe_ubuntu-22.04-s390x.charm', [base('s390x')], files)
    expect(await refusal(checkCharmArch(file, [base('s390x')], work))).toMatch(/^emu-probe_ubuntu-22\.04-s390x\.charm: venv\/probe_ext/)
    const line =
      'emu-probe_ubuntu-22.04-s390x.charm: venv/probe_ext.cpython-311-x86_64-linux-gnu.so is built for amd64 (ELF machine 62, 64-bit LSB), not s390x; pack this entry on an s390x host or under emulation (it carries machine code), never on amd64'
    expect(await refusal(checkCharmArch(file, entry(1, base('s390x')), work))).toBe(line)
    expect(await refusal(checkGivenCharmArch(file, work))).toBe('charm: ' + line.replace('pack this entry', 'pack it'))
    // Several wrong files: the first is named, the rest counted.
    const many = charm('many_ubuntu-22.04-s390x.charm', [base('s390x')], { [SO]: elf.so, 'venv/other.so': elf.so, 'lib/x32.o': elf.x32 })
    expect(await refusal(checkCharmArch(many, entry(1, base('s390x')), work))).toBe(
      'many_ubuntu-22.04-s390x.charm: lib/x32.o is built for ELF machine 62, 32-bit LSB, not s390x (and 2 more files not built for s390x); pack this entry on an s390x host or under emulation (it carries machine code)',
    )
    expect(scratchLeft(work)).toEqual([])
  })

  it('refuses a manifest whose bases are not the entry run-on; the order of the bases does not matter', async () => {
    const file = charm('two.charm', [base('amd64'), base('amd64', '24.04')])
    await expect(checkCharmArch(file, entry(0, base('amd64', '24.04'), base('amd64')), work)).resolves.toBeUndefined()
    expect(await refusal(checkCharmArch(file, entry(0, base('amd64')), work))).toBe(
      'two.charm: has manifest.yaml bases ubuntu 22.04 amd64, ubuntu 24.04 amd64, but it was packed for bases[0], which runs on ubuntu 22.04 amd64; it was not packed for that entry: pack bases[0] again on a host of its build-on (ubuntu 22.04 amd64)',
    )
    // Given only the entry's run-on bases.
    await expect(checkCharmArch(file, [base('amd64', '24.04'), base('amd64')], work)).resolves.toBeUndefined()
    expect(await refusal(checkCharmArch(file, [base('s390x')], work))).toBe(
      'two.charm: has manifest.yaml bases ubuntu 22.04 amd64, ubuntu 24.04 amd64, but the entry it was packed for runs on ubuntu 22.04 s390x; it was not packed for that entry: pack that entry again on a host of its build-on',
    )
    expect(await refusal(checkCharmArch(charm('bare.charm', undefined), entry(2, base('arm64')), work))).toBe(
      'bare.charm: has no manifest.yaml, but it was packed for bases[2], which runs on ubuntu 22.04 arm64; it was not packed for that entry: pack bases[2] again on a host of its build-on (ubuntu 22.04 arm64)',
    )
  })

  it('catches 32-bit and byte-order differences: armhf and x32 in an amd64 charm, big-endian ppc64 in a ppc64el charm', async () => {
    const armhf = charm('armhf-in-amd64.charm', [base('amd64')], { 'bin/hello': elf.armhf, [SO]: elf.so })
    expect(await refusal(checkCharmArch(armhf, entry(0, base('amd64')), work))).toBe(
      'armhf-in-amd64.charm: bin/hello is built for armhf (ELF machine 40, 32-bit LSB), not amd64; pack this entry on an amd64 host or under emulation (it carries machine code), never on armhf',
    )
    // Same machine (62), other class: only the class tells them apart.
    const x32 = charm('x32-in-amd64.charm', [base('amd64')], { 'lib/x32.o': elf.x32, [SO]: elf.so })
    expect(await refusal(checkCharmArch(x32, entry(0, base('amd64')), work))).toBe(
      'x32-in-amd64.charm: lib/x32.o is built for ELF machine 62, 32-bit LSB, not amd64; pack this entry on an amd64 host or under emulation (it carries machine code)',
    )
    // Same machine (21) and class, other byte order.
    const be = charm('ppc64-in-ppc64el.charm', [base('ppc64el')], { 'bin/hello': elf.ppc64 })
    expect(await refusal(checkCharmArch(be, entry(3, base('ppc64el')), work))).toBe(
      'ppc64-in-ppc64el.charm: bin/hello is built for ELF machine 21, 64-bit MSB, not ppc64el; pack this entry on a ppc64el host or under emulation (it carries machine code)',
    )
    // The armhf binary in an armhf charm, and the x86-64 .so in an amd64 one, pass.
    await expect(
      checkCharmArch(charm('armhf.charm', [base('armhf')], { 'bin/hello': elf.armhf }), entry(4, base('armhf')), work),
    ).resolves.toBeUndefined()
    await expect(
      checkCharmArch(charm('amd64.charm', [base('amd64')], { [SO]: elf.so }), entry(0, base('amd64')), work),
    ).resolves.toBeUndefined()
  })

  it('refuses machine code in a charm for several arches, for arch all, or naming no bases; without machine code they pass', async () => {
    const multi = entry(0, base('amd64'), base('s390x'))
    await expect(checkCharmArch(charm('multi-ok.charm', [base('s390x'), base('amd64')]), multi, work)).resolves.toBeUndefined()
    expect(await refusal(checkCharmArch(charm('multi.charm', [base('amd64'), base('s390x')], { [SO]: elf.so }), multi, work))).toBe(
      'multi.charm: runs on amd64, s390x, but venv/probe_ext.cpython-311-x86_64-linux-gnu.so is machine code for amd64 (ELF machine 62, 64-bit LSB); one .charm cannot hold the right machine code for several arches: give each arch its own bases entry and pack each on its arch',
    )
    const all = entry(0, base('all'))
    await expect(checkCharmArch(charm('all-ok.charm', [base('all')]), all, work)).resolves.toBeUndefined()
    expect(await refusal(checkCharmArch(charm('all.charm', [base('all')], { [SO]: elf.so, 'bin/hello': elf.armhf }), all, work))).toBe(
      'all.charm: runs on arch all, but bin/hello is machine code for armhf (ELF machine 40, 32-bit LSB) (and 1 more ELF file); a charm for every arch can hold no machine code: give it one bases entry per arch and pack each on its arch',
    )
    expect(await refusal(checkGivenCharmArch(charm('nobases.charm', undefined, { [SO]: elf.so }), work))).toBe(
      'charm: nobases.charm: venv/probe_ext.cpython-311-x86_64-linux-gnu.so is machine code for amd64 (ELF machine 62, 64-bit LSB), but its manifest.yaml names no bases, so nothing says which arch it is for; pack it with charmcraft, one bases entry per arch',
    )
    await expect(checkGivenCharmArch(charm('nobases-ok.charm', undefined), work)).resolves.toBeUndefined()
  })

  it('refuses what is not a zip in one line, and leaves no scratch behind', async () => {
    const file = path.join(work, 'broken.charm')
    writeFileSync(file, 'not a zip')
    expect(await refusal(checkGivenCharmArch(file, work))).toMatch(/^broken\.charm: cannot unpack it with unzip \(exit 9\): /)
    expect(scratchLeft(work)).toEqual([])
  })

  it('the pure check names the first bad file and counts the rest', () => {
    const h = (machine: number, bits: 32 | 64, endian: 'LSB' | 'MSB') => ({ machine, bits, endian, type: 3 })
    const files: CharmElf[] = [
      { path: 'a.so', header: h(22, 64, 'MSB') },
      { path: 'b.so', header: h(183, 64, 'LSB') },
      { path: 'c.so', header: h(183, 64, 'LSB') },
    ]
    expect(elfProblem('x.charm', [base('s390x')], files)).toBe(
      'x.charm: b.so is built for arm64 (ELF machine 183, 64-bit LSB), not s390x (and 1 more file not built for s390x); pack this entry on an s390x host or under emulation (it carries machine code), never on arm64',
    )
    expect(elfProblem('x.charm', [base('s390x')], files.slice(0, 1))).toBeUndefined()
    expect(elfProblem('x.charm', [base('all')], [])).toBeUndefined()
  })
})

describe("charm-build's check of what it packed", () => {
  /** A charmcraft project with amd64 and s390x entries whose source carries an x86-64 .so. */
  function project(): string {
    const dir = path.join(tempDir('bs-charm-arch-src-'), 'emu-probe')
    cpSync(path.join(FIXTURES, 'kubernetes-worker-charmcraft'), dir, { recursive: true })
    mkdirSync(path.join(dir, 'venv'))
    cpSync(elf.so, path.join(dir, SO))
    return dir
  }
  const src = (dir: string, extra: { basesIndex?: string } = {}): PackedSource => ({
    name: 'kubernetes-worker',
    dir,
    builder: 'charmcraft',
    arches: ['amd64', 's390x'],
    ...extra,
  })

  it('matches each charm to its entry by its manifest (or bases-index), and deletes every charm of a refused pack', async () => {
    const dir = project()
    const out = tempDir('bs-charm-arch-out-')
    packOnRunner(dir, out, 'amd64')
    const amd64 = path.join(out, 'kubernetes-worker_ubuntu-22.04-amd64.charm')
    const lines: string[] = []
    await checkPackedCharms([amd64], src(dir), work, (l) => lines.push(l))
    expect(lines).toEqual([
      'arch check: kubernetes-worker_ubuntu-22.04-amd64.charm is bases[0] (runs on ubuntu 22.04 amd64): 1 ELF file, all amd64 (ELF machine 62, 64-bit LSB)',
    ])
    packOnRunner(dir, out, 's390x')
    const s390x = path.join(out, 'kubernetes-worker_ubuntu-22.04-s390x.charm')
    expect(await refusal(checkPackedCharms([amd64, s390x], src(dir), work))).toBe(
      `kubernetes-worker_ubuntu-22.04-s390x.charm: ${SO} is built for amd64 (ELF machine 62, 64-bit LSB), not s390x; pack this entry on an s390x host or under emulation (it carries machine code), never on amd64`,
    )
    expect(readdirSync(out)).toEqual([]) // both deleted: nothing half-made stays
    packOnRunner(dir, out, 'amd64')
    expect(await refusal(checkPackedCharms([amd64], src(dir, { basesIndex: '2' }), work))).toMatch(
      /^kubernetes-worker_ubuntu-22\.04-amd64\.charm: has manifest\.yaml bases ubuntu 22\.04 amd64, but it was packed for bases\[2\], which runs on ubuntu 22\.04 s390x; /,
    )
    expect(readdirSync(out)).toEqual([])
    expect(scratchLeft(work)).toEqual([])
  })
})

describe('end to end (dist bundles, charmcraft TEST DOUBLE)', () => {
  it('charm-build refuses a pack whose source carries a wrong-arch .so: exit 1, one line, nothing in output-dir', async () => {
    const dir = path.join(tempDir('bs-charm-arch-e2e-'), 'kubernetes-worker')
    cpSync(path.join(FIXTURES, 'kubernetes-worker-charmcraft'), dir, { recursive: true })
    mkdirSync(path.join(dir, 'venv'))
    cpSync(elf.so, path.join(dir, SO))
    const store = storeDouble()
    const build = (runnerArch: string, index: string, out: string) =>
      runDist(
        'charm-build',
        { 'charm-path': dir, 'output-dir': out, 'bases-index': index },
        { env: { ...store.env, RUNNER_ARCH: runnerArch, ImageOS: 'ubuntu22' } },
      )
    const bad = tempDir('bs-charm-arch-out-')
    const run = await build('S390X', '2', bad)
    expect(clearFailure(run)).toBe(
      `kubernetes-worker_ubuntu-22.04-s390x.charm: ${SO} is built for amd64 (ELF machine 62, 64-bit LSB), not s390x; pack this entry on an s390x host or under emulation (it carries machine code), never on amd64`,
    )
    expect(readdirSync(bad)).toEqual([])
    // The same source packed for amd64 holds amd64 code: built and published.
    const good = tempDir('bs-charm-arch-out-')
    const ok = await build('X64', '0', good)
    expect(ok.exitCode, ok.log).toBe(0)
    expect(ok.log).toContain(
      'arch check: kubernetes-worker_ubuntu-22.04-amd64.charm is bases[0] (runs on ubuntu 22.04 amd64): 1 ELF file, all amd64',
    )
    expect(readdirSync(good)).toContain('kubernetes-worker_ubuntu-22.04-amd64.charm')
  })

  it('charm-attach-release given a prebuilt s390x charm carrying x86-64 code uploads nothing', async () => {
    const proj = path.join(tempDir('bs-charm-arch-pre-'), 'emu-probe')
    mkdirSync(path.join(proj, 'venv'), { recursive: true })
    writeFileSync(path.join(proj, 'metadata.yaml'), 'name: emu-probe\nsummary: probe\ndescription: probe\n')
    writeFileSync(
      path.join(proj, 'charmcraft.yaml'),
      'type: charm\nbases:\n' +
        ['amd64', 's390x']
          .map(
            (a) =>
              `  - build-on: [{name: ubuntu, channel: "22.04", architectures: [${a}]}]\n    run-on: [{name: ubuntu, channel: "22.04", architectures: [${a}]}]\n`,
          )
          .join(''),
    )
    cpSync(elf.so, path.join(proj, SO))
    const out = path.join(proj, '..', 'charms')
    packOnRunner(proj, out, 'amd64')
    packOnRunner(proj, out, 's390x') // a prebuilt charm, packed on the wrong machine
    const store = storeDouble()
    charmcraft(store, 'register', 'emu-probe')
    const before = calls(store).length
    const charms = ['amd64', 's390x'].map((a) => path.join(out, `emu-probe_ubuntu-22.04-${a}.charm`))
    const run = await runDist(
      'charm-attach-release',
      { charm: charms.join('\n'), channel: 'latest/edge', credentials: TOKEN },
      { env: store.env },
    )
    expect(clearFailure(run)).toBe(
      `charm: emu-probe_ubuntu-22.04-s390x.charm: ${SO} is built for amd64 (ELF machine 62, 64-bit LSB), not s390x; pack it on an s390x host or under emulation (it carries machine code), never on amd64`,
    )
    expect(writes(calls(store))).toEqual([])
    expect(calls(store).length).toBe(before) // refused before the store was asked anything
    // The amd64 charm alone is released.
    const ok = await runDist('charm-attach-release', { charm: charms[0], channel: 'latest/edge', credentials: TOKEN }, { env: store.env })
    expect(ok.exitCode, ok.log).toBe(0)
    expect(writes(calls(store))).toEqual(['upload --format json', 'release emu-probe --revision'])
    expect(
      calls(store)
        .find((c) => c.argv[0] === 'upload')
        ?.argv.at(-1),
    ).toBe(charms[0])
  })
})
