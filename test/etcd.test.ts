/**
 * etcd snaps. Unit: ETCD_UNSUPPORTED_ARCH per arch, the wrapper run for real with sh (and shellcheck), checkout
 * layouts (v2 build script, v3.4 root module, v3.5 server/ + etcdctl/ modules cross-compiled for real),
 * release tags and SHA256SUMS. End to end through the committed dist bundle: real cross-compiles of the etcd-like
 * fixtures (v2 and v3 layouts), smoke runs under qemu (`etcd --version`, `etcdctl version`), unsquashfs,
 * snap.yaml, ELF arch, byte-identical rebuilds from different checkout paths, release tarballs from a loopback
 * mirror, and bad inputs each ending in one clear error with nothing written.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Arch, ARCHES, goEnv, parseArch } from '../shared/arch.js'
import { writeTarGz } from '../shared/archive.js'
import { digestFromSums } from '../shared/download.js'
import { readElfHeader } from '../shared/elf.js'
import { buildEtcd, etcdSmokes, etcdUnsupportedArch, etcdWrapper, parseEtcdTag, readEtcdSource } from '../shared/etcd.js'
import { sha256File } from '../shared/files.js'
import { setupGo } from '../shared/golang.js'
import { Runtime } from '../shared/runtime.js'
import { type Mirror, startMirror } from '../cli/mirror.js'
import { errorLines, repoRoot, runDist, tempDir } from './helpers/runner.js'

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'etcd')
const TAG = 'v3.4.22'

/** A fresh copy of a fixture (builds write into the tree), at a path that differs on every call. */
function checkout(layout: 'v2' | 'v3'): string {
  const dir = path.join(tempDir(`bs-etcd-${layout}-`), 'etcd')
  cpSync(path.join(FIXTURES, layout), dir, { recursive: true })
  return dir
}

function unsquash(snap: string): string {
  const dir = path.join(tempDir('bs-unsquash-'), 'root')
  execFileSync('unsquashfs', ['-q', '-n', '-d', dir, snap])
  return dir
}

async function expectElf(file: string, arch: Arch): Promise<void> {
  expect(await readElfHeader(file)).toMatchObject({ machine: arch.elf.machine, bits: arch.elf.bits, endian: arch.elf.endian })
}

describe('ETCD_UNSUPPORTED_ARCH and the daemon wrapper', () => {
  it.each([
    ['amd64', undefined],
    ['arm64', 'arm64'],
    ['s390x', 's390x'],
    ['armhf', 'arm'],
    ['ppc64el', 'ppc64le'],
    ['riscv64', 'riscv64'],
  ])('%s → %s', (debian, expected) => {
    expect(etcdUnsupportedArch(parseArch(debian))).toBe(expected)
    const smoke = etcdSmokes('3.4.22', parseArch(debian)).etcd
    expect(smoke.env).toEqual(expected ? { ETCD_UNSUPPORTED_ARCH: expected } : {})
  })

  /** Run bin/snap-wrap.sh with sh against a stand-in $SNAP/bin/etcd that prints what it got. */
  function runWrapper(arch: Arch, withConfig: boolean): { status: number | null; out: string; common: string } {
    const snap = tempDir('bs-etcd-wrap-')
    mkdirSync(path.join(snap, 'bin'))
    writeFileSync(path.join(snap, 'bin', 'snap-wrap.sh'), etcdWrapper(arch), { mode: 0o755 })
    writeFileSync(
      path.join(snap, 'bin', 'etcd'),
      '#!/bin/sh\necho "etcd ran: ETCD_UNSUPPORTED_ARCH=${ETCD_UNSUPPORTED_ARCH-unset} args: $*"\n',
      { mode: 0o755 },
    )
    const common = tempDir('bs-etcd-common-')
    if (withConfig) writeFileSync(path.join(common, 'etcd.conf.yml'), 'name: test\n')
    const env = { PATH: process.env.PATH, SNAP: snap, SNAP_COMMON: common, SNAP_USER_COMMON: common }
    const res = spawnSync('sh', [path.join(snap, 'bin', 'snap-wrap.sh'), '--debug'], { env, encoding: 'utf8' })
    return { status: res.status, out: res.stdout + res.stderr, common }
  }

  it.each(ARCHES.map((a) => a.debian))('the %s wrapper starts etcd from the config file with the right environment', (debian) => {
    const arch = parseArch(debian)
    const { status, out, common } = runWrapper(arch, true)
    expect(status).toBe(0)
    expect(out.trim()).toBe(
      `etcd ran: ETCD_UNSUPPORTED_ARCH=${etcdUnsupportedArch(arch) ?? 'unset'} args: --config-file ${common}/etcd.conf.yml --debug`,
    )
  })

  it('without a config file the wrapper says where to put one and does not start etcd', () => {
    const { status, out, common } = runWrapper(parseArch('s390x'), false)
    expect(status).toBe(0)
    expect(out).toContain(`No configuration at ${common}/etcd.conf.yml; create one`)
    expect(out).not.toContain('etcd ran')
  })

  it('passes shellcheck for every arch', () => {
    const dir = tempDir('bs-etcd-sc-')
    const files = ARCHES.map((a) => {
      const f = path.join(dir, `wrap-${a.debian}.sh`)
      writeFileSync(f, etcdWrapper(a))
      return f
    })
    execFileSync('shellcheck', ['-s', 'sh', ...files])
  })
})

