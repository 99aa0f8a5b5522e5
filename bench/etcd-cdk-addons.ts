/**
 * Benchmark of build-etcd-snap and build-cdk-addons-snap (issue 5), side by side in one run, through the dist
 * bundles exactly as the runner runs them, against loopback mirrors of really cross-compiled stand-ins:
 *  - etcd from the v3 checkout fixture for arm64: cold Go cache vs warm Go cache, with and without the qemu
 *    smoke runs, and from the release tarball (first download vs download cache);
 *  - cdk-addons for arm64 with and without verification;
 *  - the full CDK snap set (7 Kubernetes snaps + etcd + cdk-addons) for amd64, arm64, ppc64el and s390x from
 *    this one amd64 machine, sequentially: the total, and every snap rebuilt byte-identically.
 * Prints medians and the ratios. Run: npx vite-node bench/etcd-cdk-addons.ts [--rounds 3]
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { populateK8sMirror } from '../cli/fake-k8s.js'
import { startMirror } from '../cli/mirror.js'
import { goEnv, parseArch } from '../shared/arch.js'
import { writeTarGz } from '../shared/archive.js'
import { run } from '../shared/exec.js'
import { sha256File } from '../shared/files.js'
import { type DistRun, repoRoot, runDist, tempDir } from '../test/helpers/runner.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const rounds = arg('rounds', 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const KUBE = 'v1.31.2'
const TAG = 'v3.4.22'
const TARGETS = ['amd64', 'arm64', 'ppc64el', 's390x'].map((a) => parseArch(a))

function checkout(): string {
  const dir = path.join(tempDir('bench-etcd-'), 'etcd')
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'etcd', 'v3'), dir, { recursive: true })
  return dir
}

// Mirrors: dl.k8s.io layout (stand-in binaries) and an etcd release per target (binaries from the v3 fixture).
const root = tempDir('bench-mirror-')
await populateK8sMirror(root, KUBE, TARGETS, path.join(tempDir('bench-fake-k8s-'), 'b'))
const src = checkout()
const sums: string[] = []
mkdirSync(path.join(root, TAG), { recursive: true })
for (const arch of TARGETS) {
  const top = `etcd-${TAG}-linux-${arch.go}`
  const bin = path.join(src, 'out', arch.debian)
  for (const [name, pkg] of [
    ['etcd', '.'],
    ['etcdctl', './etcdctl'],
  ]) {
    await run('go', ['build', '-trimpath', '-o', path.join(bin, name), pkg], {
      cwd: src,
      env: { ...goEnv(arch), GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' },
    })
  }
  const tgz = path.join(root, TAG, `${top}.tar.gz`)
  await writeTarGz(
    tgz,
    [
      { name: `${top}/etcd`, file: path.join(bin, 'etcd') },
      { name: `${top}/etcdctl`, file: path.join(bin, 'etcdctl') },
    ],
    { mtime: 1700000000 },
  )
  sums.push(`${await sha256File(tgz)}  ${top}.tar.gz`)
}
writeFileSync(path.join(root, TAG, 'SHA256SUMS'), sums.join('\n') + '\n')
const mirror = await startMirror(root)
const CDK_ADDONS = path.join(repoRoot, 'test', 'fixtures', 'cdk-addons')

async function timed(action: string, inputs: Record<string, string>, toolCache?: string): Promise<{ ms: number; run: DistRun }> {
  const t = performance.now()
  const res = await runDist(action, { 'output-dir': tempDir('bench-out-'), ...inputs }, { toolCache })
  const ms = performance.now() - t
  if (res.exitCode !== 0) throw new Error(`${action} failed:\n${res.log}`)
  return { ms, run: res }
}

const rows: Record<string, number[]> = {}
const add = (k: string, ms: number) => (rows[k] ??= []).push(ms)
try {
  for (let r = 0; r < rounds; r++) {
    const tc = tempDir('bench-tc-')
    add('etcd source, cold Go cache', (await timed('build-etcd-snap', { 'source-dir': checkout(), arch: 'arm64' }, tc)).ms)
    add('etcd source, warm Go cache', (await timed('build-etcd-snap', { 'source-dir': checkout(), arch: 'arm64' }, tc)).ms)
    add(
      'etcd source, warm, verify off',
      (await timed('build-etcd-snap', { 'source-dir': checkout(), arch: 'arm64', verify: 'false' }, tc)).ms,
    )
    const rtc = tempDir('bench-tc-')
    add(
      'etcd release, first download',
      (await timed('build-etcd-snap', { 'etcd-version': TAG, arch: 'arm64', 'base-url': mirror.url }, rtc)).ms,
    )
    add(
      'etcd release, download cache',
      (await timed('build-etcd-snap', { 'etcd-version': TAG, arch: 'arm64', 'base-url': mirror.url }, rtc)).ms,
    )
    add(
      'cdk-addons, verify on',
      (await timed('build-cdk-addons-snap', { 'kube-version': KUBE, arch: 'arm64', 'source-dir': CDK_ADDONS, 'base-url': mirror.url }, rtc))
        .ms,
    )
    add(
      'cdk-addons, verify off',
      (
        await timed(
          'build-cdk-addons-snap',
          { 'kube-version': KUBE, arch: 'arm64', 'source-dir': CDK_ADDONS, 'base-url': mirror.url, verify: 'false' },
          rtc,
        )
      ).ms,
    )
  }

  // The full CDK snap set for four arches from this amd64 machine, twice (second pass: byte-identical?).
  const sets: Array<Record<string, string>> = []
  const setMs: number[] = []
  for (let pass = 0; pass < 2; pass++) {
    const out = tempDir('bench-set-')
    const tc = tempDir('bench-tc-')
    const t = performance.now()
    for (const arch of TARGETS) {
      await timed('build-k8s-snaps', { 'kube-version': KUBE, arch: arch.debian, 'base-url': mirror.url, 'output-dir': out }, tc)
      await timed('build-etcd-snap', { 'source-dir': checkout(), arch: arch.debian, 'output-dir': out }, tc)
      await timed(
        'build-cdk-addons-snap',
        { 'kube-version': KUBE, arch: arch.debian, 'source-dir': CDK_ADDONS, 'base-url': mirror.url, 'output-dir': out },
        tc,
      )
    }
    setMs.push(performance.now() - t)
    const digests: Record<string, string> = {}
    for (const f of readdirSync(out).filter((n) => n.endsWith('.snap'))) digests[f] = await sha256File(path.join(out, f))
    sets.push(digests)
  }
  const names = Object.keys(sets[0]).sort()
  const identical = names.filter((n) => sets[1][n] === sets[0][n]).length

  const m = (k: string) => median(rows[k])
  const w = Math.max(...Object.keys(rows).map((k) => k.length))
  console.log(`build-etcd-snap / build-cdk-addons-snap for arm64 from an amd64 host, dist bundles, median of ${rounds} rounds:`)
  for (const k of Object.keys(rows)) console.log(`  ${k.padEnd(w)}  ${(m(k) / 1000).toFixed(2)} s`)
  console.log('ratios:')
  console.log(
    `  Go cache: cold / warm source build                  ${(m('etcd source, cold Go cache') / m('etcd source, warm Go cache')).toFixed(2)}x`,
  )
  console.log(
    `  qemu smoke runs: etcd verify on / off (warm)        ${(m('etcd source, warm Go cache') / m('etcd source, warm, verify off')).toFixed(2)}x`,
  )
  console.log(
    `  etcd source (warm) / release tarball (cached)       ${(m('etcd source, warm Go cache') / m('etcd release, download cache')).toFixed(2)}x`,
  )
  console.log(
    `  cdk-addons verify on / off                          ${(m('cdk-addons, verify on') / m('cdk-addons, verify off')).toFixed(2)}x`,
  )
  console.log(
    `full CDK snap set (${names.length} snaps: 7 Kubernetes + etcd + cdk-addons x ${TARGETS.length} arches) from one amd64 machine:`,
  )
  console.log(
    `  first pass ${(setMs[0] / 1000).toFixed(1)} s, second pass ${(setMs[1] / 1000).toFixed(1)} s; ${identical} of ${names.length} snaps byte-identical across passes`,
  )
} finally {
  await mirror.close()
}
