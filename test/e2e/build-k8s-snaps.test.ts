/**
 * build-k8s-snaps end to end: dist/build-k8s-snaps/index.js run as the runner runs it, against a loopback
 * dl.k8s.io mirror of real cross-compiled binaries, with real mksquashfs, unsquashfs, snap and qemu.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import type { Mirror } from '../../cli/mirror.js'
import { parseArch } from '../../shared/arch.js'
import { parseElfHeader } from '../../shared/elf.js'
import { which } from '../../shared/exec.js'
import { snapYamlProblems, type SnapYaml } from '../../shared/snap/snapyaml.js'
import { KUBE_VERSION, k8sMirror } from '../helpers/k8s-mirror.js'
import { type DistRun, clearFailure, runDist, tempDir } from '../helpers/runner.js'

let mirror: Mirror
let mirrorRoot: string
const fast = { BUILD_SNAPS_HTTP_BACKOFF_MS: '10', BUILD_SNAPS_HTTP_ATTEMPTS: '3', BUILD_SNAPS_HTTP_TIMEOUT: '2' }

beforeAll(async () => {
  ;({ mirror, root: mirrorRoot } = await k8sMirror(['amd64', 's390x', 'ppc64el'].map((a) => parseArch(a))))
})
afterAll(() => mirror?.close())
beforeEach(() => {
  mirror.faults.length = 0
  mirror.requests.length = 0
})

function build(inputs: Record<string, string>, env: Record<string, string | undefined> = {}, toolCache?: string): Promise<DistRun> {
  return runDist(
    'build-k8s-snaps',
    { 'base-url': mirror.url, 'output-dir': tempDir('bs-out-'), ...inputs },
    { env: { ...fast, ...env }, toolCache },
  )
}

function unsquash(snap: string): string {
  const dir = path.join(tempDir('bs-unsq-'), 'root')
  execFileSync('unsquashfs', ['-q', '-n', '-d', dir, snap])
  return dir
}

describe.each(['amd64', 's390x', 'ppc64el'])('all seven snaps for %s', (archName) => {
  const arch = parseArch(archName)
  let run: DistRun
  let snaps: string[]
  beforeAll(async () => {
    run = await build({ 'kube-version': KUBE_VERSION, arch: archName })
    snaps = JSON.parse(run.outputs.snaps ?? '[]')
  })
  test('succeeds with the documented outputs', () => {
    expect(run.exitCode, run.log).toBe(0)
    expect(run.outputs.version).toBe('1.31.2')
    expect(run.outputs.arch).toBe(archName)
    expect(snaps.map((s) => path.basename(s))).toEqual(
      ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm'].map(
        (n) => `${n}_1.31.2_${archName}.snap`,
      ),
    )
  })
  test('SHA256SUMS covers every snap and checks out with sha256sum -c', () => {
    const sums = readFileSync(run.outputs.manifest, 'utf8')
    expect(sums.trim().split('\n')).toHaveLength(15) // 7 snaps, their SBOMs, the provenance
    execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: path.dirname(run.outputs.manifest) })
    expect(existsSync(path.join(path.dirname(run.outputs.manifest), 'manifest.json'))).toBe(true)
  })
  test('each snap unsquashes to a valid snap.yaml for the Debian arch, and its binary is the right ELF and runs under qemu', () => {
    for (const snap of snaps) {
      const name = path.basename(snap).split('_')[0]
      const dir = unsquash(snap)
      const y = parse(readFileSync(path.join(dir, 'meta', 'snap.yaml'), 'utf8')) as SnapYaml
      expect(y.name).toBe(name)
      expect(y.version).toBe('1.31.2')
      expect(y.architectures).toEqual([archName])
      expect(snapYamlProblems(y)).toEqual([])
      execFileSync('snap', ['pack', '--check-skeleton', dir])
      const bin = path.join(dir, name)
      const h = parseElfHeader(readFileSync(bin))
      expect(h).toMatchObject({ machine: arch.elf.machine, bits: arch.elf.bits, endian: arch.elf.endian })
      const args = name === 'kubectl' ? ['version', '--client'] : name === 'kubeadm' ? ['version', '-o', 'short'] : ['--version']
      const out = archName === 'amd64' ? execFileSync(bin, args) : execFileSync(`${arch.qemu}-static`, [bin, ...args])
      expect(out.toString()).toContain(KUBE_VERSION)
    }
  })
  test('the log and the summary say how each binary was verified', () => {
    // A foreign binary runs through a registered binfmt_misc handler when there is one, else under qemu-<arch>-static.
    const how = archName === 'amd64' ? 'ran natively' : `ran (?:under ${arch.qemu}-static|through binfmt_misc ${arch.qemu})`
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect(run.stdout).toMatch(
      new RegExp(
        `kubelet: downloaded ${esc(`${mirror.url}/release/${KUBE_VERSION}/bin/linux/${arch.k8s}/kubelet`)}, sha256 verified; ELF ${archName}; ${how}: Kubernetes ${esc(KUBE_VERSION)}`,
      ),
    )
    expect(run.summary).toContain(`### Kubernetes 1.31.2 snaps for ${archName}`)
    expect(run.summary).toContain(`| kubelet_1.31.2_${archName}.snap | ${archName} |`)
    expect(run.summary).toMatch(new RegExp(`- kubectl: sha256, ELF ${archName}, ${how}: Client Version: ${KUBE_VERSION}`))
  })
})

describe('reproducibility and caching', () => {
  test('two runs give byte-identical snaps', async () => {
    const a = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl kubelet' })
    const b = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl kubelet' })
    expect(a.exitCode, a.log).toBe(0)
    expect(b.exitCode, b.log).toBe(0)
    const sa = JSON.parse(a.outputs.snaps) as string[]
    const sb = JSON.parse(b.outputs.snaps) as string[]
    expect(sa.map((f) => readFileSync(f).toString('base64'))).toEqual(sb.map((f) => readFileSync(f).toString('base64')))
    expect(readFileSync(a.outputs.manifest, 'utf8')).toBe(readFileSync(b.outputs.manifest, 'utf8'))
  })
  test('a warm run is served from the download cache (only the .sha256 files are fetched again)', async () => {
    const cache = tempDir('bs-toolcache-')
    const cold = await build({ 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl kubelet' }, {}, cache)
    expect(cold.exitCode, cold.log).toBe(0)
    mirror.requests.length = 0
    const warm = await build({ 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl kubelet' }, {}, cache)
    expect(warm.exitCode, warm.log).toBe(0)
    expect(mirror.requests.sort()).toEqual([
      `/release/${KUBE_VERSION}/bin/linux/amd64/kubectl.sha256`,
      `/release/${KUBE_VERSION}/bin/linux/amd64/kubelet.sha256`,
    ])
    expect(warm.stdout).toContain('kubectl: cache hit for')
  })
  test.each([['stable'], ['stable-1.31'], ['1.31.2']])('kube-version %s resolves to 1.31.2', async (v) => {
    const r = await build({ 'kube-version': v, arch: 'amd64', components: 'kubectl' })
    expect(r.exitCode, r.log).toBe(0)
    expect(r.outputs.version).toBe('1.31.2')
  })
  test('several runs into one output-dir: SHA256SUMS covers every snap there', async () => {
    const out = tempDir('bs-shared-out-')
    expect((await build({ 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl', 'output-dir': out })).exitCode).toBe(0)
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'output-dir': out })
    expect(r.exitCode, r.log).toBe(0)
    expect(readFileSync(r.outputs.manifest, 'utf8')).toMatch(/kubectl_1\.31\.2_amd64\.snap\n.*kubectl_1\.31\.2_s390x\.snap\n/s) // then the SBOMs and both provenance statements
    execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out })
  })
})

describe('faults at the mirror', () => {
  const kubectl = `/release/${KUBE_VERSION}/bin/linux/s390x/kubectl`
  test.each([
    ['500 then success', { kind: 'status', status: 500 } as const],
    ['429', { kind: 'status', status: 429 } as const],
    ['connection reset mid-body', { kind: 'reset' } as const],
    ['truncated body', { kind: 'truncate' } as const],
  ])('%s: recovers, and the retry is in the log', async (_n, fault) => {
    mirror.faults.push({ match: kubectl, fault, times: 1 })
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl' })
    expect(r.exitCode, r.log).toBe(0)
    expect(r.stdout).toMatch(/::warning::.*kubectl: .*retrying in \d+ ms \(attempt 2 of 3\)/)
    expect(mirror.requests.filter((p) => p === kubectl)).toHaveLength(2)
  })

  async function failsWithoutLeftovers(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<string> {
    const out = tempDir('bs-fail-out-')
    const cache = tempDir('bs-fail-cache-')
    const r = await build(
      { 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl kubelet', 'output-dir': out, ...inputs },
      env,
      cache,
    )
    const line = clearFailure(r)
    expect(readdirSync(out)).toEqual([])
    const cached = existsSync(path.join(cache, 'build-snaps', 'downloads'))
      ? readdirSync(path.join(cache, 'build-snaps', 'downloads'), { recursive: true }).map(String)
      : []
    expect(cached.filter((f) => f.endsWith('/kubectl'))).toEqual([])
    return line
  }
  test('a persistent 500 fails with one line naming the URL; no snap, no cache entry', async () => {
    mirror.faults.push({ match: kubectl, fault: { kind: 'status', status: 500 } })
    expect(await failsWithoutLeftovers({})).toBe(
      `download failed: ${mirror.url}${kubectl}: HTTP 500 Internal Server Error after 3 attempts`,
    )
  })
  test('a wrong checksum fails with one line naming the URL; no snap, no cache entry', async () => {
    mirror.faults.push({ match: kubectl, fault: { kind: 'corrupt' } })
    expect(await failsWithoutLeftovers({})).toMatch(
      new RegExp(`^checksum mismatch: ${mirror.url}${kubectl}: sha256 is [0-9a-f]{64}, expected [0-9a-f]{64}`),
    )
  })
  test('a 404 of one binary is not retried and fails naming it; the other binary leaves no snap either', async () => {
    mirror.faults.push({ match: kubectl, fault: { kind: 'status', status: 404 } })
    expect(await failsWithoutLeftovers({})).toBe(`download failed: ${mirror.url}${kubectl}: HTTP 404 Not Found (not retried)`)
    expect(mirror.requests.filter((p) => p === kubectl)).toHaveLength(1)
  })
  test('an arch the server lacks fails naming the URL of its .sha256', async () => {
    const line = await failsWithoutLeftovers({ arch: 'riscv64' })
    expect(line).toMatch(
      new RegExp(
        `^download failed: ${mirror.url}/release/${KUBE_VERSION}/bin/linux/riscv64/(kubectl|kubelet)\\.sha256: HTTP 404 Not Found \\(not retried\\)$`,
      ),
    )
  })
  test('a server slower than the timeout fails as a time-out', async () => {
    mirror.faults.push({ match: kubectl, fault: { kind: 'delay', ms: 2500 } })
    expect(await failsWithoutLeftovers({}, { BUILD_SNAPS_HTTP_TIMEOUT: '1', BUILD_SNAPS_HTTP_ATTEMPTS: '2' })).toBe(
      `download failed: ${mirror.url}${kubectl}: no data for 1s (timed out) after 2 attempts`,
    )
  })
})

describe('bad inputs: one clear line, exit 1, nothing written', () => {
  test.each([
    [{ arch: 'i386' }, /^arch: unknown architecture 'i386'; use one of amd64, arm64, armhf, ppc64el, s390x, riscv64/],
    [{ 'kube-version': '1.31' }, /^kube-version: '1\.31' is not a Kubernetes version; use v1\.31\.2, 1\.31\.2, stable or stable-1\.31$/],
    [{ 'kube-version': '' }, /^input 'kube-version' is required/],
    [{ components: ' , ' }, /^components: empty; use one or more of kubectl/],
    [{ components: 'kubectl kube-dns' }, /^components: unknown component 'kube-dns'/],
    [{ 'base-url': 'ftp://x' }, /^base-url: 'ftp:\/\/x' is not an http\(s\) URL/],
    [{ verify: 'sometimes' }, /^verify: 'sometimes' is not a boolean/],
    [
      { 'output-dir': '/proc/version/snaps' },
      /^output-dir: '\/proc\/version\/snaps' is under \/proc, a kernel file system; choose a directory on disk$/,
    ],
  ])('%j', async (inputs, expected) => {
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl', ...inputs })
    expect(clearFailure(r)).toMatch(expected)
    expect(r.outputs).toEqual({})
  })

  test('binaries-dir missing a file names the file', async () => {
    const dir = tempDir('bs-bins-')
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl', 'binaries-dir': dir })
    expect(clearFailure(r)).toBe(
      `binaries-dir: '${dir}/kubectl' does not exist; put the kubectl binary there or drop kubectl from components`,
    )
  })
  test('a binary of the wrong arch in binaries-dir is refused by the ELF check', async () => {
    const dir = tempDir('bs-bins-')
    copyFileSync(path.join(mirrorRoot, 'release', KUBE_VERSION, 'bin/linux/ppc64le/kubectl'), path.join(dir, 'kubectl'))
    const out = tempDir('bs-out-')
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'binaries-dir': dir, 'output-dir': out })
    expect(clearFailure(r)).toBe(
      'kubectl is built for ppc64el (ELF machine 21, 64-bit LSB), not s390x; use the s390x binary (Go/Kubernetes name s390x)',
    )
    expect(readdirSync(out)).toEqual([])
  })
})

describe('air-gapped mode, verification switches, artifacts', () => {
  function binariesDir(withSums: boolean): string {
    const dir = tempDir('bs-bins-')
    for (const f of ['kubectl', 'kubectl.sha256']) {
      if (f.endsWith('.sha256') && !withSums) continue
      copyFileSync(path.join(mirrorRoot, 'release', KUBE_VERSION, 'bin/linux/s390x', f), path.join(dir, f))
    }
    return dir
  }
  test('binaries-dir with .sha256: verified, nothing downloaded', async () => {
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'binaries-dir': binariesDir(true) })
    expect(r.exitCode, r.log).toBe(0)
    expect(mirror.requests).toEqual([])
    expect(r.stdout).toMatch(
      /kubectl: from .*\/kubectl, sha256 verified; ELF s390x; ran (under qemu-s390x-static|through binfmt_misc qemu-s390x)/,
    )
  })
  test('binaries-dir without .sha256: built, with a warning that it was not checksum-verified', async () => {
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'binaries-dir': binariesDir(false) })
    expect(r.exitCode, r.log).toBe(0)
    expect(r.stdout).toContain('::warning::kubectl: no kubectl.sha256 beside it in binaries-dir; not checksum-verified')
  })
  test('a binaries-dir .sha256 that does not match is refused', async () => {
    const dir = binariesDir(true)
    writeFileSync(path.join(dir, 'kubectl.sha256'), '0'.repeat(64))
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'binaries-dir': dir })
    expect(clearFailure(r)).toMatch(/^checksum mismatch: .*\/kubectl: sha256 is [0-9a-f]{64}, .*kubectl\.sha256 says 0{64}/)
  })
  test('no emulator and none installable, smoke-run: auto: warns, skips only the smoke run, still checks the ELF arch', async () => {
    const bin = tempDir('bs-path-')
    for (const tool of ['mksquashfs', 'unsquashfs', 'snap', 'git']) {
      const found = which(tool)
      if (found) symlinkSync(found, path.join(bin, tool))
    }
    // (the default on a runner, smoke-run: required, fails instead: test/e2e/smoke-run.test.ts)
    const r = await build(
      { 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', 'smoke-run': 'auto' },
      { PATH: bin, BUILD_SNAPS_BINFMT_DIR: tempDir('bs-binfmt-') },
    )
    expect(r.exitCode, r.log).toBe(0)
    expect(r.stdout).toContain(
      '::warning::smoke runs skipped for s390x: no enabled binfmt_misc handler matches s390x ELF files and neither qemu-s390x-static nor qemu-s390x is on PATH; ELF checks still apply',
    )
    expect(r.stdout).toContain('ELF s390x; smoke run skipped')
  })
  test('verify: false skips the checks and says so', async () => {
    const r = await build({ 'kube-version': KUBE_VERSION, arch: 's390x', components: 'kubectl', verify: 'false' })
    expect(r.exitCode, r.log).toBe(0)
    expect(r.stdout).toContain('verification off')
  })
  test('artifact-name off a runner copies the snaps and SHA256SUMS to artifacts/<name>, said once', async () => {
    const artifacts = tempDir('bs-art-')
    const r = await build(
      { 'kube-version': KUBE_VERSION, arch: 'amd64', components: 'kubectl kubelet', 'artifact-name': 'snaps-amd64' },
      { BUILD_SNAPS_ARTIFACT_DIR: artifacts },
    )
    expect(r.exitCode, r.log).toBe(0)
    expect(readdirSync(path.join(artifacts, 'snaps-amd64')).sort()).toEqual([
      'SHA256SUMS',
      'kubectl_1.31.2_amd64.snap',
      'kubectl_1.31.2_amd64.snap.spdx.json',
      'kubelet_1.31.2_amd64.snap',
      'kubelet_1.31.2_amd64.snap.spdx.json',
      'provenance.build-k8s-snaps.amd64.intoto.json',
    ])
    expect(r.stdout.match(/No GitHub Actions artifact service here/g)).toHaveLength(1)
  })
})
