/**
 * Benchmarks for the Kubernetes snaps (issue 2), measured side by side in one run on the same inputs:
 *   1. our packer vs `snap pack` on the same staged snap (ratio; expect ~1.0, and identical bytes);
 *   2. a cold vs a warm (cached) build of 7 components x 2 arches from a loopback mirror (target: warm <= 10% of cold);
 *   3. peak memory (max RSS) of the action process.
 * Run: npx vite-node bench/snaps.ts   (needs go, mksquashfs, snap, qemu-user-static)
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { populateK8sMirror } from '../cli/fake-k8s.js'
import { startMirror } from '../cli/mirror.js'
import { parseArch } from '../shared/arch.js'
import { COMPONENTS, componentSnapYaml, daemonWrapper } from '../shared/k8s.js'
import { packSnap, stageSnap } from '../shared/snap/pack.js'

const root = path.resolve(import.meta.dirname, '..')
const tmp = mkdtempSync(path.join(tmpdir(), 'bench-snaps-'))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function packerVsSnapPack(rounds = 3): Promise<void> {
  // A realistic payload: the Go toolchain binary (tens of MB, like kubelet), staged as a kubelet snap.
  const payload = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim() + '/bin/go'
  const kubelet = COMPONENTS.find((c) => c.name === 'kubelet')!
  const dir = path.join(tmp, 'stage')
  await stageSnap(
    dir,
    componentSnapYaml(kubelet, 'v1.31.2', parseArch('s390x')),
    [
      { path: 'kubelet', source: payload, executable: true },
      { path: 'bin/kubelet-wrapper', content: daemonWrapper('kubelet'), executable: true },
    ],
    1700000000,
  )
  const ours: number[] = []
  const theirs: number[] = []
  let same = true
  for (let i = 0; i < rounds; i++) {
    const a = path.join(tmp, `ours-${i}.snap`)
    let t = performance.now()
    await packSnap(dir, a, 1700000000)
    ours.push(performance.now() - t)
    const outDir = path.join(tmp, `snap-pack-${i}`)
    mkdirSync(outDir)
    t = performance.now()
    const r = spawnSync('snap', ['pack', dir, outDir], { env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }, encoding: 'utf8' })
    theirs.push(performance.now() - t)
    if (r.status !== 0) throw new Error(`snap pack failed: ${r.stderr}`)
    const b = path.join(outDir, 'kubelet_1.31.2_s390x.snap')
    same &&= readFileSync(a).equals(readFileSync(b))
  }
  console.log(`1. packer (${(readFileSync(payload).length / 1e6).toFixed(0)} MB kubelet-sized payload, median of ${rounds}, interleaved)`)
  console.log(
    `   ours ${fmt(median(ours))}   snap pack ${fmt(median(theirs))}   ratio ours/snap-pack = ${(median(ours) / median(theirs)).toFixed(2)}   identical bytes: ${same}`,
  )
}

/** Run the bundle asynchronously (the loopback mirror lives in this process and must keep serving). */
async function runAction(env: Record<string, string>): Promise<{ ms: number; maxRssKb: number; ok: boolean }> {
  const t = performance.now()
  // /usr/bin/time -f %M gives the peak RSS of the action process.
  const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'dist/build-k8s-snaps/index.js')], {
    env: { ...process.env, ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const r = { status, stdout, stderr }
  const ms = performance.now() - t
  const rss = Number(r.stderr.trim().split('\n').pop())
  if (r.status !== 0)
    console.error(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error'))
        .join('\n'),
      r.stderr.slice(-500),
    )
  return { ms, maxRssKb: rss, ok: r.status === 0 }
}

async function coldVsWarm(rounds = 3): Promise<void> {
  const arches = ['amd64', 's390x'].map((a) => parseArch(a))
  const mirrorRoot = path.join(tmp, 'mirror')
  await populateK8sMirror(mirrorRoot, 'v1.31.2', arches, path.join(tmpdir(), 'build-snaps-fake-k8s'))
  // Pad each stand-in binary to a real kubelet's size class (40 MB), so downloads weigh what they do upstream.
  const { createHash, randomBytes } = await import('node:crypto')
  for (const a of arches) {
    const dir = path.join(mirrorRoot, 'release/v1.31.2/bin/linux', a.k8s)
    const padded = Buffer.concat([readFileSync(path.join(dir, 'kubectl')), randomBytes(40e6)])
    for (const c of COMPONENTS) {
      writeFileSync(path.join(dir, c.name), padded)
      writeFileSync(path.join(dir, `${c.name}.sha256`), createHash('sha256').update(padded).digest('hex'))
    }
  }
  const mirror = await startMirror(mirrorRoot)
  const cold: number[] = []
  const warm: number[] = []
  let rss = 0
  try {
    for (let i = 0; i < rounds; i++) {
      const cache = path.join(tmp, `cache-${i}`)
      const once = async (label: string[]) => {
        let total = 0
        for (const a of arches) {
          const out = path.join(tmp, `out-${i}-${label}`)
          const work = mkdtempSync(path.join(tmp, 'w-'))
          const summary = path.join(work, 's')
          writeFileSync(summary, '')
          writeFileSync(path.join(work, 'o'), '')
          const r = await runAction({
            'INPUT_KUBE-VERSION': 'v1.31.2',
            INPUT_ARCH: a.debian,
            INPUT_COMPONENTS: COMPONENTS.map((c) => c.name).join(' '),
            'INPUT_BASE-URL': mirror.url,
            'INPUT_OUTPUT-DIR': out,
            INPUT_VERIFY: 'true',
            GITHUB_OUTPUT: path.join(work, 'o'),
            GITHUB_STEP_SUMMARY: summary,
            RUNNER_TEMP: work,
            BUILD_SNAPS_CACHE_DIR: cache,
            SOURCE_DATE_EPOCH: '1700000000',
          })
          if (!r.ok) throw new Error(`build failed for ${a.debian}`)
          total += r.ms
          rss = Math.max(rss, r.maxRssKb)
        }
        return total
      }
      cold.push(await once(['cold']))
      warm.push(await once(['warm']))
      rmSync(cache, { recursive: true, force: true })
    }
  } finally {
    await mirror.close()
  }
  const ratio = median(warm) / median(cold)
  console.log(
    `2. 7 components x 2 arches (amd64, s390x; 40 MB binaries) from a loopback mirror, median of ${rounds}, cold then warm each round`,
  )
  console.log(
    `   cold ${fmt(median(cold))}   warm ${fmt(median(warm))}   warm/cold = ${(ratio * 100).toFixed(1)} %   (target <= 10 %: ${ratio <= 0.1 ? 'met' : 'NOT met'})`,
  )
  console.log(`3. peak memory of the action process (max RSS): ${(rss / 1024).toFixed(0)} MiB`)
}

try {
  await packerVsSnapPack()
  await coldVsWarm()
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
