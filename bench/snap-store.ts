/**
 * Benchmark of a release's Snap Store steps (the snaps job), side by side in one run, against the snapcraft TEST
 * DOUBLE with a fixed store latency per call (SNAPCRAFT_DOUBLE_LATENCY_MS, default 300 ms: the double's own
 * work is small, the store's round trips are what a release waits for). 8 snaps × 4 arches (tiny real snaps made
 * with `snap pack`), released to 2 channels: the first release one call at a time, the first release at the
 * job's bound (4), and a re-run. Prints snapcraft calls by command, wall time, and the ratios.
 * Run: npx vite-node bench/snap-store.ts [--latency 300]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DEFAULT_PARALLEL, checkSnaps, publish, readStatus, statusOrThrow, verifyLines } from '../shared/snap-store/publish.js'
import { planPublish, type SnapArtifact } from '../shared/snap-store/plan.js'
import { SnapStore } from '../shared/snap-store/snapcraft.js'
import { sha256File } from '../shared/files.js'
import { repoRoot, tempDir } from '../test/helpers/runner.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const latency = arg('latency', 300)
const SNAPCRAFT = path.join(repoRoot, 'test', 'doubles', 'snapcraft')
const SNAPS = ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm', 'cdk-addons']
const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x']
const CHANNELS = ['1.33/edge', '1.33/stable']

const work = tempDir('bench-snap-store-')
const artifacts: SnapArtifact[] = []
for (const arch of ARCHES)
  for (const snap of SNAPS) {
    const dir = path.join(work, 'src', `${snap}-${arch}`)
    mkdirSync(path.join(dir, 'meta'), { recursive: true })
    writeFileSync(
      path.join(dir, 'meta', 'snap.yaml'),
      `name: ${snap}\nversion: 1.33.2\nsummary: bench\ndescription: bench\narchitectures: [${arch}]\nconfinement: strict\ngrade: stable\n`,
    )
    writeFileSync(path.join(dir, 'payload'), `${snap} ${arch}\n`)
    const file = path.join(work, `${snap}_1.33.2_${arch}.snap`)
    execFileSync('snap', ['pack', dir, work, '--filename', path.basename(file)], { stdio: 'ignore' })
    artifacts.push({ snap, arch, version: '1.33.2', file, size: 0, sha256: await sha256File(file) })
  }

/** A fresh double store: one credential, every name registered, the track made. */
function freshStore(name: string): { state: string; credentials: string } {
  const state = path.join(work, name)
  mkdirSync(state, { recursive: true })
  const env = { ...process.env, SNAPCRAFT_DOUBLE_STATE: state }
  execFileSync(SNAPCRAFT, ['export-login', path.join(state, 'credentials')], { env })
  const credentials = readFileSync(path.join(state, 'credentials'), 'utf8').trim()
  for (const s of SNAPS) {
    execFileSync(SNAPCRAFT, ['register', '--yes', s], { env: { ...env, SNAPCRAFT_STORE_CREDENTIALS: credentials } })
    execFileSync(SNAPCRAFT, ['x-double', 'add-track', s, '1.33'], { env })
  }
  return { state, credentials }
}

function callCounts(state: string, from = 0): Record<string, number> {
  const out: Record<string, number> = {}
  const lines = readFileSync(path.join(state, 'calls.jsonl'), 'utf8').split('\n').filter(Boolean).slice(from)
  for (const l of lines) {
    const cmd = (JSON.parse(l) as { argv: string[] }).argv[0]
    if (!['export-login', 'register', 'x-double'].includes(cmd)) out[cmd] = (out[cmd] ?? 0) + 1
  }
  return out
}
const lineCount = (state: string) => readFileSync(path.join(state, 'calls.jsonl'), 'utf8').split('\n').filter(Boolean).length

/** The snaps job's store steps: tracks, status, publish, verify. */
async function storeSteps(state: string, credentials: string, parallel: number): Promise<number> {
  process.env.SNAPCRAFT_DOUBLE_STATE = state
  process.env.SNAPCRAFT_DOUBLE_LATENCY_MS = String(latency)
  const store = new SnapStore(SNAPCRAFT, credentials, () => {})
  const t0 = performance.now()
  const problems = await checkSnaps(store, SNAPS, CHANNELS, parallel)
  if (problems.length) throw new Error(problems.join('\n'))
  const steps = planPublish(artifacts, CHANNELS, statusOrThrow(await readStatus(store, SNAPS, parallel)))
  const records = await publish(store, steps, () => {}, parallel)
  const wrong = verifyLines(records, statusOrThrow(await readStatus(store, SNAPS, parallel)))
  if (wrong.length) throw new Error(wrong.join('\n'))
  return performance.now() - t0
}

const serial = freshStore('serial')
const bounded = freshStore('bounded')
/** One run's wall time and the snapcraft calls it made. */
async function measured(st: { state: string; credentials: string }, parallel: number) {
  const from = lineCount(st.state)
  const ms = await storeSteps(st.state, st.credentials, parallel)
  return { ms, calls: callCounts(st.state, from) }
}
const one = await measured(serial, 1)
const four = await measured(bounded, DEFAULT_PARALLEL)
const rerun = await measured(bounded, DEFAULT_PARALLEL)
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`
console.log(
  `Snap Store steps: ${SNAPS.length} snaps x ${ARCHES.length} arches -> ${CHANNELS.join(', ')}; store latency ${latency} ms per call (the snapcraft double)`,
)
console.log(`first release, 1 call at a time : ${fmt(one.ms)}  calls ${JSON.stringify(one.calls)}`)
console.log(`first release, ${DEFAULT_PARALLEL} at a time      : ${fmt(four.ms)}  calls ${JSON.stringify(four.calls)}`)
console.log(`re-run (everything there)       : ${fmt(rerun.ms)}  calls ${JSON.stringify(rerun.calls)}`)
console.log(`ratios: bounded/serial ${(four.ms / one.ms).toFixed(2)}, re-run/first ${(rerun.ms / four.ms).toFixed(2)}`)