describe('release tags and SHA256SUMS', () => {
  it('parses tags', () => {
    expect(parseEtcdTag('3.4.22')).toBe('v3.4.22')
    expect(parseEtcdTag(' v3.5.0-rc.1 ')).toBe('v3.5.0-rc.1')
    for (const bad of ['3.4', 'latest', 'v3.4.22; rm -rf /'])
      expect(() => parseEtcdTag(bad)).toThrow(/etcd-version: '.*' is not an etcd release; use e.g. v3.4.22/)
  })
  it('finds one file in a SHA256SUMS listing', () => {
    const a = 'a'.repeat(64)
    const b = 'B'.repeat(64)
    const sums = `${a}  etcd-v3.4.22-linux-amd64.tar.gz\n${b} *etcd-v3.4.22-linux-arm64.tar.gz\n`
    expect(digestFromSums(sums, 'etcd-v3.4.22-linux-arm64.tar.gz', 'u')).toBe('b'.repeat(64))
    expect(digestFromSums(sums, 'etcd-v3.4.22-linux-amd64.tar.gz', 'u')).toBe(a)
    expect(() => digestFromSums(sums, 'etcd-v3.4.22-linux-s390x.tar.gz', 'http://x/SHA256SUMS')).toThrow(
      'http://x/SHA256SUMS lists no sha256 for etcd-v3.4.22-linux-s390x.tar.gz',
    )
  })
})

