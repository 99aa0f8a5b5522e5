/**
 * build-cnitgz end to end through dist/build-cnitgz/index.js: the fixture plugins tree (upstream's
 * build_linux.sh layout) cross-compiled for five arches in one step, tarballs read back with GNU tar,
 * every binary's ELF arch, CNI_COMMAND=VERSION under qemu, byte-identical rebuild (warm Go cache).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseArch } from '../shared/arch.js'
import { readElfHeader } from '../shared/elf.js'
import { fixtureCopy } from './cni-fixture.js'
import { type DistRun, errorLines, runDist, tempDir } from './helpers/runner.js'

const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x', 'armhf']
const PLUGINS = ['bridge', 'flannel', 'host-local', 'loopback', 'portmap']
const VERSION = 'v1.1.1'

const cniFixture = () => fixtureCopy('cni')

function tarList(file: string): string[] {
  return execFileSync('tar', ['-tzf', file]).toString().trim().split('\n')
}

describe('build-cnitgz from source, five arches in one step', () => {
  let first: DistRun
  let second: DistRun
  let out1: string
  let out2: string
  let toolCache: string
  beforeAll(async () => {
    toolCache = tempDir('bs-cni-tc-')
    out1 = tempDir('bs-cni-out-')
    out2 = tempDir('bs-cni-out-')
    first = await runDist(
      'build-cnitgz',
      { version: VERSION, source: cniFixture(), arch: ARCHES.join(' '), 'output-dir': out1 },
      { toolCache },
    )
    second = await runDist(
      'build-cnitgz',
      { version: VERSION, source: cniFixture(), arch: ARCHES.join(','), 'output-dir': out2 },
      { toolCache },
    )
  }, 600_000)

  it('succeeds and reports every tarball and digest', () => {
    expect(errorLines(first)).toEqual([])
    expect(first.exitCode).toBe(0)
    const tarballs = JSON.parse(first.outputs.tarballs) as Record<string, string>
    const sha = JSON.parse(first.outputs.sha256) as Record<string, string>
    expect(Object.keys(tarballs).sort()).toEqual([...ARCHES].sort())
    for (const a of ARCHES) {
      expect(tarballs[a]).toBe(path.join(out1, `cni-${a}.tgz`))
      expect(execFileSync('sha256sum', [tarballs[a]]).toString().split(' ')[0]).toBe(sha[a])
    }
    expect(readFileSync(path.join(out1, 'SHA256SUMS'), 'utf8')).toContain(`${sha.s390x}  cni-s390x.tgz`)
    expect(first.summary).toContain('cni-ppc64el.tgz')
  })

  it('packs the plugins (not the windows dir) and BUILD_INFO at the root, normalised, read back with GNU tar', () => {
    for (const a of ARCHES) {
      const tgz = path.join(out1, `cni-${a}.tgz`)
      expect(tarList(tgz)).toEqual(['BUILD_INFO', ...PLUGINS])
      const verbose = execFileSync('tar', ['--numeric-owner', '-tvzf', tgz]).toString().trim().split('\n')
      for (const l of verbose) expect(l).toMatch(/^-rw[x-]r-[x-]r-[x-] 0\/0 /)
      const info = execFileSync('tar', ['-xOzf', tgz, 'BUILD_INFO']).toString()
      expect(info).toBe(
        `cni-${a} ${VERSION}\nBuilt 2023-11-14T22:13:20Z\nbuild script commit: unknown (build-snaps build-cnitgz)\n` +
          `cni-plugins commit: unknown (not a git checkout)\ngo: ${info.match(/go: (\S+)/)![1]} (./build_linux.sh)\n`,
      )
    }
  })

  it('built every binary for its own arch and smoke-ran bridge under qemu', async () => {
    for (const a of ARCHES) {
      const dir = tempDir('bs-cni-x-')
      execFileSync('tar', ['-xzf', path.join(out1, `cni-${a}.tgz`), '-C', dir])
      const arch = parseArch(a)
      for (const p of PLUGINS) {
        const h = await readElfHeader(path.join(dir, p))
        expect({ p, machine: h?.machine, bits: h?.bits, endian: h?.endian }).toEqual({ p, ...arch.elf })
      }
      expect(first.log).toMatch(
        new RegExp(
          `${a}: 5 binaries, each ELF ${a}; bridge: ELF ${a}; ran (natively|under ${arch.qemu}-static|through binfmt_misc ${arch.qemu}): \\{"cniVersion"`,
        ),
      )
      const run = a === 'amd64' ? [path.join(dir, 'bridge')] : [`${arch.qemu}-static`, path.join(dir, 'bridge')]
      const out = execFileSync(run[0], run.slice(1), { env: { ...process.env, CNI_COMMAND: 'VERSION' } }).toString()
      expect(JSON.parse(out).supportedVersions).toContain('1.0.0')
    }
  })

  it('rebuilds byte-identical tarballs from a warm Go cache', () => {
    expect(second.exitCode).toBe(0)
    expect(second.log).toMatch(/Go cache for s390x restored from build-snaps-go-[\d.]+-linux-s390x-/)
    expect(first.log).not.toMatch(/Go cache for s390x restored/)
    expect(second.outputs.sha256).toBe(first.outputs.sha256)
    for (const a of ARCHES)
      expect(readFileSync(path.join(out2, `cni-${a}.tgz`)).equals(readFileSync(path.join(out1, `cni-${a}.tgz`)))).toBe(true)
  })

  it('warns that fixture tarballs are under the charm floor only when they are', () => {
    for (const a of ARCHES) {
      const size = readFileSync(path.join(out1, `cni-${a}.tgz`)).length
      expect(first.log.includes(`cni-${a}.tgz is ${size} bytes, under the 1000000-byte floor`)).toBe(size < 1_000_000)
    }
  })
})

describe('build-cnitgz bad inputs', () => {
  it('refuses an unknown arch, naming the input', async () => {
    const r = await runDist('build-cnitgz', { version: VERSION, source: cniFixture(), arch: 'amd64 sparc' })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)).toEqual([
      "::error::arch: unknown architecture 'sparc'; use one of amd64, arm64, armhf, ppc64el, s390x, riscv64 (Go spellings ppc64le and arm are accepted too)",
    ])
  })

  it('refuses a source without a build script', async () => {
    const src = tempDir()
    const r = await runDist('build-cnitgz', { version: VERSION, source: src, arch: 'arm64' })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toBe(
      `::error::source: no build_linux.sh or build.sh in ${src}; is it a containernetworking/plugins checkout? Or set build-command`,
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('runs build.sh for old tags', async () => {
    const src = cniFixture()
    execFileSync('mv', [path.join(src, 'build_linux.sh'), path.join(src, 'build.sh')])
    const out = tempDir()
    const r = await runDist('build-cnitgz', { version: 'v0.7.6', source: src, arch: 'arm64', 'output-dir': out })
    expect(errorLines(r)).toEqual([])
    expect(tarList(path.join(out, 'cni-arm64.tgz'))).toEqual(['BUILD_INFO', ...PLUGINS])
    expect(execFileSync('tar', ['-xOzf', path.join(out, 'cni-arm64.tgz'), 'BUILD_INFO']).toString()).toContain('(./build.sh)')
  })

  it('fails naming the arch whose build broke, and still delivers and reports the others', async () => {
    const out = tempDir()
    // -tags brokenarch compiles plugins/main/bridge/broken_s390x.go, which only exists for s390x and does not compile.
    const r = await runDist('build-cnitgz', {
      version: VERSION,
      source: cniFixture(),
      arch: 'arm64 s390x',
      'build-env': 'GOFLAGS=-tags=brokenarch',
      'output-dir': out,
    })
    expect(r.exitCode).toBe(1)
    const err = errorLines(r)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(
      /^::error::failed for s390x: build for s390x: `bash \.\/build_linux\.sh` failed \(exit 2\): .*broken_s390x\.go.*; built: arm64$/,
    )
    expect(JSON.parse(r.outputs.tarballs)).toEqual({ arm64: path.join(out, 'cni-arm64.tgz') })
    // The delivered arch with its SBOM, and the run's provenance statement.
    const listed = readdirSync(out).sort()
    const provenance = listed.filter((f) => /^provenance\.build-cnitgz\..+\.intoto\.json$/.test(f))
    expect(provenance, listed.join(' ')).toHaveLength(1)
    expect(listed.filter((f) => !provenance.includes(f))).toEqual([
      'SHA256SUMS',
      'cni-arm64.tgz',
      'cni-arm64.tgz.spdx.json',
      'manifest.json',
    ])
  })

  it('says the Go on PATH is too old for go.mod and how to fix it', async () => {
    const src = cniFixture()
    execFileSync('sed', ['-i', 's/^go 1.14$/go 1.99/', path.join(src, 'go.mod')])
    const r = await runDist('build-cnitgz', { version: VERSION, source: src, arch: 's390x' })
    expect(r.exitCode).toBe(1)
    expect(errorLines(r)[0]).toMatch(
      /^::error::Go too old: .*\/go\.mod needs go 1\.99 and the Go on PATH is [\d.]+; set go-version to 1\.99 or newer$/,
    )
  })

  it('refuses a filename without {arch} for several arches, and a bad version', async () => {
    let r = await runDist('build-cnitgz', { version: VERSION, source: cniFixture(), arch: 'arm64 s390x', filename: 'cni.tgz' })
    expect(errorLines(r)[0]).toBe("::error::filename: 'cni.tgz' gives the same name for several arches; put {arch} in it")
    r = await runDist('build-cnitgz', { version: 'latest', arch: 's390x' })
    expect(errorLines(r)[0]).toBe("::error::version: 'latest' is not a containernetworking/plugins tag; use e.g. v1.1.1")
  })
})
