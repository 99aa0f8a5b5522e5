/**
 * build-flannel end to end through dist/build-flannel/index.js: flanneld (go build with the version package
 * found in the checkout), etcdctl (v3 go.mod and v2 GOPATH build script), CNI plugins (from a checkout or a
 * build-cnitgz tarball) and release mode against a loopback mirror; five arches, GNU tar read-back, ELF per
 * binary, smoke runs under qemu, byte-identical rebuild.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Mirror, startMirror } from '../cli/mirror.js'
import { goEnv, parseArch } from '../shared/arch.js'
import { readElfHeader } from '../shared/elf.js'
import { fixtureCopy } from './cni-fixture.js'
import { type DistRun, errorLines, runDist, tempDir } from './helpers/runner.js'

const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x', 'armhf']
const FLANNEL = 'v0.22.3'
const ETCD = 'v3.4.22'

function tarList(file: string): string[] {
  return execFileSync('tar', ['-tzf', file]).toString().trim().split('\n')
}

function run(arch: string, file: string, args: string[]): string {
  const a = parseArch(arch)
  const [cmd, ...argv] = arch === 'amd64' ? [file, ...args] : [`${a.qemu}-static`, file, ...args]
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }) + ''
}

function runAll(arch: string, file: string, args: string[]): string {
  const a = parseArch(arch)
  const [cmd, ...argv] = arch === 'amd64' ? [file, ...args] : [`${a.qemu}-static`, file, ...args]
  return execFileSync('sh', ['-c', '"$@" 2>&1', 'sh', cmd, ...argv]).toString()
}

describe('build-flannel from sources, five arches in one step', () => {
  let first: DistRun
  let second: DistRun
  let out1: string
  let out2: string
  beforeAll(async () => {
    const toolCache = tempDir('bs-fl-tc-')
    out1 = tempDir('bs-fl-out-')
    out2 = tempDir('bs-fl-out-')
    const inputs = (out: string) => ({
      'flannel-version': FLANNEL,
      'flannel-source': fixtureCopy('flannel'),
      'etcd-version': ETCD,
      'etcd-source': fixtureCopy('etcd/v3'),
      'cni-source': fixtureCopy('cni'),
      arch: ARCHES.join(' '),
      'output-dir': out,
    })
    first = await runDist('build-flannel', inputs(out1), { toolCache })
    second = await runDist('build-flannel', inputs(out2), { toolCache })
  }, 900_000)

  it('packs flanneld, etcdctl, bridge, host-local, flannel and BUILD_INFO for every arch', () => {
    expect(errorLines(first)).toEqual([])
    const tarballs = JSON.parse(first.outputs.tarballs) as Record<string, string>
    expect(Object.keys(tarballs).sort()).toEqual([...ARCHES].sort())
    for (const a of ARCHES) {
      const tgz = path.join(out1, `flannel-${a}.tar.gz`)
      expect(tarballs[a]).toBe(tgz)
      expect(tarList(tgz)).toEqual(['BUILD_INFO', 'bridge', 'etcdctl', 'flannel', 'flanneld', 'host-local'])
      const info = execFileSync('tar', ['-xOzf', tgz, 'BUILD_INFO']).toString().split('\n')
      expect(info.slice(0, 4)).toEqual([
        `flannel-${a} ${FLANNEL}`,
        'Built 2023-11-14T22:13:20Z',
        'build script commit: unknown (build-snaps build-flannel)',
        `etcd: ${ETCD}`,
      ])
      expect(info[4]).toMatch(
        /^flannel commit: unknown \(not a git checkout\) \(go build, Go [\d.]+, -X github\.com\/flannel-io\/flannel\/pkg\/version\.Version\)$/,
      )
      expect(info[5]).toMatch(/^etcd commit: .* \(go build \.\/etcdctl, Go /)
      expect(info[6]).toMatch(/^cni-plugins commit: .* \(\.\/build_linux\.sh, Go /)
    }
  })

  it('built each binary for its arch; flanneld reports the tag and etcdctl its version under qemu', async () => {
    for (const a of ARCHES) {
      const dir = tempDir()
      execFileSync('tar', ['-xzf', path.join(out1, `flannel-${a}.tar.gz`), '-C', dir])
      for (const b of ['flanneld', 'etcdctl', 'bridge', 'host-local', 'flannel']) {
        const h = await readElfHeader(path.join(dir, b))
        expect({ b, machine: h?.machine, endian: h?.endian, bits: h?.bits }).toEqual({ b, ...parseArch(a).elf })
      }
      expect(runAll(a, path.join(dir, 'flanneld'), ['--version']).trim()).toBe(FLANNEL)
      expect(run(a, path.join(dir, 'etcdctl'), ['--version'])).toContain('etcdctl version: 3.4.22')
      // A foreign binary runs through a registered binfmt_misc handler when there is one, else under qemu-<arch>-static.
      const q = parseArch(a).qemu
      const how = a === 'amd64' ? 'natively' : `(?:under ${q}-static|through binfmt_misc ${q})`
      expect(first.log).toMatch(
        new RegExp(
          `${a}: 5 binaries, each ELF ${a}; flanneld: ELF ${a}; ran ${how}: ${FLANNEL.replace(/\./g, '\\.')}; etcdctl: ELF ${a}; ran ${how}: etcdctl version: 3\\.4\\.22; bridge:`,
        ),
      )
    }
  })

  it('rebuilds byte-identical tarballs with a warm Go cache', () => {
    expect(errorLines(second)).toEqual([])
    expect(second.log).toMatch(/Go cache for armhf restored from build-snaps-go-[\d.]+-linux-armv7-/)
    expect(second.outputs.sha256).toBe(first.outputs.sha256)
    for (const a of ARCHES)
      expect(readFileSync(path.join(out2, `flannel-${a}.tar.gz`)).equals(readFileSync(path.join(out1, `flannel-${a}.tar.gz`)))).toBe(true)
  })
})

describe('build-flannel with an etcd v2 checkout and a build-cnitgz tarball', () => {
  it('runs etcd v2 ./build (GOPATH layout) per arch and takes the plugins from cni-{arch}.tgz', async () => {
    const cniOut = tempDir()
    const cni = await runDist('build-cnitgz', { version: 'v0.6.0', source: fixtureCopy('cni'), arch: 'arm64 s390x', 'output-dir': cniOut })
    expect(errorLines(cni)).toEqual([])
    const out = tempDir()
    const etcd = fixtureCopy('etcd/v2')
    const r = await runDist('build-flannel', {
      'flannel-version': 'v0.9.1',
      'flannel-source': fixtureCopy('flannel'),
      'etcd-version': 'v2.3.8',
      'etcd-source': etcd,
      'cni-tarball': path.join(cniOut, 'cni-{arch}.tgz'),
      arch: 'arm64 s390x',
      'output-dir': out,
    })
    expect(errorLines(r)).toEqual([])
    for (const a of ['arm64', 's390x']) {
      const tgz = path.join(out, `flannel-${a}.tar.gz`)
      expect(tarList(tgz)).toEqual(['BUILD_INFO', 'bridge', 'etcdctl', 'flannel', 'flanneld', 'host-local'])
      const info = execFileSync('tar', ['-xOzf', tgz, 'BUILD_INFO']).toString()
      expect(info).toMatch(/etcd commit: unknown \(not a git checkout\) \(\.\/build, Go /)
      expect(info).toContain(`cni-plugins tarball: cni-${a}.tgz sha256 ${JSON.parse(cni.outputs.sha256)[a]}`)
      const dir = tempDir()
      execFileSync('tar', ['-xzf', tgz, '-C', dir])
      expect(run(a, path.join(dir, 'etcdctl'), ['--version']).trim()).toBe('etcdctl version: 2.3.8')
    }
    // the v2 script's own outputs went to BINDIR, not into the checkout's bin/
    expect(readdirSync(etcd)).not.toContain('bin')
  }, 300_000)
})

describe('build-flannel from GOPATH checkouts (GO111MODULE=off)', () => {
  it('builds the CNI checkout in place one arch at a time, each arch keeping its own plugins', async () => {
    const gopath = tempDir('bs-fl-gopath-')
    const place = (fixture: 'cni' | 'flannel', importPath: string) => {
      const dest = path.join(gopath, 'src', importPath)
      mkdirSync(path.dirname(dest), { recursive: true })
      renameSync(fixtureCopy(fixture), dest)
      return dest
    }
    const flannel = place('flannel', 'github.com/flannel-io/flannel')
    const cni = place('cni', 'github.com/containernetworking/plugins')
    const out = tempDir()
    const r = await runDist('build-flannel', {
      'flannel-version': FLANNEL,
      'flannel-source': flannel,
      'etcd-version': 'v2.3.8',
      'etcd-source': fixtureCopy('etcd/v2'),
      'cni-source': cni,
      'build-env': `GO111MODULE=off\nGOPATH=${gopath}`,
      arch: 'arm64 s390x',
      'output-dir': out,
    })
    expect(errorLines(r)).toEqual([])
    for (const a of ['arm64', 's390x']) {
      const dir = tempDir()
      execFileSync('tar', ['-xzf', path.join(out, `flannel-${a}.tar.gz`), '-C', dir])
      for (const b of ['flanneld', 'etcdctl', 'bridge', 'host-local', 'flannel'])
        expect((await readElfHeader(path.join(dir, b)))?.machine).toBe(parseArch(a).elf.machine)
    }
  }, 300_000)
})

describe('build-flannel from releases (loopback mirror)', () => {
  let mirror: Mirror
  let root: string
  beforeAll(async () => {
    root = tempDir('bs-fl-mirror-')
    const a = parseArch('s390x')
    const env = { ...process.env, ...goEnv(a), GOFLAGS: '-trimpath' }
    // flannel-<tag>-linux-<go-arch>.tar.gz: flanneld, mk-docker-opts.sh, README.md (upstream's contents)
    const fl = tempDir()
    execFileSync(
      'go',
      ['build', '-ldflags', `-s -w -X github.com/flannel-io/flannel/pkg/version.Version=${FLANNEL}`, '-o', path.join(fl, 'flanneld'), '.'],
      { cwd: fixtureCopy('flannel'), env },
    )
    writeFileSync(path.join(fl, 'mk-docker-opts.sh'), '#!/bin/sh\n')
    writeFileSync(path.join(fl, 'README.md'), 'flannel\n')
    const flDir = path.join(root, 'flannel-io/flannel/releases/download', FLANNEL)
    mkdirSync(flDir, { recursive: true })
    const flTgz = path.join(flDir, `flannel-${FLANNEL}-linux-s390x.tar.gz`)
    execFileSync('tar', ['-C', fl, '-czf', flTgz, 'flanneld', 'mk-docker-opts.sh', 'README.md'])
    writeFileSync(`${flTgz}.sha256`, createHash('sha256').update(readFileSync(flTgz)).digest('hex') + '\n')
    // etcd-<tag>-linux-<go-arch>.tar.gz: etcd-<tag>-linux-<go-arch>/{etcd,etcdctl,README.md}
    const et = tempDir()
    const inner = path.join(et, `etcd-${ETCD}-linux-s390x`)
    mkdirSync(inner)
    const src = fixtureCopy('etcd/v3')
    execFileSync('go', ['build', '-o', path.join(inner, 'etcdctl'), './etcdctl'], { cwd: src, env })
    execFileSync('go', ['build', '-o', path.join(inner, 'etcd'), '.'], { cwd: src, env })
    writeFileSync(path.join(inner, 'README.md'), 'etcd\n')
    const etDir = path.join(root, 'etcd-io/etcd/releases/download', ETCD)
    mkdirSync(etDir, { recursive: true })
    const etTgz = path.join(etDir, `etcd-${ETCD}-linux-s390x.tar.gz`)
    execFileSync('tar', ['-C', et, '-czf', etTgz, path.basename(inner)])
    // etcd publishes one SHA256SUMS per release (no .sha256 per tarball); the etcd snap checks the same file.
    const etSum = createHash('sha256').update(readFileSync(etTgz)).digest('hex')
    writeFileSync(path.join(etDir, 'SHA256SUMS'), `${'0'.repeat(64)}  etcd-${ETCD}-linux-amd64.tar.gz\n${etSum}  ${path.basename(etTgz)}\n`)
    mirror = await startMirror(root)
  }, 120_000)
  afterAll(() => mirror?.close())

  const inputs = () => ({
    'flannel-version': FLANNEL,
    'flannel-base-url': `${mirror.url}/flannel-io/flannel/releases/download/{version}`,
    'etcd-version': ETCD,
    'etcd-base-url': `${mirror.url}/etcd-io/etcd/releases/download/{version}`,
  })

  it('takes flanneld and etcdctl out of the verified release tarballs', async () => {
    const out = tempDir()
    const r = await runDist('build-flannel', { ...inputs(), arch: 's390x', 'output-dir': out })
    expect(errorLines(r)).toEqual([])
    const tgz = path.join(out, 'flannel-s390x.tar.gz')
    expect(tarList(tgz)).toEqual(['BUILD_INFO', 'etcdctl', 'flanneld'])
    const info = execFileSync('tar', ['-xOzf', tgz, 'BUILD_INFO']).toString()
    expect(info).toContain(
      `flannel release: loopback mirror /flannel-io/flannel/releases/download/${FLANNEL}/flannel-${FLANNEL}-linux-s390x.tar.gz sha256 `,
    )
    expect(info).toContain(`etcd release: loopback mirror /etcd-io/etcd/releases/download/${ETCD}/etcd-${ETCD}-linux-s390x.tar.gz sha256 `)
    expect(mirror.requests.some((q) => q.endsWith(`/etcd-io/etcd/releases/download/${ETCD}/SHA256SUMS`))).toBe(true)
    expect(r.log).toMatch(
      new RegExp(
        `s390x: 2 binaries, each ELF s390x; flanneld: ELF s390x; ran (under qemu-s390x-static|through binfmt_misc qemu-s390x): ${FLANNEL}`,
      ),
    )
  })

  it('names the tag and arch of a release that does not exist', async () => {
    const r = await runDist(
      'build-flannel',
      { ...inputs(), arch: 'arm64', 'output-dir': tempDir() },
      { env: { BUILD_SNAPS_HTTP_ATTEMPTS: '1' } },
    )
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toMatch(
      /^::error::failed for arm64: flannel-version: flannel v0\.22\.3 for arm64 \(flannel-v0\.22\.3-linux-arm64\.tar\.gz\) not found: .*HTTP 404/,
    )
  })
})

describe('build-flannel bad inputs', () => {
  it('refuses a flannel checkout without a version package', async () => {
    const src = fixtureCopy('flannel')
    renameSync(path.join(src, 'pkg'), path.join(src, 'lib'))
    const r = await runDist('build-flannel', {
      'flannel-version': FLANNEL,
      'flannel-source': src,
      'etcd-version': ETCD,
      'etcd-source': fixtureCopy('etcd/v3'),
      arch: 's390x',
    })
    expect(errorLines(r)).toEqual([
      `::error::flannel-source: neither pkg/version/version.go nor version/version.go in ${src}; is it a flannel checkout?`,
    ])
  })

  it('refuses an etcd checkout of neither layout, an unknown arch, and a bad tag', async () => {
    const empty = tempDir()
    let r = await runDist('build-flannel', {
      'flannel-version': FLANNEL,
      'flannel-source': fixtureCopy('flannel'),
      'etcd-version': ETCD,
      'etcd-source': empty,
      arch: 's390x',
    })
    expect(errorLines(r)).toEqual([
      `::error::etcd-source: '${empty}' is not an etcd checkout: no go.mod (etcd v3) and no build script (etcd v2)`,
    ])
    r = await runDist('build-flannel', { 'flannel-version': FLANNEL, 'etcd-version': ETCD, arch: 'mips' })
    expect(errorLines(r)[0]).toMatch(/^::error::arch: unknown architecture 'mips'/)
    r = await runDist('build-flannel', { 'flannel-version': 'main', 'etcd-version': ETCD, arch: 's390x' })
    expect(errorLines(r)).toEqual(["::error::flannel-version: 'main' is not a release tag; use e.g. v0.22.3"])
  })
})