describe('etcd checkouts', () => {
  it('recognises the v2 layout (build script) and the v3.4 layout (root module)', async () => {
    const v2 = await readEtcdSource(path.join(FIXTURES, 'v2'))
    expect(v2.version).toBe('2.3.8')
    expect(v2.layout).toEqual({ kind: 'build-script' })
    const v3 = await readEtcdSource(path.join(FIXTURES, 'v3'))
    expect(v3.version).toBe('3.4.22')
    expect(v3.layout).toEqual({
      kind: 'go-mod',
      etcd: { cwd: path.join(FIXTURES, 'v3'), pkg: '.' },
      etcdctl: { cwd: path.join(FIXTURES, 'v3'), pkg: './etcdctl' },
      versionPkg: 'go.etcd.io/etcd/version',
    })
  })

  it('cross-compiles the v3.5 layout (server/ and etcdctl/ modules) for arm64', async () => {
    const dir = path.join(tempDir('bs-etcd-v35-'), 'etcd')
    const files: Record<string, string> = {
      'go.mod': 'module go.etcd.io/etcd/v3\n\ngo 1.19\n',
      'api/go.mod': 'module go.etcd.io/etcd/api/v3\n\ngo 1.19\n',
      'api/version/version.go': 'package version\n\nvar (\n\tVersion = "3.5.9"\n\tGitSHA = "none"\n)\n',
      'server/go.mod':
        'module go.etcd.io/etcd/server/v3\n\ngo 1.19\n\nrequire go.etcd.io/etcd/api/v3 v3.5.9\n\nreplace go.etcd.io/etcd/api/v3 => ../api\n',
      'server/main.go':
        'package main\n\nimport (\n\t"fmt"\n\n\t"go.etcd.io/etcd/api/v3/version"\n)\n\nfunc main() { fmt.Printf("etcd Version: %s\\n", version.Version) }\n',
      'etcdctl/go.mod':
        'module go.etcd.io/etcd/etcdctl/v3\n\ngo 1.19\n\nrequire go.etcd.io/etcd/api/v3 v3.5.9\n\nreplace go.etcd.io/etcd/api/v3 => ../api\n',
      'etcdctl/main.go':
        'package main\n\nimport (\n\t"fmt"\n\n\t"go.etcd.io/etcd/api/v3/version"\n)\n\nfunc main() { fmt.Printf("etcdctl version: %s\\n", version.Version) }\n',
    }
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
      writeFileSync(path.join(dir, f), text)
    }
    const src = await readEtcdSource(dir)
    expect(src.version).toBe('3.5.9')
    expect(src.layout).toMatchObject({
      kind: 'go-mod',
      etcd: { cwd: path.join(dir, 'server') },
      etcdctl: { cwd: path.join(dir, 'etcdctl') },
      versionPkg: 'go.etcd.io/etcd/api/v3/version',
    })
    const arm64 = parseArch('arm64')
    const bins = await buildEtcd(src, arm64, await setupGo(new Runtime()), path.join(dir, 'out'))
    await expectElf(bins.etcd, arm64)
    await expectElf(bins.etcdctl, arm64)
    expect(execFileSync('qemu-aarch64-static', [bins.etcd]).toString()).toBe('etcd Version: 3.5.9\n')
  })

  it("stamps the commit of a git checkout into etcd (GitSHA), as etcd's build does", async () => {
    const dir = checkout('v3')
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args])
        .toString()
        .trim()
    git('init', '-q')
    git('add', '.')
    git('commit', '-q', '-m', 'v3.4.22')
    const amd64 = parseArch('amd64')
    const bins = await buildEtcd(await readEtcdSource(dir), amd64, await setupGo(new Runtime()), path.join(tempDir(), 'out'))
    expect(execFileSync(bins.etcd, ['--version']).toString()).toContain(`Git SHA: ${git('rev-parse', 'HEAD').slice(0, 7)}\n`)
  })

  it.each<[string, (d: string) => void, RegExp]>([
    ['a missing directory', (d) => execFileSync('rm', ['-rf', d]), /source-dir: '.*' is not a directory; point it at an etcd checkout/],
    [
      'no go.mod and no build script',
      (d) => execFileSync('rm', [path.join(d, 'build')]),
      /source-dir: '.*' is not an etcd checkout: no go.mod \(etcd v3\) and no build script \(etcd v2\)/,
    ],
    [
      'no version file',
      (d) => execFileSync('rm', ['-r', path.join(d, 'version')]),
      /source-dir: cannot read etcd's version from .*version\/version.go/,
    ],
  ])('rejects %s', async (_what, spoil, message) => {
    const dir = checkout('v2')
    spoil(dir)
    await expect(readEtcdSource(dir)).rejects.toThrow(message)
  })

  it('rejects a go.mod checkout without etcdctl/', async () => {
    const dir = checkout('v3')
    execFileSync('rm', ['-r', path.join(dir, 'etcdctl')])
    await expect(readEtcdSource(dir)).rejects.toThrow(/has a go.mod but no etcdctl\/ package; point it at an etcd v3 checkout/)
  })
})

describe('build-etcd-snap (dist bundle, end to end)', () => {
  let mirror: Mirror
  let mirrorRoot: string
  const fromSource = new Map<string, string>()

  /** An upstream-like release: etcd-<tag>-linux-<go-arch>.tar.gz per arch (binaries built from the v3 fixture) and SHA256SUMS. */
  beforeAll(async () => {
    mirrorRoot = tempDir('bs-etcd-mirror-')
    const src = checkout('v3')
    const rel = path.join(mirrorRoot, TAG)
    mkdirSync(rel, { recursive: true })
    const sums: string[] = []
    for (const arch of ['arm64', 's390x'].map((a) => parseArch(a))) {
      const top = `etcd-${TAG}-linux-${arch.go}`
      const bin = path.join(src, 'out', arch.debian)
      for (const [name, pkg] of [
        ['etcd', '.'],
        ['etcdctl', './etcdctl'],
      ]) {
        execFileSync('go', ['build', '-trimpath', '-o', path.join(bin, name), pkg], {
          cwd: src,
          env: { ...process.env, ...goEnv(arch), GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' },
        })
      }
      const entries = [
        { name: `${top}/README.md`, data: 'etcd release\n' },
        { name: `${top}/etcd`, file: path.join(bin, 'etcd') },
        { name: `${top}/etcdctl`, file: path.join(bin, 'etcdctl') },
      ]
      const tgz = path.join(rel, `${top}.tar.gz`)
      await writeTarGz(tgz, entries, { mtime: 1700000000 })
      sums.push(`${await sha256File(tgz)}  ${top}.tar.gz`)
      // The same binaries tagged as another release whose tarball lacks etcdctl.
      const broken = path.join(mirrorRoot, 'v3.4.23', `etcd-v3.4.23-linux-${arch.go}.tar.gz`)
      mkdirSync(path.dirname(broken), { recursive: true })
      await writeTarGz(
        broken,
        entries.slice(0, 2).map((e) => ({ ...e, name: e.name.replace(TAG, 'v3.4.23') })),
        { mtime: 1700000000 },
      )
      writeFileSync(path.join(mirrorRoot, 'v3.4.23', 'SHA256SUMS'), `${await sha256File(broken)}  ${path.basename(broken)}\n`, {
        flag: 'a',
      })
    }
    writeFileSync(path.join(rel, 'SHA256SUMS'), sums.join('\n') + '\n')
    mirror = await startMirror(mirrorRoot)
  })
  afterAll(async () => mirror?.close())

  async function build(inputs: Record<string, string>, opts: { toolCache?: string } = {}) {
    const out = tempDir('bs-etcd-out-')
    const res = await runDist('build-etcd-snap', { 'output-dir': out, ...inputs }, opts)
    return { res, out }
  }

  async function checkSnap(snap: string, arch: Arch, version: string): Promise<string> {
    const root = unsquash(snap)
    const yaml = parse(readFileSync(path.join(root, 'meta', 'snap.yaml'), 'utf8'))
    expect(yaml).toMatchObject({
      name: 'etcd',
      version,
      architectures: [arch.debian],
      confinement: 'strict',
      grade: 'stable',
      base: 'core22',
    })
    expect(yaml.apps).toEqual({
      etcd: { command: 'bin/snap-wrap.sh', daemon: 'simple', plugs: ['network', 'network-bind', 'removable-media'] },
      etcdctl: { command: 'bin/etcdctl', plugs: ['home', 'network', 'network-bind'] },
    })
    await expectElf(path.join(root, 'bin', 'etcd'), arch)
    await expectElf(path.join(root, 'bin', 'etcdctl'), arch)
    const wrapper = readFileSync(path.join(root, 'bin', 'snap-wrap.sh'), 'utf8')
    expect(wrapper).toBe(etcdWrapper(arch))
    if (arch.debian === 'amd64') expect(wrapper).not.toContain('ETCD_UNSUPPORTED_ARCH')
    else expect(wrapper).toContain(`export ETCD_UNSUPPORTED_ARCH=${arch.go}\n`)
    expect(readdirSync(root).sort()).toEqual(['bin', 'etcd.conf.yml.sample', 'meta'])
    return root
  }

  it.each(['amd64', 'arm64', 'armhf', 'ppc64el', 's390x'])('v3 checkout → %s snap: cross-compiled, smoke-run, packed', async (debian) => {
    const arch = parseArch(debian)
    const { res, out } = await build({ 'source-dir': checkout('v3'), arch: debian })
    expect(errorLines(res), res.log).toEqual([])
    expect(res.exitCode).toBe(0)
    const snap = path.join(out, `etcd_3.4.22_${debian}.snap`)
    expect(res.outputs).toMatchObject({ snap, version: '3.4.22', arch: debian, manifest: path.join(out, 'SHA256SUMS') })
    expect(readFileSync(res.outputs.manifest, 'utf8')).toContain(`${await sha256File(snap)}  etcd_3.4.22_${debian}.snap\n`) // with its SBOM and provenance (test/sbom.test.ts)
    expect(res.log).toContain(`etcd 3.4.22 from `)
    expect(res.log).toContain(`with go build, Go `)
    expect(res.log).toMatch(
      new RegExp(
        `etcd: ELF ${debian}; ran (natively|under qemu-[a-z0-9_]+-static|through binfmt_misc qemu-[a-z0-9_]+): etcd Version: 3.4.22`,
      ),
    )
    expect(res.log).toMatch(
      new RegExp(
        `etcdctl: ELF ${debian}; ran (natively|under qemu-[a-z0-9_]+-static|through binfmt_misc qemu-[a-z0-9_]+): etcdctl version: 3.4.22`,
      ),
    )
    await checkSnap(snap, arch, '3.4.22')
    fromSource.set(debian, snap)
  })

  /** The v3 fixture made strict like real etcd 3.4: on a GOARCH other than amd64/ppc64le it refuses to start without ETCD_UNSUPPORTED_ARCH=<GOARCH>. */
  function strictCheckout(): string {
    const dir = checkout('v3')
    const main = readFileSync(path.join(dir, 'main.go'), 'utf8')
      .replace('"os"', '"os"\n\t"runtime"')
      .replace(
        'func main() {',
        'func main() {\n\tif runtime.GOARCH != "amd64" && runtime.GOARCH != "ppc64le" && os.Getenv("ETCD_UNSUPPORTED_ARCH") != runtime.GOARCH {\n\t\tfmt.Fprintf(os.Stderr, "etcd on unsupported platform without ETCD_UNSUPPORTED_ARCH=%s set\\n", runtime.GOARCH)\n\t\tos.Exit(1)\n\t}',
      )
    writeFileSync(path.join(dir, 'main.go'), main)
    return dir
  }

  it.each(['armhf', 's390x', 'ppc64el'])(
    'an etcd that checks its arch like 3.4 passes the %s smoke run (ETCD_UNSUPPORTED_ARCH set where 3.4 needs it)',
    async (debian) => {
      const arch = parseArch(debian)
      const { res, out } = await build({ 'source-dir': strictCheckout(), arch: debian })
      expect(errorLines(res), res.log).toEqual([])
      const root = await checkSnap(path.join(out, `etcd_3.4.22_${debian}.snap`), arch, '3.4.22')
      const bare = spawnSync(`${arch.qemu}-static`, [path.join(root, 'bin', 'etcd'), '--version'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      })
      if (debian === 'ppc64el') expect(bare.status).toBe(0)
      else {
        expect(bare.status).toBe(1)
        expect(bare.stderr).toContain(`without ETCD_UNSUPPORTED_ARCH=${arch.go} set`)
      }
    },
  )

  it.each(['s390x', 'armhf'])('v2 checkout (GOPATH build script) → %s snap', async (debian) => {
    const arch = parseArch(debian)
    const { res, out } = await build({ 'source-dir': checkout('v2'), arch: debian })
    expect(errorLines(res), res.log).toEqual([])
    expect(res.log).toContain('with its build script (GOPATH)')
    expect(res.log).toMatch(/etcdctl: ELF .*; ran (under qemu-[a-z0-9]+-static|through binfmt_misc qemu-[a-z0-9]+): etcdctl version: 2.3.8/)
    await checkSnap(path.join(out, `etcd_2.3.8_${debian}.snap`), arch, '2.3.8')
  })

  it.each([
    ['v3', '3.4.22'],
    ['v2', '2.3.8'],
  ] as const)('rebuilds the %s snap byte-identically from another checkout path and a cold cache', async (layout, version) => {
    const a = await build({ 'source-dir': checkout(layout), arch: 'arm64' })
    const b = await build({ 'source-dir': checkout(layout), arch: 'arm64' })
    expect(a.res.exitCode, a.res.log).toBe(0)
    expect(b.res.exitCode, b.res.log).toBe(0)
    const name = `etcd_${version}_arm64.snap`
    expect(await sha256File(path.join(b.out, name))).toBe(await sha256File(path.join(a.out, name)))
  })

  it.each(['arm64', 's390x'])('release tarball → %s snap (SHA256SUMS checked), twice the same bytes', async (debian) => {
    const arch = parseArch(debian)
    const toolCache = tempDir('bs-etcd-tc-')
    const first = await build({ 'etcd-version': '3.4.22', arch: debian, 'base-url': mirror.url }, { toolCache })
    expect(errorLines(first.res), first.res.log).toEqual([])
    expect(first.res.log).toContain(
      `etcd 3.4.22: downloaded ${mirror.url}/${TAG}/etcd-${TAG}-linux-${arch.go}.tar.gz, sha256 verified (SHA256SUMS)`,
    )
    expect(first.res.log).toMatch(
      /etcdctl: ELF .*; ran (under qemu-[a-z0-9]+-static|through binfmt_misc qemu-[a-z0-9]+): etcdctl version: 3.4.22/,
    )
    const snap = path.join(first.out, `etcd_3.4.22_${debian}.snap`)
    await checkSnap(snap, arch, '3.4.22')
    const second = await build({ 'etcd-version': 'v3.4.22', arch: debian, 'base-url': mirror.url }, { toolCache })
    expect(second.res.log).toContain(`cache hit for ${mirror.url}/${TAG}/etcd-${TAG}-linux-${arch.go}.tar.gz`)
    expect(await sha256File(path.join(second.out, `etcd_3.4.22_${debian}.snap`))).toBe(await sha256File(snap))
  })

  describe('bad inputs: one clear error, exit 1, no stack, no snap written', () => {
    const badCheckout = () => {
      const dir = checkout('v3')
      writeFileSync(path.join(dir, 'etcdctl', 'main.go'), 'package main\n\nfunc main() { undefinedCall() }\n')
      return dir
    }
    const failingScript = () => {
      const dir = checkout('v2')
      writeFileSync(path.join(dir, 'build'), '#!/bin/sh\necho "godep: missing workspace" >&2\nexit 3\n')
      return dir
    }
    const cases: Array<[string, () => Record<string, string>, RegExp]> = [
      ['neither source', () => ({}), /^neither source-dir nor etcd-version is set; set source-dir \(an etcd checkout\) or etcd-version/],
      ['both sources', () => ({ 'source-dir': FIXTURES, 'etcd-version': TAG }), /^source-dir and etcd-version are both set/],
      ['a bad etcd-version', () => ({ 'etcd-version': 'latest' }), /^etcd-version: 'latest' is not an etcd release; use e.g. v3.4.22/],
      ['a bad arch', () => ({ 'etcd-version': TAG, arch: 'sparc' }), /^arch: unknown architecture 'sparc'/],
      ['a malformed sha256', () => ({ 'etcd-version': TAG, sha256: 'abc' }), /^sha256: 'abc' is not a sha256 digest \(64 hex digits\)/],
      ['sha256 with source-dir', () => ({ 'source-dir': FIXTURES, sha256: 'a'.repeat(64) }), /^sha256: only used with etcd-version/],
      ['a bad base-url', () => ({ 'etcd-version': TAG, 'base-url': 'ftp://x' }), /^base-url: 'ftp:\/\/x' is not an http\(s\) URL/],
      [
        'a directory that is no etcd checkout',
        () => ({ 'source-dir': FIXTURES }),
        /^source-dir: '.*fixtures\/etcd' is not an etcd checkout/,
      ],
      [
        'a checkout that does not compile',
        () => ({ 'source-dir': badCheckout(), arch: 'arm64' }),
        /^etcdctl 3.4.22 for arm64: go build failed \(exit \d+\): .*undefined: undefinedCall/,
      ],
      [
        'a build script that fails',
        () => ({ 'source-dir': failingScript(), arch: 's390x' }),
        /^etcd 2.3.8 for s390x: `sh -e .\/build` failed \(exit 3\): godep: missing workspace/,
      ],
      [
        'a release without the arch',
        () => ({ 'etcd-version': TAG, arch: 'ppc64el', 'base-url': mirror.url }),
        /^http:\/\/127.0.0.1:\d+\/v3.4.22\/SHA256SUMS lists no sha256 for etcd-v3.4.22-linux-ppc64le.tar.gz/,
      ],
      [
        'a release that does not exist',
        () => ({ 'etcd-version': 'v9.9.9', arch: 'arm64', 'base-url': mirror.url }),
        /^download failed: http:\/\/127.0.0.1:\d+\/v9.9.9\/SHA256SUMS: HTTP 404/,
      ],
      [
        'a wrong sha256',
        () => ({ 'etcd-version': TAG, arch: 'arm64', 'base-url': mirror.url, sha256: '0'.repeat(64) }),
        /^checksum mismatch: http:\/\/127.0.0.1:\d+\/v3.4.22\/etcd-v3.4.22-linux-arm64.tar.gz: sha256 is [0-9a-f]{64}, expected 0{64}/,
      ],
      [
        'a tarball without etcdctl',
        () => ({ 'etcd-version': 'v3.4.23', arch: 's390x', 'base-url': mirror.url }),
        /^http:\/\/127.0.0.1:\d+\/v3.4.23\/etcd-v3.4.23-linux-s390x.tar.gz: no etcdctl inside/,
      ],
    ]
    it.each(cases)('%s', async (_what, inputs, message) => {
      const { res, out } = await build(inputs())
      expect(res.exitCode).toBe(1)
      const errors = errorLines(res)
      expect(errors, res.log).toHaveLength(1)
      expect(errors[0].replace(/^::error::/, '').replace(/%0A/g, '\n')).toMatch(message)
      expect(res.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
      expect(readdirSync(out)).toEqual([])
    })
  })
})
